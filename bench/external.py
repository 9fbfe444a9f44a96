"""Score relext on public third-party data sets (measurement only, nothing is tuned).

    python bench/external.py                          # all three sets, about 5-10 minutes on 2 cores
    python bench/external.py --limit 50               # quick check: first 50 items of each set
    python bench/external.py --only conll04,plover --json out/external.json
    python bench/external.py --data ../shared/benchmarks
    python bench/external.py --split dev --only conll2003,conll04 --errors out/ner_errors.txt

``--split dev`` reads the development splits (CoNLL-2003 ``eng.testa``, CoNLL04 dev): look
at errors there (``--errors`` writes relext's exact-span misses and false positives per
class with their text), and use the test splits only to measure.

Data sets, read at run time from ``--data`` (default ``<repo>/../shared/benchmarks``;
see the README in each folder for provenance, licence and the type mapping). No text
from them is copied into the project and no rule is tuned on them: they are test sets.

1. CoNLL04 test (288 sentences): entities PER -> PERSON, Org -> ORGANISATION,
   Loc -> COUNTRY or LOCATION (collapsed to LOC), ``Other`` unscored; Work_For ->
   AFFILIATED_WITH (person -> organisation).
2. CoNLL-2003 ``eng.testb`` (231 articles): NER only, PER / ORG / LOC (COUNTRY and
   LOCATION collapsed), MISC unscored; all articles and the non-sports ones.
3. PLOVER GSR (322 coded sentences): recall of MEETS_WITH / VISITS / THREATENS /
   SANCTIONS / SUPPORTS / ACCUSES between the coded source and target actors, with
   Wilson intervals, and the extra predicted relations per sentence.

The bare spaCy model (``relext.loading.resolve_model()``, labels PERSON / ORG /
GPE+LOC+FAC mapped the plain way) is scored the same way on the entity tasks.
``docs/benchmarks.md`` explains every figure.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

HERE = Path(__file__).resolve().parent
# bench/ holds profile.py, which must not shadow the standard library's profile module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"
SCORED = ("PER", "ORG", "LOC")

#: relext entity type -> scored class (EVENT is not scored anywhere)
RELEXT_MAP = {"PERSON": "PER", "ORGANISATION": "ORG", "COUNTRY": "LOC", "LOCATION": "LOC"}
#: bare spaCy label -> scored class ("the plain way"; NORP, EVENT, ... dropped)
BARE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: mention kinds that count as named-entity mentions (descriptions and pronouns are not
#: annotated in either NER set, so they are left out of the entity scores)
NER_KINDS = {"NAME", "DEMONYM", "METONYM"}

Span = Tuple[int, int]
Typed = Tuple[int, int, str]


# --------------------------------------------------------------------------- scoring


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class SpanScore:
    """Micro P/R/F1 per class, exact span and overlap (lenient) matching."""

    def __init__(self) -> None:
        self.c = {mode: {t: Counter() for t in SCORED} for mode in ("exact", "overlap")}

    def add(self, gold: Iterable[Typed], pred: Iterable[Typed], unscored: Iterable[Span] = ()) -> None:
        gold, pred, unscored = set(gold), set(pred), list(unscored)
        for t in SCORED:
            g = sorted((s, e) for s, e, tt in gold if tt == t)
            p = sorted((s, e) for s, e, tt in pred if tt == t)
            # exact
            gs = set(g)
            tp = [x for x in p if x in gs]
            self._count("exact", t, g, p, set(tp), len(tp), unscored)
            # overlap, one-to-one, largest overlap first
            pairs = sorted(((_overlap(a, b), i, j) for i, a in enumerate(p) for j, b in enumerate(g)
                            if _overlap(a, b) > 0), reverse=True)
            used_p, used_g = set(), set()
            for _, i, j in pairs:
                if i not in used_p and j not in used_g:
                    used_p.add(i)
                    used_g.add(j)
            self._count("overlap", t, g, p, {p[i] for i in used_p}, len(used_g), unscored)

    def _count(self, mode, t, g, p, matched_p: Set[Span], n_tp: int, unscored: List[Span]) -> None:
        c = self.c[mode][t]
        c["tp"] += n_tp
        c["fn"] += len(g) - n_tp
        for x in p:
            if x in matched_p:
                continue
            # a prediction on an unscored gold span (Other / MISC) is neither TP nor FP
            if any(_overlap(x, u) for u in unscored):
                c["ignored"] += 1
            else:
                c["fp"] += 1

    def table(self) -> Dict[str, Dict[str, Dict[str, float]]]:
        out = {}
        for mode, per in self.c.items():
            rows = {t: prf(c["tp"], c["fp"], c["fn"], ignored=c["ignored"]) for t, c in per.items()}
            tot = sum(per.values(), Counter())
            rows["ALL"] = prf(tot["tp"], tot["fp"], tot["fn"], ignored=tot["ignored"])
            out[mode] = rows
        return out


def prf(tp: int, fp: int, fn: int, **extra) -> Dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn, **extra}


def rel_prf(c: Counter, **extra) -> Dict[str, float]:
    """P from matched predictions (``tp_pred``), R from matched gold (``tp``)."""
    row = prf(c["tp"], c["fp"], c["fn"], **extra)
    p = c["tp_pred"] / (c["tp_pred"] + c["fp"]) if c["tp_pred"] + c["fp"] else 0.0
    f = 2 * p * row["r"] / (p + row["r"]) if p + row["r"] else 0.0
    row.update(p=round(p, 4), f1=round(f, 4), tp_pred=c["tp_pred"])
    return row


def wilson(k: int, n: int, z: float = 1.96) -> Tuple[float, float]:
    """95% Wilson score interval for k successes out of n."""
    if n == 0:
        return (0.0, 1.0)
    ph = k / n
    den = 1 + z * z / n
    mid = (ph + z * z / (2 * n)) / den
    half = z * math.sqrt(ph * (1 - ph) / n + z * z / (4 * n * n)) / den
    return (round(max(0.0, mid - half), 4), round(min(1.0, mid + half), 4))


def relext_spans(ex) -> Set[Typed]:
    """Scored (start, end, class) of the named mentions of an Extraction."""
    out = set()
    for e in ex.entities:
        cls = RELEXT_MAP.get(e.type.value)
        if cls:
            out.update((m.start_char, m.end_char, cls) for m in e.mentions if m.kind.value in NER_KINDS)
    return out


def bare_spans(doc) -> Set[Typed]:
    return {(e.start_char, e.end_char, BARE_MAP[e.label_]) for e in doc.ents if e.label_ in BARE_MAP}


def join_tokens(tokens: Sequence[str], start: int = 0) -> Tuple[str, List[Span]]:
    """Tokens joined by single spaces, with each token's character span."""
    offs, pos = [], start
    for tok in tokens:
        offs.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), offs


# --------------------------------------------------------------------------- CoNLL04

C04_MAP = {"Peop": "PER", "Org": "ORG", "Loc": "LOC"}


#: the files of each split; ``--split dev`` is for looking at errors, ``test`` for measuring
SPLITS = {"test": {"conll04": "conll04_test.json", "conll2003": "eng.testb"},
          "dev": {"conll04": "conll04_dev.json", "conll2003": "eng.testa"}}
#: relext's exact-span errors ("FP PER 'text'"), filled when --errors is given
ERRORS: List[str] = []


def _note_errors(name: str, text: str, gold: Iterable[Typed], pred: Iterable[Typed], unscored: Iterable[Span]) -> None:
    """Record relext's exact-span false positives and misses of one item in ERRORS."""
    gold, pred, unscored = set(gold), set(pred), set(unscored)
    for s, e, t in sorted(pred - gold):
        if (s, e) not in unscored:
            ERRORS.append(f"{name}\tFP {t}\t{text[s:e]!r}\t{text[max(0, s - 40):e + 40]!r}")
    for s, e, t in sorted(gold - pred):
        ERRORS.append(f"{name}\tFN {t}\t{text[s:e]!r}\t{text[max(0, s - 40):e + 40]!r}")


def run_conll04(data: Path, limit: Optional[int], batch_size: int, nlp, bare, split: str = "test") -> Dict:
    import relext

    sents = json.loads((data / "conll04" / SPLITS[split]["conll04"]).read_text())[:limit]
    items = []
    for s in sents:
        text, offs = join_tokens(s["tokens"])
        ents = [(offs[e["start"]][0], offs[e["end"] - 1][1], e["type"]) for e in s["entities"]]
        items.append((text, ents, s["relations"]))

    t0 = time.perf_counter()
    exs = list(relext.extract_many(({"id": str(i), "text": t} for i, (t, _, _) in enumerate(items)),
                                   nlp=nlp, batch_size=batch_size))
    t_relext = time.perf_counter() - t0
    bdocs = list(bare.pipe((t for t, _, _ in items), batch_size=batch_size))

    ner_r, ner_b = SpanScore(), SpanScore()
    rel = {mode: Counter() for mode in ("exact", "overlap")}
    live = {mode: Counter() for mode in ("exact", "overlap")}
    diag = Counter()
    for ex, bdoc, (text, ents, rels) in zip(exs, bdocs, items):
        gold = [(s, e, C04_MAP[t]) for s, e, t in ents if t in C04_MAP]
        unscored = [(s, e) for s, e, t in ents if t not in C04_MAP]
        ner_r.add(gold, relext_spans(ex), unscored)
        ner_b.add(gold, bare_spans(bdoc), unscored)
        _note_errors("conll04", text, gold, relext_spans(ex), unscored)
        for e in ex.entities:
            if e.type.value in ("COUNTRY", "LOCATION"):
                for m in e.mentions:
                    if m.kind.value in NER_KINDS and any((m.start_char, m.end_char) == (s, en) and t == "Loc"
                                                         for s, en, t in ents):
                        diag[e.type.value] += 1
        _score_work_for(ex, ents, rels, rel, live)
    return {"n_sentences": len(items), "seconds_relext": round(t_relext, 1),
            "entities": {"relext": ner_r.table(), "bare": ner_b.table()},
            "loc_breakdown_exact_tp": dict(diag),
            "work_for": {m: rel_prf(c, ignored=c["ignored"], negated=c["negated"]) for m, c in rel.items()},
            "live_in_diagnostic": {m: rel_prf(c) for m, c in live.items()}}


def _score_work_for(ex, ents, rels, rel, live) -> None:
    """Work_For gold against AFFILIATED_WITH(-> ORGANISATION) predictions, one sentence."""
    by_id = {e.id: e for e in ex.entities}
    gold_span = [(s, e) for s, e, _ in ents]
    preds, preds_place = {}, {}
    for r in ex.relations:
        if r.predicate != "AFFILIATED_WITH" or r.subject not in by_id or r.object not in by_id:
            continue
        otype = by_id[r.object].type.value
        if r.negated:
            if otype == "ORGANISATION":
                for mode in rel:
                    rel[mode]["negated"] += 1
            continue
        key = (r.subject, r.object)
        if otype == "ORGANISATION":
            preds[key] = (by_id[r.subject], by_id[r.object])
        elif otype in ("COUNTRY", "LOCATION"):
            preds_place[key] = (by_id[r.subject], by_id[r.object])

    def hits(ent, span, mode) -> bool:
        for m in ent.mentions:
            ms = (m.start_char, m.end_char)
            if (ms == span) if mode == "exact" else _overlap(ms, span) > 0:
                return True
        return False

    def pair_hits(pair, g, mode) -> bool:
        return hits(pair[0], gold_span[g["head"]], mode) and hits(pair[1], gold_span[g["tail"]], mode)

    def reverse_hits(pair, g, mode) -> bool:
        return hits(pair[1], gold_span[g["head"]], mode) and hits(pair[0], gold_span[g["tail"]], mode)

    for mode in rel:
        for counter, typ, cand in ((rel[mode], "Work_For", preds), (live[mode], "Live_In", preds_place)):
            golds = [g for g in rels if g["type"] == typ]
            others = [g for g in rels if g["type"] != typ]
            matched_gold = set()
            for pair in cand.values():
                m = [i for i, g in enumerate(golds) if pair_hits(pair, g, mode)]
                if m:
                    counter["tp_pred"] += 1
                    matched_gold.update(m)
                elif typ == "Work_For" and any(pair_hits(pair, g, mode) or reverse_hits(pair, g, mode)
                                               for g in others):
                    counter["ignored"] += 1  # a pair gold-labelled Kill / OrgBased_In / Located_In / Live_In
                else:
                    counter["fp"] += 1
            counter["tp"] += len(matched_gold)
            counter["fn"] += len(golds) - len(matched_gold)


# --------------------------------------------------------------------------- CoNLL-2003

SPORT_WORDS = ("SOCCER", "CRICKET", "SKIING", "SKI", "BASKETBALL", "HOCKEY", "FOOTBALL", "RUGBY", "GOLF",
               "TENNIS", "BADMINTON", "BOBSLEIGH", "BOXING", "SQUASH", "SKATING", "ATHLETICS", "CYCLING",
               "BASEBALL", "MOTOR", "RACING", "SWIMMING", "HORSE")


def read_conll03(path: Path) -> List[List[List[Tuple[str, str]]]]:
    """Articles -> sentences -> (word, NER tag). The first -DOCSTART- of this copy sits at
    the end of the file; splitting on every -DOCSTART- line handles it."""
    docs, cur, sent = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if sent:
                cur.append(sent)
                sent = []
            if line.startswith("-DOCSTART-") and cur:
                docs.append(cur)
                cur = []
            continue
        cols = line.split()
        sent.append((cols[0], cols[-1]))
    if sent:
        cur.append(sent)
    if cur:
        docs.append(cur)
    return docs


def iob1_spans(tags: Sequence[str]) -> List[Tuple[int, int, str]]:
    """conlleval semantics: an entity starts at B-X or at I-X after a different type."""
    spans, start, typ = [], None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        t = tag[2:] if tag != "O" else None
        if start is not None and (t != typ or tag.startswith("B-")):
            spans.append((start, i, typ))
            start, typ = None, None
        if t is not None and start is None:
            start, typ = i, t
    return spans


def is_sports(headline: str) -> bool:
    m = re.match(r"^([A-Za-z .'&/]+?)\s*-", headline)
    return bool(m) and any(w in m.group(1).upper().split() for w in SPORT_WORDS)


def run_conll03(data: Path, limit: Optional[int], batch_size: int, nlp, bare, split: str = "test") -> Dict:
    import relext

    docs = read_conll03(data / "conll2003" / SPLITS[split]["conll2003"])[:limit]
    items = []
    for doc in docs:
        parts, gold, unscored, pos = [], [], [], 0
        for sent in doc:
            text, offs = join_tokens([w for w, _ in sent], pos)
            parts.append(text)
            for s, e, t in iob1_spans([tag for _, tag in sent]):
                span = (offs[s][0], offs[e - 1][1])
                (gold.append((*span, t)) if t in SCORED else unscored.append(span))
            pos += len(text) + 1
        # sentences one per line, tokens joined by single spaces
        items.append(("\n".join(parts), gold, unscored, is_sports(" ".join(w for w, _ in doc[0]))))

    t0 = time.perf_counter()
    exs = relext.extract_many(({"id": str(i), "text": t} for i, (t, _, _, _) in enumerate(items)),
                              nlp=nlp, batch_size=batch_size)
    scores = {k: (SpanScore(), SpanScore()) for k in ("all", "non_sports")}
    n_words = 0
    for ex, (text, gold, unscored, sports) in zip(exs, items):
        n_words += len(text.split())
        for k in ("all",) + (() if sports else ("non_sports",)):
            scores[k][0].add(gold, relext_spans(ex), unscored)
        _note_errors("conll2003", text, gold, relext_spans(ex), unscored)
    t_relext = time.perf_counter() - t0
    for bdoc, (text, gold, unscored, sports) in zip(bare.pipe((t for t, _, _, _ in items), batch_size=batch_size),
                                                    items):
        for k in ("all",) + (() if sports else ("non_sports",)):
            scores[k][1].add(gold, bare_spans(bdoc), unscored)
    return {"n_docs": len(items), "n_sentences": sum(len(d) for d in docs),
            "n_docs_non_sports": sum(1 for it in items if not it[3]), "n_tokens": n_words,
            "seconds_relext": round(t_relext, 1),
            "entities": {k: {"relext": r.table(), "bare": b.table()} for k, (r, b) in scores.items()}}


# --------------------------------------------------------------------------- PLOVER

#: (row label, PLOVER event, record numbers or None for all, accepted relext predicates)
PLOVER_ROWS = [
    ("CONSULT->MEETS_WITH (strict)", "CONSULT", (1, 5, 6, 7, 10, 11), {"MEETS_WITH"}),
    ("CONSULT->VISITS (strict)", "CONSULT", (3, 4), {"VISITS"}),
    ("CONSULT->MEETS|VISITS (excl. 2,8,9)", "CONSULT", (1, 3, 4, 5, 6, 7, 10, 11), {"MEETS_WITH", "VISITS"}),
    ("CONSULT->MEETS|VISITS (all)", "CONSULT", None, {"MEETS_WITH", "VISITS"}),
    ("THREATEN->THREATENS (all)", "THREATEN", None, {"THREATENS"}),
    ("SANCTION->SANCTIONS (strict)", "SANCTION", (1, 4, 5, 6, 7, 9, 15), {"SANCTIONS"}),
    ("SANCTION->SANCTIONS (all)", "SANCTION", None, {"SANCTIONS"}),
    ("SUPPORT->SUPPORTS (strict)", "SUPPORT", (2, 3, 4, 5, 6, 7), {"SUPPORTS"}),
    ("SUPPORT->SUPPORTS (all)", "SUPPORT", None, {"SUPPORTS"}),
    ("DISAPPROVE->ACCUSES (accuse-like)", "DISAPPROVE", (3, 4, 5, 6, 7, 13), {"ACCUSES"}),
]
#: the rows pooled into one strict figure (each record once)
PLOVER_POOLED = ("CONSULT->MEETS|VISITS (excl. 2,8,9)", "THREATEN->THREATENS (all)", "SANCTION->SANCTIONS (strict)",
                 "SUPPORT->SUPPORTS (strict)", "DISAPPROVE->ACCUSES (accuse-like)")
#: PLOVER event -> relext predicates it maps to (for the README's false-positive rule)
PLOVER_MAPPED = {"CONSULT": {"MEETS_WITH", "VISITS"}, "THREATEN": {"THREATENS"}, "SANCTION": {"SANCTIONS"},
                 "SUPPORT": {"SUPPORTS"}, "DISAPPROVE": {"ACCUSES"}}
_STOP = {"the", "of", "and", "a", "an", "in", "s"}


def _toks(s: str) -> List[str]:
    return re.findall(r"[a-z0-9]+", s.lower().replace("'s", ""))


def _contains(big: List[str], small: List[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def entity_strings(ent) -> List[List[str]]:
    """Token lists of an entity's name and its non-pronoun mentions."""
    out = [_toks(ent.name)] + [_toks(m.text) for m in ent.mentions if m.kind.value != "PRONOUN"]
    return [t for t in out if any(w not in _STOP for w in t)]


def actor_match(actor: Dict, ent, use_code: bool = True) -> bool:
    """Lenient actor match (case-insensitive, whole tokens): the actor text contains the
    entity's name or one of its mentions, or is contained in it; or (``use_code``) the
    entity is the country whose ISO-3 code the actor carries."""
    at = _toks(actor.get("actorText", ""))
    if any(_contains(at, et) or _contains(et, at) for et in entity_strings(ent)):
        return True
    code = actor.get("code", "")
    return use_code and bool(re.fullmatch(r"[A-Z]{3}", code or "")) and ent.id == f"country:{code}"


def _actors(v) -> List[Dict]:
    return [a for a in v if isinstance(a, dict) and a.get("actorText")] if isinstance(v, list) else []


def gold_pairs(rec) -> Tuple[List[Tuple[Dict, Dict]], bool]:
    """(source, target) actor pairs of a record and whether order is ignored."""
    src, tar = _actors(rec.get("source")), _actors(rec.get("target"))
    if tar:
        return [(s, t) for s in src for t in tar], False
    return list(itertools.combinations(src, 2)), True  # reciprocal: SRC/TAR actors


def run_plover(data: Path, limit: Optional[int], batch_size: int, nlp) -> Dict:
    import relext
    from relext.schema import load_catalogue

    catalogue = sorted(load_catalogue())
    recs = [r for r in json.loads((data / "plover_gsr" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
            if r.get("event") != "DOCUMENT" and isinstance(r.get("text"), str)][:limit]
    t0 = time.perf_counter()
    exs = list(relext.extract_many(({"id": r["id"], "text": r["text"]} for r in recs), nlp=nlp,
                                   batch_size=batch_size, include_hypothetical=True))
    t_relext = time.perf_counter() - t0

    def hit(rec, ex, preds: Set[str], *, hyp: bool, use_code: bool = True, any_args: bool = False):
        """The first predicted relation that matches the record's gold triple, or None."""
        by_id = {e.id: e for e in ex.entities}
        pairs, unordered = gold_pairs(rec)
        for i, r in enumerate(ex.relations):
            if r.predicate not in preds or r.negated or (r.modality.value == "HYPOTHETICAL" and not hyp):
                continue
            if any_args:
                return i
            s, o = by_id.get(r.subject), by_id.get(r.object)
            if s is None or o is None:
                continue
            for a, b in pairs:
                if (actor_match(a, s, use_code) and actor_match(b, o, use_code)) or \
                        ((unordered or r.symmetric or r.predicate == "MEETS_WITH") and
                         actor_match(b, s, use_code) and actor_match(a, o, use_code)):
                    return i
        return None

    def num(rec) -> int:
        return int(rec["id"].rsplit("-", 1)[1])

    rows, matched = {}, defaultdict(set)  # matched: record index -> relation indices used as hits
    for label, event, ids, preds in PLOVER_ROWS:
        sel = [i for i, r in enumerate(recs) if r["event"] == event and (ids is None or num(r) in ids)]
        scorable = [i for i in sel if gold_pairs(recs[i])[0]]
        k = k_text = k_hyp = k_any = k_ents = 0
        for i in scorable:
            ents = exs[i].entities
            k_ents += any(any(actor_match(a, e) for e in ents) and any(actor_match(b, e) for e in ents)
                          for a, b in gold_pairs(recs[i])[0])
            h = hit(recs[i], exs[i], preds, hyp=False)
            if h is not None:
                k += 1
                matched[i].add(h)
            k_text += hit(recs[i], exs[i], preds, hyp=False, use_code=False) is not None
            h_hyp = hit(recs[i], exs[i], preds, hyp=True)
            if h_hyp is not None:
                k_hyp += 1
            k_any += hit(recs[i], exs[i], preds, hyp=False, any_args=True) is not None
        n = len(scorable)
        rows[label] = {"n": n, "unscorable": len(sel) - n, "hits": k, "recall": round(k / n, 4) if n else None,
                       "wilson95": wilson(k, n), "hits_text_only": k_text, "hits_incl_hypothetical": k_hyp,
                       "sentences_with_predicate": k_any, "both_actors_found": k_ents}
    pooled_k = sum(rows[r]["hits"] for r in PLOVER_POOLED)
    pooled_n = sum(rows[r]["n"] for r in PLOVER_POOLED)
    pooled = {"n": pooled_n, "hits": pooled_k, "recall": round(pooled_k / pooled_n, 4) if pooled_n else None,
              "wilson95": wilson(pooled_k, pooled_n)}

    # precision proxy: predicted relations (not negated, default modalities) per sentence
    extra = {p: Counter() for p in catalogue}
    for i, (rec, ex) in enumerate(zip(recs, exs)):
        by_id = {e.id: e for e in ex.entities}
        src, tar = _actors(rec.get("source")), _actors(rec.get("target"))
        for j, r in enumerate(ex.relations):
            if r.negated or r.modality.value == "HYPOTHETICAL" or r.predicate not in extra:
                continue
            c = extra[r.predicate]
            c["predicted"] += 1
            if j in matched[i]:
                c["matched_gold"] += 1
                continue
            c["extra"] += 1
            if r.predicate in PLOVER_MAPPED.get(rec["event"], ()):
                s, o = by_id.get(r.subject), by_id.get(r.object)
                actors = src + tar
                if not any(actor_match(a, e) for a in actors for e in (s, o) if e is not None):
                    c["fp_readme_rule"] += 1  # same type as the coded event, neither argument an actor
    n = len(recs)
    extra_rows = {p: {**{k: c[k] for k in ("predicted", "matched_gold", "extra", "fp_readme_rule")},
                      "extra_per_sentence": round(c["extra"] / n, 4) if n else 0.0}
                  for p, c in extra.items() if c["predicted"]}
    tot = sum(extra.values(), Counter())
    extra_rows["ALL"] = {**{k: tot[k] for k in ("predicted", "matched_gold", "extra", "fp_readme_rule")},
                         "extra_per_sentence": round(tot["extra"] / n, 4) if n else 0.0}
    return {"n_sentences": n, "seconds_relext": round(t_relext, 1), "recall": rows, "pooled_strict": pooled,
            "predictions": extra_rows,
            "sentences_with_any_catalogue_relation": sum(
                1 for ex in exs if any(not r.negated and r.modality.value != "HYPOTHETICAL" for r in ex.relations))}


# --------------------------------------------------------------------------- printing


def print_ner(title: str, tables: Dict[str, Dict]) -> None:
    print(f"\n{title}")
    print(f"  {'system':<7} {'match':<8} {'class':<4} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
          f" {'ign':>4}")
    for system, t in tables.items():
        for mode in ("exact", "overlap"):
            for cls in SCORED + ("ALL",):
                r = t[mode][cls]
                print(f"  {system:<7} {mode:<8} {cls:<4} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5d}"
                      f" {r['fp']:5d} {r['fn']:5d} {r.get('ignored', 0):4d}")


def print_report(res: Dict) -> None:
    split = res.get("meta", {}).get("split", "test")
    names = {"conll04": "CoNLL04 test" if split == "test" else "CoNLL04 dev",
             "conll2003": "CoNLL-2003 eng.testb" if split == "test" else "CoNLL-2003 eng.testa"}
    if "conll04" in res:
        c = res["conll04"]
        print_ner(f"{names['conll04']}: entities ({c['n_sentences']} sentences, relext {c['seconds_relext']} s)",
                  c["entities"])
        print(f"  relext COUNTRY/LOCATION among exact Loc hits (diagnostic only): {c['loc_breakdown_exact_tp']}")
        print(f"\n{names['conll04']}: Work_For -> AFFILIATED_WITH(PERSON -> ORGANISATION)")
        print(f"  {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4} {'ign':>4} {'neg':>4}")
        for mode, r in c["work_for"].items():
            print(f"  {mode:<8} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:4d} {r['fp']:4d} {r['fn']:4d}"
                  f" {r['ignored']:4d} {r['negated']:4d}")
        print("  diagnostic: Live_In vs AFFILIATED_WITH(PERSON -> COUNTRY/LOCATION)")
        for mode, r in c["live_in_diagnostic"].items():
            print(f"  {mode:<8} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:4d} {r['fp']:4d} {r['fn']:4d}")
    if "conll2003" in res:
        c = res["conll2003"]
        print_ner(f"{names['conll2003']}: all articles ({c['n_docs']} docs, {c['n_sentences']} sentences, "
                  f"{c['n_tokens']} tokens, relext {c['seconds_relext']} s)", c["entities"]["all"])
        print_ner(f"{names['conll2003']}: non-sports articles ({c['n_docs_non_sports']} docs)",
                  c["entities"]["non_sports"])
    if "plover" in res:
        p = res["plover"]
        print(f"\nPLOVER GSR: recall of the coded event between SRC and TAR actors ({p['n_sentences']} sentences, "
              f"relext {p['seconds_relext']} s)")
        print(f"  {'row':<38} {'hits':>7} {'R':>6} {'95% Wilson':>14} {'text':>5} {'+hyp':>5} {'pred':>5} {'ents':>5}")
        for label, r in p["recall"].items():
            lo, hi = r["wilson95"]
            rec = f"{r['recall']:6.3f}" if r["recall"] is not None else "     -"
            print(f"  {label:<38} {r['hits']:>3}/{r['n']:<3} {rec} [{lo:5.3f}, {hi:5.3f}] {r['hits_text_only']:5d}"
                  f" {r['hits_incl_hypothetical']:5d} {r['sentences_with_predicate']:5d} {r['both_actors_found']:5d}")
        q = p["pooled_strict"]
        lo, hi = q["wilson95"]
        rec = f"{q['recall']:6.3f}" if q["recall"] is not None else "     -"
        label = "pooled (strict rows, each record once)"
        print(f"  {label:<38} {q['hits']:>3}/{q['n']:<3} {rec} [{lo:5.3f}, {hi:5.3f}]")
        print(f"\nPLOVER GSR: predicted relations (not negated, not hypothetical) over {p['n_sentences']} sentences")
        print(f"  {'predicate':<16} {'pred':>5} {'gold':>5} {'extra':>6} {'extra/sent':>10} {'FP(rule)':>8}")
        for pred, r in p["predictions"].items():
            print(f"  {pred:<16} {r['predicted']:5d} {r['matched_gold']:5d} {r['extra']:6d}"
                  f" {r['extra_per_sentence']:10.3f} {r['fp_readme_rule']:8d}")
        print(f"  sentences with any such relation: {p['sentences_with_any_catalogue_relation']}/{p['n_sentences']}")


def main(argv: Optional[Sequence[str]] = None) -> Dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared benchmarks folder")
    ap.add_argument("--only", default="conll04,conll2003,plover", help="comma-separated subset of the sets")
    ap.add_argument("--limit", type=int, default=None,
                    help="first N items of each set (sentences; CoNLL-2003: articles) for a quick check")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", type=Path, default=None, help="also write all figures to this file")
    ap.add_argument("--split", choices=sorted(SPLITS), default="test",
                    help="test (to measure) or dev (CoNLL-2003 eng.testa, CoNLL04 dev: to look at errors)")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write relext's exact-span entity errors (class, text, context) to this file")
    args = ap.parse_args(argv)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - {"conll04", "conll2003", "plover"}
    if unknown:
        ap.error(f"unknown set(s): {', '.join(sorted(unknown))}")
    if not args.data.is_dir():
        ap.error(f"no benchmarks folder at {args.data} (pass --data)")

    import relext
    from relext.loading import resolve_model

    t0 = time.perf_counter()
    nlp = relext.load()
    bare = resolve_model()
    res: Dict = {"meta": {"data": str(args.data.resolve()), "limit": args.limit, "batch_size": args.batch_size,
                          "model": f"{bare.meta.get('lang')}_{bare.meta.get('name')} {bare.meta.get('version')}",
                          "relext": getattr(relext, "__version__", "?"), "python": platform.python_version()}}
    if "conll04" in only:
        res["conll04"] = run_conll04(args.data, args.limit, args.batch_size, nlp, bare, args.split)
    if "conll2003" in only:
        res["conll2003"] = run_conll03(args.data, args.limit, args.batch_size, nlp, bare, args.split)
    if "plover" in only:
        res["plover"] = run_plover(args.data, args.limit, args.batch_size, nlp)
    res["meta"]["seconds_total"] = round(time.perf_counter() - t0, 1)
    res["meta"]["split"] = args.split
    if args.errors:
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        args.errors.write_text("\n".join(ERRORS) + "\n")
    print(f"relext {res['meta']['relext']}, model {res['meta']['model']}, data {res['meta']['data']}"
          f"{', limit ' + str(args.limit) if args.limit else ''}")
    print_report(res)
    print(f"\ntotal {res['meta']['seconds_total']} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2))
    return res


if __name__ == "__main__":
    main()
