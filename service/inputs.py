"""From an HTTP request body to the work the tagger does: one text, an email, or batch rows.

Everything here is parsing and checking; the tagging itself happens in the routes, in the
threadpool. Nothing here logs or echoes the text.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.requests import Request

from tagger.cleaning import decode_bytes

from .config import Settings
from .errors import (
    ACCEPTED_BATCH_TYPES,
    ACCEPTED_TAG_TYPES,
    APIError,
    from_validation_error,
    unsupported_media_type,
)
from .schemas import BatchRequest, TagRequest

ROW_UNREADABLE = "E120"  # a line of an uploaded JSONL file that is not a JSON object
ROW_NO_TEXT = "E101"  # same code as the library's empty-text error


@dataclass
class TagInput:
    """One thing to tag: ``text`` (already decoded) or ``data`` (raw RFC 822 bytes)."""

    kind: Literal["text", "eml"]
    text: str | None = None
    data: bytes | None = None
    clean: bool = True
    include_text: bool = True


@dataclass
class BatchRow:
    id: str | int | None
    text: Any
    error: tuple[str, str] | None = None


@dataclass
class BatchInput:
    rows: list[BatchRow] = field(default_factory=list)
    clean: bool = True
    source: Literal["json", "csv", "jsonl"] = "json"


def media_type(request: Request) -> tuple[str | None, dict[str, str]]:
    """``("text/plain", {"charset": "utf-8"})`` from the Content-Type header (None when absent)."""
    raw = request.headers.get("content-type")
    if not raw or not raw.strip():
        return None, {}
    main, *params = raw.split(";")
    parsed = {}
    for param in params:
        key, _, value = param.partition("=")
        parsed[key.strip().lower()] = value.strip().strip('"')
    return main.strip().lower(), parsed


def decode_text(data: bytes, charset: str | None, max_chars: int) -> str:
    """Decode a text body: the declared charset if it is not UTF-8, else UTF-8/UTF-16 as the library does."""
    if charset and codecs_name(charset) not in {"utf-8", "ascii"}:
        try:
            return data.decode(codecs_name(charset))
        except UnicodeDecodeError as exc:
            raise APIError(422, "E104", f"the body is not valid {charset} (byte 0x{data[exc.start]:02x} at position {exc.start})") from exc
    return decode_bytes(data, max_chars)


def codecs_name(charset: str) -> str:
    try:
        return codecs.lookup(charset).name
    except LookupError as exc:
        raise APIError(415, "E415", f"unknown charset '{charset}'; send the text as UTF-8") from exc


def _is_eml(upload: UploadFile) -> bool:
    name = (upload.filename or "").lower()
    return name.endswith(".eml") or (upload.content_type or "").lower().startswith("message/rfc822")


async def read_tag_input(request: Request, settings: Settings, *, clean: bool, include_text: bool) -> TagInput:
    """Parse a POST /v1/tag body of any accepted content type."""
    ctype, params = media_type(request)
    if ctype == "application/json":
        body = await request.body()
        try:
            req = TagRequest.model_validate_json(body)
        except ValidationError as exc:
            raise from_validation_error(exc) from None
        return TagInput("text", text=req.text, clean=req.options.clean, include_text=req.options.include_text)
    if ctype == "text/plain":
        text = decode_text(await request.body(), params.get("charset"), settings.max_chars)
        return TagInput("text", text=text, clean=clean, include_text=include_text)
    if ctype == "message/rfc822":
        return TagInput("eml", data=await request.body(), clean=clean, include_text=include_text)
    if ctype == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=8)
        try:
            upload = form.get("file")
            pasted = form.get("text")
            if isinstance(upload, UploadFile):
                data = await upload.read()
                if _is_eml(upload):
                    return TagInput("eml", data=data, clean=clean, include_text=include_text)
                text = decode_text(data, None, settings.max_chars)
                return TagInput("text", text=text, clean=clean, include_text=include_text)
            if isinstance(pasted, str):
                return TagInput("text", text=pasted, clean=clean, include_text=include_text)
        finally:
            await form.close()
        raise APIError(422, "E422", "the form has no 'file' upload and no 'text' field; attach the .eml or text file as 'file'",
                       fields=[{"field": "file", "message": "upload the .eml or text file in a field named 'file'"}])
    raise unsupported_media_type(request.headers.get("content-type"), ACCEPTED_TAG_TYPES)


# -- batches ---------------------------------------------------------------------------------


def _too_many(count: int, limit: int) -> APIError:
    return APIError(413, "E413", f"the batch has {count:,} rows; the limit is {limit:,} per request. Split it into smaller batches")


def rows_from_request(req: BatchRequest) -> list[BatchRow]:
    if req.texts is not None:
        return [BatchRow(None, "" if t is None else t) for t in req.texts]
    return [BatchRow(item.id, "" if item.text is None else item.text) for item in req.items or []]


def _columns_error(kind: str, missing: str, column: str, available: list[str]) -> APIError:
    shown = ", ".join(f"'{c}'" for c in available[:30]) or "none"
    return APIError(
        422, "E422", f"the {kind} has no column '{column}'; its columns are: {shown}. Name the text column in '{missing}'",
        fields=[{"field": missing, "message": f"no column '{column}' in the file; available: {shown}"}],
    )


def rows_from_csv(data: bytes, text_col: str, id_col: str | None, settings: Settings) -> list[BatchRow]:
    text = decode_bytes(data, settings.max_batch_body_bytes)
    # One cell may hold a whole note; the csv module's default cap (128 KiB) is smaller than max_chars.
    if csv.field_size_limit() < settings.max_chars * 4:
        csv.field_size_limit(settings.max_chars * 4)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = [c for c in (reader.fieldnames or []) if c is not None]
        if not columns:
            raise APIError(422, "E422", "the CSV file is empty: it needs a header row naming its columns",
                           fields=[{"field": "file", "message": "no header row"}])
        if text_col not in columns:
            raise _columns_error("CSV file", "text_col", text_col, columns)
        if id_col is not None and id_col not in columns:
            raise _columns_error("CSV file", "id_col", id_col, columns)
        rows: list[BatchRow] = []
        for record in reader:
            if len(rows) >= settings.max_batch_items:
                raise _too_many(len(rows) + 1 + sum(1 for _ in reader), settings.max_batch_items)
            value = record.get(text_col)
            rows.append(BatchRow(record.get(id_col) if id_col else None, "" if value is None else value))
    except csv.Error as exc:
        raise APIError(422, "E422", f"the CSV file cannot be read at line {reader.line_num}: {exc}",
                       fields=[{"field": "file", "message": str(exc)}]) from None
    return rows


def rows_from_jsonl(data: bytes, text_col: str, id_col: str | None, settings: Settings) -> list[BatchRow]:
    text = decode_bytes(data, settings.max_batch_body_bytes)
    rows: list[BatchRow] = []
    keys_seen: list[str] = []
    found = False
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if len(rows) >= settings.max_batch_items:
            raise _too_many(len(rows) + 1, settings.max_batch_items)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(BatchRow(None, None, (ROW_UNREADABLE, f"line {line_no} is not valid JSON ({exc.msg} at column {exc.colno})")))
            continue
        if not isinstance(record, dict):
            rows.append(BatchRow(None, None, (ROW_UNREADABLE, f"line {line_no} is a JSON {type(record).__name__}, not an object")))
            continue
        keys_seen.extend(k for k in record if k not in keys_seen and len(keys_seen) < 50)
        row_id = record.get(id_col) if id_col else None
        if row_id is not None and not isinstance(row_id, str | int):
            row_id = json.dumps(row_id)
        if text_col not in record:
            rows.append(BatchRow(row_id, None, (ROW_NO_TEXT, f"line {line_no} has no '{text_col}' field")))
            continue
        found = True
        value = record[text_col]
        rows.append(BatchRow(row_id, "" if value is None else value))
    if rows and not found and not all(r.error and r.error[0] == ROW_UNREADABLE for r in rows):
        raise _columns_error("JSONL file", "text_col", text_col, keys_seen)
    return rows


def _upload_format(upload: UploadFile, declared: str | None) -> Literal["csv", "jsonl"]:
    if declared:
        if declared.lower() in {"csv", "jsonl"}:
            return "csv" if declared.lower() == "csv" else "jsonl"
        raise APIError(422, "E422", f"format must be 'csv' or 'jsonl', not '{declared}'",
                       fields=[{"field": "format", "message": "must be 'csv' or 'jsonl'"}])
    suffix = PurePath(upload.filename or "").suffix.lower()
    ctype = (upload.content_type or "").lower()
    if suffix == ".csv" or ctype.startswith("text/csv"):
        return "csv"
    if suffix in {".jsonl", ".ndjson"} or ctype.startswith(("application/x-ndjson", "application/jsonl", "application/x-jsonlines")):
        return "jsonl"
    raise APIError(415, "E415", f"cannot read an upload named '{upload.filename or '(no name)'}' ({ctype or 'no type'}); "
                                "upload a .csv or .jsonl file, or set the 'format' field to csv or jsonl")


async def read_batch_input(request: Request, settings: Settings) -> BatchInput:
    """Parse a POST /v1/tag/batch body: a JSON list, or an uploaded CSV/JSONL file."""
    ctype, _ = media_type(request)
    if ctype == "application/json":
        try:
            req = BatchRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            raise from_validation_error(exc) from None
        count = len(req.texts if req.texts is not None else req.items or [])
        if count > settings.max_batch_items:
            raise _too_many(count, settings.max_batch_items)
        return BatchInput(rows_from_request(req), clean=req.options.clean, source="json")
    if ctype == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=8)
        try:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise APIError(422, "E422", "the form has no 'file' upload; attach the CSV or JSONL file as 'file'",
                               fields=[{"field": "file", "message": "upload the CSV or JSONL file in a field named 'file'"}])
            text_col = str(form.get("text_col") or "text")
            id_col = str(form["id_col"]) if form.get("id_col") else None
            clean = str(form.get("clean", "true")).lower() not in {"false", "0", "no", "off"}
            declared = form.get("format")
            fmt = _upload_format(upload, str(declared) if declared else None)
            data = await upload.read()
        finally:
            await form.close()
        reader = rows_from_csv if fmt == "csv" else rows_from_jsonl
        return BatchInput(reader(data, text_col, id_col, settings), clean=clean, source=fmt)
    raise unsupported_media_type(request.headers.get("content-type"), ACCEPTED_BATCH_TYPES)
