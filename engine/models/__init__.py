"""What a model is: the architecture registry and the seed architectures, heads, labels, preprocessing,
and the loaded model with what training attached to it (calibration, the unknown rule)."""
