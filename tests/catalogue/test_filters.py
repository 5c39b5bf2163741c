from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.enums import Status
from catalogue.filters import Facets, TrainingFilter
from catalogue.models import Training, Use
from tests.factories import make_objective, make_platform, make_session, make_training

pytestmark = pytest.mark.django_db


def _filter(params):
    return TrainingFilter(params, queryset=Training.objects.published())


def _titles(params):
    f = _filter(params)
    assert f.is_valid(), f.errors
    return [t.title for t in f.qs]


def test_text_search_ignores_accents_and_case():
    make_training(title="Les médias sociaux pour les PME")
    make_training(title="Réseau d'affaires sur LinkedIn")
    assert _titles({"q": "MEDIAS"}) == ["Les médias sociaux pour les PME"]
    assert _titles({"q": "reseau"}) == ["Réseau d'affaires sur LinkedIn"]


def test_text_search_needs_every_word():
    make_training(title="Marketing viral sur TikTok")
    make_training(title="Marketing de contenu")
    assert _titles({"q": "marketing tiktok"}) == ["Marketing viral sur TikTok"]


def test_text_search_finds_trainer_objective_and_platform_names():
    viral = make_objective(slug="marketing-viral", name_fr="Marketing viral", name_en="Viral marketing")
    tiktok = make_platform(slug="tiktok", name_fr="TikTok", name_en="TikTok")
    make_training(title="Un atelier", objectives=[viral], platforms=[tiktok])
    make_training(title="Autre chose")
    assert _titles({"q": "viral"}) == ["Un atelier"]
    assert _titles({"q": "tiktok"}) == ["Un atelier"]


def test_query_longer_than_200_characters_is_a_form_error():
    f = _filter({"q": "x" * 5000})
    assert not f.is_valid()
    assert "200" in f.errors["q"][0]


def test_focus_and_format_filters():
    make_training(title="Media workshop", focus="media", format="workshop")
    make_training(title="Network conference", focus="network", format="conference")
    make_training(title="Network workshop", focus="network", format="workshop")
    assert sorted(_titles({"focus": "network"})) == ["Network conference", "Network workshop"]
    assert sorted(_titles({"format": "workshop"})) == ["Media workshop", "Network workshop"]
    assert _titles({"focus": "network", "format": "workshop"}) == ["Network workshop"]


def test_objective_filter_takes_slugs_and_repeats():
    viral = make_objective(slug="marketing-viral")
    contacts = make_objective(focus="network", slug="maintenir-vos-contacts-en-vie")
    make_training(title="Viral", objectives=[viral])
    make_training(title="Contacts", focus="network", objectives=[contacts])
    make_training(title="Neither")
    assert sorted(_titles({"objective": ["marketing-viral", "maintenir-vos-contacts-en-vie"]})) == [
        "Contacts",
        "Viral",
    ]
    assert _titles({"objective": ["marketing-viral"]}) == ["Viral"]


def test_training_with_two_matching_objectives_is_listed_once():
    a, b = make_objective(slug="a"), make_objective(slug="b")
    make_training(title="Both", objectives=[a, b])
    assert _titles({"objective": ["a", "b"]}) == ["Both"]


def test_platform_filter_takes_slugs_and_repeats():
    linkedin = make_platform(slug="linkedin")
    tiktok = make_platform(slug="tiktok")
    make_training(title="LinkedIn", platforms=[linkedin])
    make_training(title="TikTok", platforms=[tiktok])
    make_training(title="None")
    assert _titles({"platform": ["linkedin"]}) == ["LinkedIn"]
    assert sorted(_titles({"platform": ["linkedin", "tiktok"]})) == ["LinkedIn", "TikTok"]


def test_competence_filter_needs_every_competence_ticked():
    make_training(title="Savoir", competences=["knowledge"])
    make_training(title="Savoir-faire", competences=["know_how"])
    make_training(title="Savoir-être", competences=["interpersonal", "knowledge"])
    make_training(title="Les trois", competences=["interpersonal", "knowledge", "know_how"])
    assert sorted(_titles({"competence": ["interpersonal"]})) == ["Les trois", "Savoir-être"]
    assert _titles({"competence": ["know_how", "interpersonal"]}) == ["Les trois"]


def test_use_filter_is_repeatable_and_reads_codes():
    networking, play = Use.objects.get(code="networking"), Use.objects.get(code="play")
    linked = make_training(title="Réseauter")
    linked.uses.set([networking])
    played = make_training(title="Jouer")
    played.uses.set([play])
    make_training(title="Sans usage")
    assert _titles({"use": ["networking"]}) == ["Réseauter"]
    assert sorted(_titles({"use": ["networking", "play"]})) == ["Jouer", "Réseauter"]
    assert "use" in _filter({"use": ["flying"]}).errors


@pytest.mark.parametrize("query", ["réseautage", "réseauter", "reseau", "Networking"])
def test_text_search_finds_networking_trainings_by_any_word_of_the_family(query):
    networking = Use.objects.get(code="networking")
    objective = make_objective(
        focus="network", slug="garder-contact", name_fr="Garder contact", name_en="Keep in touch"
    )
    objective.uses.set([networking])
    make_training(title="Atelier LinkedIn : garder le lien", focus="network", objectives=[objective])
    make_training(title="Publicité TikTok", focus="media")
    assert _titles({"q": query}) == ["Atelier LinkedIn : garder le lien"]


def test_text_search_finds_plural_by_its_stem():
    make_training(title="Formation complète")
    assert _titles({"q": "formations"}) == ["Formation complète"]


@pytest.mark.parametrize(
    "param,value,expected",
    [
        ("level", "advanced", "Advanced"),
        ("mode", "online", "Online"),
        ("language", "en", "English"),
    ],
)
def test_level_mode_and_language_filters(param, value, expected):
    make_training(title="Default")  # beginner, in person, French
    make_training(title="Advanced", level="advanced")
    make_training(title="Online", mode="online", city="")
    make_training(title="English", language="en")
    assert _titles({param: value}) == [expected]


def test_city_filter_ignores_accents_and_case():
    make_training(title="Montréal", city="Montréal")
    make_training(title="Québec", city="Québec")
    assert _titles({"city": "montreal"}) == ["Montréal"]
    assert _titles({"city": "QUÉBEC"}) == ["Québec"]


def test_date_filters_keep_trainings_with_a_session_in_range():
    soon = make_training(title="Soon")
    later = make_training(title="Later")
    make_training(title="No session")
    make_session(soon, starts_in=timedelta(days=5))
    make_session(later, starts_in=timedelta(days=60))
    today = timezone.localdate()
    after = (today + timedelta(days=30)).isoformat()
    before = (today + timedelta(days=30)).isoformat()
    assert _titles({"starts_after": after}) == ["Later"]
    assert _titles({"starts_before": before}) == ["Soon"]
    window = {"starts_after": today.isoformat(), "starts_before": (today + timedelta(days=10)).isoformat()}
    assert _titles(window) == ["Soon"]


def test_both_dates_apply_to_the_same_session():
    # One session before the window, one after: none inside it.
    training = make_training(title="Gap")
    make_session(training, starts_in=timedelta(days=2))
    make_session(training, starts_in=timedelta(days=40))
    today = timezone.localdate()
    window = {
        "starts_after": (today + timedelta(days=10)).isoformat(),
        "starts_before": (today + timedelta(days=20)).isoformat(),
    }
    assert _titles(window) == []


def test_starts_before_earlier_than_starts_after_is_an_error():
    f = _filter({"starts_after": "2030-02-01", "starts_before": "2030-01-01"})
    assert not f.is_valid()
    assert "starts_before" in f.errors


def test_price_max_and_free_filters():
    make_training(title="Free", price=Decimal("0"))
    make_training(title="Cheap", price=Decimal("49"))
    make_training(title="Dear", price=Decimal("900"))
    assert sorted(_titles({"price_max": "100"})) == ["Cheap", "Free"]
    assert _titles({"free": "true"}) == ["Free"]
    assert sorted(_titles({"free": "false"})) == ["Cheap", "Dear", "Free"]


def test_sort_by_price_both_ways_and_by_newest():
    now = timezone.now()
    make_training(title="Mid", price=Decimal("100"), published_at=now - timedelta(days=1))
    make_training(title="Low", price=Decimal("10"), published_at=now - timedelta(days=3))
    make_training(title="High", price=Decimal("500"), published_at=now - timedelta(days=2))
    assert _titles({"sort": "price"}) == ["Low", "Mid", "High"]
    assert _titles({"sort": "-price"}) == ["High", "Mid", "Low"]
    assert _titles({"sort": "newest"}) == ["Mid", "High", "Low"]
    assert _titles({}) == ["Mid", "High", "Low"]  # relevance without text: newest first


def test_sort_soonest_puts_trainings_without_upcoming_session_last():
    later = make_training(title="Later")
    soon = make_training(title="Soon")
    past = make_training(title="Only past")
    make_training(title="None")
    make_session(later, starts_in=timedelta(days=30))
    make_session(soon, starts_in=timedelta(days=3))
    make_session(past, starts_in=timedelta(days=-3))
    assert _titles({"sort": "soonest"})[:2] == ["Soon", "Later"]


def test_sort_relevance_ranks_title_matches_first():
    make_training(title="Atelier de réseautage", summary="LinkedIn pour les PME")
    make_training(title="LinkedIn pour les PME", summary="Atelier pratique")
    assert _titles({"q": "linkedin", "sort": "relevance"})[0] == "LinkedIn pour les PME"


def test_sort_relevance_ranks_an_accented_title_first_when_the_query_has_no_accent():
    make_training(title="Médias sociaux pour les PME", summary="Un atelier")
    make_training(title="Atelier pratique", summary="Les réseaux et les médias sociaux")  # newer
    assert _titles({"q": "medias", "sort": "relevance"})[0] == "Médias sociaux pour les PME"


@pytest.mark.parametrize(
    "params,field",
    [
        ({"focus": "xyz"}, "focus"),
        ({"format": "seminar"}, "format"),
        ({"objective": "no-such-objective"}, "objective"),
        ({"platform": "myspace"}, "platform"),
        ({"competence": "charisma"}, "competence"),
        ({"level": "guru"}, "level"),
        ({"mode": "telepathy"}, "mode"),
        ({"language": "de"}, "language"),
        ({"starts_after": "notadate"}, "starts_after"),
        ({"starts_before": "2030-13-45"}, "starts_before"),
        ({"price_max": "-5"}, "price_max"),
        ({"price_max": "abc"}, "price_max"),
        ({"price_max": "1e400"}, "price_max"),
        ({"sort": "random"}, "sort"),
        ({"city": "x" * 81}, "city"),
    ],
)
def test_invalid_values_are_form_errors(params, field):
    f = _filter(params)
    assert not f.is_valid()
    assert field in f.errors
    list(f.qs)  # the remaining filters still run


def test_an_invalid_parameter_leaves_the_others_applied():
    make_training(title="Media", focus="media", price=Decimal("0"))
    make_training(title="Network", focus="network", price=Decimal("0"))
    make_training(title="Paid media", focus="media", price=Decimal("99"))
    f = _filter({"focus": "media", "free": "true", "price_max": "-5"})
    assert [t.title for t in f.qs] == ["Media"]


def test_unpublished_trainings_are_never_in_the_results():
    make_training(title="Visible")
    make_training(title="Draft", status=Status.DRAFT)
    assert _titles({"q": "draft"}) == []
    assert _titles({}) == ["Visible"]


def test_facets_ignore_their_own_parameter_and_apply_the_others():
    make_training(focus="media", format="workshop", price=Decimal("0"))
    make_training(focus="media", format="course", price=Decimal("0"))
    make_training(focus="network", format="workshop", price=Decimal("0"))
    make_training(focus="network", format="workshop", price=Decimal("50"))
    make_training(focus="network", format="course", price=Decimal("0"))
    f = _filter({"focus": "media", "format": "workshop", "free": "true"})
    assert f.facets() == Facets(
        focus={"media": 1, "network": 1},  # free workshops, whatever the focus
        format={"workshop": 1, "course": 1},  # free media trainings, whatever the format
        total=1,  # the free media workshop: every parameter applies
    )


def test_facets_without_parameters_count_everything():
    make_training(focus="media", format="workshop")
    make_training(focus="network", format="conference")
    make_training(status=Status.DRAFT)
    f = TrainingFilter(None, queryset=Training.objects.published())
    assert f.facets() == Facets(focus={"media": 1, "network": 1}, format={"workshop": 1, "conference": 1}, total=2)


def test_dates_are_iso_dates():
    f = _filter({"starts_after": date(2030, 1, 2).isoformat()})
    assert f.is_valid()
    assert f.form.cleaned_data["starts_after"] == date(2030, 1, 2)
