"""The matcher against the labelled corpus of visitors' phrasings (catalogue/data/objective_phrasings.tsv)."""

from collections import Counter

import pytest

from catalogue.matching_eval import FOCUSES, HELD_OUT, accuracy, evaluate, is_opposite, load_corpus
from tests.catalogue.objectives import build_demo_objectives

CORPUS = load_corpus()


@pytest.fixture(scope="module")
def results():
    return evaluate(CORPUS, build_demo_objectives())


def test_corpus_is_large_bilingual_and_labelled_with_every_outcome():
    languages = Counter(p.lang for p in CORPUS)
    labels = Counter((p.lang, p.expected) for p in CORPUS)

    assert len(CORPUS) >= 420
    assert len({p.id for p in CORPUS}) == len({p.text.casefold() for p in CORPUS}) == len(CORPUS)
    assert 0.55 <= languages["fr"] / len(CORPUS) <= 0.65
    assert set(languages) == {"fr", "en"}
    assert all(labels[lang, focus] >= 20 for lang in ("fr", "en") for focus in FOCUSES)


def test_a_quarter_or_more_is_held_out_in_each_language():
    for lang in ("fr", "en"):
        phrasings = [p for p in CORPUS if p.lang == lang]
        held = [p for p in phrasings if p.split == HELD_OUT]
        assert len(held) >= 0.25 * len(phrasings)
        assert {p.expected for p in held} == set(FOCUSES)


def test_no_phrasing_of_the_corpus_lands_on_the_opposite_side(results):
    opposite = [(p.id, p.expected, got, p.text) for p, got in results if is_opposite(p.expected, got)]

    assert opposite == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_held_out_accuracy_is_at_least_90_percent_per_language(results, lang):
    held = [(p, got) for p, got in results if p.split == HELD_OUT]

    assert accuracy(held, lang) >= 0.90
