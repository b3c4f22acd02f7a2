"""From ``TagResult``/``RowError`` to output rows: one Arrow table per chunk.

Columns, in order:

- ``id`` (text), ``row`` (0-based position over all inputs, in input order);
- ``labels``: the hypotheses that pass their threshold (null for a row that failed);
- ``prob_<label>`` for every label of ``tagger.labels`` (none for a rules-only model);
- ``n_<ENTITY_LABEL>``: entities found, per entity label;
- ``result_json``: the whole ``TagResult``; ``error``: ``"E101: ..."`` or null.

Every engine builds its rows with ``build_rows`` and derives the long entity table from
``result_json`` with ``entity_table``, so their outputs cannot drift apart.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, get_args

import pyarrow as pa

from ..core import RowError, Tagger
from ..schema import EntityLabel, TagResult
from .errors import EngineError, RowFailure

log = logging.getLogger("tagger")

ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)
MARGIN = "_margin"  # internal: distance of the closest hypothesis to its threshold (for --suggest)

ENTITY_SCHEMA = pa.schema([
    ("id", pa.string()), ("row", pa.int64()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
    ("label", pa.string()), ("concept", pa.string()), ("region", pa.string()), ("laterality", pa.string()),
    ("negated", pa.bool_()), ("historical", pa.bool_()), ("hypothetical", pa.bool_()), ("other_subject", pa.bool_()),
    ("modifier", pa.string()),
])
_ENTITY_FIELDS = ENTITY_SCHEMA.names[2:]


def output_schema(labels: Sequence[str], *, internal: bool = False) -> pa.Schema:
    """The output table's schema; ``internal`` adds the columns kept only in chunk files."""
    fields = [pa.field("id", pa.string()), pa.field("row", pa.int64()), pa.field("labels", pa.list_(pa.string()))]
    fields += [pa.field(f"prob_{label}", pa.float64()) for label in labels]
    fields += [pa.field(f"n_{label}", pa.int64()) for label in ENTITY_LABELS]
    fields += [pa.field("result_json", pa.string()), pa.field("error", pa.string())]
    if internal:
        fields.append(pa.field(MARGIN, pa.float64()))
    return pa.schema(fields)


def public_columns(table: pa.Table) -> pa.Table:
    return table.select([name for name in table.column_names if not name.startswith("_")])


def where_raised(exc: BaseException) -> str:
    """Exception type and the line that raised it; never the message, which may quote the note."""
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{type(exc).__name__} at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else type(exc).__name__


SYSTEMATIC_AFTER = 5  # this many failures in a row, and none tagged: the model or install is broken


def tag_rows(tagger: Tagger, texts: Sequence[Any], first_row: int = 0, *, evidence: bool = True) -> Iterator[TagResult | RowError]:
    """Stream ``tag_many(errors="return")`` results, one per text, in order.

    If the pipeline itself fails, the rows before the failing batch are kept and the rest of
    the chunk is tagged row by row, so only the rows that break it are lost (as ``E605`` row
    errors). If the first rows all fail the same way nothing will work: raise ``EngineError``
    instead of writing a table of errors (the run can be resumed once the cause is fixed).
    """
    done = 0
    try:
        for result in tagger.tag_many(texts, errors="return", evidence=evidence):
            yield result
            done += 1
        return
    except Exception as exc:  # a pipeline bug must not sink the other rows of the chunk
        log.warning("pipeline failed in the chunk starting at row %d (%s); tagging rows %d.. one by one",
                    first_row, where_raised(exc), first_row + done)
    failed = tagged = 0
    for i in range(done, len(texts)):
        try:
            (result,) = tagger.tag_many([texts[i]], errors="return", evidence=evidence)
        except Exception as exc:
            failed += 1
            if failed <= 3:
                log.error("pipeline failed on row %d: %s", first_row + i, where_raised(exc))
            if failed >= SYSTEMATIC_AFTER and not tagged and not done:
                raise EngineError(f"the pipeline fails on every note it is given ({where_raised(exc)}, first at row "
                                  f"{first_row}): the model or the installation is broken, not the notes. "
                                  "Fix it, then rerun with --resume") from exc
            result = RowError(i, RowFailure.code, f"the pipeline failed on this row ({type(exc).__name__}); "
                                                  "please report it with the row number")
        tagged += isinstance(result, TagResult)
        yield result
    if failed > 3:
        log.error("pipeline failed on %d rows of the chunk starting at row %d", failed, first_row)


def build_rows(results: Iterable[TagResult | RowError], ids: Sequence[str | None], first_row: int,
               labels: Sequence[str]) -> pa.Table:
    """One output row per result, in order (with the internal ``_margin`` column).

    Results are consumed one at a time and only their compact columns kept: a chunk's
    ``TagResult`` objects (evidence, triggers, spans) are never all in memory at once."""
    schema = output_schema(labels, internal=True)
    cols: dict[str, list[Any]] = {name: [] for name in schema.names}
    for i, (row_id, res) in enumerate(zip(ids, results, strict=True)):  # strict: one result per id
        cols["id"].append(row_id)
        cols["row"].append(first_row + i)
        if isinstance(res, RowError):
            cols["labels"].append(None)
            for label in labels:
                cols[f"prob_{label}"].append(None)
            for label in ENTITY_LABELS:
                cols[f"n_{label}"].append(None)
            cols["result_json"].append(None)
            cols["error"].append(f"{res.code}: {res.message}")
            cols[MARGIN].append(None)
            continue
        probs = {h.label: h.probability for h in res.hypotheses}
        cols["labels"].append([h.label for h in res.hypotheses if h.passes])
        for label in labels:
            cols[f"prob_{label}"].append(probs.get(label))
        counts = Counter(e.label for e in res.entities)
        for label in ENTITY_LABELS:
            cols[f"n_{label}"].append(counts.get(label, 0))
        cols["result_json"].append(res.model_dump_json())
        cols["error"].append(None)
        cols[MARGIN].append(min((abs(h.probability - h.threshold) for h in res.hypotheses), default=None))
    return pa.table(cols, schema=schema)


def tag_chunk(tagger: Tagger, ids: Sequence[str | None], texts: Sequence[Any], first_row: int,
              labels: Sequence[str], *, evidence: bool = True) -> pa.Table:
    return build_rows(tag_rows(tagger, texts, first_row, evidence=evidence), ids, first_row, labels)


def entity_table(rows: pa.Table) -> pa.Table:
    """The long table, one row per entity, from the rows' ``result_json``."""
    cols: dict[str, list[Any]] = {name: [] for name in ENTITY_SCHEMA.names}
    for row_id, row, result_json in zip(rows.column("id").to_pylist(), rows.column("row").to_pylist(),
                                        rows.column("result_json").to_pylist(), strict=True):
        if result_json is None:
            continue
        for ent in json.loads(result_json)["entities"]:
            cols["id"].append(row_id)
            cols["row"].append(row)
            for name in _ENTITY_FIELDS:
                cols[name].append(ent.get(name))
    return pa.table(cols, schema=ENTITY_SCHEMA)


def chunk_stats(rows: pa.Table, labels: Sequence[str]) -> dict[str, Any]:
    """Counts kept in the manifest for the summary: rows, errors by code, labels, entities."""
    errors = [e for e in rows.column("error").to_pylist() if e is not None]
    predicted = Counter(label for ls in rows.column("labels").to_pylist() if ls for label in ls)
    entities = {label: sum(v for v in rows.column(f"n_{label}").to_pylist() if v) for label in ENTITY_LABELS}
    return {
        "rows": rows.num_rows,
        "errors": len(errors),
        "error_codes": dict(Counter(e.split(":", 1)[0] for e in errors)),
        "labels": {label: predicted.get(label, 0) for label in labels} | dict(predicted),
        "entities": entities,
    }


__all__ = ["ENTITY_LABELS", "ENTITY_SCHEMA", "build_rows", "chunk_stats", "entity_table", "output_schema",
           "public_columns", "tag_chunk", "tag_rows", "where_raised"]
