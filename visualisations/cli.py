"""visualisations commands (filled in by its issue)."""

COMMANDS: list = []
