"""`python -m timeline.cli`: the `timeline` command without its console script."""

from timeline.cli import main

main()
