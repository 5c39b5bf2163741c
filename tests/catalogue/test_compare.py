"""The shortlist and its compare page (catalogue.shortlist, catalogue.comparison):
the URL is the list, bad entries are left out with a note, pages stay cached."""

from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.http import urlencode
from icalendar import Calendar

from catalogue.enums import Status
from catalogue.models import Use
from tests.factories import make_brief, make_expert, make_outcomes, make_platform, make_session, make_training

pytestmark = pytest.mark.django_db


def _url(*slugs, lang="fr", path="compare/"):
    query = urlencode([("t", slug) for slug in slugs])
    return f"/{lang}/{path}" + (f"?{query}" if query else "")


@pytest.fixture
def trio():
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    tiktok = make_platform(slug="tiktok", name_fr="TikTok", name_en="TikTok")
    chloe = make_expert(name="Chloé Tremblay", slug="chloe")
    marc = make_expert(name="Marc Gagnon", slug="marc")
    a = make_training(
        title="Vendre sur Instagram",
        slug="vendre",
        trainer=chloe,
        platforms=[linkedin],
        competences=["knowledge", "know_how"],
        price=Decimal("250"),
    )
    b = make_training(
        title="Réseauter sur LinkedIn",
        slug="reseauter",
        trainer=chloe,
        focus="network",
        platforms=[linkedin],
        competences=["knowledge", "interpersonal"],
        price=Decimal("0"),
        format="course",
    )
    c = make_training(
        title="Lancer un produit",
        slug="lancer",
        trainer=marc,
        platforms=[linkedin, tiktok],
        competences=["knowledge"],
        price=Decimal("90"),
        currency="EUR",
        city="Paris",
    )
    make_session(a, starts_in=timedelta(days=5), timezone="America/Montreal")
    make_session(c, starts_in=timedelta(days=9), timezone="Europe/Paris", city="Paris")
    return a, b, c


def _rows(response):
    return {row.code: row for row in response.context["rows"]}


def _notes(response):
    return [note.code for note in response.context["shortlist"].notes]


def test_compare_shows_each_fact_in_url_order(client, trio):
    response = client.get(_url("lancer", "vendre", "reseauter"))
    assert response.status_code == 200
    assert [t.slug for t in response.context["trainings"]] == ["lancer", "vendre", "reseauter"]
    rows = _rows(response)
    for code in (
        "focus",
        "platforms",
        "competence-knowledge",
        "competence-know_how",
        "competence-interpersonal",
        "format",
        "level",
        "mode",
        "language",
        "duration",
        "sessions",
        "price",
        "trainer",
    ):
        assert code in rows, code
    assert [cell.text for cell in rows["focus"].cells] == ["Médias sociaux", "Médias sociaux", "Réseaux sociaux"]
    assert [cell.items for cell in rows["platforms"].cells] == [("LinkedIn", "TikTok"), ("LinkedIn",), ("LinkedIn",)]
    page = response.content.decode()
    assert "90&nbsp;EUR" in page and "250&nbsp;CAD" in page and "Gratuit" in page
    assert "Chloé Tremblay" in page and "Marc Gagnon" in page


def test_compare_marks_the_rows_that_differ_in_words(client, trio):
    response = client.get(_url("vendre", "reseauter", "lancer"))
    rows = _rows(response)
    differing = {code for code, row in rows.items() if row.differs}
    assert {"focus", "platforms", "competence-know_how", "competence-interpersonal", "format"} <= differing
    assert {"price", "trainer", "sessions", "city"} <= differing
    assert not rows["competence-knowledge"].differs  # all three teach savoir
    assert not rows["level"].differs and not rows["duration"].differs
    page = response.content.decode()
    assert page.count("differs-label") == len(differing)  # a word, not only a colour
    assert 'data-fact="level"' in page


def test_compare_of_one_training_marks_no_difference(client, trio):
    response = client.get(_url("vendre"))
    assert not any(row.differs for row in response.context["rows"])


def test_compare_sessions_show_their_time_zone(client, trio):
    page = client.get(_url("vendre", "lancer")).content.decode()
    # Each session in its own zone's clock, named: Montréal (EST/EDT) and Paris (CET/CEST).
    assert 'title="America/Montreal"' in page and 'title="Europe/Paris"' in page
    assert any(abbr in page for abbr in (">EST<", ">EDT<")) and any(abbr in page for abbr in (">CET<", ">CEST<"))
    assert "no-sessions" in client.get(_url("reseauter")).content.decode()


def test_compare_in_english(client, trio):
    page = client.get(_url("vendre", "reseauter", lang="en")).content.decode()
    assert "Compare trainings" in page and "Social networking" in page and "Differs" in page


def test_compare_without_shortlist_explains_how_to_add(client, trio):
    response = client.get("/fr/compare/")
    assert response.status_code == 200
    assert response.context["trainings"] == []
    assert "compare-empty" in response.content.decode()


def test_remove_links_drop_only_that_training(client, trio):
    response = client.get(_url("vendre", "reseauter", "lancer"))
    removes = {c["training"].slug: c["remove_url"] for c in response.context["columns"]}
    assert parse_qs(urlsplit(removes["reseauter"]).query)["t"] == ["vendre", "lancer"]
    assert removes["reseauter"].replace("&", "&amp;") in response.content.decode()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED])
def test_unpublished_slug_is_left_out_like_an_unknown_one(client, trio, status):
    make_training(title="Brouillon secret", slug="secret", status=status)
    secret = client.get(_url("vendre", "secret"))
    unknown = client.get(_url("vendre", "nowhere"))
    assert secret.status_code == unknown.status_code == 200
    assert [t.slug for t in secret.context["trainings"]] == ["vendre"]
    assert _notes(secret) == _notes(unknown) == ["unavailable"]
    assert "Brouillon secret" not in secret.content.decode()
    # The shareable address and the calendar no longer carry the slug that was left out.
    assert secret.context["share_url"].endswith("/fr/compare/?t=vendre")
    assert 'href="/fr/compare/calendar.ics?t=vendre"' in secret.content.decode()


def test_repeated_slug_is_shown_once_with_a_note(client, trio):
    response = client.get(_url("vendre", "lancer", "vendre"))
    assert [t.slug for t in response.context["trainings"]] == ["vendre", "lancer"]
    assert _notes(response) == ["repeated"]


def test_more_than_six_keeps_the_first_six_with_a_note(client):
    slugs = [make_training(slug=f"atelier-{n}").slug for n in range(8)]
    response = client.get(_url(*slugs))
    assert [t.slug for t in response.context["trainings"]] == slugs[:6]
    assert _notes(response) == ["too_many"]
    assert "compare-add-more" not in response.content.decode()  # full: no "add trainings"


@pytest.mark.parametrize(
    "bad",
    ["x" * 181, "../admin", "<script>", "ven dre", "é", "a%00b", "vendre;drop"],
)
def test_malformed_slug_is_left_out_with_a_note_never_echoed(client, trio, bad):
    response = client.get(_url("lancer") + "&" + urlencode({"t": bad}))
    assert response.status_code == 200
    assert [t.slug for t in response.context["trainings"]] == ["lancer"]
    assert _notes(response) == ["invalid"]
    assert "<script>" not in response.content.decode()


def test_nul_byte_in_the_list_is_refused_as_bad_input(client, trio):
    # One rule for NUL bytes (config/nul_bytes.py): the whole request is refused, nothing is echoed.
    response = client.get(_url("lancer") + "&t=vendre%00")
    assert response.status_code == 400
    assert "vendre" not in response.content.decode()


def test_many_malformed_values_never_fail(client, trio):
    query = "&".join(["t=%3C%3E"] * 500 + ["t=" + "a" * 5000, "t=", "t=lancer"])
    response = client.get(f"/fr/compare/?{query}")
    assert response.status_code == 200
    assert [t.slug for t in response.context["trainings"]] == ["lancer"]


def test_compare_sets_no_cookie_and_is_served_from_cache(client, trio, django_assert_num_queries):
    url = _url("vendre", "lancer")
    first = client.get(url)
    assert not first.cookies
    with django_assert_num_queries(1):  # the catalogue revision only
        second = client.get(url)
    assert second.content == first.content


def test_compare_shows_an_unpublished_change_at_once(client, trio):
    a, _b, _c = trio
    client.get(_url("vendre", "lancer"))
    a.status = Status.ARCHIVED
    a.save()
    response = client.get(_url("vendre", "lancer"))
    assert [t.slug for t in response.context["trainings"]] == ["lancer"]


@pytest.mark.parametrize("size", [2, 6])
def test_compare_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    platform = make_platform(slug="linkedin")
    slugs = []
    for n in range(size):
        training = make_training(slug=f"atelier-{n}", trainer=make_expert(), platforms=[platform])
        make_session(training)
        make_session(training, starts_in=timedelta(days=30))
        slugs.append(training.slug)
    # revision, trainings with their trainers, platforms, uses, upcoming sessions, outcomes, response times
    with django_assert_num_queries(7):
        response = client.get(_url(*slugs))
    assert len(response.context["trainings"]) == size


def test_catalogue_with_a_shortlist_is_served_from_cache_and_keeps_it(client, trio, django_assert_num_queries):
    url = _url("vendre", path="trainings/") + "&focus=media"
    first = client.get(url)
    assert first.status_code == 200 and not first.cookies
    with django_assert_num_queries(1):
        second = client.get(url)
    page = second.content.decode()
    assert page == first.content.decode()
    # "Compare" on another card appends to the list; the listed one says so.
    assert "/fr/compare/?t=vendre&amp;t=lancer" in page
    assert "shortlist-listed" in page
    # Cards, the bar and the filter form carry the list on.
    assert "/fr/trainings/lancer/?t=vendre" in page
    assert '<input type="hidden" name="t" value="vendre">' in page
    assert "/fr/compare/?t=vendre" in page


def test_shortlist_is_not_a_filter(client, trio):
    response = client.get(_url("vendre", path="trainings/"))
    assert response.context["result_count"] == 3  # the list narrows nothing
    assert response.context["active_filters"] == []
    assert not response.context["has_errors"]
    assert "t=" not in response.context["feed_query"]  # the calendar of a search ignores it


def test_training_page_with_a_shortlist_is_cached_and_offers_to_add(client, trio, django_assert_num_queries):
    url = _url("vendre", path="trainings/lancer/")
    first = client.get(url)
    with django_assert_num_queries(1):
        second = client.get(url)
    page = second.content.decode()
    assert page == first.content.decode()
    assert "/fr/compare/?t=vendre&amp;t=lancer" in page
    assert "/fr/trainings/?t=vendre" in page  # the breadcrumb back to the catalogue


def test_a_full_shortlist_offers_no_add_link(client):
    slugs = [make_training(slug=f"atelier-{n}").slug for n in range(7)]
    page = client.get(_url(*slugs[:6], path=f"trainings/{slugs[6]}/")).content.decode()
    assert "shortlist-full" in page
    assert f"t={slugs[6]}" not in page


def test_calendar_has_every_session_of_the_shortlist(client, trio):
    a, b, c = trio
    make_session(a, starts_in=timedelta(days=40))
    make_session(make_training(slug="ailleurs"))
    response = client.get(_url("vendre", "reseauter", "lancer", "secret", path="compare/calendar.ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == [
        "Lancer un produit",
        "Vendre sur Instagram",
        "Vendre sur Instagram",
    ]


def test_calendar_never_lists_an_unpublished_training(client, trio):
    draft = make_training(title="Brouillon secret", slug="secret", status=Status.DRAFT)
    make_session(draft)
    response = client.get(_url("secret", "<>", path="compare/calendar.ics"))
    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT") == []
    assert b"Brouillon secret" not in response.content


def test_uses_row_names_each_trainings_uses_and_marks_the_difference(client, trio):
    vendre, reseauter, _lancer = trio
    vendre.uses.set(Use.objects.filter(code="broadcast"))
    reseauter.uses.set(Use.objects.filter(code__in=["networking", "communicate"]))

    uses = _rows(client.get(_url("vendre", "reseauter")))["uses"]

    assert [cell.items for cell in uses.cells] == [("Diffuser",), ("Communiquer", "Réseauter")]
    assert uses.differs


def test_expert_page_with_a_shortlist_is_cached_and_keeps_it(client, trio, django_assert_num_queries):
    url = _url("lancer", path="experts/chloe/")
    first = client.get(url)
    with django_assert_num_queries(1):
        second = client.get(url)
    page = second.content.decode()
    assert page == first.content.decode()
    assert "/fr/compare/?t=lancer&amp;t=vendre" in page
    assert "/fr/trainings/vendre/?t=lancer" in page


def test_outcome_row_shows_each_trainings_figure_and_marks_the_difference(client, trio):
    a, _b, c = trio
    make_outcomes(a.trainer, reached=3, partly=1, training=a)
    response = client.get(_url("vendre", "lancer"))
    row = _rows(response)["outcome"]
    assert row.differs
    assert (row.cells[0].training.outcome.reached, row.cells[0].training.outcome.answered) == (3, 4)
    assert row.cells[1].training.outcome.answered == 0
    assert 'data-fact="outcome"' in response.content.decode()
    assert 'data-answered="4" data-reached="3"' in response.content.decode()


def test_outcome_and_response_time_rows_are_absent_without_figures(client, trio):
    response = client.get(_url("vendre", "lancer"))
    assert "outcome" not in _rows(response)
    assert "response-time" not in _rows(response)
    assert "outcome-figure" not in response.content.decode()


def test_response_time_row_shows_the_trainers_usual_delay(client, trio):
    a, _b, c = trio
    for _n in range(3):
        brief = make_brief(a.trainer, created_ago=timedelta(hours=30))
        type(brief).objects.filter(pk=brief.pk).update(first_reply_at=brief.created_at + timedelta(hours=1))
    response = client.get(_url("vendre", "lancer"))
    row = _rows(response)["response-time"]
    assert row.differs
    assert row.cells[0].training.response_time.days == 1
    assert not row.cells[1].training.response_time.enough
    page = response.content.decode()
    assert page.count('class="small mb-2 response-time"') == 1
