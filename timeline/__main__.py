"""`python -m timeline`: the `timeline` command without its console script."""

from timeline.cli import main

main()
