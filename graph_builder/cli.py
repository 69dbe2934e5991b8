"""graph_builder commands."""

COMMANDS: list = []
