"""Betweenness in the month's reply and mention network (issue 17): how often a person lies on
the shortest path between two others, the brokers between groups. SQL has no shortest paths,
so the dbt Python model int_network_betweenness calls this.

Exact (Brandes) up to EXACT_UP_TO people; above, estimated from SAMPLES source people drawn
with a fixed seed from the people in key order, so a month gives the same figures every run.
igraph (C) does the shortest paths: networkx, in Python, took 23 s for one month of a
10,000-person organisation and would take hours for a year at 100,000. The sample and the
scaling are networkx's (`betweenness_centrality(k=..., seed=...)`, tested equal), so the
figures are those networkx gives."""

from __future__ import annotations

import random
from collections.abc import Iterable
from itertools import chain

EXACT_UP_TO = 2_000
SAMPLES = 200
SEED = 17


def betweenness(ties: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Each person's betweenness, normalised to 0..1 (the share of the pairs of other people
    whose shortest paths run through them, split over equally short paths)."""
    import igraph

    pairs = sorted({(a, b) if a <= b else (b, a) for a, b in ties if a != b})
    people = list(dict.fromkeys(chain.from_iterable(pairs)))  # networkx's node order
    n = len(people)
    if n < 3:
        return dict.fromkeys(people, 0.0)
    graph = igraph.Graph(n=n, edges=_indexed(pairs, people))
    if n <= EXACT_UP_TO:
        # igraph counts each unordered pair once: of the (n - 1)(n - 2) / 2 pairs of others
        raw = graph.betweenness(directed=False)
        return {person: 2 * b / ((n - 1) * (n - 2)) for person, b in zip(people, raw, strict=True)}
    sources = random.Random(SEED).sample(range(n), SAMPLES)  # networkx draws the same people
    raw = graph.betweenness(directed=False, sources=sources)
    # per source, the n - 2 other targets (n - 1 less one's own for a source) as networkx
    # scales them: twice igraph's unordered count over the pairs a person could lie between
    drawn = set(sources)
    return {
        person: 2 * b / ((SAMPLES - (i in drawn)) * (n - 2))
        for i, (person, b) in enumerate(zip(people, raw, strict=True))
    }


def _indexed(pairs: list[tuple[str, str]], people: list[str]) -> list[tuple[int, int]]:
    index = {person: i for i, person in enumerate(people)}
    return [(index[a], index[b]) for a, b in pairs]
