"""Calibrated confidence: a logistic model over the features of `.features`.

The weights ship as package data (``relext/data/confidence.json``) and are refit on
the development sets by ``scripts/fit_confidence.py``. A relation's confidence is
the model's probability that the relation is right, so that among relations with
confidence about 0.8, about 80% are right (the reliability table and its expected
calibration error are in ``docs/benchmarks.md``).

Example
-------
>>> model = ConfidenceModel(weights={"negated": -1.0}, bias=1.0)
>>> round(model.probability({"negated": 1.0}), 2)
0.5
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

__all__ = ["ConfidenceModel", "default_model", "fit_logistic", "calibration_table", "expected_calibration_error"]

MODEL_FILE = "confidence.json"


class ConfidenceModel:
    """A logistic model: ``p = 1 / (1 + exp(-(bias + sum(w_f * x_f))))``.

    Args:
        weights: feature name -> weight; features it does not name weigh 0.
        bias: the intercept.
        info: what the model was fitted on (kept in the package data file).
    """

    def __init__(self, weights: Mapping[str, float], bias: float, info: Optional[Mapping] = None) -> None:
        self.weights = dict(weights)
        self.bias = float(bias)
        self.info = dict(info or {})

    def probability(self, features: Mapping[str, float]) -> float:
        """The calibrated probability for one relation's features, in [0, 1]."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def to_dict(self) -> Dict:
        """The JSON form of the package data file."""
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items())), "info": self.info}

    @classmethod
    def from_dict(cls, data: Mapping) -> "ConfidenceModel":
        """Read the JSON form written by `to_dict()`."""
        return cls(weights=data.get("weights", {}), bias=data.get("bias", 0.0), info=data.get("info"))


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel:
    """The model shipped in ``relext/data/confidence.json``."""
    text = resources.files("relext").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    return ConfidenceModel.from_dict(json.loads(text))


def fit_logistic(rows: Sequence[Mapping[str, float]], labels: Sequence[int], features: Sequence[str], *,
                 l2: float = 1.0, iterations: int = 50) -> ConfidenceModel:
    """Fit an L2-regularised logistic regression by Newton's method (numpy).

    Args:
        rows: one feature dict per relation.
        labels: 1 where the relation is right, 0 where it is wrong.
        features: the feature names (columns); others in ``rows`` are ignored.
        l2: the ridge penalty on the weights (not on the bias).
        iterations: Newton steps at most.

    Returns:
        The fitted `ConfidenceModel`.

    Raises:
        ValueError: if there are no rows or the labels are all one class.
    """
    import numpy as np

    y = np.asarray(labels, dtype=float)
    if len(rows) == 0 or y.min() == y.max():
        raise ValueError("fit_logistic needs relations of both classes")
    cols = list(features)
    X = np.zeros((len(rows), len(cols) + 1))
    X[:, 0] = 1.0
    index = {f: i + 1 for i, f in enumerate(cols)}
    for r, row in enumerate(rows):
        for k, v in row.items():
            if k in index:
                X[r, index[k]] = v
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        grad = X.T @ (p - y) + penalty * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return ConfidenceModel(weights={f: float(w[i + 1]) for i, f in enumerate(cols) if abs(w[i + 1]) > 1e-12},
                           bias=float(w[0]))


def calibration_table(probs: Sequence[float], labels: Sequence[int], bins: int = 10) -> List[Tuple[float, float, int, float, float]]:
    """The reliability table: per confidence bin, ``(low, high, n, mean confidence, accuracy)``.

    Args:
        probs: predicted confidences.
        labels: 1 where right, 0 where wrong.
        bins: equal-width bins over [0, 1].

    Returns:
        One row per non-empty bin.

    Examples:
        >>> calibration_table([0.1, 0.9, 0.9], [0, 1, 0], bins=2)
        [(0.0, 0.5, 1, 0.1, 0.0), (0.5, 1.0, 2, 0.9, 0.5)]
    """
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if idx:
            rows.append((lo, hi, len(idx), sum(probs[i] for i in idx) / len(idx), sum(labels[i] for i in idx) / len(idx)))
    return rows


def expected_calibration_error(probs: Sequence[float], labels: Sequence[int], bins: int = 10) -> float:
    """ECE: the bin-size-weighted mean of |accuracy - mean confidence| over the bins.

    Examples:
        >>> round(expected_calibration_error([0.1, 0.9, 0.9], [0, 1, 0], bins=2), 3)
        0.3
    """
    n = len(probs)
    if not n:
        return 0.0
    return sum(c * abs(acc - conf) for _, _, c, conf, acc in calibration_table(probs, labels, bins)) / n
