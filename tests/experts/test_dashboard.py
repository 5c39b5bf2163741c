from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalogue.enums import Status
from experts.models import Brief
from tests.factories import make_expert, make_session, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(client):
    expert = make_expert()
    client.force_login(expert.user)
    return expert


def _brief(expert, minutes_ago, **fields):
    defaults = dict(objective_text="Objectif", message="Bonjour", name="Client", email="client@example.com")
    defaults.update(fields)
    brief = Brief.objects.create(expert=expert, **defaults)
    Brief.objects.filter(pk=brief.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    return brief


def test_dashboard_groups_offers_by_status_with_next_step(client, expert):
    draft = make_training(status=Status.DRAFT, trainer=expert, title="Mon brouillon")
    live = make_training(trainer=expert, title="Mon offre en ligne")
    make_session(live)
    make_training(title="Pas la mienne")
    page = client.get(reverse("experts:dashboard")).content.decode()
    assert "Pas la mienne" not in page
    drafts = page.split('data-status="draft"')[1].split("</section>")[0]
    assert "Mon brouillon" in drafts and "Terminer le brouillon" in drafts
    assert reverse("experts:offer_edit", args=[draft.pk]) in drafts
    published = page.split('data-status="published"')[1].split("</section>")[0]
    assert "Mon offre en ligne" in published and live.get_absolute_url() in published
    assert "La voir en ligne" in published
    assert f'href="{expert.get_absolute_url()}">Voir mon profil public' in page


def test_dashboard_title_reads_right_before_a_name_starting_with_a_vowel(client):
    # "Tableau de bord de Annie" would be wrong French; no elision to get wrong.
    annie = make_expert(name="Annie Tremblay")
    client.force_login(annie.user)
    page = client.get(reverse("experts:dashboard")).content.decode()
    assert "<h1>Tableau de bord — Annie Tremblay</h1>" in page


def test_dashboard_hides_public_profile_link_until_something_is_published(client, expert):
    make_training(status=Status.SUBMITTED, trainer=expert)
    assert "Voir mon profil public" not in client.get(reverse("experts:dashboard")).content.decode()


def test_dashboard_lists_briefs_newest_first_with_unread_marked(client, expert):
    _brief(expert, 60, name="Ancienne", read_at=timezone.now())
    _brief(expert, 5, name="Récente")
    _brief(make_expert(), 1, name="Pas pour vous")
    page = client.get(reverse("experts:dashboard")).content.decode()
    assert "Pas pour vous" not in page
    assert page.index("Récente") < page.index("Ancienne")
    assert "Non lues\u00a0: 1" in page
    recent_row = page.split("Récente")[0].rsplit("<li", 1)[1]
    assert "Non lue" in recent_row


def test_reading_a_brief_marks_it_read_and_offers_a_mailto_reply(client, expert):
    brief = _brief(expert, 5, email="client@example.com", message="<b>Bonjour</b>")
    page = client.get(reverse("experts:brief_detail", args=[brief.pk])).content.decode()
    assert 'href="mailto:client@example.com?subject=Votre%20demande%20sur%20Cible"' in page
    assert "&lt;b&gt;Bonjour&lt;/b&gt;" in page
    brief.refresh_from_db()
    assert brief.read_at is not None


def test_brief_list_is_paginated_and_scoped(client, expert):
    for n in range(22):
        _brief(expert, n, name=f"Client {n}")
    first = client.get(reverse("experts:brief_list")).content.decode()
    assert "Client 0" in first and "Client 19" in first and "Client 21" not in first
    second = client.get(reverse("experts:brief_list") + "?page=2").content.decode()
    assert "Client 21" in second


def test_dashboard_query_count_does_not_grow_with_offers(client, expert, django_assert_max_num_queries):
    for _ in range(3):
        make_session(make_training(trainer=expert))
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("experts:dashboard"))
    for _ in range(10):
        make_session(make_training(trainer=expert, status=Status.DRAFT))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("experts:dashboard"))
