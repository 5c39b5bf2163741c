"""Each rule of the workflow is refused the same way on every screen that can attempt the move:
the curator's review screen, the bulk page of the queue and the trainer's views all show the
workflow's own refusal (catalogue.workflow.check), and nothing changes."""

import pytest
from django.test import Client
from django.urls import reverse

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition, Training
from catalogue.review_rules import RUBRIC_KEYS
from catalogue.workflow import Action
from tests.experts.helpers import offer_data, session_fields
from tests.factories import make_assessment, make_curator, make_expert, make_session, make_training
from tests.french import fr

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/catalogue/training/?status=all"
ALL_YES = {f"rubric_{key}": "yes" for key in RUBRIC_KEYS}


def _refusal(training, action, user, **kwargs):
    """The workflow's refusal of `action`, as its text, checked before any screen tries it."""
    (first, *_rest) = workflow.check(Training.objects.get(pk=training.pk), action, user, **kwargs)
    return first


def _skipped(training, refusal):
    """How the bulk page's report names an offer it skipped, with the workflow's refusal."""
    return fr("“%(title)s” (%(reason)s)", title=training.title, reason=refusal)


def _page_messages(response):
    return [str(m) for m in response.context["messages"]]


def _review(client, training, decision, message="", rubric=None, version=None):
    data = {**(ALL_YES if rubric is None else rubric), "decision": decision, "message": message}
    data["version"] = version or Training.objects.get(pk=training.pk).version
    return client.post(f"/fr/admin/catalogue/training/{training.pk}/review/", data, follow=True)


def _bulk(client, training, decision, message="", version=None):
    data = {
        "action": f"{decision}_selected",
        "_selected_action": [training.pk],
        "apply": "1",
        "message": message,
        f"version_{training.pk}": version or Training.objects.get(pk=training.pk).version,
    }
    return client.post(QUEUE, data, follow=True)


def _trainer_button(client, training, action):
    return client.post(reverse("experts:offer_transition", args=[training.pk]), {"action": action}, follow=True)


def _unchanged(training, status):
    training.refresh_from_db()
    return training.status == status and not OfferTransition.objects.filter(training=training).exists()


@pytest.mark.parametrize("decision", ["request_changes", "reject"])
def test_a_message_is_required_on_the_review_screen_and_the_bulk_page(client, decision):
    training = make_training(status=Status.SUBMITTED)
    curator = make_curator()
    expected = _refusal(training, decision, curator, message="")
    assert expected.code == "message_required"
    client.force_login(curator)

    review = _review(client, training, decision, message=" ")
    assert review.context["form"].errors["message"] == [str(expected)]
    bulk = _bulk(client, training, decision, message=" ")
    assert bulk.context["form"].errors["message"] == [str(expected)]
    assert _unchanged(training, Status.SUBMITTED)


def test_publish_needs_the_rubric_all_yes_on_the_review_screen_and_the_bulk_page(client):
    training = make_training(status=Status.SUBMITTED)
    curator = make_curator()
    client.force_login(curator)

    # The review screen records the answers given with the decision: one "no" refuses it.
    review = _review(client, training, "publish", rubric={**ALL_YES, "rubric_focus_is_right": "no"})
    make_assessment(training, answers={"focus_is_right": False})
    not_met = _refusal(training, Action.PUBLISH, curator)
    assert not_met.code == "rubric_not_met"
    assert review.context["form"].non_field_errors() == [str(not_met)]

    # The bulk page carries no rubric: it publishes only what was answered all "yes" on this version.
    bulk = _bulk(client, training, "publish")
    assert _skipped(training, not_met) in " ".join(_page_messages(bulk))
    assert _unchanged(training, Status.SUBMITTED)


def test_nobody_decides_on_their_own_offer_on_any_screen(client):
    owner = make_curator()
    training = make_training(status=Status.SUBMITTED, trainer=make_expert(user=owner))
    make_session(training)
    make_assessment(training)
    expected = _refusal(training, Action.PUBLISH, owner)
    assert expected.code == "own_offer"
    client.force_login(owner)

    assert fr("Not allowed: %(detail)s", detail=expected) in _page_messages(_review(client, training, "publish"))
    assert _skipped(training, expected) in " ".join(_page_messages(_bulk(client, training, "publish")))
    assert str(expected) in _page_messages(_trainer_button(client, training, "publish"))
    assert _unchanged(training, Status.SUBMITTED)


def test_a_move_from_the_wrong_state_is_refused_the_same_way_on_every_screen(client):
    curator = make_curator()
    draft = make_training(status=Status.DRAFT)
    expected = _refusal(draft, Action.PUBLISH, curator)
    assert expected.code == "wrong_state"
    client.force_login(curator)

    review = _review(client, draft, "publish")
    assert str(expected) in _page_messages(review)
    bulk = _bulk(client, draft, "publish")
    assert _skipped(draft, expected) in " ".join(_page_messages(bulk))
    assert _unchanged(draft, Status.DRAFT)

    trainer = Client()
    trainer.force_login(draft.trainer.user)
    withdraw = _refusal(draft, Action.WITHDRAW, draft.trainer.user)
    assert withdraw.code == "wrong_state"
    assert str(withdraw) in _page_messages(_trainer_button(trainer, draft, "withdraw"))
    assert _unchanged(draft, Status.DRAFT)


def test_a_decision_on_an_older_version_is_refused_on_the_review_screen_and_the_bulk_page(client):
    curator = make_curator()
    training = make_training(status=Status.SUBMITTED)
    make_session(training)
    seen = training.version
    workflow.transition(training, Action.WITHDRAW, by=training.trainer.user)
    workflow.transition(training, Action.SUBMIT, by=training.trainer.user)
    make_assessment(training)
    expected = _refusal(training, Action.PUBLISH, curator, version=seen)
    assert expected.code == "stale_version"
    client.force_login(curator)

    assert str(expected) in _page_messages(_review(client, training, "publish", version=seen))
    assert _skipped(training, expected) in " ".join(_page_messages(_bulk(client, training, "publish", version=seen)))
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


@pytest.mark.parametrize("missing", ["email", "session"])
def test_going_to_review_is_refused_the_same_way_from_the_button_and_from_editing_a_live_offer(client, missing):
    expert = make_expert(email_confirmed_at=None) if missing == "email" else make_expert()
    client.force_login(expert.user)
    draft = make_training(status=Status.DRAFT, trainer=expert)
    live = make_training(status=Status.PUBLISHED, trainer=expert)
    if missing == "email":
        make_session(draft)
        make_session(live)
    expected = _refusal(draft, Action.SUBMIT, expert.user)
    assert expected.code == ("email_unconfirmed" if missing == "email" else "no_upcoming_session")

    detail = client.get(reverse("experts:offer_detail", args=[draft.pk])).text
    assert str(expected) in detail.replace("&#x27;", "'").replace("&quot;", '"')
    assert str(expected) in _page_messages(_trainer_button(client, draft, "submit"))
    assert _unchanged(draft, Status.DRAFT)

    sessions = [{"id": s.pk, **session_fields(10)} for s in live.sessions.all()]
    edit = client.post(
        reverse("experts:offer_edit", args=[live.pk]),
        offer_data(sessions=sessions, initial_sessions=len(sessions), title="Titre revu"),
    )
    assert str(expected) in _page_messages(edit)
    title = live.title
    live.refresh_from_db()
    assert (live.status, live.title) == (Status.PUBLISHED, title)
    assert not OfferTransition.objects.filter(training=live).exists()
