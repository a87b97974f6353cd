"""The Images tab: one image, its top-k, CAM and feature maps."""
