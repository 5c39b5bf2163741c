import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from catalogue import outbox, workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition
from catalogue.review_rules import RUBRIC_KEYS
from tests.factories import make_curator, make_expert, make_session, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db

ALL_YES = {f"rubric_{key}": "yes" for key in RUBRIC_KEYS}
ALL_YES_ANSWERS = dict.fromkeys(RUBRIC_KEYS, True)


def _review_url(training, lang="fr"):
    return f"/{lang}/admin/catalogue/training/{training.pk}/review/"


def _submitted(language="fr", **fields):
    user = make_user(email=f"trainer-{language}@example.com")
    expert = make_expert(user=user, preferred_language=language, name="Annie Tremblay")
    training = make_training(status=Status.SUBMITTED, trainer=expert, **fields)
    make_session(training)
    return training


def _decide(client, training, decision, message="", rubric=None, capture=None, version=None):
    """Post the review form as shown for `version` (by default the offer's current one)."""
    if version is None:
        version = type(training).objects.get(pk=training.pk).version
    data = {**(rubric if rubric is not None else ALL_YES), "decision": decision, "message": message, "version": version}
    with capture(execute=True):
        return client.post(_review_url(training), data)


def test_review_shows_the_offer_as_visitors_see_it(client):
    training = _submitted(
        title="Atelier LinkedIn", summary="Bâtir des liens durables.", description="## Au menu\n\n**Savoir-être**"
    )
    client.force_login(make_curator())
    page = client.get(_review_url(training)).text
    assert "Atelier LinkedIn" in page
    assert "Bâtir des liens durables." in page
    assert "<strong>Savoir-être</strong>" in page
    assert fr("It does not claim there is only one right way to use the platforms.") in page
    assert "Première évaluation" in page


def test_review_of_an_unknown_offer_is_a_404(client):
    client.force_login(make_curator())
    assert client.get("/fr/admin/catalogue/training/999999/review/").status_code == 404
    assert client.get("/fr/admin/catalogue/training/abc/review/").status_code == 404


def test_publish_records_rubric_and_emails_the_trainer_in_french(client, django_capture_on_commit_callbacks):
    curator = make_curator()
    training = _submitted(language="fr", title="Atelier LinkedIn")
    client.force_login(curator)
    response = _decide(client, training, "publish", "Bravo, c’est clair.", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED
    record = OfferTransition.objects.get(training=training)
    assert record.by == curator
    assert record.message == "Bravo, c’est clair."
    assert record.rubric == dict.fromkeys(RUBRIC_KEYS, True)
    assert outbox.outcome(record, "offer.decision") == "sent"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["trainer-fr@example.com"]
    assert email.subject == fr("Published: %(title)s", title="Atelier LinkedIn")
    assert "Bravo, c’est clair." in email.body
    assert "Bonjour Annie Tremblay" in email.body
    assert "/fr/trainings/" in email.body


def test_request_changes_emails_the_trainer_in_english(client, django_capture_on_commit_callbacks):
    training = _submitted(language="en", title="LinkedIn workshop")
    client.force_login(make_curator())
    rubric = {**ALL_YES, "rubric_sessions_and_prices_complete": "no"}
    _decide(client, training, "request_changes", "Add the price.", rubric, capture=django_capture_on_commit_callbacks)
    training.refresh_from_db()
    assert training.status == Status.CHANGES_REQUESTED
    record = OfferTransition.objects.get(training=training)
    assert record.rubric["sessions_and_prices_complete"] is False
    assert record.rubric["focus_is_right"] is True
    (email,) = mail.outbox
    assert email.subject == "Changes requested: LinkedIn workshop"
    assert "Add the price." in email.body
    assert "Hello Annie Tremblay" in email.body


def test_reject_emails_the_reason(client, django_capture_on_commit_callbacks):
    training = _submitted(language="fr", title="La seule bonne méthode")
    client.force_login(make_curator())
    rubric = {**ALL_YES, "rubric_no_single_right_way": "no"}
    _decide(client, training, "reject", "Il y a plusieurs façons.", rubric, capture=django_capture_on_commit_callbacks)
    training.refresh_from_db()
    assert training.status == Status.REJECTED
    (email,) = mail.outbox
    assert email.subject == fr("Not accepted: %(title)s", title="La seule bonne méthode")
    assert "Il y a plusieurs façons." in email.body


@pytest.mark.parametrize("decision", ["request_changes", "reject"])
def test_request_changes_and_reject_require_a_message(client, decision, django_capture_on_commit_callbacks):
    training = _submitted()
    client.force_login(make_curator())
    response = _decide(client, training, decision, "  ", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert mail.outbox == []


def test_publish_refused_when_a_rubric_item_is_not_met(client, django_capture_on_commit_callbacks):
    training = _submitted()
    client.force_login(make_curator())
    rubric = {**ALL_YES, "rubric_focus_is_right": "no"}
    response = _decide(client, training, "publish", rubric=rubric, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "demandez plutôt des modifications" in response.text
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_rubric_must_be_filled_in(client, django_capture_on_commit_callbacks):
    training = _submitted()
    client.force_login(make_curator())
    response = _decide(client, training, "publish", rubric={}, capture=django_capture_on_commit_callbacks)
    assert set(response.context["form"].errors) == {f"rubric_{key}" for key in RUBRIC_KEYS}


def test_second_curator_sees_the_offer_was_already_decided(client, django_capture_on_commit_callbacks):
    training = _submitted()
    first, second = make_curator(), make_curator()
    seen = training.version  # the second curator's page, loaded before the first decision
    workflow.transition(training, workflow.Action.PUBLISH, by=first, rubric=ALL_YES_ANSWERS)
    client.force_login(second)
    response = _decide(client, training, "reject", "Non.", capture=django_capture_on_commit_callbacks, version=seen)
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    since = f"{fr(Status.SUBMITTED.label)} → {fr(Status.PUBLISHED.label)}"
    assert since in page  # what happened since the page was opened
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED
    assert OfferTransition.objects.filter(training=training).count() == 1


def test_resubmission_shows_what_changed_since_the_approved_version(client):
    curator = make_curator()
    training = _submitted(title="Atelier LinkedIn", price=100)
    workflow.transition(training, workflow.Action.PUBLISH, by=curator, rubric=ALL_YES_ANSWERS)
    training.title = "Atelier LinkedIn avancé"
    training.price = 250
    training.save()
    workflow.transition(training, workflow.Action.EDIT_PUBLISHED, by=training.trainer.user)
    client.force_login(curator)
    response = client.get(_review_url(training))
    changes = {change.key: (change.before, change.after) for change in response.context["changes"]}
    assert changes == {"title": ("Atelier LinkedIn", "Atelier LinkedIn avancé"), "price": ("100.00", "250.00")}
    assert "Atelier LinkedIn avancé" in response.text


def test_review_of_an_offer_not_awaiting_review_offers_no_decision(client):
    training = make_training(status=Status.DRAFT)
    client.force_login(make_curator())
    response = client.get(_review_url(training))
    assert response.context["can_decide"] is False
    assert 'name="decision"' not in response.text


def test_history_shows_every_transition_with_message(client):
    curator = make_curator()
    training = _submitted()
    workflow.transition(training, workflow.Action.REQUEST_CHANGES, by=curator, message="Précisez l’objectif.")
    client.force_login(curator)
    change_page = client.get(f"/fr/admin/catalogue/training/{training.pk}/change/").text
    assert "Précisez l’objectif." in change_page
    assert "Précisez l’objectif." in client.get(_review_url(training)).text


# --- Nobody reviews their own offer ----------------------------------------------

OWN_OFFER_FR = fr(workflow.OWN_OFFER)
NOT_ALLOWED_OWN_OFFER_FR = fr("Not allowed: %(detail)s", detail=workflow.OWN_OFFER)


def _own_submitted_offer(user, title="Mon atelier Instagram"):
    training = make_training(status=Status.SUBMITTED, trainer=make_expert(user=user), title=title)
    make_session(training)
    return training


@pytest.mark.parametrize("owner_kind", ["curator", "superuser"])
def test_a_curator_cannot_publish_their_own_offer_from_the_review_screen(
    client, owner_kind, django_capture_on_commit_callbacks
):
    if owner_kind == "curator":
        owner = make_curator(email="curatrice@example.com")
    else:
        owner = get_user_model().objects.create_superuser("admin@example.com", "admin@example.com", "a-long-password")
    training = _own_submitted_offer(owner)
    client.force_login(owner)

    page = client.get(_review_url(training)).text
    assert OWN_OFFER_FR in page
    assert 'name="decision"' not in page  # no Publish / Reject buttons to press

    # Posting the decision anyway (an old tab, a hand-made request) changes nothing.
    response = _decide(client, training, "publish", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == _review_url(training)
    after = client.get(response["Location"]).text
    assert NOT_ALLOWED_OWN_OFFER_FR in after
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert not OfferTransition.objects.filter(training=training).exists()
    assert mail.outbox == []
    # Visitors still cannot see it.
    assert Client().get(training.get_absolute_url()).status_code == 404


def test_a_curator_cannot_reject_their_own_offer_either(client, django_capture_on_commit_callbacks):
    owner = make_curator()
    training = _own_submitted_offer(owner)
    client.force_login(owner)
    response = _decide(client, training, "reject", "Hors sujet.", capture=django_capture_on_commit_callbacks)
    assert NOT_ALLOWED_OWN_OFFER_FR in client.get(response["Location"]).text
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_another_curator_publishes_the_curators_own_offer(client, django_capture_on_commit_callbacks):
    training = _own_submitted_offer(make_curator(), title="Mon atelier Instagram")
    client.force_login(make_curator())
    page = client.get(_review_url(training)).text
    assert OWN_OFFER_FR not in page
    assert 'name="decision" value="publish"' in page
    response = _decide(client, training, "publish", capture=django_capture_on_commit_callbacks)
    assert response["Location"] == "/fr/admin/catalogue/training/"
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED
    assert training.title in Client().get(training.get_absolute_url()).text


# --- A decision applies to the version the curator reviewed ------------------------------


def test_spam_resubmitted_while_the_review_screen_was_open_is_not_published(client, django_capture_on_commit_callbacks):
    from django.urls import reverse

    from tests.experts.helpers import offer_data, session_fields

    training = _submitted(title="Innocent workshop")
    client.force_login(make_curator())
    form = client.get(_review_url(training)).context["form"]
    shown = form["version"].value()  # the version in the form the curator has open

    trainer = Client()
    trainer.force_login(training.trainer.user)
    trainer.post(reverse("experts:offer_transition", args=[training.pk]), {"action": "withdraw"})
    session = training.sessions.get()
    data = offer_data(
        sessions=[{"id": session.pk, **session_fields(10)}],
        initial_sessions=1,
        title="BUY CHEAP PILLS http://spam.example",
    )
    assert trainer.post(reverse("experts:offer_edit", args=[training.pk]), data).status_code == 302
    trainer.post(reverse("experts:offer_transition", args=[training.pk]), {"action": "submit"})
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED

    response = _decide(client, training, "publish", capture=django_capture_on_commit_callbacks, version=shown)
    assert response["Location"] == _review_url(training)
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert Client().get(training.get_absolute_url()).status_code == 404
    assert mail.outbox == []
    # The refusal says what changed, and the screen now shows the new version to review.
    page = client.get(response["Location"])
    (refusal,) = [str(m) for m in page.context["messages"]]
    assert "Innocent workshop" in refusal and "BUY CHEAP PILLS http://spam.example" in refusal
    assert page.context["form"]["version"].value() == training.version


def test_save_rubric_only_records_it_on_the_version_shown_without_deciding(client):
    from catalogue.models import ReviewAssessment

    training = _submitted()
    curator = make_curator()
    client.force_login(curator)
    response = client.post(_review_url(training), {**ALL_YES, "decision": "assess", "version": training.version})
    assert response["Location"] == _review_url(training)
    assessment = ReviewAssessment.objects.get(training=training)
    assert (assessment.version, assessment.curator, assessment.answers) == (
        training.version,
        curator,
        ALL_YES_ANSWERS,
    )
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    assert not OfferTransition.objects.filter(training=training).exists()


def test_review_screen_says_the_current_version_was_assessed(client):
    training = _submitted()
    client.force_login(make_curator())
    assert "review-assessment" not in client.get(_review_url(training)).text
    client.post(_review_url(training), {**ALL_YES, "decision": "assess", "version": training.version})
    page = client.get(_review_url(training))
    assert page.context["assessment_met"] is True
    assert 'id="review-assessment"' in page.text


def test_review_form_without_a_version_decides_nothing(client):
    training = _submitted()
    client.force_login(make_curator())
    response = client.post(_review_url(training), {**ALL_YES, "decision": "publish"})
    assert response.status_code == 200
    assert response.context["form"].errors["version"]
    response = client.post(_review_url(training), {**ALL_YES, "decision": "publish", "version": "9" * 40})
    assert response.context["form"].errors["version"]
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_review_shows_a_change_of_session_address_and_time_zone(client):
    curator = make_curator()
    training = _submitted()
    workflow.transition(training, workflow.Action.PUBLISH, by=curator, rubric=ALL_YES_ANSWERS)
    session = training.sessions.get()
    session.address = "1234 rue Sainte-Catherine"
    session.timezone = "Europe/Paris"
    session.save()
    workflow.transition(training, workflow.Action.EDIT_PUBLISHED, by=training.trainer.user)
    client.force_login(curator)
    (change,) = client.get(_review_url(training)).context["changes"]
    assert change.key == "sessions"
    assert "1234 rue Sainte-Catherine" in change.after and "1234 rue Sainte-Catherine" not in change.before
    assert "Europe/Paris" in change.after
