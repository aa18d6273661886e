"""AI/ML: an ONNX classifier over the 24-feature vector; long when P(up-barrier first) ≥ threshold.

Live ticks score only the rows the cooldown needs (last `cooldown_bars` + 1) for all symbols in
one batched onnxruntime call; backtests score every bar. Stop and targets use the label's own
barriers (ATR multiples), so a signal trades exactly what the model was trained to predict.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from verzek.domain.signals import Side, SignalSource
from verzek.indicators import Indicators
from verzek.marketdata.series import OhlcvSeries
from verzek.ml.features import build_features, usable_rows
from verzek.ml.model import HouseModel, load_model
from verzek.strategies.base import Setup, Strategy, clip01, start_bar
from verzek.strategies.config import MlConfig


class MlStrategy(Strategy):
    name = "ml"
    source = SignalSource.ML
    config: MlConfig

    def __init__(self, config: MlConfig, model: HouseModel | None = None) -> None:
        super().__init__(config)
        self._model = model

    @property
    def model(self) -> HouseModel:
        if self._model is None:
            self._model = load_model(self.config.model_path)
        return self._model

    def _feature_rows(self, ind: Indicators, from_bar: int) -> tuple[np.ndarray, np.ndarray]:
        """(row indices ≥ from_bar with complete features, their feature matrix)."""
        features = ind.memo(("ml_features",), lambda: build_features(ind))
        rows = np.flatnonzero(usable_rows(features)[from_bar:]) + from_bar
        return rows, features[rows]

    def _proba_key(self) -> tuple:
        return ("ml_proba", self.config.version)

    def probabilities(self, ind: Indicators, from_bar: int = 0) -> np.ndarray:
        """P(label=1) per bar, NaN where not scored (before `from_bar` or incomplete features)."""
        cached = ind.extras.get(self._proba_key())
        if cached is not None and cached[0] <= from_bar:
            return cached[1]
        rows, X = self._feature_rows(ind, from_bar)
        return self._store(ind, from_bar, rows, self.model.predict_proba(X))

    def _store(self, ind: Indicators, from_bar: int, rows: np.ndarray, proba: np.ndarray) -> np.ndarray:
        full = np.full(len(ind.series), np.nan)
        full[rows] = proba
        ind.extras[self._proba_key()] = (from_bar, full)
        return full

    def triggers(self, ind: Indicators, from_bar: int = 0) -> tuple[np.ndarray, np.ndarray]:
        proba = self.probabilities(ind, from_bar)
        with np.errstate(invalid="ignore"):
            long_trig = proba >= self.config.threshold  # NaN (not scored) is False
        return long_trig, np.zeros_like(long_trig)

    def build_setup(self, ind: Indicators, i: int, side: Side) -> Setup | None:
        c, s = self.config, ind.series
        atr = float(ind("atr", length=c.atr_length)[i])
        proba = float(self.probabilities(ind, i)[i])
        if side != Side.LONG or not (np.isfinite(atr) and atr > 0 and np.isfinite(proba)):
            return None
        entry = float(s.close[i])
        stop = entry - c.stop_atr * atr
        if stop <= 0:
            return None
        return Setup(
            strategy=self.name, symbol=s.symbol, timeframe=s.timeframe, candle_ts=int(s.ts[i]), side=side,
            entries=(entry,), targets=tuple(entry + m * atr for m in c.target_atr), stop=stop,
            confidence=clip01(proba), reason=f"model P(up first) = {proba:.2f}",
            meta={"probability": round(proba, 4), "atr": atr,
                  "model_sha256": self.model.meta.get("sha256", "")[:12]},
        )

    def evaluate_many(self, series_by_symbol: Mapping[str, OhlcvSeries],
                      starts: Mapping[str, int] | None = None) -> list[Setup]:
        """All symbols' needed rows scored in one onnxruntime call, then the shared decision path."""
        prepared = []
        for symbol in sorted(series_by_symbol):
            series = series_by_symbol[symbol]
            if len(series) == 0:
                continue
            ind = Indicators(series)
            start = start_bar(series, starts, symbol)
            from_bar = max(0, start - self.config.cooldown_bars)
            rows, X = self._feature_rows(ind, from_bar)
            prepared.append((ind, start, from_bar, rows, X))
        if not prepared:
            return []
        proba = self.model.predict_proba(np.concatenate([p[4] for p in prepared]))
        setups: list[Setup] = []
        offset = 0
        for ind, start, from_bar, rows, X in prepared:
            self._store(ind, from_bar, rows, proba[offset: offset + len(rows)])
            offset += len(rows)
            setups += self.scan_indicators(ind, start)
        return setups
