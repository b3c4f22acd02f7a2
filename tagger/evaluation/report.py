"""Plain-text rendering of an entity evaluation report (the dict ``evaluate_entities`` returns)."""

from __future__ import annotations

from typing import Any

from .cases import FLAGS, LABELS
from .scoring import ERROR_KINDS

TOP_PATTERNS = 30


def _num(value: float | None, width: int = 6) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.3f}"


def _header(report: dict[str, Any]) -> list[str]:
    model = report.get("model") or {}
    lines = [
        f"Entity evaluation - split {report['split']}: {report['cases']} cases, {report['gold_entities']} gold entities, "
        f"{report['predicted_entities']} predicted ({report['unmapped_predictions']} unmappable predictions dropped, "
        f"{len(report['failed_cases'])} cases failed); model {model.get('name', '?')} {model.get('version', '')}".rstrip()
    ]
    if report.get("realigned_cases"):
        lines.append(f"note: {report['realigned_cases']} case(s) were read as RFC 822 messages (no offset map); "
                     "their predictions were mapped back by character alignment")
    if report.get("gold_in_removed_text"):
        lines.append(f"note: {report['gold_in_removed_text']} gold entities lie in lines the cleaning removed "
                     "(headers, quoted replies); they count as missed")
    if report.get("split_computed"):
        lines.append(f"note: {report['split_computed']} cases have an empty 'split' field; their split was computed "
                     "from the id hash as `tagger corpus split` does")
    for failure in report["failed_cases"]:
        lines.append(f"note: case {failure['id']} could not be tagged ({failure['code']}); its gold counts as missed")
    return lines


def _entities(report: dict[str, Any]) -> list[str]:
    strict, lenient = report["entities"]["strict"], report["entities"]["lenient"]
    lines = [
        "",
        f"{'Entities':<14}{'gold':>6}{'pred':>6}  {'strict P':>8}{'R':>7}{'F1':>7}  {'lenient P':>9}{'R':>7}{'F1':>7}",
    ]
    for label in (*LABELS, "micro"):
        s, le = strict[label], lenient[label]
        lines.append(
            f"{label:<14}{s['support']:>6}{s['tp'] + s['fp']:>6}  {_num(s['precision'], 8)}{_num(s['recall'], 7)}"
            f"{_num(s['f1'], 7)}  {_num(le['precision'], 9)}{_num(le['recall'], 7)}{_num(le['f1'], 7)}"
        )
    lines.append(f"{'macro F1':<14}{'':>12}  {'':>8}{'':>7}{_num(strict['macro_f1'], 7)}  {'':>9}{'':>7}"
                 f"{_num(lenient['macro_f1'], 7)}")
    return lines


def _attributes(report: dict[str, Any]) -> list[str]:
    attrs = report["attributes"]
    lines = [
        "",
        f"Attributes over {attrs['pairs']} strictly matched pairs",
        f"{'attribute':<15}{'scope':<24}{'n':>5}{'true':>6}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}",
    ]
    lat = attrs["laterality"]
    lines.append(f"{'laterality':<15}{'+'.join(lat['labels']):<24}{lat['n']:>5}{'':>6}{'':>7}{'':>7}{'':>7}"
                 f"{_num(lat['accuracy'], 7)}")
    for flag in FLAGS:
        for scope, name in (("findings", "SYMPTOM+CONDITION"), ("all", "all labels")):
            row = attrs[flag][scope]
            lines.append(f"{flag:<15}{name:<24}{row['n']:>5}{row['support']:>6}{_num(row['precision'], 7)}"
                         f"{_num(row['recall'], 7)}{_num(row['f1'], 7)}{_num(row['accuracy'], 7)}")
    mod = attrs["modifier"]
    for key, name in (("micro", "relieving+aggravating"), ("relieving", "relieving"), ("aggravating", "aggravating")):
        row = mod[key]
        acc = _num(mod["accuracy"], 7) if key == "micro" else f"{'':>7}"
        lines.append(f"{'modifier':<15}{name:<24}{mod['n']:>5}{row['support']:>6}{_num(row['precision'], 7)}"
                     f"{_num(row['recall'], 7)}{_num(row['f1'], 7)}{acc}")
    if lat["confusion"]:
        lines.append("laterality gold->pred: " + ", ".join(f"{k} {v}" for k, v in lat["confusion"].items()))
    return lines


def _errors(errors: dict[str, Any], top: int) -> list[str]:
    lines = ["", "Errors by kind: " + ", ".join(f"{kind} {errors['counts'][kind]}" for kind in ERROR_KINDS)]
    lines.append("")
    lines.append(f"Most frequent error patterns (top {min(top, len(errors['patterns']))} of {len(errors['patterns'])})")
    lines.append(f"{'count':>5}  {'kind':<15}{'label':<12}{'text':<28}detail")
    for pat in errors["patterns"][:top]:
        lines.append(f"{pat['count']:>5}  {pat['kind']:<15}{pat['label']:<12}{pat['text'][:27]:<28}{pat['detail']}")
    for kind in ERROR_KINDS:
        examples = errors["examples"].get(kind)
        if not examples:
            continue
        lines.append("")
        lines.append(f"Examples: {kind}")
        for err in examples:
            detail = f" ({err['detail']})" if err["detail"] else ""
            lines.append(f"  {err['case']} {err['label']}{detail}: {err['context']}")
    for kind, found in errors.get("listed", {}).items():
        lines.append("")
        lines.append(f"All {kind} errors ({len(found)})")
        for err in found:
            lines.append(f"  {err['case']} {err['label']} {err['detail']}: {err['context']}")
    return lines


def format_report(report: dict[str, Any], *, top_patterns: int = TOP_PATTERNS) -> str:
    """The report as a readable fixed-width table (errors too, when the report has them)."""
    lines = _header(report) + _entities(report) + _attributes(report)
    if "errors" in report:
        lines += _errors(report["errors"], top_patterns)
    return "\n".join(lines)
