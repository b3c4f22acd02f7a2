"""The spaCy pipeline: ``spacy.blank("en")`` plus the components in this package.

Importing this package registers the factories (so ``spacy.load`` can rebuild a saved
pipeline); ``build_pipeline()`` assembles a fresh one from ``config.cfg``.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import attributes, concepts, context, frames, laterality, measures, modifiers, sentences, subject, tokenizer  # noqa: F401  (registers factories)
from .extensions import register_extensions
from .ruler import accelerate

CONFIG_PATH = Path(__file__).parent / "config.cfg"


def build_pipeline() -> Language:
    register_extensions()
    config = spacy.util.load_config(CONFIG_PATH)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    accelerate(nlp, rebuild=False)
    nlp.initialize()
    return nlp


def load_pipeline(path: str | Path) -> Language:
    register_extensions()
    nlp = spacy.load(path)
    accelerate(nlp, rebuild=True)
    return nlp


__all__ = ["CONFIG_PATH", "build_pipeline", "load_pipeline"]
