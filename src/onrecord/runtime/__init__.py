"""ONNX Runtime sessions: the grounding model and the sentence embedder."""
