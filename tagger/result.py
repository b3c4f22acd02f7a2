"""Turn a processed spaCy Doc into the ``TagResult`` schema."""

from __future__ import annotations

from spacy.tokens import Doc

from .schema import Cleaning, DoseItem, Entity, Hypothesis, ModelInfo, Sentence, TagResult, TimeExpression, Trigger


def doc_to_result(doc: Doc, cleaning: Cleaning, model: ModelInfo, warnings: list[str] | None = None,
                  hypotheses: list[Hypothesis] | None = None) -> TagResult:
    text = doc.text
    sentences = list(doc.sents) if len(doc) else []
    sent_index = {s.start: i for i, s in enumerate(sentences)}
    entities = []
    for ent in doc.ents:
        triggers = [
            Trigger(attribute=attr, value=value, start=s, end=e, text=text[s:e])
            for attr, value, s, e in (ent._.triggers or ())
        ]
        dose = [
            DoseItem(kind=kind, start=s, end=e, text=text[s:e], value=value, unit=unit)
            for kind, s, e, value, unit in (ent._.dose or ())
        ]
        entities.append(
            Entity(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=ent.label_,
                concept=ent._.concept or ent.label_.lower(),
                region=ent._.region,
                codes=ent._.codes or {},
                laterality=ent._.laterality,
                negated=ent._.negated,
                historical=ent._.historical,
                hypothetical=ent._.hypothetical,
                other_subject=ent._.other_subject,
                modifier=ent._.modifier,
                triggers=triggers,
                dose=dose,
                sentence=sent_index.get(ent.sent.start, 0),
            )
        )
    times = [TimeExpression(kind=kind, start=s, end=e, text=text[s:e]) for kind, s, e in (doc._.time_expressions or ())]
    return TagResult(
        text=text,
        cleaning=cleaning,
        sentences=[Sentence(start=s.start_char, end=s.end_char) for s in sentences],
        entities=entities,
        time_expressions=times,
        hypotheses=hypotheses or [],
        model=model,
        warnings=warnings or [],
    )
