import pytest

from tests.factories import make_expert, make_platform, make_public_expert, make_training

pytestmark = pytest.mark.django_db


def _html(response):
    return response.content.decode()


def test_expert_list_shows_cards_in_french(client):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    annie = make_public_expert(
        name="Annie Tremblay",
        slug="annie-tremblay",
        headline="Stratège LinkedIn",
        focuses=["network"],
        city="Québec",
        languages=["fr", "en"],
        platforms=[linkedin],
    )
    make_training(trainer=annie)
    make_expert(name="Sans formation")
    html = _html(client.get("/fr/experts/"))
    assert "1 spécialiste" in html
    assert 'href="/fr/experts/annie-tremblay/">Annie Tremblay</a>' in html
    assert '<span class="badge badge-network">Réseaux sociaux</span>' in html
    assert "Stratège LinkedIn" in html
    assert "Québec" in html
    assert "LinkedIn" in html
    assert "Enseigne en\u00a0: FR, EN" in html
    assert "2 formations publiées" in html
    assert "Sans formation" not in html


def test_expert_list_in_english(client):
    make_public_expert(name="Marc Roy", focuses=["media"])
    html = _html(client.get("/en/experts/"))
    assert "1 expert" in html
    assert '<span class="badge badge-media">Social media</span>' in html
    assert "1 published training" in html


def test_expert_list_filters_and_shows_chips(client):
    make_public_expert(name="Media person", focuses=["media"])
    make_public_expert(name="Network person", focuses=["network"])
    response = client.get("/en/experts/?focus=network")
    assert [e.name for e in response.context["experts"]] == ["Network person"]
    assert 'href="?">Focus: Social networking' in _html(response)


@pytest.mark.parametrize(
    "query,message",
    [
        ("focus=xyz", "Sélectionnez un choix valide. xyz n’en fait pas partie."),
        ("language=de", "Sélectionnez un choix valide. de n’en fait pas partie."),
        ("platform=myspace", "Sélectionnez un choix valide. myspace n’en fait pas partie."),
    ],
)
def test_expert_list_bad_values_are_form_errors(client, query, message):
    make_public_expert(name="Still here")
    response = client.get(f"/fr/experts/?{query}")
    assert response.status_code == 200
    assert message in _html(response)
    assert [e.name for e in response.context["experts"]] == ["Still here"]


def test_expert_list_paginates_and_forgives_bad_pages(client):
    for n in range(14):
        make_public_expert(name=f"Expert {n:02}")
    assert len(client.get("/fr/experts/").context["experts"]) == 12
    assert client.get("/fr/experts/?page=abc").context["page_obj"].number == 1
    last = client.get("/fr/experts/?page=99999")
    assert last.context["page_obj"].number == 2
    assert len(last.context["experts"]) == 2


def test_expert_list_empty_state(client):
    make_public_expert(name="Media person", focuses=["media"])
    html = _html(client.get("/fr/experts/?city=Tombouctou"))
    assert "Aucune ou aucun spécialiste ne correspond à votre recherche." in html
    assert '<a class="btn btn-primary" href="/fr/experts/">Voir la liste des spécialistes</a>' in html


def test_expert_detail_shows_profile_and_published_trainings(client):
    linkedin = make_platform(slug="linkedin", name_fr="LinkedIn", name_en="LinkedIn")
    expert = make_expert(
        name="Annie Tremblay",
        slug="annie-tremblay",
        headline="Stratège LinkedIn",
        bio="Dix ans de **réseautage**.\n\n<img src=x onerror=alert(1)>",
        focuses=["network", "media"],
        city="Québec",
        languages=["fr", "en"],
        website="https://example.com/annie",
        social_links=["https://www.linkedin.com/in/annie", "javascript:alert(1)"],
    )
    expert.platforms.set([linkedin])
    make_training(trainer=expert, title="Réseauter sur LinkedIn", focus="network")
    make_training(trainer=expert, title="Brouillon caché", status="draft")
    html = _html(client.get("/fr/experts/annie-tremblay/"))
    assert '<h1 class="mb-1">Annie Tremblay</h1>' in html
    assert "Dix ans de <strong>réseautage</strong>." in html
    assert "onerror" not in html
    assert "Réseaux sociaux, Médias sociaux" in html
    assert "Québec" in html
    assert "Français, Anglais" in html
    assert 'href="/fr/experts/?platform=linkedin">LinkedIn</a>' in html
    assert 'href="https://example.com/annie"' in html
    assert 'href="https://www.linkedin.com/in/annie"' in html
    assert "javascript:" not in html
    assert "Formations d’Annie Tremblay" in html
    assert "Réseauter sur LinkedIn" in html
    assert "Brouillon caché" not in html
    assert 'href="/fr/experts/annie-tremblay/brief/">Envoyer une demande</a>' in html


def test_expert_detail_in_english(client):
    make_public_expert(name="Marc Roy", slug="marc-roy", focuses=["media"], languages=["en"])
    html = _html(client.get("/en/experts/marc-roy/"))
    assert "Trainings by Marc Roy" in html
    assert "Social media" in html
    assert "English" in html
    assert ">Send a brief</a>" in html
