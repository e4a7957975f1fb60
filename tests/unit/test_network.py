"""Betweenness in the reply and mention network, against values worked out by hand and
against networkx's definition."""

import pytest

from pipelines import network


def test_on_a_path_the_middle_people_broker_two_of_the_three_pairs_of_others():
    # a - b - c - d: b lies on the shortest paths a-c and a-d, of the pairs of the others
    # (a-c, a-d, c-d): 2 of 3; c likewise (a-d, b-d); the ends on none.
    scores = network.betweenness([("a", "b"), ("c", "b"), ("c", "d")])
    assert scores == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})


def test_the_centre_of_a_star_brokers_every_pair_and_two_paths_share_the_credit():
    star = network.betweenness([("hub", leaf) for leaf in "pqrs"])
    assert star == pytest.approx({"hub": 1.0, "p": 0.0, "q": 0.0, "r": 0.0, "s": 0.0})
    # the square a-b-c-d-a: a and c are joined through b or through d, equally short, so b
    # gets half of that pair (1/2 of the 3 pairs of the others: 1/6), and so does each corner
    square = network.betweenness([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    assert square == pytest.approx({key: 1 / 6 for key in "abcd"})


def test_a_large_month_is_estimated_from_a_fixed_sample_and_gives_the_same_figures_again():
    # a path of EXACT_UP_TO + 101 people: estimated, not exact; two runs agree to the digit
    people = [f"p{i:05d}" for i in range(network.EXACT_UP_TO + 101)]
    ties = list(zip(people, people[1:], strict=False))
    first = network.betweenness(ties)
    assert first == network.betweenness(list(reversed(ties)))
    assert len(first) == len(people) and first[people[0]] == 0.0
    assert 0.0 < first[people[len(people) // 2]] <= 1.0


@pytest.mark.parametrize("people", [300, network.EXACT_UP_TO + 300])
def test_the_figures_are_networkx_s_exact_and_sampled(people):
    """igraph computes, networkx defines: on a random network, exact below EXACT_UP_TO and
    sampled above, the same sources drawn and the same scaling."""
    import random

    import networkx as nx

    rng = random.Random(people)
    keys = [f"p{i:05d}" for i in range(people)]
    ties = {tuple(sorted(rng.sample(keys, 2))) for _ in range(people * 3)}
    graph = nx.Graph()
    graph.add_edges_from(sorted(ties))
    sample = None if graph.number_of_nodes() <= network.EXACT_UP_TO else network.SAMPLES
    expected = nx.betweenness_centrality(graph, k=sample, normalized=True, seed=network.SEED)
    assert network.betweenness(ties) == pytest.approx(expected, abs=1e-12)
