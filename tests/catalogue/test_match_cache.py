"""The match caches (catalogue.match) never change what a visitor sees.

The ranking cache is keyed on what the rankers read of the analysis, not the visitor's words, so
phrasings that share an analysis share a ranking. These tests prove the key complete: over corpus
phrasings and their variants, with platform, competence and language parameters, in both languages,
every page and API answer from the caches equals the one computed without them; and after each kind of
change (a session, publishing or unpublishing, an outcome, a renamed expert, a reply to a brief, an
account closed, time passing) the next phrasing of the same analysis shows the change at once.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import urlencode

from catalogue import cache_stats
from catalogue.enums import Status
from catalogue.matching_eval import load_corpus
from catalogue.models import Objective, Session, Training
from experts import demo
from experts.models import Expert, Outcome
from tests.factories import make_brief, make_outcomes, make_session, make_training, make_user

CORPUS = load_corpus()
PARAMS = [
    {},
    {"platform": "linkedin"},
    {"competence": "know_how"},
    {"competence": ["knowledge", "interpersonal"], "language": "en"},
    {"platform": ["instagram", "facebook"], "language": "fr"},
]


@pytest.fixture
def world(db, settings):
    settings.PAGE_CACHE_SECONDS = 0  # whole pages off: every request renders, through the fragment caches
    settings.FRAGMENT_CACHE_SECONDS = 600
    demo.seed(trainings=90, experts=10, seed=7)


@pytest.fixture
def ranking_hits(monkeypatch):
    """Hits and misses of the ranking cache, as the bench counts them."""
    counts = {"hits": 0, "misses": 0}

    def record(cache, hits=0, misses=0):
        if cache == "ranking":
            counts["hits"] += int(hits)
            counts["misses"] += int(misses)

    monkeypatch.setattr(cache_stats, "record", record)
    return counts


def variants(text):
    """Other phrasings a visitor might type for the same text (same analysis, other words)."""
    return [text, text.upper() + " !"]


def url(lang, text, params=None):
    return f"/{lang}/match/?{urlencode({'objective': text, **(params or {})}, doseq=True)}"


def uncached(client, settings, address):
    """The page as it renders with every cache off."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    settings.FRAGMENT_CACHE_SECONDS = 0
    try:
        return client.get(address).content.decode()
    finally:
        settings.FRAGMENT_CACHE_SECONDS = seconds


def test_pages_from_the_ranking_cache_equal_pages_without_it(client, settings, world, ranking_hits):
    phrasings = CORPUS[::11]  # every class, both languages, short and long
    addresses = [
        url(p.lang, text, params)
        for index, p in enumerate(phrasings)
        for params in (PARAMS[index % len(PARAMS)], PARAMS[(index + 2) % len(PARAMS)])
        for text in variants(p.text)
    ]
    # The same objective page in the other language: the reasons are translated.
    addresses += [url("en" if p.lang == "fr" else "fr", p.text) for p in phrasings[:12]]
    # Words that every kind of link encodes differently, and a shortlist carried in the URL.
    tricky = "Promouvoir un produit & ma marque / 100% + « vite » <b>l'été</b> ?"
    slug = Training.objects.published().first().slug
    addresses += [url("fr", "promouvoir un produit"), url("fr", tricky), url("fr", tricky, {"platform": "linkedin"})]
    addresses += [url("fr", tricky) + f"&t={slug}", url("fr", "promouvoir un produit") + f"&t={slug}"]

    different = []
    for address in addresses:
        cached = client.get(address).content.decode()
        if cached != uncached(client, settings, address):
            different.append(address)

    assert different == []
    # Phrasings of one analysis shared their ranking (each text has a variant of the same analysis).
    assert ranking_hits["hits"] * 3 > ranking_hits["hits"] + ranking_hits["misses"]
    assert ranking_hits["misses"] > 20


def test_api_answers_from_the_ranking_cache_equal_answers_without_it(client, settings, world, ranking_hits):
    different = []
    for index, p in enumerate(CORPUS[3::25]):
        for text, extra in zip(variants(p.text), (PARAMS[index % len(PARAMS)], PARAMS[(index + 1) % len(PARAMS)])):
            params = {"objective": text, "lang": p.lang, **extra}
            cached = client.get("/api/v1/match/", params).json()
            settings.FRAGMENT_CACHE_SECONDS = 0
            fresh = client.get("/api/v1/match/", params).json()
            settings.FRAGMENT_CACHE_SECONDS = 600
            if cached != fresh:
                different.append(params)

    assert different == []
    assert ranking_hits["hits"] > 0


# -- changes show at once --------------------------------------------------------------------------------

MEDIA_TEXT = "faire connaître ma boulangerie sur Instagram"


def warm_then_other_phrasing(client, settings, text=MEDIA_TEXT, lang="fr", params=None):
    """Fill the ranking cache with one phrasing; returns a function giving (cached page, uncached page)
    for another phrasing of the same analysis (so no whole page could have been kept)."""
    client.get(url(lang, text, params))
    seen = iter(range(1, 1000))

    def pages():
        address = url(lang, text + " " + "!" * next(seen), params)
        return client.get(address).content.decode(), uncached(client, settings, address)

    return pages


def shown_trainings(html):
    return [t for t in Training.objects.published() if f'href="{t.get_absolute_url()}' in html]


def shown_experts(html):
    return [e for e in Expert.objects.public() if f'href="{e.get_absolute_url()}"' in html]


def test_a_new_session_shows_at_once(client, settings, world, ranking_hits):
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    training = shown_trainings(before)[0]

    make_session(training, starts_in=timedelta(hours=5))
    after, fresh = pages()

    assert after == fresh != before
    assert ranking_hits["hits"] >= 1


def test_publishing_and_unpublishing_show_at_once(client, settings, world):
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    first = shown_trainings(before)[0]

    first.status = Status.ARCHIVED
    first.save()
    after, fresh = pages()
    assert after == fresh
    assert first not in shown_trainings(after)

    objective = Objective.objects.get(slug="promouvoir-un-produit")
    new = make_training(title="Faire connaître sa boulangerie", focus="media", objectives=[objective])
    new.platforms.set(first.platforms.all())
    make_session(new, starts_in=timedelta(days=1))
    again, fresh = pages()
    assert again == fresh
    assert new in shown_trainings(again)


def test_an_outcome_answered_shows_at_once(client, settings, world):
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    expert = shown_experts(before)[0]
    training = expert.trainings.published().first()

    make_outcomes(expert, reached=5, training=training)
    after, fresh = pages()

    assert after == fresh != before


def test_a_renamed_expert_shows_at_once(client, settings, world):
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    expert = shown_experts(before)[0]

    expert.name = "Renommée Tout-Neuf"
    expert.save()
    after, fresh = pages()

    assert after == fresh
    assert "Renommée Tout-Neuf" in after


def test_reply_times_and_brief_eligibility_show_at_once(client, settings, world):
    """Briefs and accounts do not bump the catalogue revision: they are read again for every page."""
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    expert = next(e for e in shown_experts(before) if e.can_receive_briefs)

    for _ in range(3):
        brief = make_brief(expert, created_ago=timedelta(days=3))
        type(brief).objects.filter(pk=brief.pk).update(first_reply_at=brief.created_at + timedelta(hours=5))
    after, fresh = pages()
    assert after == fresh != before
    assert "Usually" in after or "Répond" in after or "réponse" in after

    type(expert.user).objects.filter(pk=expert.user_id).update(is_active=False)
    closed, fresh = pages()
    assert closed == fresh != after


def test_time_passing_shows_at_once(client, settings, world, monkeypatch):
    """A session that starts is no longer upcoming: the first shown one ends the cached ranking."""
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    starts = min(
        Session.objects.upcoming().filter(training__in=shown_trainings(before)).values_list("starts_at", flat=True)
    )

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: max(real_now(), starts) + timedelta(minutes=1))
    after, fresh = pages()

    assert after == fresh != before


def test_a_logged_in_visitor_gets_a_fresh_ranking(client, settings, world):
    pages = warm_then_other_phrasing(client, settings)
    before, _ = pages()
    first = shown_trainings(before)[0]
    # A change that bumps nothing (an update() sends no signal): only a fresh ranking sees it.
    Training.objects.filter(pk=first.pk).update(status=Status.ARCHIVED)

    anonymous, _ = pages()
    client.force_login(make_user())
    logged_in = client.get(url("fr", MEDIA_TEXT + " ?")).content.decode()

    assert f'href="{first.get_absolute_url()}' in anonymous  # the proof the cache answered that page
    assert f'href="{first.get_absolute_url()}' not in logged_in


def test_outcomes_are_counted_per_objective_in_the_cache_key(client, settings, world):
    """Two analyses with other top objectives never share figures."""
    network = "développer mon réseau d'affaires sur LinkedIn"
    client.get(url("fr", MEDIA_TEXT))
    client.get(url("fr", network))
    for text in (MEDIA_TEXT, network):
        address = url("fr", text + " !")
        assert client.get(address).content.decode() == uncached(client, settings, address)
    assert Outcome.objects.exists()


def test_a_training_outcome_shows_at_once_where_no_expert_is_shown(client, settings, world):
    """Only a platform named: trainings on it from both sides, no experts (their figures alone change)."""
    pages = warm_then_other_phrasing(client, settings, text="Instagram")
    before, _ = pages()
    assert "match-expert" not in before
    training = shown_trainings(before)[0]

    make_outcomes(training.trainer, reached=4, partly=1, training=training)
    after, fresh = pages()

    assert after == fresh != before
