"""Same input, same bytes, at any size (issue 13.10): a graph built from 600 synthetic
extractions, partly by incremental updates, is written in every format by two
interpreters with different hash seeds, and the files are identical."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(r'''
    import hashlib, random, sys, tempfile
    from pathlib import Path
    from relext.graph import build_graph, update_graph
    from relext.export import write_graph

    rng = random.Random(7)
    people = [f"person:p{i}-x" for i in range(60)] + [f"person:p{i}" for i in range(0, 60, 7)]
    countries = [f"country:C{i:02d}" for i in range(40)]
    events = [f"event:e{i}" for i in range(15)]
    types = {"person": "PERSON", "country": "COUNTRY", "event": "EVENT"}
    preds = [("MEETS_WITH", people, people), ("VISITS", people, countries), ("ATTENDS", people, events),
             ("ATTENDS", countries, events)]

    def ent(eid):
        return {"id": eid, "name": eid.split(":")[1].replace("-", " ").title(), "type": types[eid.split(":")[0]],
                "mentions": [{"text": eid, "start_char": 0, "end_char": len(eid)}]}

    def doc(i):
        rels, ents = [], {}
        for j in range(rng.randint(1, 4)):
            p, subj, obj = rng.choice(preds)
            s, o = rng.choice(subj), rng.choice(obj)
            if s == o:
                continue
            sentence = f"Sentence {rng.randint(0, 900)} says {s} {p} {o}."
            ents[s], ents[o] = ent(s), ent(o)
            rels.append({"subject": s, "predicate": p, "object": o, "negated": rng.random() < 0.1,
                         "symmetric": p == "MEETS_WITH",
                         "evidence": {"sentence": sentence, "start_char": 40 * j, "end_char": 40 * j + len(sentence),
                                      "trigger": p.lower(), "trigger_start": 40 * j, "trigger_end": 40 * j + 3,
                                      "rule": "synthetic"}})
        return {"doc_id": f"d{i % 560}", "entities": list(ents.values()), "relations": rels}

    docs = [doc(i) for i in range(600)]  # 40 ids repeat: later versions replace earlier ones
    G = build_graph(docs[:100])
    for start in range(100, 600, 50):
        update_graph(G, docs[start:start + 50])
    out = Path(sys.argv[1])
    for name in ("g.graphml", "g.gexf", "g.json", "g.csv"):
        write_graph(G, out / name)
    write_graph(G, out / "neo4j", format="neo4j")
    for p in sorted(out.rglob("*")):
        if p.is_file():
            print(p.relative_to(out), hashlib.sha256(p.read_bytes()).hexdigest())
    print("nodes", G.number_of_nodes(), "edges", G.number_of_edges())
''')


@pytest.mark.slow
def test_same_input_same_bytes_under_different_hash_seeds(tmp_path):
    outputs = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", SCRIPT, str(out)], env=env, capture_output=True, text=True,
                              timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        outputs.append(proc.stdout)
    assert len(outputs[0].splitlines()) == 10 and int(outputs[0].split()[-1]) > 100
    assert outputs[0] == outputs[1]
