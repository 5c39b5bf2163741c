"""Comments reach visitors only once a curator accepts them; ratings count at once; one public reply."""

import pytest
from django.urls import reverse

from experts.models import Outcome
from experts.outcomes import figures_for
from tests.factories import make_brief, make_curator, make_public_expert

pytestmark = pytest.mark.django_db


def _commented(expert, comment="Très utile pour mon réseau", reached="yes"):
    brief = make_brief(expert)
    return Outcome.objects.create(brief=brief, hired=True, reached=reached, comment=comment, comment_status="pending")


def _accept(client, outcome):
    return client.post(
        reverse("admin:experts_outcome_changelist"),
        {"action": "accept_comments", "_selected_action": [outcome.pk], "comment": "pending"},
        follow=True,
    )


def test_comment_is_hidden_until_a_curator_accepts_it_but_the_rating_counts(client):
    expert = make_public_expert()
    outcome = _commented(expert)
    assert figures_for("expert", [expert.pk])[expert.pk].reached == 1
    assert "Très utile" not in client.get(f"/fr/experts/{expert.slug}/").content.decode()
    curator = make_curator()
    client.force_login(curator)
    assert "Très utile" in client.get(reverse("admin:experts_outcome_changelist")).content.decode()
    _accept(client, outcome)
    assert Outcome.objects.get().comment_status == "accepted"
    client.logout()
    from django.core.cache import cache

    cache.clear()
    assert "Très utile" in client.get(f"/fr/experts/{expert.slug}/").content.decode()


def test_rejected_comment_never_shows(client):
    expert = make_public_expert()
    outcome = _commented(expert, comment="Commentaire refusé")
    client.force_login(make_curator())
    client.post(
        reverse("admin:experts_outcome_changelist"), {"action": "reject_comments", "_selected_action": [outcome.pk]}
    )
    assert Outcome.objects.get().comment_status == "rejected"
    client.logout()
    assert "Commentaire refusé" not in client.get(f"/fr/experts/{expert.slug}/").content.decode()


def test_curator_cannot_moderate_an_answer_about_their_own_offer(client):
    curator = make_curator()
    expert = make_public_expert(user=curator)
    outcome = _commented(expert)
    client.force_login(curator)
    _accept(client, outcome)
    assert Outcome.objects.get().comment_status == "pending"


def test_trainer_posts_one_public_reply_to_an_accepted_comment(client):
    expert = make_public_expert()
    outcome = _commented(expert)
    client.force_login(expert.user)
    url = reverse("experts:brief_comment_reply", kwargs={"pk": outcome.brief_id})
    client.post(url, {"reply": "Merci!"})
    assert Outcome.objects.get().reply == ""  # not accepted yet
    Outcome.objects.update(comment_status="accepted")
    client.post(url, {"reply": "Merci!"})
    client.post(url, {"reply": "Deuxième réponse"})
    assert Outcome.objects.get().reply == "Merci!"
    page = client.get(reverse("experts:brief_detail", kwargs={"pk": outcome.brief_id})).content.decode()
    assert "Merci!" in page


def test_trainer_cannot_reply_about_another_trainer(client):
    outcome = _commented(make_public_expert(), comment="x")
    Outcome.objects.update(comment_status="accepted")
    other = make_public_expert()
    client.force_login(other.user)
    response = client.post(reverse("experts:brief_comment_reply", kwargs={"pk": outcome.brief_id}), {"reply": "Non"})
    assert response.status_code == 404 and Outcome.objects.get().reply == ""


def test_curator_decides_a_comment_from_its_page_reached_from_the_queue(client):
    from tests.french import fr

    expert = make_public_expert()
    kept, refused = _commented(expert, comment="Très utile"), _commented(expert, comment="Hors sujet")
    client.force_login(make_curator())
    page = client.get(reverse("admin:experts_outcome_change", args=[kept.pk])).content.decode()
    assert fr("Accept the comment") in page and fr("Reject the comment") in page

    response = client.post(
        reverse("admin:experts_outcome_change", args=[kept.pk]), {"_accept_comment": "1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("review_queue")
    assert fr("Comment accepted: it now shows on the trainer's page.") in response.content.decode()
    client.post(reverse("admin:experts_outcome_change", args=[refused.pk]), {"_reject_comment": "1"})
    assert dict(Outcome.objects.values_list("comment", "comment_status")) == {
        "Très utile": "accepted",
        "Hors sujet": "rejected",
    }

    # Decided meanwhile by another curator: nothing changes, and the page says so; no buttons any more.
    response = client.post(
        reverse("admin:experts_outcome_change", args=[refused.pk]), {"_accept_comment": "1"}, follow=True
    )
    assert fr("This comment had already been decided: nothing changed.") in response.content.decode()
    assert Outcome.objects.get(pk=refused.pk).comment_status == "rejected"
    page = client.get(reverse("admin:experts_outcome_change", args=[refused.pk])).content.decode()
    assert fr("Accept the comment") not in page


def test_curator_cannot_accept_from_its_page_a_comment_about_their_own_offer(client):
    from tests.french import fr

    curator = make_curator()
    outcome = _commented(make_public_expert(user=curator))
    client.force_login(curator)
    response = client.post(
        reverse("admin:experts_outcome_change", args=[outcome.pk]), {"_accept_comment": "1"}, follow=True
    )
    assert fr("This comment is about your own offers: another curator decides it.") in response.content.decode()
    assert Outcome.objects.get().comment_status == "pending"
