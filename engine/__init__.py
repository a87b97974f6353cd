"""ConvLens engine: everything that computes. Pure Python + torch; never imports Qt."""
