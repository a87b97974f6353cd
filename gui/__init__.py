"""ConvLens desktop app: PySide6 widgets over the engine."""
