"""The objective a visitor typed follows them from the match to the brief."""

import re

import pytest

from tests.factories import make_expert, make_objective, make_platform, make_training

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
    brief_url = f"/fr/experts/nadia-roy/brief/?training={training.slug}&amp;objective=garder+contact+avec+mes+clients"
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
    # The trainer reads French: the subject names the catalogue's objective in French.
    assert any(subject.endswith("Maintenir vos contacts en vie") and "Alice Visitor" in subject for subject in subjects)


def test_objective_platform_and_competences_travel_from_the_catalogue_to_the_brief(client):
    objective = make_objective(focus="network", slug="reseau-affaires", name_fr="Réseau d’affaires")
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    trainer = make_expert(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    training = make_training(
        trainer=trainer, focus="network", objectives=[objective], platforms=[linkedin], competences=["knowledge"]
    )
    filters = {"objective": "reseau-affaires", "platform": "linkedin", "competence": "interpersonal"}

    catalogue = client.get("/fr/trainings/", {**filters, "competence": "knowledge"}).content.decode()
    assert f"/fr/trainings/{training.slug}/?objective=reseau-affaires&amp;platform=linkedin" in catalogue

    page = client.get(f"/fr/trainings/{training.slug}/", filters).content.decode()
    assert "objective=reseau-affaires&amp;platform=linkedin&amp;competence=interpersonal" in page

    form = client.get("/fr/experts/nadia-roy/brief/", {"training": training.slug, **filters}).content.decode()
    assert '<option value="reseau-affaires" selected>' in form
    assert 'value="linkedin"' in form and re.search(r'value="linkedin"[^>]*checked', form)
    assert re.search(r'value="interpersonal"[^>]*checked', form)


def test_a_training_page_alone_opens_the_brief_with_its_own_objective(client):
    objective = make_objective(focus="media", slug="diffuser", name_fr="Diffuser")
    training = make_training(trainer=make_expert(slug="karim"), objectives=[objective])

    page = client.get(f"/fr/trainings/{training.slug}/").content.decode()

    assert f"/fr/experts/karim/brief/?training={training.slug}&amp;objective=diffuser" in page


def test_the_brief_warns_when_no_offer_of_the_trainer_teaches_a_competence_asked(client):
    trainer = make_expert(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    make_training(trainer=trainer, focus="network", competences=["knowledge", "know_how"])
    data = {
        "objective_text": "garder contact avec mes clients",
        "competences": ["interpersonal", "knowledge"],
        "language": "fr",
        "message": "Bonjour",
        "name": "Léa",
        "email": "lea@example.com",
        "consent": "on",
    }

    page = client.post("/fr/experts/nadia-roy/brief/", data).content.decode()

    assert 'id="competence-warning"' in page
    assert "Savoir-être" in page.split('id="competence-warning"')[1].split("</div>")[0]
    assert "Savoir (" not in page.split('id="competence-warning"')[1].split("</div>")[0]

    client.post("/fr/experts/nadia-roy/brief/", {**data, "confirm": "1"})
    from experts.models import Brief

    assert Brief.objects.get().competences == ["knowledge", "interpersonal"]
