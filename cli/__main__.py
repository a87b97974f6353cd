"""``python -m convlens.cli SUBCOMMAND ...`` (what ``torchrun -m convlens.cli finetune ...`` starts in each process)."""

import sys

from convlens.cli import main

sys.exit(main())
