"""Allow ``python -m sayembara_score``."""

import sys

from sayembara_score.cli import main

sys.exit(main())
