"""ConvLens' own architecture definitions (those torchvision does not have)."""
