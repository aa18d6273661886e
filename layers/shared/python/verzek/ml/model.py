"""ONNX inference for the house ML strategy (onnxruntime only; no scikit-learn at run time).

The model ships as `models/house_ml.onnx` with a sidecar `house_ml.json` (feature names and label
definition written by `verzek train-model`). Loading checks that the sidecar's feature list equals
the feature builder's, so a model can never be fed columns in the wrong order.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from verzek.ml.features import FEATURE_NAMES

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = MODELS_DIR / "house_ml.onnx"


class ModelError(RuntimeError):
    pass


class HouseModel:
    def __init__(self, path: Path | str = DEFAULT_MODEL) -> None:
        import onnxruntime as ort

        path = Path(path)
        meta_path = path.with_suffix(".json")
        if not path.is_file() or not meta_path.is_file():
            raise ModelError(f"model {path.name} or its sidecar {meta_path.name} is missing")
        self.meta = json.loads(meta_path.read_text())
        if tuple(self.meta.get("features", ())) != FEATURE_NAMES:
            raise ModelError(f"{path.name} was trained on different features than the builder provides")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # Lambda/VPS: one core per worker; threads only add overhead
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._input = self.session.get_inputs()[0].name
        outputs = [o.name for o in self.session.get_outputs()]
        self._proba_output = next((o for o in outputs if "prob" in o.lower()), outputs[-1])

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """P(label = 1) per row of a float32 (rows × features) matrix."""
        if features.ndim != 2 or features.shape[1] != len(FEATURE_NAMES):
            raise ModelError(f"expected (rows, {len(FEATURE_NAMES)}) features, got {features.shape}")
        if features.shape[0] == 0:
            return np.empty(0, dtype=np.float64)
        proba = self.session.run([self._proba_output], {self._input: features.astype(np.float32)})[0]
        return np.asarray(proba, dtype=np.float64)[:, 1]


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> HouseModel:
    """One session per container (cold start pays it once)."""
    return HouseModel(path or DEFAULT_MODEL)
