"""Platforms in the measurement (#13 §8): the labelled corpus's platform phrasings against the demo catalogue."""

import pytest

from catalogue.matching_eval import PLATFORM_TOP, load_corpus, platform_cases, platform_line
from experts import demo

pytestmark = pytest.mark.django_db


def test_top_trainings_cover_the_named_platform_whenever_three_exist():
    demo.seed(trainings=300, experts=12, seed=1)

    cases = platform_cases(load_corpus())

    counted = [case for case in cases if case.counted]
    # The measurement covers both sides and both languages.
    assert len(counted) >= 30
    assert {case.phrasing.expected for case in counted} == {"media", "network"}
    assert {case.phrasing.lang for case in counted} == {"fr", "en"}
    missed = [(case.phrasing.id, sorted(case.platforms), case.phrasing.text) for case in counted if not case.covered]
    assert missed == []
    assert platform_line(cases).startswith(f"Named platform in all of the top {PLATFORM_TOP} trainings: ")
