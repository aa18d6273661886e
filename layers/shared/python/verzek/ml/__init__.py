"""House ML: feature builder (runtime), ONNX inference (runtime), labels and training (offline)."""
