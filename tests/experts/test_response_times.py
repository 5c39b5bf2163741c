"""Response time: the inbox reply (e-mailed and kept) or the mark "answered elsewhere"; the median with
unanswered briefs as infinite, from 3 briefs, and the share answered within 2 days."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from experts.models import Brief, BriefReply
from experts.response_times import figures_for, hours_for
from tests.factories import make_brief, make_public_expert

pytestmark = pytest.mark.django_db


def _brief_replied_after(expert, delay):
    brief = make_brief(expert, created_ago=timedelta(days=30))
    if delay is not None:
        Brief.objects.filter(pk=brief.pk).update(first_reply_at=brief.created_at + delay)
    return brief


def test_median_counts_unanswered_briefs_as_infinite():
    expert = make_public_expert()
    for delay in [timedelta(hours=5), timedelta(hours=30), None]:
        _brief_replied_after(expert, delay)
    figures = figures_for([expert.pk])[expert.pk]
    assert (figures.median_hours, figures.fast_share, figures.days) == (30.0, 67, 2)
    _brief_replied_after(expert, None)
    _brief_replied_after(expert, None)
    assert figures_for([expert.pk])[expert.pk].median_hours is None
    assert hours_for([expert.pk]) == {expert.pk: None}


def test_no_figure_below_three_briefs_nor_from_old_briefs(client):
    expert = make_public_expert()
    _brief_replied_after(expert, timedelta(hours=1))
    _brief_replied_after(expert, timedelta(hours=1))
    old = make_brief(expert, created_ago=timedelta(days=400))
    Brief.objects.filter(pk=old.pk).update(first_reply_at=old.created_at)
    assert hours_for([expert.pk]) == {expert.pk: None}
    assert "response-time" not in client.get(f"/fr/experts/{expert.slug}/").content.decode()


@pytest.mark.parametrize("lang, text", [("fr", "moins de 2 jours"), ("en", "within 2 days")])
def test_expert_page_says_how_fast_they_reply(client, lang, text):
    expert = make_public_expert()
    for delay in [timedelta(hours=5), timedelta(hours=30), timedelta(hours=40)]:
        _brief_replied_after(expert, delay)
    html = client.get(f"/{lang}/experts/{expert.slug}/").content.decode()
    assert 'data-median-hours="30.0"' in html and text in html


def test_inbox_reply_is_emailed_to_the_visitor_and_kept(sending_client):
    expert = make_public_expert()
    brief = make_brief(expert)
    sending_client.force_login(expert.user)
    url = reverse("experts:brief_reply", kwargs={"pk": brief.pk})
    sending_client.post(url, {"text": "Bonjour, voici mes disponibilités."})
    assert BriefReply.objects.get().text == "Bonjour, voici mes disponibilités."
    assert Brief.objects.get().first_reply_at is not None
    sent = [m for m in mail.outbox if m.to == [brief.email]]
    assert sent and "voici mes disponibilités" in sent[-1].body and sent[-1].reply_to == [expert.user.email]


def test_marking_answered_elsewhere_counts_as_a_reply_once(client):
    expert = make_public_expert()
    brief = make_brief(expert)
    client.force_login(expert.user)
    url = reverse("experts:brief_reply", kwargs={"pk": brief.pk})
    client.post(url, {"elsewhere": "1"})
    first = Brief.objects.get().first_reply_at
    client.post(url, {"elsewhere": "1"})
    assert first is not None and Brief.objects.get().first_reply_at == first
    assert not BriefReply.objects.exists()


def test_trainer_cannot_reply_to_another_trainers_brief(client):
    brief = make_brief(make_public_expert())
    client.force_login(make_public_expert().user)
    response = client.post(reverse("experts:brief_reply", kwargs={"pk": brief.pk}), {"text": "x"})
    assert response.status_code == 404 and not BriefReply.objects.exists()
