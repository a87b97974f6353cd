"""ConvLens engine: everything that computes. Pure Python + torch; never imports Qt."""

__version__ = "0.2.0"
