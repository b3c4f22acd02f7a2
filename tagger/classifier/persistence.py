"""Saving and loading the classifier with skops: no pickle, so loading cannot run code.

A file is loaded only if every type it holds is on the allow-list below (scikit-learn,
numpy and our own estimator classes) or named by the caller in ``trusted``; anything
else is refused with the list of unknown types. The card records the file's SHA-256 and
a mismatch (a tampered or swapped file) is refused too.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from typing import Any

import skops.io as sio

from ..errors import ModelLoadError
from .explain import ChainModel

FORMAT_VERSION = "tagger.classifier.v1"
# Types skops does not trust by default that a model from `tagger train` contains.
ALLOWED_TYPES = frozenset({
    "tagger.classifier.features.CaseFeaturizer",
    "tagger.classifier.features.CaseText",
    "tagger.classifier.model.ChainClassifier",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "builtins.float",
    "builtins.int",
    "builtins.str",
    "builtins.tuple",
    "builtins.type",
})


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_classifier(model: ChainModel, path: str | Path) -> str:
    """Write the classifier; return the file's SHA-256 for the model card."""
    path = Path(path)
    _drop_pruned_terms(model.pipeline)
    payload = {"format": FORMAT_VERSION, "labels": list(model.labels_), "pipeline": model.pipeline}
    sio.dump(payload, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    unknown = set(sio.get_untrusted_types(file=path)) - ALLOWED_TYPES
    if unknown:
        path.unlink()
        raise ModelLoadError(f"refusing to save a classifier with types outside the allow-list: {sorted(unknown)}")
    return sha256_of(path)


def _drop_pruned_terms(estimator) -> None:
    """Delete TF-IDF's ``stop_words_`` (every term pruned by min_df/max_features): it is only
    kept for introspection, scikit-learn documents it as safe to remove, and it is most of the file."""
    for step in getattr(estimator, "steps", []):
        _drop_pruned_terms(step[1])
    for _, part, *_ in getattr(estimator, "transformer_list", []):
        _drop_pruned_terms(part)
    if hasattr(estimator, "stop_words_"):
        del estimator.stop_words_


def load_classifier(path: str | Path, *, trusted: list[str] | None = None, expected_sha256: str | None = None) -> ChainModel:
    """Load a classifier written by ``save_classifier``; refuse unknown types and tampering."""
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"classifier file {path} does not exist")
    if expected_sha256 is not None and sha256_of(path) != expected_sha256:
        raise ModelLoadError(
            f"{path.name} does not match the SHA-256 in card.json: the file was changed after training. "
            "Retrain, or restore the original file."
        )
    allowed = ALLOWED_TYPES | set(trusted or ())
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # skops raises several types for a corrupt archive
        raise ModelLoadError(f"{path.name} is not a readable skops model file ({type(exc).__name__}: {exc})") from exc
    unknown = sorted(set(untrusted) - allowed)
    if unknown:
        raise ModelLoadError(
            f"{path.name} holds types that are not on the allow-list, so it was not loaded: {unknown}. "
            "Load it only if you trust its source, passing trusted=[...] with these names."
        )
    try:
        payload: Any = sio.load(path, trusted=sorted(set(untrusted)))
    except Exception as exc:
        raise ModelLoadError(f"{path.name} could not be loaded ({type(exc).__name__}: {exc})") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
        raise ModelLoadError(f"{path.name} is not a {FORMAT_VERSION} classifier file")
    return ChainModel(payload["pipeline"], payload["labels"])
