"""The Inside the model tab: the layer tree, feature maps, filters and the Learn panel."""
