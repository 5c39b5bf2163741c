import pytest
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core import mail

from catalogue import workflow
from catalogue.enums import Status
from catalogue.models import OfferTransition, Training
from catalogue.workflow import OWN_OFFER
from tests.factories import make_assessment, make_curator, make_expert, make_session, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db

QUEUE = "/fr/admin/catalogue/training/?status=all"


def _post_action(client, action, trainings, versions=None, **extra):
    """Post the bulk action; with `apply`, as confirmed on a page that showed `versions` (default: current)."""
    data = {"action": action, "_selected_action": [t.pk for t in trainings], **extra}
    if "apply" in extra:
        current = dict(Training.objects.filter(pk__in=[t.pk for t in trainings]).values_list("pk", "version"))
        data.update({f"version_{pk}": version for pk, version in {**current, **(versions or {})}.items()})
    return client.post(QUEUE, data, follow="apply" in extra)


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def _skipped_report(response):
    """The bulk page's one warning: how many offers were skipped, and why."""
    (report,) = [str(m) for m in response.context["messages"] if m.level == messages.WARNING]
    return report


def _skipped_count(count):
    return fr("Offers skipped: %(count)d — %(details)s", count=count, details="")


def test_bulk_action_first_asks_for_the_shared_message(client):
    trainings = [make_training(status=Status.SUBMITTED, title=f"Offre {i}") for i in range(2)]
    client.force_login(make_curator())
    page = _post_action(client, "reject_selected", trainings)
    assert page.status_code == 200
    assert page.templates[0].name == "admin/catalogue/training/bulk_decision.html"
    assert "Offre 0" in page.text and "Offre 1" in page.text
    assert {t.status for t in trainings} == {Status.SUBMITTED}


def test_bulk_reject_requires_the_message(client):
    trainings = [make_training(status=Status.SUBMITTED)]
    client.force_login(make_curator())
    page = _post_action(client, "reject_selected", trainings, apply="1", message=" ")
    assert page.context["form"].errors["message"]
    trainings[0].refresh_from_db()
    assert trainings[0].status == Status.SUBMITTED


def test_bulk_publish_with_mixed_states_reports_succeeded_and_skipped(client, django_capture_on_commit_callbacks):
    submitted = [make_training(status=Status.SUBMITTED, title=f"Soumise {i}") for i in range(3)]
    for training in submitted:
        make_assessment(training)
    draft = make_training(status=Status.DRAFT, title="Brouillon")
    published = make_training(status=Status.PUBLISHED, title="Déjà publiée")
    client.force_login(make_curator())
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(client, "publish_selected", [*submitted, draft, published], apply="1", message="")
    for training in submitted:
        training.refresh_from_db()
        assert training.status == Status.PUBLISHED
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.status) == (Status.DRAFT, Status.PUBLISHED)
    assert OfferTransition.objects.count() == 3
    assert fr("Offers published: %(count)d.", count=3) in _messages(response)
    skipped = _skipped_report(response)
    assert skipped.startswith(_skipped_count(2))
    assert "Brouillon" in skipped and "Déjà publiée" in skipped
    assert sorted(m.subject for m in mail.outbox) == [
        fr("Published: %(title)s", title=f"Soumise {i}") for i in range(3)
    ]


def test_bulk_request_changes_sends_the_shared_message_to_each_trainer(client, django_capture_on_commit_callbacks):
    trainings = [make_training(status=Status.SUBMITTED, title=f"Offre {i}") for i in range(2)]
    rejected = make_training(status=Status.REJECTED, title="Refusée")
    client.force_login(make_curator())
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(
            client, "request_changes_selected", [*trainings, rejected], apply="1", message="Ajoutez les prix."
        )
    assert fr("Offers sent back for changes: %(count)d.", count=2) in _messages(response)
    assert {r.message for r in OfferTransition.objects.all()} == {"Ajoutez les prix."}
    assert len(mail.outbox) == 2
    assert all("Ajoutez les prix." in m.body for m in mail.outbox)
    rejected.refresh_from_db()
    assert rejected.status == Status.REJECTED


def test_bulk_actions_are_hidden_from_staff_who_cannot_moderate(client):
    staff = make_user(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_training"))
    training = make_training(status=Status.SUBMITTED)
    client.force_login(staff)
    page = client.get(QUEUE)
    assert "publish_selected" not in page.text
    _post_action(client, "publish_selected", [training], apply="1")
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_bulk_publish_skips_the_curators_own_offer_and_says_why(client, django_capture_on_commit_callbacks):
    curator = make_curator()
    own = make_training(status=Status.SUBMITTED, title="Mon offre", trainer=make_expert(user=curator))
    other = make_training(status=Status.SUBMITTED, title="Offre d’une formatrice")
    make_assessment(other)
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(client, "publish_selected", [own, other], apply="1", message="")
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, other.status) == (Status.SUBMITTED, Status.PUBLISHED)
    assert fr("Offers published: %(count)d.", count=1) in _messages(response)
    own_offer = fr("“%(title)s” (%(reason)s)", title="Mon offre", reason=OWN_OFFER)
    assert _skipped_report(response) == fr("Offers skipped: %(count)d — %(details)s", count=1, details=own_offer)


def test_bulk_publish_applies_only_to_offers_assessed_all_yes_on_their_current_version(
    client, django_capture_on_commit_callbacks
):
    assessed = make_training(status=Status.SUBMITTED, title="Évaluée")
    make_assessment(assessed)
    unassessed = make_training(status=Status.SUBMITTED, title="Jamais évaluée")
    with_a_no = make_training(status=Status.SUBMITTED, title="Un non")
    make_assessment(with_a_no, answers={"sessions_and_prices_complete": False})
    older = make_training(status=Status.SUBMITTED, title="Évaluée avant un changement")
    make_session(older)
    make_assessment(older)
    workflow.transition(older, workflow.Action.WITHDRAW, by=older.trainer.user)
    workflow.transition(older, workflow.Action.SUBMIT, by=older.trainer.user)
    offers = [assessed, unassessed, with_a_no, older]
    client.force_login(make_curator())

    # The confirmation page already says which offers the workflow will refuse, and why.
    page = _post_action(client, "publish_selected", offers).text
    assert page.count("bulk-refusal-rubric_missing") == 2
    assert page.count("bulk-refusal-rubric_not_met") == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(client, "publish_selected", offers, apply="1", message="")
    statuses = {t.title: Training.objects.get(pk=t.pk).status for t in offers}
    assert statuses == {
        "Évaluée": Status.PUBLISHED,
        "Jamais évaluée": Status.SUBMITTED,
        "Un non": Status.SUBMITTED,
        "Évaluée avant un changement": Status.SUBMITTED,
    }
    assert _skipped_report(response).startswith(_skipped_count(3))
    assert [mail_.subject for mail_ in mail.outbox] == [fr("Published: %(title)s", title="Évaluée")]


def test_bulk_decision_on_an_offer_changed_since_the_page_was_shown_is_refused(
    client, django_capture_on_commit_callbacks
):
    training = make_training(status=Status.SUBMITTED, title="Innocent workshop")
    make_session(training)
    client.force_login(make_curator())
    shown = training.version  # the version the bulk page carries
    workflow.transition(training, workflow.Action.WITHDRAW, by=training.trainer.user)
    Training.objects.filter(pk=training.pk).update(title="BUY CHEAP PILLS http://spam.example")
    workflow.transition(training, workflow.Action.SUBMIT, by=training.trainer.user)
    make_assessment(Training.objects.get(pk=training.pk))

    with django_capture_on_commit_callbacks(execute=True):
        response = _post_action(
            client, "reject_selected", [training], versions={training.pk: shown}, apply="1", message="Non."
        )
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED
    (skipped,) = _messages(response)
    assert "BUY CHEAP PILLS http://spam.example" in skipped
    assert mail.outbox == []


def test_bulk_decision_without_the_version_shown_is_refused(client):
    training = make_training(status=Status.SUBMITTED)
    make_assessment(training)
    client.force_login(make_curator())
    data = {"action": "publish_selected", "_selected_action": [training.pk], "apply": "1", "message": ""}
    client.post(QUEUE, {**data, f"version_{training.pk}": "x" * 50})
    client.post(QUEUE, data)
    training.refresh_from_db()
    assert training.status == Status.SUBMITTED


def test_bulk_actions_are_offered_to_curators_one_per_decision_with_their_labels(client):
    make_training(status=Status.SUBMITTED)
    client.force_login(make_curator())
    page = client.get(QUEUE).text
    labels = {
        workflow.Action.PUBLISH: "Publish selected offers",
        workflow.Action.REQUEST_CHANGES: "Request changes to selected offers",
        workflow.Action.REJECT: "Reject selected offers",
    }
    assert set(labels) == set(workflow.DECISIONS)
    for action, label in labels.items():
        assert f'<option value="{action}_selected">{fr(label)}</option>' in page
