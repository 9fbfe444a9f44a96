"""Entity F1 of the bare spaCy model on a gold file, for comparison with relext.

The bare model's labels are mapped to the guidelines' types the plain way (PERSON ->
PERSON, GPE -> COUNTRY, LOC/FAC -> LOCATION, ORG -> ORGANISATION, EVENT -> EVENT; other
labels dropped), one entity per distinct (type, text). The scoring is the development
set's own (``score.py``'s ``score``), so the figures compare directly with
``python ../shared/eval/score.py``.

Usage: python bench/bare_ner_score.py [--gold ../shared/eval/dev.jsonl]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

# bench/ holds profile.py, which must not shadow the standard library's profile module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

MAP = {"PERSON": "PERSON", "GPE": "COUNTRY", "LOC": "LOCATION", "FAC": "LOCATION", "ORG": "ORGANISATION",
       "EVENT": "EVENT"}


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=here.parent.parent / "shared" / "eval" / "dev.jsonl")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", args.gold.parent / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    from relext.loading import resolve_model

    nlp = resolve_model()
    docs = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]

    def bare_extract(text):
        ents = {}
        for e in nlp(text).ents:
            label = MAP.get(e.label_)
            if label:
                key = (label, e.text.strip())
                ents.setdefault(key, {"id": f"{label}:{e.text.strip()}", "name": e.text.strip(), "type": label,
                                      "mentions": [{"text": e.text}]})
        return {"entities": list(ents.values()), "relations": []}

    res = score.score(docs, bare_extract)
    print(f"{'bare model':<16} {'P':>6} {'R':>6} {'F1':>6}")
    for k, row in list(res["entities"]["by_type"].items()) + [("ALL", res["entities"]["all"])]:
        print(f"{k:<16} {row['p']:6.3f} {row['r']:6.3f} {row['f1']:6.3f}")


if __name__ == "__main__":
    main()
