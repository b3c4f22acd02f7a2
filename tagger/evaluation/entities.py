"""Entity evaluation: tag the gold cases of a split and score entities and their attributes.

``evaluate_entities(cases, tagger, split="dev")`` returns a plain dict (JSON-ready);
``format_report`` in ``tagger.evaluation.report`` turns it into the table the CLI prints.

Gold offsets refer to the case text as written; the tagger's offsets refer to
``result.text`` (the cleaned text). Predictions are mapped back through the cleaning
segments (or, for text decoded as an RFC 822 message, a character alignment); one that
cannot be mapped is dropped and counted. Gold mentions in lines the cleaning removed
(headers, quoted replies) stay in the gold and are counted, since the tagger cannot find them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from ..core import RowError, Tagger
from ..schema import Cleaning, Entity, TagResult
from .cases import select_cases
from .error_analysis import analyse_errors
from .scoring import CaseEval, Mention, match_case, score

log = logging.getLogger("tagger")

ERROR_SPLITS = ("dev", "train")


Block = tuple[int, int, int]  # (clean_start, input_start, length): clean[a:a+n] == input[b:b+n]


def alignment(text: str, cleaning: Cleaning, input_text: str) -> tuple[list[Block], bool]:
    """Stretches of ``text`` (what the pipeline read) copied verbatim from ``input_text``,
    and whether they had to be re-aligned.

    ``"input"`` and ``"cleaned"`` results say this themselves (the cleaning segments). A
    ``"decoded"`` result (the text looked like an RFC 822 message) carries no map, so the
    decoded text is aligned to the input with ``difflib``; every mapped span is still
    checked against the input text.
    """
    if cleaning.source == "input":
        return [(0, 0, len(text))], False
    if cleaning.source == "cleaned":
        return [(seg.clean_start, seg.input_start, seg.length) for seg in cleaning.segments], False
    matcher = SequenceMatcher(None, text, input_text, autojunk=False)
    return [(a, b, n) for a, b, n in matcher.get_matching_blocks() if n], True


def input_span(blocks: list[Block], text: str, input_text: str, start: int, end: int) -> tuple[int, int] | None:
    """Map ``text[start:end]`` to offsets in ``input_text``, or ``None``.

    Unlike ``TagResult.to_input_offset`` this knows a start from an end: where two kept
    segments touch in the cleaned text, a start belongs to the later one. A span must lie
    inside one block (a span across a removed line has no counterpart in the input).
    """
    for clean_start, input_start, length in blocks:
        if clean_start <= start and end <= clean_start + length:
            mapped = (start - clean_start + input_start, end - clean_start + input_start)
            return mapped if input_text[mapped[0]:mapped[1]] == text[start:end] else None
    return None


def predicted_mentions(result: TagResult, input_text: str) -> tuple[list[Mention], int, list[Block], bool]:
    """The result's entities in input offsets, how many could not be mapped, and the alignment used."""
    blocks, realigned = alignment(result.text, result.cleaning, input_text)
    mentions, unmapped = [], 0
    for ent in result.entities:
        span = input_span(blocks, result.text, input_text, ent.start, ent.end)
        if span is None:
            unmapped += 1
            continue
        mentions.append(mention_from_entity(ent, *span))
    return mentions, unmapped, blocks, realigned


def outside_kept_text(gold: list[Mention], blocks: list[Block]) -> list[Mention]:
    """Gold mentions in text the cleaning removed (headers, quoted replies, signatures)."""
    return [g for g in gold if not any(b <= g.start and g.end <= b + n for _, b, n in blocks)]


def mention_from_entity(ent: Entity, start: int, end: int) -> Mention:
    return Mention(
        start=start,
        end=end,
        text=ent.text,
        label=ent.label,
        laterality=ent.laterality,
        negated=ent.negated,
        historical=ent.historical,
        hypothetical=ent.hypothetical,
        other_subject=ent.other_subject,
        modifier=ent.modifier,
        triggers=tuple((t.attribute, t.text) for t in ent.triggers),
    )


def gold_mentions(case: dict[str, Any]) -> list[Mention]:
    return [Mention.from_dict(ent) for ent in case["entities"]]


def evaluate_entities(cases: Iterable[dict[str, Any]], tagger: Tagger, split: str = "dev", *,
                      error_examples: int = 0, list_errors: tuple[str, ...] = (),
                      batch_size: int = 32) -> dict[str, Any]:
    """Tag every gold-annotated case of ``split`` and score the entities against the gold.

    ``error_examples > 0`` adds an ``errors`` section (patterns grouped by surface text and
    up to that many examples per kind). It quotes note text and is allowed on the dev
    (and train) split only, so the test split stays unseen while rules are tuned.
    ``list_errors`` names error kinds to list in full (``errors["listed"]``), same rule.
    """
    if error_examples < 0:
        raise ValueError("error_examples must be >= 0")
    if (error_examples or list_errors) and split not in ERROR_SPLITS:
        raise ValueError(f"error examples are for tuning on the dev split; refusing to list them for split {split!r}")
    chosen, computed = select_cases(cases, split)
    started = time.perf_counter()
    evals: list[CaseEval] = []
    failed: list[dict[str, str]] = []
    unmapped = realigned_cases = 0
    removed: list[dict[str, Any]] = []
    outputs = tagger.tag_many((c["text"] for c in chosen), batch_size=batch_size, errors="return")
    for case, out in zip(chosen, outputs, strict=True):
        gold = gold_mentions(case)
        if isinstance(out, RowError):
            failed.append({"id": case["id"], "code": out.code})
            pred: list[Mention] = []
        else:
            pred, lost, blocks, realigned = predicted_mentions(out, case["text"])
            unmapped += lost
            realigned_cases += realigned
            removed += [{"case": case["id"], "start": g.start, "end": g.end} for g in outside_kept_text(gold, blocks)]
        evals.append(match_case(CaseEval(case["id"], case["text"], gold, pred)))
    seconds = time.perf_counter() - started
    log.info("evaluated %d cases of split %s in %.2fs (%d unmapped predictions)", len(evals), split, seconds, unmapped)
    report: dict[str, Any] = {
        "split": split,
        "cases": len(evals),
        "split_computed": computed,
        "model": tagger.info.model_dump(),
        "gold_entities": sum(len(e.gold) for e in evals),
        "predicted_entities": sum(len(e.pred) for e in evals),
        "unmapped_predictions": unmapped,
        "realigned_cases": realigned_cases,
        "gold_in_removed_text": len(removed),
        "failed_cases": failed,
        "seconds": round(seconds, 3),
    }
    report.update(score(evals))
    if error_examples or list_errors:
        report["errors"] = analyse_errors(evals, error_examples, removed={(r["case"], r["start"], r["end"]) for r in removed},
                                          listed=tuple(list_errors))
    return report
