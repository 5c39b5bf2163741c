"""The two-stage ranking statement (catalogue.ranking._best) finds what one plain query over every candidate
finds: the same trainings, in the same order, with the same scores."""

from datetime import timedelta

import pytest
from django.utils import translation

from catalogue import ranking
from catalogue.match import find_match
from catalogue.matching_eval import load_corpus
from catalogue.models import Training
from experts import demo
from tests.catalogue.ranking_reference import reference_best
from tests.factories import make_session

PARAMS = [
    {},
    {"platforms": ["linkedin"]},
    {"competences": ["know_how"]},
    {"competences": ["knowledge", "interpersonal"], "language": "en"},
    {"platforms": ["instagram", "facebook"], "language": "fr"},
    {"competences": ["knowledge", "know_how", "interpersonal"]},
]


@pytest.mark.django_db
def test_the_ranking_statement_agrees_with_a_plain_query_over_every_candidate():
    demo.seed(trainings=150, experts=10, seed=11)
    # Many equal scores, so the tie-break (next session, then newest, then id) decides most places.
    for training in Training.objects.published()[::3]:
        make_session(training, starts_in=timedelta(days=2 + training.pk % 5))
    compared, different = set(), []
    for index, phrasing in enumerate(load_corpus()[::7]):
        params = PARAMS[index % len(PARAMS)]
        with translation.override(phrasing.lang):
            match = find_match(phrasing.text, phrasing.lang, **params)
        sides = [None] + (["media", "network"] if match.analysis.focus == "mixed" else [])
        for focus in sides:
            focuses, found = ranking.scope(match.analysis, focus)
            if not (focuses or found or match.wishes.platform_ids):
                continue
            best_first = sorted(found, key=lambda r: -r.score)
            for limit in (10, 4, 1):
                key = (ranking.inputs(match.analysis, focus, match.wishes), limit)
                if key in compared:
                    continue
                compared.add(key)
                got = [(pk, round(score, 6)) for pk, score in ranking._best(focuses, best_first, match.wishes, limit)]
                expected = [
                    (pk, round(score, 6)) for pk, score in reference_best(focuses, best_first, match.wishes, limit)
                ]
                if got != expected:
                    different.append((phrasing.text, params, focus, limit))

    assert different == []
    assert len(compared) > 60
