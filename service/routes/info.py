"""GET /v1/labels (the taxonomy the model predicts) and GET /v1/model (its card)."""

from __future__ import annotations

import importlib
from typing import Any, get_args

from fastapi import APIRouter, Depends

from tagger.schema import EntityLabel

from ..deps import TaggerDep, require_api_key
from ..schemas import EntityLabelInfo, ErrorResponse, LabelInfo, LabelsResponse

router = APIRouter(prefix="/v1", tags=["model"], dependencies=[Depends(require_api_key)],
                   responses={401: {"model": ErrorResponse}, 503: {"model": ErrorResponse}})

ENTITY_DESCRIPTIONS = {
    "BODY_REGION": "A part of the body: foot, hip, lower back.",
    "STRUCTURE": "A named anatomical structure: a muscle, bone, tendon or fascia.",
    "CONDITION": "A diagnosis or named condition: plantar fasciitis, pelvic tilt.",
    "SYMPTOM": "What the patient feels: pain, numbness, tightness, stiffness.",
    "ACTIVITY": "Something the patient does (running, stretching, sitting), with its dose.",
    "FOOTWEAR": "Shoes and what is done with them: sneakers, barefoot, loosened laces.",
}


def taxonomy() -> dict[str, dict[str, Any]]:
    """``tagger.classifier.taxonomy.TAXONOMY`` when that module exists, else nothing."""
    try:
        module = importlib.import_module("tagger.classifier.taxonomy")
    except ImportError:
        return {}
    table = getattr(module, "TAXONOMY", {})
    return table if isinstance(table, dict) else {}


def label_infos(model_labels: list[str]) -> list[LabelInfo]:
    table = taxonomy()
    names = list(model_labels) + [name for name in table if name not in model_labels]
    infos = []
    for name in names:
        entry = table.get(name) or {}
        direction = entry.get("direction")
        infos.append(LabelInfo(
            label=name,
            description=str(entry.get("description") or ""),
            kind=str(entry.get("kind") or "other"),
            path=[str(p) for p in entry.get("path") or []],
            direction=direction if direction in {"ascending", "descending"} else None,
            in_model=name in model_labels,
        ))
    return infos


@router.get("/labels", response_model=LabelsResponse, summary="Hypothesis labels and entity labels")
async def labels(tagger: TaggerDep) -> LabelsResponse:
    """The hypothesis labels (the model's, then the rest of the taxonomy) with descriptions and chain paths."""
    return LabelsResponse(
        labels=label_infos(tagger.labels),
        entity_labels=[EntityLabelInfo(label=name, description=ENTITY_DESCRIPTIONS.get(name, "")) for name in get_args(EntityLabel)],
    )


@router.get("/model", response_model=dict[str, Any], summary="The model card")
async def model(tagger: TaggerDep) -> dict[str, Any]:
    """The card of the model being served: name, version, training data, scores."""
    return dict(tagger.card)
