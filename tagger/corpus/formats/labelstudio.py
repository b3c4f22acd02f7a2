"""Label Studio JSON export import and export.

Read: a JSON array of tasks (or one task); the text is ``data.text`` (or ``text_key``; when the
key is not given and ``data`` holds exactly one string, that one). The first annotation that is
not ``was_cancelled`` is used (older exports call them ``completions``): results of type
``labels`` (``value.start``/``end``/``labels``) become spans, ``choices`` (``value.choices``)
case labels. Tasks with no usable annotation are skipped and counted, never silently.

Write: tasks whose ``annotations[0].result`` holds ``labels`` results from ``entity`` and one
``choices`` result from ``label``, both on ``text``; ``LABEL_CONFIG`` is the matching labeling
interface.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import CorpusFormatError
from ..schema import ENTITY_LABELS, Case
from .common import (
    ImportResult,
    RawCase,
    Span,
    build_cases,
    iter_json_array,
    label_options,
    read_text,
    require,
    tagger_block,
)

NAME = "labelstudio"
SPAN_CONTROL = "entity"
CHOICE_CONTROL = "label"


def label_config(case_labels: list[str]) -> str:
    """A Label Studio labeling interface matching what ``write`` produces."""
    spans = "\n".join(f'    <Label value="{lab}"/>' for lab in ENTITY_LABELS)
    choices = "\n".join(f'    <Choice value="{lab}"/>' for lab in case_labels)
    return (
        "<View>\n"
        f'  <Labels name="{SPAN_CONTROL}" toName="text">\n{spans}\n  </Labels>\n'
        '  <Text name="text" value="$text"/>\n'
        f'  <Choices name="{CHOICE_CONTROL}" toName="text" choice="multiple">\n{choices}\n  </Choices>\n'
        "</View>\n"
    )


def _text(data: dict, text_key: str | None, path: Path, line: int) -> str:
    key = text_key or "text"
    if key not in data and text_key is None:
        strings = [k for k, v in data.items() if isinstance(v, str) and k not in {"case_id", "id"}]
        if len(strings) == 1:
            key = strings[0]
    text = require(data.get(key), str, path, line, f"data.{key}", "the task text must be a string (see --text-key)")
    if not text.strip():
        raise CorpusFormatError(path, line, f"data.{key}", "the text is empty")
    return text


def parse_task(obj: Any, path: Path, line: int, text_key: str | None, ignored: Counter, skipped: Counter) -> RawCase | None:
    require(obj, dict, path, line, None, "a task must be a JSON object")
    data = require(obj.get("data"), dict, path, line, "data", "the task has no data object")
    text = _text(data, text_key, path, line)
    ann_key = "annotations" if "annotations" in obj or "completions" not in obj else "completions"
    anns = require(obj.get(ann_key, []), list, path, line, ann_key, f"{ann_key} must be a list")
    chosen = None
    for k, ann in enumerate(anns):
        require(ann, dict, path, line, f"{ann_key}[{k}]", "an annotation must be an object")
        if not ann.get("was_cancelled"):
            chosen = k
            break
    if chosen is None:
        skipped["all annotations cancelled" if anns else "no annotation"] += 1
        return None
    base = f"{ann_key}[{chosen}].result"
    results = require(anns[chosen].get("result", []), list, path, line, base, "result must be a list")
    spans: list[Span] | None = None
    labels: list[str] = []
    for m, r in enumerate(results):
        where = f"{base}[{m}]"
        require(r, dict, path, line, where, "a result must be an object")
        kind = r.get("type")
        if kind not in {"labels", "choices"}:
            ignored[str(kind)] += 1
            continue
        value = require(r.get("value"), dict, path, line, f"{where}.value", "value must be an object")
        if kind == "choices":
            choices = require(value.get("choices"), list, path, line, f"{where}.value.choices", "choices must be a list")
            for c, choice in enumerate(choices):
                labels.append(require(choice, str, path, line, f"{where}.value.choices[{c}]", "a choice must be a string"))
            continue
        span_labels = require(value.get("labels"), list, path, line, f"{where}.value.labels", "labels must be a list")
        start, end = value.get("start"), value.get("end")
        shown = value.get("text")
        if (isinstance(shown, str) and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
                and text[start:end] != shown):
            raise CorpusFormatError(path, line, f"{where}.value.text",
                                    f"does not match the task text at {start}-{end} (offsets shifted?)")
        spans = spans or []
        for lab_i, lab in enumerate(span_labels):
            require(lab, str, path, line, f"{where}.value.labels[{lab_i}]", "a label must be a string")
            spans.append(Span(start, end, lab, f"{where}.value"))
    tagger = data.get("tagger")
    if tagger is not None:
        require(tagger, dict, path, line, "data.tagger", "the tagger block must be an object")
    source_id = data.get("case_id", data.get("id", obj.get("id")))
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) and obj.get("meta") else None
    return RawCase(line=line, text=text, labels=labels, spans=spans, source_id=source_id, source_meta=meta, tagger=tagger)


def read(path: str | Path, *, text_key: str | None = None, **options: Any) -> ImportResult:
    """Import a Label Studio JSON export as cases; see ``build_cases`` for ``options``."""
    path = Path(path)
    text = read_text(path)
    ignored: Counter = Counter()
    skipped: Counter = Counter()
    raws = []
    for line, obj in iter_json_array(path, text):
        raw = parse_task(obj, path, line, text_key, ignored, skipped)
        if raw is not None:
            raws.append(raw)
    result = build_cases(raws, path, source=NAME, **options)
    result.records += sum(skipped.values())
    result.skipped.update(skipped)
    for kind, n in sorted(ignored.items()):
        result.warnings.append(f"{n} result(s) of type {kind!r} ignored (only 'labels' and 'choices' are read)")
    return result


def to_task(case: Case, n: int) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    for k, e in enumerate(case.entities or []):
        results.append({
            "id": f"e{k}", "from_name": SPAN_CONTROL, "to_name": "text", "type": "labels",
            "value": {"start": e.start, "end": e.end, "text": e.text, "labels": [e.label]},
        })
    if case.labels:
        results.append({
            "id": "doc", "from_name": CHOICE_CONTROL, "to_name": "text", "type": "choices",
            "value": {"choices": list(case.labels)},
        })
    return {
        "id": n,
        "data": {"text": case.text, "case_id": case.id, "tagger": tagger_block(case)},
        "annotations": [{"result": results, "was_cancelled": False, "ground_truth": False}],
    }


def write(cases: list[Case]) -> str:
    return json.dumps([to_task(c, n) for n, c in enumerate(cases, 1)], ensure_ascii=False, indent=2) + "\n"


def config_for(cases: list[Case]) -> str:
    return label_config(label_options(cases))


__all__ = ["NAME", "config_for", "label_config", "parse_task", "read", "to_task", "write"]
