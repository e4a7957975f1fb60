"""The optional model backend of message sentiment (monitor.yml `sentiment.backend: model`):
a local folder with a Hugging Face sentiment classifier exported to ONNX, run on the CPU with
onnxruntime and the model's own `tokenizers` tokenizer (no torch, nothing downloaded).

The folder holds `model.onnx`, `tokenizer.json` and `config.json` (whose `id2label` names the
classes), as `optimum-cli export onnx --task text-classification` writes them. A score keeps
the lexicon's contract, [-1, 1]: P(positive) - P(negative) for models with positive / negative
(/ neutral) labels; for star-rating models ("1 star" ... "5 stars") the expected rating
mapped from 1..5 to -1..1. The dbt Python model `int_message_sentiment_model` calls this.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

REQUIRED_FILES = ("model.onnx", "tokenizer.json", "config.json")
MAX_TOKENS = 256
BATCH = 32


class ModelFolderError(ValueError):
    """The configured model folder cannot be used; the message says what to fix."""


def folder_problem(folder: Path) -> str | None:
    """Why `folder` is no model folder (checked when monitor.yml is loaded, so a run fails
    before it starts, and again when the model is loaded); None when it is one."""
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if not missing:
        return None
    return (
        f"sentiment model folder {folder} lacks {', '.join(missing)} (export a Hugging Face "
        "model with `optimum-cli export onnx --task text-classification`)"
    )


@dataclass(frozen=True)
class LabelWeights:
    """Per class of the model's output, its weight in the score."""

    weights: tuple[float, ...]
    kind: str  # "polarity" or "stars"


def label_weights(id2label: dict) -> LabelWeights:
    """positive +1, negative -1, neutral 0; or n stars -> (n - 3) / 2 for five-star models."""
    labels = [str(id2label[key]).lower() for key in sorted(id2label, key=int)]
    stars = [re.match(r"^\s*(\d)\s*stars?\s*$", label) for label in labels]
    if all(stars):
        ratings = [int(match.group(1)) for match in stars]
        low, high = min(ratings), max(ratings)
        middle, half = (low + high) / 2, (high - low) / 2
        return LabelWeights(tuple((r - middle) / half for r in ratings), "stars")
    weights = []
    for label in labels:
        if label.startswith("pos"):
            weights.append(1.0)
        elif label.startswith("neg"):
            weights.append(-1.0)
        elif label.startswith("neu"):
            weights.append(0.0)
        else:
            raise ModelFolderError(
                f"config.json id2label {labels}: every class must be positive, negative or "
                "neutral (or 'n stars'); name them so in config.json"
            )
    if 1.0 not in weights or -1.0 not in weights:
        raise ModelFolderError(f"config.json id2label {labels}: needs a positive and a negative")
    return LabelWeights(tuple(weights), "polarity")


class SentimentModel:
    """A loaded model: `scores(texts)` gives one score in [-1, 1] per text."""

    def __init__(self, folder: Path | str):
        folder = Path(folder)
        problem = folder_problem(folder)
        if problem:
            raise ModelFolderError(problem)
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelFolderError(
                "sentiment.backend is 'model' but onnxruntime or tokenizers is not installed: "
                "`uv sync --extra model` (or pip install onnxruntime tokenizers)"
            ) from exc
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.labels = label_weights(config.get("id2label") or {})
        self.name = str(config.get("_name_or_path") or folder.name)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        if self.tokenizer.padding is None:  # most exports pad already; else pad with id 0
            self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 2
        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}
        if len(self.labels.weights) != self.session.get_outputs()[0].shape[-1]:
            raise ModelFolderError(
                f"config.json names {len(self.labels.weights)} classes, the model gives "
                f"{self.session.get_outputs()[0].shape[-1]}"
            )

    def scores(self, texts: list[str]) -> list[float]:
        import numpy as np

        weights = np.asarray(self.labels.weights)
        out: list[float] = []
        for start in range(0, len(texts), BATCH):
            encoded = self.tokenizer.encode_batch([t or "" for t in texts[start : start + BATCH]])
            feed = {
                "input_ids": np.asarray([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.asarray([e.attention_mask for e in encoded], dtype=np.int64),
                "token_type_ids": np.asarray([e.type_ids for e in encoded], dtype=np.int64),
            }
            (logits,) = self.session.run(
                [self.session.get_outputs()[0].name],
                {name: value for name, value in feed.items() if name in self.inputs},
            )
            logits = logits - logits.max(axis=1, keepdims=True)
            probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
            out.extend(round(float(v), 4) for v in probabilities @ weights)
        return out
