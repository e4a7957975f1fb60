"""Betweenness in the month's reply and mention network (issue 17): how often a person lies on
the shortest path between two others, the brokers between groups. SQL has no shortest paths,
so the dbt Python model int_network_betweenness calls this with networkx.

Exact (Brandes) up to EXACT_UP_TO people; above, estimated from SAMPLES source people drawn
with a fixed seed from the people in key order, so a month gives the same figures every run
(exact betweenness of 100,000 people and a million ties would take hours)."""

from __future__ import annotations

from collections.abc import Iterable

EXACT_UP_TO = 2_000
SAMPLES = 200
SEED = 17


def betweenness(ties: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Each person's betweenness, normalised to 0..1 (the share of the pairs of other people
    whose shortest paths run through them, split over equally short paths)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_edges_from(sorted(ties))  # in key order: the sample depends on node order
    people = graph.number_of_nodes()
    sample = None if people <= EXACT_UP_TO else SAMPLES
    return nx.betweenness_centrality(graph, k=sample, normalized=True, seed=SEED)
