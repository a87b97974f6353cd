"""The main window's tabs, each a controller that owns its widgets and its jobs.

``context.AppContext`` is what they share (the engine client, settings, the message banner, the model in use);
``MainWindow`` composes them and wires their signals. A controller talks to another only through its public
methods and signals, never through the other's widgets.
"""
