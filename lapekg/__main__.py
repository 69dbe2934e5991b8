"""``python -m lapekg``: the same as the ``lapekg`` command."""

from lapekg.cli import main

main()
