"""Running a model: the device, the prediction loop, the compiled runtimes (ONNX Runtime, OpenVINO), export."""
