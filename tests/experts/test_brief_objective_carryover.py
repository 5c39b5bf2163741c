"""The objective a visitor typed follows them from the match to the brief."""

import pytest

from tests.factories import make_expert, make_objective, make_training

pytestmark = pytest.mark.django_db


def test_typed_objective_follows_match_to_training_to_brief_form(client):
    objective = make_objective(
        focus="network",
        slug="maintenir-vos-contacts-en-vie",
        name_fr="Maintenir vos contacts en vie",
        keywords_fr="garder contact",
    )
    trainer = make_expert(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    training = make_training(trainer=trainer, focus="network", title="Garder le lien", objectives=[objective])

    match = client.get("/fr/match/", {"objective": "garder contact avec mes clients"})
    link = f'href="/fr/trainings/{training.slug}/?objective=garder%20contact%20avec%20mes%20clients"'
    assert link in match.content.decode()

    page = client.get(f"/fr/trainings/{training.slug}/", {"objective": "garder contact avec mes clients"})
    brief_url = (
        f"/fr/experts/nadia-roy/brief/?training={training.slug}&amp;objective=garder%20contact%20avec%20mes%20clients"
    )
    assert brief_url in page.content.decode()

    form = client.get(
        "/fr/experts/nadia-roy/brief/", {"training": training.slug, "objective": "garder contact avec mes clients"}
    )
    assert 'id="id_objective_text">\ngarder contact avec mes clients</textarea>' in form.content.decode()


def test_picked_objective_reads_in_the_trainers_language_in_the_email_subject(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    objective = make_objective(
        focus="network", slug="contacts", name_fr="Maintenir vos contacts en vie", name_en="Keep your contacts alive"
    )
    make_training(trainer=(trainer := make_expert(slug="nadia", focuses=["network"])), focus="network")
    trainer.preferred_language = "fr"
    trainer.save()
    data = {
        "objective": objective.slug,
        "objective_text": "",
        "message": "Hello",
        "name": "Alice Visitor",
        "email": "alice@example.com",
        "consent": "on",
        "language": "en",
        "confirm": "1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/experts/nadia/brief/", data)
    assert response.status_code == 302
    subjects = [m.subject for m in mailoutbox]
    assert "Demande d’Alice Visitor\u00a0: Maintenir vos contacts en vie" in subjects
