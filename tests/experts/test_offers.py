from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue.enums import Status
from catalogue.models import OfferTransition, Session, Training, Use
from experts.forms.offers import DATETIME_FORMAT
from tests.experts.helpers import offer_data, session_fields, when
from tests.factories import make_expert, make_objective, make_platform, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

CREATE = reverse("experts:offer_create")


@pytest.fixture
def expert(client):
    expert = make_expert(name="Léa", slug="lea")
    client.force_login(expert.user)
    return expert


def test_new_offer_form_explains_focus_and_tags_objectives(client, expert):
    make_objective(focus="network", slug="reseau", name_fr="Développer votre réseau d’affaires")
    page = client.get(CREATE).content.decode()
    assert "Les médias sociaux sont des outils de communication" in page
    assert 'data-focus="network"' in page
    assert "js/offer-form.js" in page
    assert 'name="sessions-TOTAL_FORMS"' in page


def test_create_offer_with_two_sessions_as_draft(client, expert):
    objective = make_objective(focus="media", slug="diffuser")
    platform = make_platform(slug="linkedin", name_fr="LinkedIn")
    data = offer_data(
        objectives=[objective], sessions=[session_fields(10), session_fields(20)], platforms=[platform.pk]
    )
    response = client.post(CREATE, data)
    training = Training.objects.get()
    assert response["Location"] == reverse("experts:offer_detail", args=[training.pk])
    assert (training.trainer, training.status, training.slug) == (
        expert,
        Status.DRAFT,
        "diffuser-vos-messages-sur-linkedin",
    )
    assert training.competences == ["knowledge", "know_how"]
    assert list(training.objectives.all()) == [objective]
    assert list(training.platforms.all()) == [platform]
    assert training.sessions.count() == 2
    assert "linkedin" in training.search_text
    assert training.is_free


def test_slug_is_unique(client, expert):
    make_training(slug="diffuser-vos-messages-sur-linkedin")
    client.post(CREATE, offer_data(sessions=[session_fields()]))
    assert Training.objects.owned_by(expert.user).get().slug == "diffuser-vos-messages-sur-linkedin-2"


def test_objective_of_the_other_focus_is_refused(client, expert):
    network = make_objective(focus="network", name_fr="Maintenir vos contacts en vie")
    response = client.post(CREATE, offer_data(objectives=[network], sessions=[session_fields()]))
    assert response.status_code == 200
    assert (
        "Ces objectifs relèvent de l’autre orientation\u00a0: Maintenir vos contacts en vie."
        in response.content.decode()
    )
    assert not Training.objects.exists()


def test_session_ending_before_it_starts_is_refused(client, expert):
    bad = session_fields(10, ends_at=when(10, hour=8))
    response = client.post(CREATE, offer_data(sessions=[bad]))
    assert "La fin doit venir après le début." in response.content.decode()
    assert not Training.objects.exists()


def test_session_in_the_past_is_refused(client, expert):
    response = client.post(CREATE, offer_data(sessions=[session_fields(-3)]))
    assert fr("This date is in the past.") in response.content.decode()
    assert not Session.objects.exists()


def test_edit_adds_changes_and_removes_sessions(client, expert):
    training = make_training(status=Status.DRAFT, trainer=expert, title="Ancien titre", slug="ancien-titre")
    keep = make_session(training)
    drop = make_session(training)
    url = reverse("experts:offer_edit", args=[training.pk])
    sessions = [
        {"id": keep.pk, **session_fields(12, venue="Salle B")},
        {"id": drop.pk, **session_fields(14), "DELETE": "on"},
        session_fields(30),
    ]
    response = client.post(url, offer_data(sessions=sessions, initial_sessions=2, title="Nouveau titre"))
    assert response["Location"] == reverse("experts:offer_detail", args=[training.pk])
    training.refresh_from_db()
    assert training.title == "Nouveau titre"
    assert training.slug == "nouveau-titre"  # never published: the slug follows the title
    venues = list(training.sessions.values_list("venue", flat=True))
    assert venues == ["Salle B", "Salle A"]
    assert not Session.objects.filter(pk=drop.pk).exists()


def test_unchanged_past_session_is_kept_when_editing(client, expert):
    training = make_training(status=Status.DRAFT, trainer=expert)
    start = timezone.localtime().replace(second=0, microsecond=0) - timedelta(days=5)
    past = Session.objects.create(
        training=training, starts_at=start, ends_at=start + timedelta(hours=2), venue="Salle A"
    )
    fields = {
        "starts_at": start.strftime(DATETIME_FORMAT),
        "ends_at": (start + timedelta(hours=2)).strftime(DATETIME_FORMAT),
        "venue": "Salle A",
    }
    url = reverse("experts:offer_edit", args=[training.pk])
    response = client.post(url, offer_data(sessions=[{"id": past.pk, **fields}], initial_sessions=1, title="Autre"))
    assert response.status_code == 302
    assert Session.objects.get(pk=past.pk).starts_at == start
    moved = {**fields, "starts_at": (start - timedelta(days=1)).strftime(DATETIME_FORMAT)}
    response = client.post(url, offer_data(sessions=[{"id": past.pk, **moved}], initial_sessions=1))
    assert fr("This date is in the past.") in response.content.decode()


def test_editing_a_published_offer_sends_it_back_to_review_and_keeps_its_slug(client, expert):
    training = make_training(trainer=expert, title="En ligne", slug="en-ligne")
    make_session(training)
    session = training.sessions.get()
    url = reverse("experts:offer_edit", args=[training.pk])
    assert "cachée au public jusqu’à sa nouvelle approbation" in client.get(url).content.decode()
    data = offer_data(sessions=[{"id": session.pk, **session_fields(10)}], initial_sessions=1, title="Titre revu")
    response = client.post(url, data, follow=True)
    assert "L’offre est de nouveau en évaluation" in response.content.decode()
    training.refresh_from_db()
    assert (training.status, training.slug, training.title) == (Status.SUBMITTED, "en-ligne", "Titre revu")
    record = OfferTransition.objects.get(training=training)
    assert (record.from_status, record.to_status, record.by) == (Status.PUBLISHED, Status.SUBMITTED, expert.user)
    assert client.get(training.get_absolute_url()).status_code == 404


def test_editing_a_published_offer_needs_an_upcoming_session(client, expert):
    training = make_training(trainer=expert)
    response = client.post(reverse("experts:offer_edit", args=[training.pk]), offer_data(sessions=[]))
    assert "Ajoutez au moins une séance à venir" in response.content.decode()
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED


def test_submitted_offer_cannot_be_edited(client, expert):
    training = make_training(status=Status.SUBMITTED, trainer=expert, title="En révision")
    url = reverse("experts:offer_edit", args=[training.pk])
    response = client.post(url, offer_data(sessions=[session_fields()], title="Changé"), follow=True)
    assert "ne peut pas être modifiée" in response.content.decode()
    training.refresh_from_db()
    assert training.title == "En révision"


def test_description_markdown_comes_out_inert(client, expert):
    payload = '<script>alert(1)</script> <a href="javascript:alert(2)" onclick="alert(3)">x</a> **gras**'
    client.post(CREATE, offer_data(sessions=[session_fields()], description=payload))
    training = Training.objects.get()
    page = client.get(reverse("experts:offer_detail", args=[training.pk])).content.decode()
    description = page.split('class="offer-description"')[1].split("</div>")[0]
    assert "<script" not in description
    assert "javascript:" not in description
    assert "onclick" not in description
    assert "<strong>gras</strong>" in description


def test_english_offer_form_is_translated(client, expert):
    page = client.get("/en/dashboard/offers/new/").content.decode()
    assert "Social media are communication tools" in page
    assert "Add a session" in page


def test_slug_taken_by_a_simultaneous_save_gets_the_next_suffix(client, expert, monkeypatch):
    from experts import offers

    real = offers.unique_training_slug
    answers = iter(["diffuser-vos-messages-sur-linkedin"])

    def stale_then_real(title, exclude_pk=None):
        # The first answer was free when checked, then another save took it.
        return next(answers, None) or real(title, exclude_pk)

    make_training(slug="diffuser-vos-messages-sur-linkedin")
    monkeypatch.setattr(offers, "unique_training_slug", stale_then_real)
    response = client.post(CREATE, offer_data(sessions=[session_fields()]))
    training = Training.objects.owned_by(expert.user).get()
    assert response["Location"] == reverse("experts:offer_detail", args=[training.pk])
    assert training.slug == "diffuser-vos-messages-sur-linkedin-2"
    assert training.sessions.count() == 1


def test_a_session_in_france_is_read_and_shown_on_the_paris_clock(client, expert):
    day = (timezone.now() + timedelta(days=30)).date()
    fields = {"starts_at": f"{day}T10:00", "ends_at": f"{day}T12:00", "venue": "Salle Rhône", "city": "Lyon"}
    response = client.post(CREATE, offer_data(sessions=[{**fields, "timezone": "Europe/Paris"}], city="Lyon"))
    assert response.status_code == 302
    session = Session.objects.get()
    paris = session.starts_at.astimezone(ZoneInfo("Europe/Paris"))
    assert (session.timezone, paris.date(), paris.hour, paris.minute) == ("Europe/Paris", day, 10, 0)

    # The trainer finds 10:00 and Paris again when editing, and saving it unchanged moves nothing.
    url = reverse("experts:offer_edit", args=[session.training.pk])
    form = client.get(url).content.decode()
    assert f'value="{day}T10:00"' in form
    assert '<option value="Europe/Paris" selected>' in form
    data = offer_data(sessions=[{"id": session.pk, **fields, "timezone": "Europe/Paris"}], initial_sessions=1)
    assert client.post(url, data).status_code == 302
    assert Session.objects.get().starts_at == session.starts_at

    # Visitors and the trainer read it on the Paris clock, with the zone named.
    session.training.status = Status.PUBLISHED
    session.training.save()
    public = client.get(session.training.get_absolute_url()).content.decode()
    assert "De 10:00 à 12:00 (CET)" in public
    dashboard = client.get(reverse("experts:offer_detail", args=[session.training.pk])).content.decode()
    assert "10:00" in dashboard and "(CET)" in dashboard


def test_a_session_posted_without_a_time_zone_is_read_in_eastern_time(client, expert):
    assert client.post(CREATE, offer_data(sessions=[session_fields(10)])).status_code == 302
    session = Session.objects.get()
    eastern = session.starts_at.astimezone(ZoneInfo("America/Montreal"))
    assert (session.timezone, eastern.hour) == ("America/Montreal", 9)


def _objective_with_uses(*codes, **fields):
    objective = make_objective(**fields)
    objective.uses.set(Use.objects.filter(code__in=codes))
    return objective


def test_new_offer_with_no_use_ticked_teaches_the_uses_of_its_objectives(client, expert):
    spread = _objective_with_uses("broadcast", "communicate", focus="media", slug="diffuser")
    educate = _objective_with_uses("educate", "broadcast", focus="media", slug="eduquer")

    response = client.post(CREATE, offer_data(objectives=[spread, educate]))

    assert response.status_code == 302
    training = Training.objects.get()
    assert sorted(training.uses.values_list("code", flat=True)) == ["broadcast", "communicate", "educate"]


def test_new_offer_keeps_the_uses_the_trainer_ticked(client, expert):
    spread = _objective_with_uses("broadcast", "communicate", focus="media", slug="diffuser")
    play = Use.objects.get(code="play")

    client.post(CREATE, offer_data(objectives=[spread], uses=[play.pk]))

    assert list(Training.objects.get().uses.values_list("code", flat=True)) == ["play"]


def test_editing_an_offer_never_adds_back_uses_the_trainer_removed(client, expert):
    spread = _objective_with_uses("broadcast", focus="media", slug="diffuser")
    training = make_training(trainer=expert, status=Status.DRAFT, focus="media")
    training.objectives.add(spread)

    response = client.post(reverse("experts:offer_edit", kwargs={"pk": training.pk}), offer_data(objectives=[spread]))

    assert response.status_code == 302
    assert not training.uses.exists()
