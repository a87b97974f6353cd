"""The command line: ``convlens models | summary | classify | cam | features | live | finetune | evaluate | compare |
check | embed | export`` (``convlens.cli.commands`` has one module per subcommand).

A front end like the window: it parses arguments, calls the engine (its use cases in ``engine.app.tasks``) and
prints; it never imports Qt. Errors a user can cause print one line on stderr and exit 1, no traceback.
"""

from convlens.cli.commands import COMMANDS as SUBCOMMANDS
from convlens.cli.main import main

__all__ = ["SUBCOMMANDS", "main"]
