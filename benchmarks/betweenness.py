"""Betweenness of one month's network at 10,000 and 100,000 employees (issue 17).

    .venv/bin/python -m benchmarks.betweenness

A random network the size of the demo's busiest month at 10,000 employees (5,198 people tied,
116,907 ties, measured by benchmarks/scale.py), and ten times that for 100,000. Ours
(pipelines/network.py: igraph, 200 sampled sources above 2,000 people) against networkx's
same computation on the same network in the same run; at 100,000, networkx from 10 sources,
its time times 20 (each source is one shortest-path search of the whole network). Prints
Markdown for BENCHMARKS.md.
"""

from __future__ import annotations

import os
import platform
import random
import resource
import time
from datetime import date

from pipelines import network

SIZES = {"10,000": (5_198, 116_907), "100,000": (51_980, 1_169_070)}


def random_ties(people: int, ties: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    keys = [f"{i:08x}" for i in range(people)]
    found: set[tuple[str, str]] = set()
    while len(found) < ties:
        a, b = rng.sample(keys, 2)
        found.add((a, b) if a < b else (b, a))
    return sorted(found)


def networkx_seconds(ties: list[tuple[str, str]], sources: int) -> float:
    import networkx as nx

    graph = nx.Graph()
    graph.add_edges_from(ties)
    start = time.perf_counter()
    nx.betweenness_centrality(graph, k=sources, normalized=True, seed=network.SEED)
    return time.perf_counter() - start


def main() -> None:
    print(
        f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {date.today()}\n"
    )
    print("| employees | month's network | ours (igraph) | networkx, same network | ratio |")
    print("|---|---|---|---|---|")
    for employees, (people, count) in SIZES.items():
        ties = random_ties(people, count, seed=people)
        import igraph  # noqa: F401  (imported once per build, as networkx is below)

        start = time.perf_counter()
        network.betweenness(ties)
        ours = time.perf_counter() - start
        if people <= 10_000:
            theirs, how = networkx_seconds(ties, network.SAMPLES), "200 sources"
        else:
            theirs = networkx_seconds(ties, 10) * network.SAMPLES / 10
            how = "10 sources x 20"
        print(
            f"| {employees} | {people:,} people, {count:,} ties | {ours:.1f} s |"
            f" {theirs:.1f} s ({how}) | **{theirs / ours:.0f}x** |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"\nPeak memory of the process: {peak:.2f} GB")


if __name__ == "__main__":
    main()
