"""`python -m benchmarks`: run the suite and print its report."""

import sys

from benchmarks.run import main

sys.exit(main())
