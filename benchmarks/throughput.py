"""Words per second of the tagging pipeline against bare ``spacy.blank("en")`` tokenization.

Generates a corpus of synthetic notes (word lists and templates, no corpus text), then
in one run measures:

  (a) spacy.blank("en") tokenization via nlp.pipe       (the baseline, ratio 1.0)
  (b) the full pipeline via nlp.pipe, one process
  (c) the full pipeline via nlp.pipe, n_process=2
  (d) Tagger.tag_many end to end (cleaning + pipeline + result conversion)

and a per-component profile (each note through every component, time summed per component).

The generated notes are dense (about one entity every four words) but draw on a small
vocabulary, so after the first notes every word is cached. A second section runs the
tokenizer and the pipeline over the team's corpus texts (``--corpus``, default
``corpora/``) twice: from a fresh start, where new words cost what they cost early in an
export or a running service, and again with every word cached.

    .venv/bin/python benchmarks/throughput.py [--notes 5000] [--seed 7] [--corpus corpora/] [--json]

Words are whitespace-separated words of the generated notes, the same count for every row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy

# Run as a script, Python would import ``tagger`` through the venv's editable install, which
# may point at another checkout; measure the checkout this file sits in.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIDES = ["R", "L", "right", "left", "b/l", "bilat", "both", "my right", "my left", ""]
REGIONS = ["knee", "hip", "foot", "forefoot", "heel", "ankle", "lower back", "low back", "upper back", "calf", "shin",
           "thigh", "groin", "buttock", "arch", "ball of my foot", "outside of my hip", "lateral trunk", "pelvis",
           "shoulder", "neck", "big toe", "hamstring area", "kneecap"]
STRUCTURES = ["TFL", "QL", "quadratus lumborum", "glute med", "gluteus medius", "IT band", "ITB", "plantar fascia",
              "Achilles", "peroneals", "piriformis", "psoas", "hip flexors", "lat", "external oblique", "SIJ",
              "3rd metatarsal", "3 or 4th metatarsal", "patella tendon", "sciatic nerve", "hamstrings", "quads"]
CONDITIONS = ["plantar fasciitis", "planter fasciitis", "PF", "ITBS", "PFPS", "bursitis", "sciatica", "shin splints",
              "overpronation", "flat feet", "fallen arches", "a stress fracture", "tendinopathy", "an ankle sprain",
              "anterior pelvic tilt", "a disc bulge", "Achilles tendinitis"]
SYMPTOMS = ["pain", "ache", "aching", "soreness", "stiffness", "tightness", "numbness", "tingling", "pins and needles",
            "burning", "sharp stabbing pain", "swelling", "clicking", "a dull ache", "throbbing"]
ADJECTIVES = ["sore", "stiff", "tight", "achy", "painful", "tender", "numb", "swollen"]
ACTIVITIES = ["running", "walking", "biking", "cycling", "hiking", "climbing stairs", "squatting", "yoga", "sitting",
              "standing", "driving", "stooping", "swimming", "the treadmill", "hill repeats", "lunges", "netball",
              "football", "long runs", "my desk job", "gardening", "carrying the kids"]
VERBS = ["run", "walk", "bike", "cycle", "hike", "take the stairs", "squat", "sit for a while", "stand all day",
         "drive", "bend over", "get out of the car", "go up hills", "jump", "kneel"]
FOOTWEAR = ["sneakers", "trainers", "running shoes", "flip flops", "sandals", "boots", "heels", "orthotics",
            "insoles", "arch supports", "minimalist shoes", "cleats", "work boots"]
RELIEF = ["barefoot", "after a quad stretch", "with ice", "when I loosen the laces", "after foam rolling",
          "in my old shoes", "with rest", "after a hot shower", "when I stretch my calves"]
DOSES = ["4.5 MPH at level 4 incline", "about 100 miles per week", "at least an hour a day", "3 times a week",
         "10k twice a week", "30 minutes every morning", "5 km on Sundays", "40 km/wk", "2x/wk", "8 hours a day"]
TIMES = ["since August", "for the past 24 hrs", "for 3 weeks", "x3/52", "since the marathon", "for about 6 months",
         "3 months after buying a treadmill", "since Christmas", "on and off for years", "since last Tuesday"]
RELATIVES = ["my mum", "my dad", "my sister", "my husband", "my coach", "a friend", "my brother"]
FILLER = ["Sorry for the long email.", "Any advice would be appreciated.", "I am 42 and fairly active.",
          "Thanks for reading this far.", "Not sure if this is relevant but here goes.", "Anyway.",
          "I have tried most of the usual things.", "Hope that makes sense.", "I do a lot of my work at a computer.",
          "The weather has been awful so I have been indoors more."]
NEGATIONS = ["no", "denies", "negative for", "without any", "no further"]

TEMPLATES: list[Callable[[random.Random], str]] = [
    lambda r: f"My {r.choice(SIDES)} {r.choice(REGIONS)} has been {r.choice(ADJECTIVES)} {r.choice(TIMES)}.",
    lambda r: f"{r.choice(SIDES).capitalize()} {r.choice(REGIONS)} {r.choice(SYMPTOMS)} {r.choice(TIMES)}, worse with {r.choice(ACTIVITIES)}.",
    lambda r: f"It hurts when I {r.choice(VERBS)} and it goes away {r.choice(RELIEF)}.",
    lambda r: f"Currently I have no {r.choice(REGIONS)} or {r.choice(REGIONS)} {r.choice(SYMPTOMS)}, or {r.choice(REGIONS)} pain.",
    lambda r: f"{r.choice(NEGATIONS).capitalize()} {r.choice(SYMPTOMS)} or {r.choice(SYMPTOMS)}.",
    lambda r: f"I do {r.choice(ACTIVITIES)} {r.choice(DOSES)}, usually in {r.choice(FOOTWEAR)}.",
    lambda r: f"It is much worse in {r.choice(FOOTWEAR)} and better {r.choice(RELIEF)}.",
    lambda r: f"I was thinking it might be my {r.choice(STRUCTURES)}, could it be {r.choice(CONDITIONS)}?",
    lambda r: f"Hx of {r.choice(CONDITIONS)} on the {r.choice(['left', 'right'])} years ago, resolved.",
    lambda r: f"{r.choice(RELATIVES).capitalize()} had {r.choice(CONDITIONS)} and {r.choice(['flat feet', 'bad knees', 'sciatica'])}.",
    lambda r: f"The {r.choice(STRUCTURES)} feels {r.choice(ADJECTIVES)} after {r.choice(ACTIVITIES)} {r.choice(DOSES)}.",
    lambda r: f"Stiff {r.choice(SIDES)} {r.choice(REGIONS)}/{r.choice(STRUCTURES)} in the mornings; {r.choice(SYMPTOMS)} {r.choice(TIMES)}.",
    lambda r: f"O/E: TTP {r.choice(STRUCTURES)}, {r.choice(['(-)', 'no'])} {r.choice(SYMPTOMS)}, {r.choice(CONDITIONS)} {r.choice(['?', 'r/o', 'likely'])}.",
    lambda r: f"I'm supposed to run a half in May but if the {r.choice(REGIONS)} keeps {r.choice(['aching', 'hurting', 'flaring'])} I will skip it.",
    lambda r: r.choice(FILLER),
]


def generate_notes(n: int, seed: int = 7) -> list[str]:
    """``n`` varied synthetic notes of about 100-200 words, reproducible from ``seed``."""
    rng = random.Random(seed)
    notes = []
    for _ in range(n):
        target = rng.randint(100, 200)
        sentences: list[str] = []
        words = 0
        while words < target:
            sentence = " ".join(rng.choice(TEMPLATES)(rng).split())  # collapse the gap an empty side leaves
            sentences.append(sentence)
            words += len(sentence.split())
        sep = rng.choice([" ", "\n", " ", "\n\n"])
        notes.append(sep.join(sentences))
    return notes


def _timed(run: Callable[[], Iterable[object]]) -> float:
    start = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - start


def _long_note(notes: list[str], chars: int = 150_000) -> tuple[str, int]:
    parts, size = [], 0
    for note in notes:
        if size >= chars:
            break
        parts.append(note)
        size += len(note) + 2
    text = "\n\n".join(parts)
    return text, len(text.split())


def measure(notes: list[str], batch_size: int) -> dict[str, object]:
    from tagger.core import Tagger
    from tagger.pipeline import build_pipeline

    words = sum(len(t.split()) for t in notes)
    blank = spacy.blank("en")
    nlp = build_pipeline()
    tagger = Tagger(nlp)
    warm = notes[:50]
    list(blank.pipe(warm))
    list(nlp.pipe(warm))
    list(tagger.tag_many(warm))

    rows = []

    def row(name: str, run: Callable[[], Iterable[object]]) -> None:
        try:
            seconds = _timed(run)
        except Exception as exc:  # a configuration that cannot run is a finding, not a crash
            first = str(exc).strip().splitlines()
            rows.append({"name": name, "error": f"{type(exc).__name__}: {first[-1] if first else ''}"[:160]})
            return
        rows.append({"name": name, "seconds": round(seconds, 3), "words_per_second": round(words / seconds)})

    row('spacy.blank("en") tokenizer, nlp.pipe', lambda: blank.pipe(notes, batch_size=batch_size))
    row("our tokenizer alone (nlp.make_doc)", lambda: map(nlp.make_doc, notes))
    row("full pipeline, nlp.pipe, 1 process", lambda: nlp.pipe(notes, batch_size=batch_size))
    row("full pipeline, nlp.pipe, n_process=2", lambda: nlp.pipe(notes, batch_size=batch_size, n_process=2))
    row("Tagger.tag_many end to end, 1 process", lambda: tagger.tag_many(notes, batch_size=batch_size))
    # One long note (the notes joined to ~150k characters): the pipeline must stay linear in length.
    long_note, long_words = _long_note(notes)
    start = time.perf_counter()
    tagger.tag(long_note, clean_input=False)
    long_seconds = time.perf_counter() - start
    base = rows[0]["words_per_second"]
    for r in rows:
        if "error" not in r:
            r["ratio_to_tokenizer"] = round(r["words_per_second"] / base, 3)

    # Per-component profile: each note through every component in turn, as nlp.pipe runs them,
    # with the time of each component summed over the notes. (Running one component over all
    # 5,000 docs before the next keeps every doc alive, and the garbage collector's passes over
    # that heap get billed to whichever component happens to trigger them.)
    seconds = {"tokenizer (make_doc)": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    # A component that sequences rule steps (``clinical_attributes``) also gets a row per step,
    # timed inside it; those rows are part of the component's row, not added to the total.
    step_seconds: dict[str, dict[str, float]] = {}
    for name, proc in nlp.pipeline:
        if getattr(proc, "steps", None):
            step_seconds[name] = {step.name: 0.0 for step in proc.steps}
    entities = 0
    clock = time.perf_counter
    for text in notes:
        start = clock()
        doc = nlp.make_doc(text)
        seconds["tokenizer (make_doc)"] += clock() - start
        for name, proc in nlp.pipeline:
            start = clock()
            if name in step_seconds:
                _run_steps(proc, doc, step_seconds[name], clock)
            else:
                doc = proc(doc)
            seconds[name] += clock() - start
        entities += len(doc.ents)
    profile = []
    for name, value in seconds.items():
        profile.append({"component": name, "seconds": value})
        for step, step_value in step_seconds.get(name, {}).items():
            profile.append({"component": f"  {name}: {step}", "seconds": step_value, "step_of": name})
    total = sum(p["seconds"] for p in profile if "step_of" not in p)
    for p in profile:
        p["share"] = round(p["seconds"] / total, 3)
        p["words_per_second"] = round(words / p["seconds"]) if p["seconds"] else None
        p["seconds"] = round(p["seconds"], 3)
    return {
        "long_note": {"chars": len(long_note), "words": long_words, "seconds": round(long_seconds, 3),
                      "words_per_second": round(long_words / long_seconds)},
        "notes": len(notes),
        "words": words,
        "entities_per_note": round(entities / len(notes), 1),
        "machine": {"python": platform.python_version(), "spacy": spacy.__version__, "cpus": os.cpu_count()},
        "rows": rows,
        "profile": profile,
    }


def measure_corpus(texts: list[str], batch_size: int) -> dict[str, object]:
    """Tokenizer and full pipeline over ``texts``: first from a fresh start (every word new to
    both), then a second time (every word cached, as in a long run over a stable vocabulary)."""
    from tagger.pipeline import build_pipeline

    words = sum(len(t.split()) for t in texts)
    blank, nlp = spacy.blank("en"), build_pipeline()
    report: dict[str, object] = {"notes": len(texts), "words": words}
    for run in ("first_pass", "second_pass"):
        tokenizer = _timed(lambda: blank.pipe(texts, batch_size=batch_size))
        pipeline = _timed(lambda: nlp.pipe(texts, batch_size=batch_size))
        report[run] = {"tokenizer_words_per_second": round(words / tokenizer),
                       "pipeline_words_per_second": round(words / pipeline),
                       "ratio_to_tokenizer": round(tokenizer / pipeline, 3)}
    return report


def corpus_texts(paths: list[str]) -> list[str]:
    from tagger.corpus.io import read_cases

    return [case.text for case in read_cases(paths)]


def _run_steps(proc, doc, seconds: dict[str, float], clock) -> None:
    """``proc(doc)`` for a component with ``steps`` (see tagger/pipeline/attributes.py), timing each step."""
    from tagger.pipeline.docview import view

    v = view(doc)
    ents = v.entities(doc)
    for step in proc.steps:
        start = clock()
        ents = step.run(doc, v, ents)
        seconds[step.name] += clock() - start


def format_table(report: dict[str, object]) -> str:
    lines = [
        f"{report['notes']} generated notes, {report['words']:,} words, {report['entities_per_note']} entities/note "
        f"(Python {report['machine']['python']}, spaCy {report['machine']['spacy']}, {report['machine']['cpus']} CPUs)",
        "",
        f"{'configuration':<42}{'seconds':>9}{'words/s':>11}{'ratio':>8}",
    ]
    for r in report["rows"]:
        if "error" in r:
            lines.append(f"{r['name']:<42}  failed: {r['error']}")
        else:
            lines.append(f"{r['name']:<42}{r['seconds']:>9.2f}{r['words_per_second']:>11,}{r['ratio_to_tokenizer']:>8.3f}")
    long = report["long_note"]
    lines.append(f"{'one long note, Tagger.tag (' + format(long['chars'], ',') + ' chars)':<42}{long['seconds']:>9.2f}"
                 f"{long['words_per_second']:>11,}")
    lines += ["", f"{'component (per note, summed)':<42}{'seconds':>9}{'share':>8}{'words/s':>11}"]
    for p in report["profile"]:
        lines.append(f"{p['component']:<42}{p['seconds']:>9.2f}{p['share']:>8.1%}{p['words_per_second']:>11,}")
    corpus = report.get("corpus")
    if corpus:
        lines += ["", f"corpus texts ({corpus['notes']:,} notes, {corpus['words']:,} words), 1 process:"]
        for run, title in (("first_pass", "first pass, fresh caches"), ("second_pass", "second pass, words cached")):
            r = corpus[run]
            lines += [f"{'  ' + title + ': tokenizer':<42}{'':>9}{r['tokenizer_words_per_second']:>11,}{1:>8.3f}",
                      f"{'  ' + title + ': full pipeline':<42}{'':>9}{r['pipeline_words_per_second']:>11,}"
                      f"{r['ratio_to_tokenizer']:>8.3f}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=5000, help="how many notes to generate (default 5000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--corpus", nargs="*", default=[str(Path(__file__).resolve().parent.parent / "corpora")],
                        help="case files or folders for the corpus section (none: skip it)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.notes < 1:
        parser.error("--notes must be at least 1")
    report = measure(generate_notes(args.notes, args.seed), args.batch_size)
    texts = corpus_texts(args.corpus) if args.corpus else []
    if texts:
        report["corpus"] = measure_corpus(texts, args.batch_size)
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
