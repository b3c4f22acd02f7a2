"""Chunk files, the manifest of finished chunks, resume, and the final assembly.

While a run is going, ``OUTPUT.parts/`` holds one Parquet file per finished chunk and
``manifest.json``, which lists the finished chunks and the run's fingerprint (inputs with
size and mtime, columns, chunk size, model, limits). Chunk files and the manifest are each
written to a temporary name and moved into place with ``os.replace``; a chunk counts as
done only once the manifest names it, so a chunk being written when the run died is simply
done again. ``--resume`` reuses the finished chunks if the fingerprint matches, after
checking each chunk file's row count. ``assemble`` then writes the output in input order,
chunk by chunk, checking that every row is there exactly once, and removes the directory.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import BatchError, ResumeError
from .readers import ChunkSpec
from .rows import ENTITY_SCHEMA, chunk_stats, output_schema, public_columns
from .worker import entities_part_path, part_path
from .writers import atomic_path, open_writer, output_format

log = logging.getLogger("tagger")

MANIFEST_FORMAT = "tagger.batch.manifest.v1"
ASSEMBLY_BATCH = 256  # rows per output row group (a row carries its whole result as JSON)


def parts_dir_for(output: Path) -> Path:
    return output.with_name(output.name + ".parts")


class ChunkStore:
    """The ``OUTPUT.parts`` directory of one run."""

    def __init__(self, output: Path, fingerprint: dict[str, Any], n_chunks: int, *, entities: bool):
        self.output = output
        self.dir = parts_dir_for(output)
        self.manifest_path = self.dir / "manifest.json"
        self.fingerprint = fingerprint
        self.n_chunks = n_chunks
        self.entities = entities
        self.done: dict[int, int] = {}  # chunk index -> rows

    # -- opening -----------------------------------------------------------------------
    def open(self, *, resume: bool) -> dict[int, int]:
        """Start a run, or pick up a finished part of an earlier one; returns the chunks already done."""
        if self.manifest_path.exists():
            manifest = self._read_manifest()
            if not resume:
                raise ResumeError(
                    f"{self.dir} holds an unfinished run ({len(manifest.get('chunks', {}))} of "
                    f"{manifest.get('n_chunks', '?')} chunks done): rerun with --resume to continue it, "
                    "or delete that directory to start over")
            self._check_fingerprint(manifest)
            self.done = self._verified({int(k): int(v) for k, v in manifest["chunks"].items()})
            log.info("resuming: %d of %d chunks already done", len(self.done), self.n_chunks)
        elif resume and not self.dir.exists():
            log.info("nothing to resume at %s; starting a new run", self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._remove_strays()
        self._write_manifest()
        return dict(self.done)

    def _read_manifest(self) -> dict[str, Any]:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ResumeError(f"{self.manifest_path} cannot be read ({exc}); delete {self.dir} to start over") from exc
        if manifest.get("format") != MANIFEST_FORMAT:
            raise ResumeError(f"{self.manifest_path} is not a {MANIFEST_FORMAT} manifest; delete {self.dir} to start over")
        return manifest

    def _check_fingerprint(self, manifest: dict[str, Any]) -> None:
        old = manifest.get("fingerprint", {})
        changed = sorted(k for k in set(old) | set(self.fingerprint) if old.get(k) != self.fingerprint.get(k))
        if changed:
            raise ResumeError(
                f"cannot resume: {', '.join(changed)} differ from the interrupted run in {self.dir} "
                "(same inputs, unchanged files, same columns, chunk size, model and options are needed); "
                "delete that directory to start over")

    def _verified(self, recorded: dict[int, int]) -> dict[int, int]:
        """Keep the recorded chunks whose files are there, readable and of the recorded size."""
        good = {}
        for index, rows in recorded.items():
            paths = [part_path(self.dir, index)] + ([entities_part_path(self.dir, index)] if self.entities else [])
            try:
                if pq.read_metadata(paths[0]).num_rows != rows:
                    raise ValueError("row count differs from the manifest")
                for extra in paths[1:]:
                    pq.read_metadata(extra)
            except (OSError, ValueError, pa.ArrowException) as exc:
                log.warning("chunk %d will be tagged again: its file is missing or damaged (%s)", index, type(exc).__name__)
                continue
            good[index] = rows
        return good

    def _remove_strays(self) -> None:
        """Temporary files and chunk files the manifest does not name (a chunk cut off mid-write)."""
        keep = {part_path(self.dir, i).name for i in self.done} | {entities_part_path(self.dir, i).name for i in self.done}
        for path in self.dir.iterdir():
            if path.name != self.manifest_path.name and path.name not in keep and path.is_file():
                path.unlink()

    # -- recording -----------------------------------------------------------------------
    def record(self, index: int, rows: int) -> None:
        """Mark a chunk done: call only after its files are complete."""
        self.done[index] = rows
        self._write_manifest()

    def _write_manifest(self) -> None:
        manifest = {"format": MANIFEST_FORMAT, "fingerprint": self.fingerprint, "n_chunks": self.n_chunks,
                    "chunks": {str(k): v for k, v in sorted(self.done.items())}}
        with atomic_path(self.manifest_path) as tmp:
            tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")

    # -- assembling ------------------------------------------------------------------------
    def assemble(self, chunks: Sequence[ChunkSpec], labels: Sequence[str], *, fmt: str | None = None,
                 entities_out: Path | None = None, on_part: Callable[[pa.Table], None] | None = None) -> dict[str, Any]:
        """Write the output (and the entity table) from the chunk files, in input order."""
        missing = [c.index for c in chunks if c.index not in self.done]
        if missing:
            raise BatchError(f"{len(missing)} chunks are not done (first: {missing[0]}); rerun with --resume")
        schema = output_schema(labels)
        totals: dict[str, Any] = {"rows": 0, "errors": 0, "error_codes": Counter(), "labels": Counter(), "entities": Counter()}
        expected_row = chunks[0].first_row if chunks else 0
        with contextlib.ExitStack() as stack:
            tmp_out = stack.enter_context(atomic_path(self.output))
            writer = open_writer(tmp_out, output_format(self.output, fmt), schema)
            stack.callback(writer.close)  # callbacks run before the files are moved into place
            ent_writer = None
            if entities_out is not None:
                tmp_ent = stack.enter_context(atomic_path(entities_out))
                ent_writer = open_writer(tmp_ent, output_format(entities_out), ENTITY_SCHEMA)
                stack.callback(ent_writer.close)
            for spec in chunks:
                # batch by batch: the output is never more than a few hundred rows in memory
                rows: list[int] = []
                with pq.ParquetFile(part_path(self.dir, spec.index)) as part:
                    for batch in part.iter_batches(batch_size=ASSEMBLY_BATCH):
                        table = pa.Table.from_batches([batch])
                        rows += table.column("row").to_pylist()
                        stats = chunk_stats(table, labels)
                        totals["rows"] += stats["rows"]
                        totals["errors"] += stats["errors"]
                        for key in ("error_codes", "labels", "entities"):
                            totals[key].update(stats[key])
                        if on_part is not None:
                            on_part(table)
                        writer.write(public_columns(table).cast(schema))
                if rows != list(range(expected_row, expected_row + spec.n_rows)):
                    raise BatchError(f"chunk {spec.index} does not hold rows {expected_row}..{expected_row + spec.n_rows - 1}; "
                                     f"delete {self.dir} and run again")
                expected_row += spec.n_rows
                if ent_writer is not None:
                    with pq.ParquetFile(entities_part_path(self.dir, spec.index)) as ents:
                        for batch in ents.iter_batches(batch_size=4 * ASSEMBLY_BATCH):
                            ent_writer.write(pa.Table.from_batches([batch]).cast(ENTITY_SCHEMA))
        return {k: dict(v) if isinstance(v, Counter) else v for k, v in totals.items()}

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


__all__ = ["MANIFEST_FORMAT", "ChunkStore", "parts_dir_for"]
