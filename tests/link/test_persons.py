"""A person's summary: grown one member at a time it is what summarising all members gives."""

from __future__ import annotations

import json
import random

from crosscheck.link.persons import Mention, grow, summarise
from crosscheck.store.links import Edge

NAMES = ["Alexei Smirnov", "Алексей Смирнов", "Олексій Смирнов", "A. Smirnov"]
ATTRIBUTES = ["role", "rank", "unit", "hometown", "side", "status"]


def _mention(rng: random.Random) -> Mention:
    attributes = {name: [rng.choice(("Irkutsk", "37th brigade", "soldier")), 3, 9]
                  for name in rng.sample(ATTRIBUTES, rng.randrange(4))}  # fmt: skip
    return {"name": rng.choice(NAMES), "spellings": rng.sample(NAMES, rng.randrange(2)),
            "attributes": attributes}  # fmt: skip


def _edge(rng: random.Random, member: str, other: str) -> Edge:
    a, b = sorted((member, other))
    verdict = rng.choice(("same", "candidate"))
    return Edge(kind="person", a=a, b=b, origin="machine", verdict=verdict, score=0.7,
                features={"agree": ["incident"] if verdict == "same" else []})  # fmt: skip


def test_grow_is_summarising_every_member() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        documents = sorted({f"{rng.randrange(16**6):06x}{n:010x}" for n in range(8)})
        members = [f"{d}/p{rng.choice((1, 2, 10))}" for d in documents]
        outside = [f"{'f' * 16}/p{n}" for n in range(3)]
        mentions = {m: _mention(rng) for m in members if rng.random() < 0.9}
        incident_of = {d: rng.choice((None, "i1", "i2")) for d in documents}
        edges: list[Edge] = []
        first = members.pop(0)  # the person's id: no one joining takes it
        rng.shuffle(members)  # members join in any order
        joined = [first]
        summary, tally = summarise(first, joined, mentions, [], incident_of)
        for member in members:
            new = [_edge(rng, member, o) for o in rng.sample(joined + outside, 2)]
            edges = sorted({(e.a, e.b): e for e in edges + new}.values(), key=lambda e: (e.a, e.b))
            joined = sorted([*joined, member])
            expected = summarise(first, joined, mentions, edges, incident_of)
            if member in mentions:  # else no document names them now: summarised whole
                incident_id = incident_of[member.split("/")[0]]
                grown = grow(summary, tally, member, mentions[member], incident_id, new)
                assert json.dumps(grown[0]) == json.dumps(expected[0]), seed
                assert grown[1] == expected[1], seed
            summary, tally = expected
