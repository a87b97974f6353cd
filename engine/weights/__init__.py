"""Where weights come from: torchvision's hub, the bundled model, checkpoints, Keras .h5, ONNX, projects."""
