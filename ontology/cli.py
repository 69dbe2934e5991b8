"""ontology commands."""

COMMANDS: list = []
