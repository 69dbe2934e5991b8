"""Interactive networks, analysis and reports of a lapekg graph."""
