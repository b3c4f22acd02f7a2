"""What a worker does with one chunk, whichever engine runs it: read, tag, write the chunk files.

The model is loaded once per process (``get_tagger`` caches it by model path), so a worker
pays the load once and then only ever receives small chunk descriptions; what travels back
is a row count (local engine) or the chunk's compact output rows (Dask), never spaCy Docs.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..cleaning import DEFAULT_MAX_CHARS
from ..core import Tagger, default_model_path, load
from .arrow_memory import release_unused
from .readers import ChunkReader, ChunkSpec
from .rows import entity_table, tag_chunk
from .writers import write_table


@dataclass(frozen=True)
class TaggerSpec:
    """How a worker gets its model: ``model=None`` means the rules-only pipeline."""

    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    @classmethod
    def resolve(cls, model: str | Path | None, max_chars: int = DEFAULT_MAX_CHARS) -> TaggerSpec:
        """Decide the model in the parent, so every worker loads the same one."""
        path = Path(model) if model is not None else default_model_path()
        return cls(str(path.resolve()) if path is not None else None, max_chars)


@functools.lru_cache(maxsize=2)
def get_tagger(spec: TaggerSpec) -> Tagger:
    """The worker process's tagger, loaded on first use and kept for every later chunk."""
    if spec.model is None:
        from ..pipeline import build_pipeline

        return Tagger(build_pipeline(), max_chars=spec.max_chars)
    return load(spec.model, max_chars=spec.max_chars)


@dataclass(frozen=True)
class ModelSummary:
    name: str
    version: str
    labels: tuple[str, ...]


def describe_model(spec: TaggerSpec) -> ModelSummary:
    """Name, version and labels of the model, from its card when it lists its labels, so a
    parent that only hands out chunks need not load a model of its own (~200 MB with the
    classifier). Workers check the labels against the model they load (``check_labels``)."""
    if spec.model is None:
        return ModelSummary("rules-only", __version__, ())
    card_path = Path(spec.model) / "card.json"
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        card = {}
    labels = card.get("labels")
    if isinstance(labels, list) and all(isinstance(label, str) for label in labels):
        return ModelSummary(card.get("name", Path(spec.model).name), card.get("version", __version__), tuple(labels))
    tagger = get_tagger(spec)
    return ModelSummary(tagger.info.name, tagger.info.version, tuple(tagger.labels))


@dataclass(frozen=True)
class ChunkJob:
    """Everything a worker needs besides the chunk itself (small, picklable)."""

    tagger: TaggerSpec
    text_col: str
    id_col: str | None
    labels: tuple[str, ...]
    parts_dir: str
    entities: bool
    evidence: bool = True


def part_path(parts_dir: str | Path, index: int) -> Path:
    return Path(parts_dir) / f"part-{index:06d}.parquet"


def entities_part_path(parts_dir: str | Path, index: int) -> Path:
    return Path(parts_dir) / f"entities-{index:06d}.parquet"


def check_labels(tagger: Tagger, labels: tuple[str, ...]) -> None:
    from .errors import EngineError

    if tuple(tagger.labels) != labels:
        raise EngineError(f"this worker's model has labels {tagger.labels}, the run expects {list(labels)}; "
                          "every worker must load the same model")


_readers: dict[tuple[str, str | None], ChunkReader] = {}  # one per worker process, for its lifetime


def process_chunk(job: ChunkJob, spec: ChunkSpec, tagger: Tagger | None = None, reader: ChunkReader | None = None) -> int:
    """Read, tag and write one chunk; returns its row count once its files are complete."""
    if tagger is None:
        tagger = get_tagger(job.tagger)
    check_labels(tagger, job.labels)
    if reader is None:
        reader = _readers.setdefault((job.text_col, job.id_col), ChunkReader(job.text_col, job.id_col))
    data = reader.read(spec)
    rows = tag_chunk(tagger, data.ids, data.texts, spec.first_row, job.labels, evidence=job.evidence)
    write_chunk(job, spec.index, rows)
    n_rows = rows.num_rows
    del rows
    release_unused()
    return n_rows


def write_chunk(job: ChunkJob, index: int, rows) -> None:
    """Entities first, rows last: both atomic, and only the manifest entry written after
    this returns makes the chunk count as done."""
    if job.entities:
        write_table(entities_part_path(job.parts_dir, index), entity_table(rows))
    write_table(part_path(job.parts_dir, index), rows)


__all__ = ["ChunkJob", "ModelSummary", "TaggerSpec", "describe_model", "entities_part_path", "get_tagger", "part_path", "process_chunk", "write_chunk"]
