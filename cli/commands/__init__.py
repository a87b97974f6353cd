"""One module per subcommand: ``add_parser(sub)`` declares its arguments, ``run(args)`` does it (engine imports inside,
so that ``convlens --help`` and the window's start import no torch)."""

#: The subcommands, in the order ``convlens --help`` lists them: the parser is built from exactly this list
#: (``convlens.cli.parser``), and the window's entry point reads it to tell a subcommand from a file to open.
COMMANDS = ("models", "summary", "classify", "cam", "features", "live", "finetune", "evaluate", "compare", "diff", "check",
            "embed", "label-issues", "visualize", "export")
