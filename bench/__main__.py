"""`python -m bench` is `python -m bench.compare` (the search benchmark)."""
import sys

from .compare import main

sys.exit(main())
