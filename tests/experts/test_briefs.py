"""The brief to a trainer: form, confirmation with the detected focus, sending, abuse limits."""

import re
import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings as settings_module
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from catalogue import grammar, matching, outbox
from catalogue.enums import Status
from catalogue.models import Objective
from catalogue.ranking import rank_experts
from experts import briefing
from experts.models import Brief
from tests.factories import make_expert, make_objective, make_public_expert, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db


@pytest.fixture
def objectives():
    return {
        "media": make_objective(
            "media", slug="spread-messages", name_fr="Diffuser vos messages", name_en="Spread your messages"
        ),
        "network": make_objective(
            "network",
            slug="grow-network",
            name_fr="Développer votre réseau d'affaires",
            name_en="Grow your business network",
        ),
    }


@pytest.fixture
def expert():
    """A public media expert who reads email in English."""
    return make_public_expert(
        user=make_user(email="trainer@example.com"),
        name="Marie Média",
        slug="marie-media",
        focuses=["media"],
        preferred_language="en",
        training={"slug": "viral-marketing", "title": "Viral marketing", "format": "course"},
    )


def brief_url(expert, lang="fr", training=None):
    with translation.override(lang):
        url = reverse("experts:brief", kwargs={"slug": expert.slug})
    return f"{url}?training={training}" if training else url


def brief_data(**changes):
    data = {
        "objective": "spread-messages",
        "objective_text": "",
        "audience": "Our sales team",
        "group_size": "12",
        "preferred_format": "workshop",
        "dates": "A morning in March",
        "budget": "1500 $",
        "language": "fr",
        "message": "We launch a product in the spring & want to talk about it.",
        "name": "Alice Visiteur",
        "email": "alice@example.org",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def send(client, expert, capture, lang="fr", training=None, **changes):
    with capture(execute=True):
        return client.post(brief_url(expert, lang, training), {**brief_data(**changes), "confirm": "1"})


# --- The form -----------------------------------------------------------------


def test_form_lists_curated_objectives_grouped_by_focus_and_hides_the_honeypot(client, expert, objectives):
    response = client.get(brief_url(expert))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Envoyer une demande à Marie Média" in html
    assert re.search(r'<optgroup label="Médias sociaux">\s*<option value="spread-messages"', html)
    assert re.search(r'<optgroup label="Réseaux sociaux">\s*<option value="grow-network"', html)
    for name in ("objective_text", "audience", "group_size", "preferred_format", "dates", "budget", "message"):
        assert f'name="{name}"' in html
    honeypot = re.search(r'<div[^>]*class="hp-field"[^>]*>.*?</div>\s*</div>', html, re.S)
    assert honeypot and 'aria-hidden="true"' in honeypot.group(0)
    assert re.search(r'<input[^>]*name="website"[^>]*tabindex="-1"', html)
    assert "style=" not in html


def test_form_from_a_training_page_names_the_training_and_preselects_its_format(client, expert, objectives):
    html = client.get(brief_url(expert, training="viral-marketing")).content.decode()
    assert "À propos de la formation « Viral marketing »." in html or "Viral marketing" in html
    assert re.search(r'<option value="course" selected>', html)


def test_objective_from_the_match_page_is_prefilled(client, expert, objectives):
    html = client.get(brief_url(expert) + "?objective=grow-network").content.decode()
    assert re.search(r'<option value="grow-network" selected>', html)
    html = client.get(brief_url(expert) + "?objective=Trouver+des+clients").content.decode()
    assert re.search(r'<textarea name="objective_text"[^>]*>\s*Trouver des clients</textarea>', html)


def test_unknown_expert_is_404(client):
    assert client.get("/fr/experts/nobody/brief/").status_code == 404


def test_expert_without_published_training_is_404(client):
    hidden = make_expert(slug="hidden-expert")
    make_training(trainer=hidden, status=Status.SUBMITTED)
    assert client.get(brief_url(hidden)).status_code == 404
    assert client.post(brief_url(hidden), {**brief_data(), "confirm": "1"}).status_code == 404
    assert Brief.objects.count() == 0


def test_another_experts_training_is_404(client, expert):
    make_training(slug="someone-elses")
    assert client.get(brief_url(expert, training="someone-elses")).status_code == 404


def test_unpublished_or_unknown_training_is_ignored(client, expert, objectives, django_capture_on_commit_callbacks):
    make_training(trainer=expert, slug="draft-one", status=Status.DRAFT, title="Secret draft")
    response = client.get(brief_url(expert, training="draft-one"))
    assert response.status_code == 200
    assert "Secret draft" not in response.content.decode()
    send(client, expert, django_capture_on_commit_callbacks, training="draft-one")
    assert Brief.objects.get().training is None


# --- Validation keeps what was typed --------------------------------------------


def test_missing_objective_and_consent_show_errors_and_keep_the_input(client, expert, objectives):
    response = client.post(
        brief_url(expert), brief_data(objective="", consent=None, email="not-an-email", message="Hello & welcome")
    )
    html = response.content.decode()
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"objective_text", "consent", "email"} <= set(errors)
    assert fr("Pick an objective from the list or describe your objective in your own words.") in html
    assert fr("We can only send your brief if the trainer may contact you.") in html
    assert fr("Enter a valid email address, for example name@example.com.") in html
    assert 'value="Alice Visiteur"' in html
    assert 'value="not-an-email"' in html
    assert "Hello &amp; welcome</textarea>" in html
    assert 'value="Our sales team"' in html
    assert 'value="A morning in March"' in html
    assert Brief.objects.count() == 0


def test_unknown_objective_slug_is_an_error(client, expert, objectives):
    html = client.post(brief_url(expert), brief_data(objective="no-such-thing")).content.decode()
    assert "Sélectionnez un choix valide." in html or "Choisissez un objectif dans la liste." in html
    assert Brief.objects.count() == 0


def test_edit_from_the_confirmation_returns_to_the_filled_form(client, expert, objectives):
    html = client.post(brief_url(expert), {**brief_data(), "edit": "1"}).content.decode()
    assert "Relire ma demande" in html
    assert 'value="Alice Visiteur"' in html
    assert re.search(r'<option value="spread-messages" selected>', html)
    assert "invalid-feedback" not in html


# --- Confirmation step ----------------------------------------------------------


def test_first_post_shows_the_detected_focus_and_sends_nothing(client, expert, objectives):
    response = client.post(brief_url(expert), brief_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert fr("Check your brief before sending") in html
    detected = re.search(r'<p class="mb-1" id="detected-focus">(.*?)</p>', html, re.S).group(1)
    assert "Médias sociaux" in detected
    assert "Diffuser vos messages" in detected
    assert fr("%(name)s declares this specialty.", name="Marie Média") in html
    assert 'id="focus-warning"' not in html
    assert Brief.objects.count() == 0
    assert mail.outbox == []


def test_confirmation_re_posts_every_field_as_hidden_inputs(client, expert, objectives):
    html = client.post(brief_url(expert), brief_data()).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)"(?: value="([^"]*)")?', html))
    assert hidden["objective"] == "spread-messages"
    assert hidden["message"] == "We launch a product in the spring &amp; want to talk about it."
    assert hidden["email"] == "alice@example.org"
    assert hidden["group_size"] == "12"
    assert hidden["consent"] == "True"
    assert set(brief_data()) <= set(hidden) | {"website"}
    assert re.search(r'<button type="submit" name="confirm" value="1"', html)


def test_focus_mismatch_warns_and_links_to_experts_who_declare_it(client, expert, objectives):
    make_public_expert(name="Nadia Réseau", slug="nadia-reseau", focuses=["network"], training={"focus": "network"})
    make_public_expert(name="Bob Both", slug="bob-both", focuses=["media", "network"])
    private = make_expert(name="Paul Private", slug="paul-private", focuses=["network"])
    make_training(trainer=private, status=Status.DRAFT)

    html = client.post(brief_url(expert), brief_data(objective="grow-network")).content.decode()
    assert 'id="focus-warning" data-missing="network"' in html
    warning = re.search(r'id="focus-warning"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "Réseaux sociaux" in warning
    assert "Marie Média" in warning
    assert 'href="/fr/experts/nadia-reseau/"' in warning
    assert 'href="/fr/experts/bob-both/"' in warning
    assert "paul-private" not in warning
    assert "marie-media" not in warning
    # The visitor may still send.
    assert re.search(r'name="confirm" value="1"', html)


def test_experts_proposed_on_a_mismatch_are_ranked_like_the_matcher_ranks_them(client, expert, objectives):
    plain = make_expert(name="Aaron Plain", slug="aaron-plain", focuses=["network"])
    make_training(trainer=plain, focus="network")
    specialist = make_expert(name="Zoe Specialist", slug="zoe-specialist", focuses=["network"])
    make_training(trainer=specialist, focus="network", objectives=[objectives["network"]])

    html = client.post(brief_url(expert), brief_data(objective="grow-network")).content.decode()
    warning = re.search(r'id="focus-warning"[^>]*>(.*?)</div>', html, re.S).group(1)

    # The trainer with a training on the visitor's objective comes first, not the first by name.
    proposed = re.findall(r'href="/fr/experts/([\w-]+)/"', warning)
    assert proposed == ["zoe-specialist", "aaron-plain"]
    analysis = matching.analyse("grow-network", list(Objective.objects.all()), "fr")
    assert proposed == [r.expert.slug for r in rank_experts(analysis)]


def test_mismatched_brief_can_still_be_sent(client, expert, objectives, django_capture_on_commit_callbacks):
    response = send(client, expert, django_capture_on_commit_callbacks, objective="grow-network")
    assert response.status_code == 302
    brief = Brief.objects.get()
    assert brief.detected_focus == "network"
    assert brief.objective == objectives["network"]


def test_free_text_objective_is_kept_in_the_visitors_words(
    client, expert, objectives, django_capture_on_commit_callbacks
):
    send(client, expert, django_capture_on_commit_callbacks, objective="", objective_text="Faire connaître notre OBNL")
    brief = Brief.objects.get()
    assert brief.objective_text == "Faire connaître notre OBNL"
    assert brief.detected_focus in {"media", "network", "mixed", "unknown"}


# --- Sending ------------------------------------------------------------------


def test_confirmed_brief_is_stored_then_emailed_to_trainer_and_visitor(
    client, expert, objectives, django_capture_on_commit_callbacks
):
    response = send(client, expert, django_capture_on_commit_callbacks, training="viral-marketing")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/experts/marie-media/brief/sent/?training=viral-marketing&brief=")
    brief = Brief.objects.get()
    assert (brief.expert, brief.training.slug, brief.objective) == (expert, "viral-marketing", objectives["media"])
    assert brief.detected_focus == "media"
    assert brief.objective_text == "Diffuser vos messages"
    assert (brief.name, brief.email, brief.consent, brief.group_size) == (
        "Alice Visiteur",
        "alice@example.org",
        True,
        12,
    )
    assert (brief.preferred_format, brief.language, brief.visitor_language) == ("workshop", "fr", "fr")
    rows = outbox.for_object(brief).order_by("pk")
    assert [(row.kind, row.status, row.attempts) for row in rows] == [
        (briefing.TO_TRAINER, "sent", 1),
        (briefing.CONFIRMATION, "sent", 1),
    ]

    to_trainer, to_visitor = mail.outbox
    # The trainer reads English; replying answers the visitor.
    assert to_trainer.to == ["trainer@example.com"]
    assert to_trainer.reply_to == ["alice@example.org"]
    assert to_trainer.subject == "Brief from Alice Visiteur: Spread your messages"
    assert "Hello Marie Média," in to_trainer.body
    assert "Detected focus: Social media" in to_trainer.body
    assert "Training: Viral marketing" in to_trainer.body
    assert "Audience: Our sales team" in to_trainer.body
    assert "Preferred format: Workshop" in to_trainer.body
    assert "We launch a product in the spring & want to talk about it." in to_trainer.body
    assert "/en/dashboard/" in to_trainer.body
    # The visitor wrote in French.
    assert to_visitor.to == ["alice@example.org"]
    assert to_visitor.subject == fr("Your brief to %(expert)s was sent", expert="Marie Média")
    assert "Bonjour Alice Visiteur," in to_visitor.body
    assert f"{fr('Objective:')} Diffuser vos messages" in to_visitor.body
    assert "/fr/experts/marie-media/" in to_visitor.body


def test_success_page_says_the_brief_was_delivered_by_email(
    client, expert, objectives, django_capture_on_commit_callbacks
):
    response = send(client, expert, django_capture_on_commit_callbacks, lang="en")
    page = client.get(response["Location"]).content.decode()
    assert 'data-outcome="delivered"' in page
    assert "by email" in page
    assert mail.outbox[1].subject == "Your brief to Marie Média was sent"
    assert mail.outbox[0].subject.startswith("Brief from Alice Visiteur: Spread your messages")


def test_success_page_says_the_email_is_delayed_when_the_send_failed(
    client, expert, objectives, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(EmailBackend, "send_messages", _failing_send)
    response = send(client, expert, django_capture_on_commit_callbacks, lang="en")
    page = client.get(response["Location"]).content.decode()
    assert 'data-outcome="delayed"' in page
    assert "inbox" in page
    # The brief is in the trainer's inbox all the same.
    client.force_login(expert.user)
    inbox = client.get(reverse("experts:brief_list")).content.decode()
    assert "Alice Visiteur" in inbox


def test_success_page_of_a_forged_brief_reference_says_nothing_about_another_brief(
    client, expert, objectives, django_capture_on_commit_callbacks
):
    url = reverse("experts:brief_sent", kwargs={"slug": expert.slug})
    assert client.get(f"{url}?brief=1:forged").status_code == 200


def test_trainer_email_in_french_when_the_trainer_prefers_it(client, objectives, django_capture_on_commit_callbacks):
    expert = make_public_expert(
        user=make_user(email="fr@example.com"), name="Jean", slug="jean", preferred_language="fr"
    )
    send(client, expert, django_capture_on_commit_callbacks, lang="en")
    to_trainer, to_visitor = mail.outbox
    french = fr("Brief from %(name)s: %(objective)s", name="Alice Visiteur", objective="Diffuser vos messages")
    assert to_trainer.subject == grammar.elide(french, "fr")
    assert "Bonjour Jean," in to_trainer.body
    assert f"{fr('Preferred format:')} {fr('Workshop')}" in to_trainer.body
    assert to_visitor.subject == "Your brief to Jean was sent"


def test_emails_go_out_only_after_the_transaction_commits(
    client, expert, objectives, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(brief_url(expert), {**brief_data(), "confirm": "1"})
    assert set(outbox.for_object(Brief.objects.get()).values_list("status", flat=True)) == {"queued"}
    assert mail.outbox == []
    assert len(callbacks) == 2
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2


# --- Email failure and retry ----------------------------------------------------


def _failing_send(self, messages):
    raise smtplib.SMTPServerDisconnected("mail server down")


def test_email_failure_keeps_the_brief_and_the_worker_sends_it_later(
    client, expert, objectives, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(EmailBackend, "send_messages", _failing_send)
    response = send(client, expert, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    brief = Brief.objects.get()
    rows = outbox.for_object(brief)
    assert set(rows.values_list("status", "attempts")) == {("failed", 1)}
    assert all("mail server down" in row.last_error for row in rows)
    assert mail.outbox == []

    monkeypatch.undo()
    call_command("worker", "--once")
    assert mail.outbox == []  # not due yet: the first retry waits a minute
    later = timezone.now() + timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("worker", "--once")
    assert set(rows.values_list("status", "attempts")) == {("sent", 2)}
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "trainer@example.com"]


def test_retry_sends_only_the_email_that_failed(
    client, expert, objectives, django_capture_on_commit_callbacks, monkeypatch
):
    original = EmailBackend.send_messages

    def fail_for_trainer(self, messages):
        if messages[0].to == ["trainer@example.com"]:
            raise smtplib.SMTPRecipientsRefused({})
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", fail_for_trainer)
    send(client, expert, django_capture_on_commit_callbacks)
    brief = Brief.objects.get()
    assert briefing.delivery(brief) == "delayed"
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]

    monkeypatch.undo()
    outbox.send_due(now=timezone.now() + timedelta(hours=1))
    assert [m.to for m in mail.outbox] == [["alice@example.org"], ["trainer@example.com"]]
    assert briefing.delivery(brief) == "delivered"


# --- Abuse ----------------------------------------------------------------------


def test_filled_honeypot_pretends_success_and_stores_nothing(
    client, expert, objectives, django_capture_on_commit_callbacks
):
    response = send(client, expert, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == "/fr/experts/marie-media/brief/sent/"
    assert Brief.objects.count() == 0
    assert mail.outbox == []


def test_sixth_brief_in_an_hour_is_refused_with_a_retry_time(
    client, expert, objectives, settings, django_capture_on_commit_callbacks
):
    settings.BRIEF_RATE_LIMIT = "5/h"
    # Confirmation steps do not count: only real sends do.
    for _ in range(7):
        assert client.post(brief_url(expert), brief_data()).status_code == 200
    for n in range(5):
        response = send(client, expert, django_capture_on_commit_callbacks, name=f"Visitor {n}")
        assert response.status_code == 302

    response = send(client, expert, django_capture_on_commit_callbacks, name="Visitor 6")
    html = response.content.decode()
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= 3600
    minutes = -(-retry_after // 60)
    retry = fr("You can try again at %(time)s (in about %(minutes)s min).", time="TIME", minutes=minutes)
    assert re.search(re.escape(retry).replace("TIME", r"\d{1,2}:\d{2}"), html)
    assert 'data-limit="connection"' in html
    assert Brief.objects.count() == 5
    assert len(mail.outbox) == 10

    # The confirmation step already says so, before the visitor confirms.
    assert client.post(brief_url(expert), brief_data()).status_code == 429
    # Another client IP is not limited.
    other = client.post(
        brief_url(expert), {**brief_data(email="bob@example.org"), "confirm": "1"}, REMOTE_ADDR="203.0.113.9"
    )
    assert other.status_code == 302


def test_rate_limit_is_configurable(client, expert, objectives, settings, django_capture_on_commit_callbacks):
    settings.BRIEF_RATE_LIMIT = "1/d"
    assert send(client, expert, django_capture_on_commit_callbacks).status_code == 302
    response = send(client, expert, django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 86400


def test_without_a_trusted_proxy_a_spoofed_forwarded_for_does_not_dodge_the_brief_limit(
    client, expert, objectives, settings, django_capture_on_commit_callbacks
):
    settings.BRIEF_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXIES = 0
    url = brief_url(expert)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {**brief_data(), "confirm": "1"}, HTTP_X_FORWARDED_FOR="198.51.100.1")
        assert first.status_code == 302
        spoofed = client.post(url, {**brief_data(), "confirm": "1"}, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert spoofed.status_code == 429
    assert 'data-limit="connection"' in spoofed.content.decode()
    assert Brief.objects.count() == 1


def test_behind_one_proxy_the_brief_limit_counts_the_address_the_proxy_saw(
    client, expert, objectives, settings, django_capture_on_commit_callbacks
):
    settings.BRIEF_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXIES = 1
    url = brief_url(expert)
    balancer = {"REMOTE_ADDR": "10.0.0.254"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {**brief_data(), "confirm": "1"}, HTTP_X_FORWARDED_FOR="198.51.100.1", **balancer)
        assert first.status_code == 302
        # The same visitor prepends a made-up address; the proxy still appends the real one.
        forged = client.post(
            url, {**brief_data(), "confirm": "1"}, HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.1", **balancer
        )
        assert forged.status_code == 429
        # Another visitor behind the same load balancer has their own budget.
        other = client.post(url, {**brief_data(), "confirm": "1"}, HTTP_X_FORWARDED_FOR="198.51.100.2", **balancer)
        assert other.status_code == 302
    assert Brief.objects.count() == 2


@pytest.mark.skipif(
    not settings_module.LIMITS_REDIS_URL, reason="needs LIMITS_REDIS_URL: the counter must live in that Redis"
)
def test_rate_limit_counter_lives_in_the_limits_redis_shared_by_every_server_process(
    client, expert, objectives, settings, django_capture_on_commit_callbacks
):
    import redis

    settings.BRIEF_RATE_LIMIT = "5/h"
    send(client, expert, django_capture_on_commit_callbacks)
    send(client, expert, django_capture_on_commit_callbacks)
    # Another process sees the same counter through its own connection.
    other_process = redis.Redis.from_url(settings.LIMITS_REDIS_URL)
    counters = [other_process.get(key) for key in other_process.scan_iter(match="*rl:*")]
    # One counter for the client IP, one for the visitor's address.
    assert counters == [b"2", b"2"]


def test_rate_limit_counter_lives_in_the_database_shared_by_every_server_process(
    client, expert, objectives, settings, django_capture_on_commit_callbacks
):
    if settings.LIMITS_REDIS_URL:
        pytest.skip("LIMITS_REDIS_URL is set: the counters live in that Redis")
    send(client, expert, django_capture_on_commit_callbacks)
    send(client, expert, django_capture_on_commit_callbacks)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM cible_limits WHERE cache_key LIKE %s", ["%rl:%"])
        # Two counters, each kept once however many briefs: the client IP's and the recipient address's.
        assert cursor.fetchone()[0] == 2


# --- The focus check, whatever the matcher recognises ------------------------------


def _matcher_says(monkeypatch, focus, explanation="Because."):
    from catalogue import matching

    monkeypatch.setattr(
        matching, "analyse", lambda text, objectives, lang: matching.Analysis(text, focus, [], explanation)
    )


def test_mixed_objective_warns_about_the_focus_the_trainer_lacks(client, expert, objectives, monkeypatch):
    _matcher_says(monkeypatch, "mixed", "You named a message to spread and contacts to keep.")
    make_public_expert(name="Nadia Réseau", slug="nadia-reseau", focuses=["network"], training={"focus": "network"})

    html = client.post(
        brief_url(expert), brief_data(objective="", objective_text="promouvoir et réseauter")
    ).content.decode()
    assert "À la fois médias sociaux et réseaux sociaux" in html
    assert "You named a message to spread and contacts to keep." in html
    assert 'id="focus-warning" data-missing="network"' in html  # the media trainer lacks the network side
    warning = re.search(r'id="focus-warning"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "Réseaux sociaux" in warning and "Marie Média" in warning
    assert 'href="/fr/experts/nadia-reseau/"' in warning


def test_unrecognised_objective_asks_nothing_of_the_trainer_and_says_so(client, expert, objectives, monkeypatch):
    _matcher_says(monkeypatch, "unknown", "")
    html = client.post(brief_url(expert), brief_data(objective="", objective_text="euh")).content.decode()
    assert "Non reconnue" in html
    assert "Nous n’avons pas pu déterminer si votre objectif" in html
    assert 'id="focus-warning"' not in html


@pytest.fixture
def unreachable_rate_limit_cache(settings):
    """Rate-limit counters in a Redis server that does not answer (nothing listens on port 1)."""
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.RATELIMIT_USE_CACHE = "down"


def test_brief_is_sent_when_the_rate_limit_cache_is_unreachable(
    client, expert, objectives, unreachable_rate_limit_cache, django_capture_on_commit_callbacks, caplog
):
    assert client.post(brief_url(expert), brief_data()).status_code == 200
    response = send(client, expert, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Brief.objects.count() == 1
    assert "Brief rate limit not checked: the cache is unreachable." in caplog.text


# --- Only to someone who can receive it ---------------------------------------------


@pytest.fixture
def unclaimed(objectives):
    """A listed media expert whose profile no account has claimed."""
    return make_public_expert(with_user=False, name="Sans Compte", slug="sans-compte", focuses=["media"])


def test_profile_without_an_account_says_so_instead_of_offering_a_brief(client, unclaimed, expert):
    page = client.get(unclaimed.get_absolute_url()).content.decode()
    assert 'data-brief="unavailable"' in page
    assert "send-brief" not in page
    assert "send-brief" in client.get(expert.get_absolute_url()).content.decode()
    training_page = client.get(unclaimed.training.get_absolute_url()).content.decode()
    assert 'data-brief="unavailable"' in training_page and "send-brief" not in training_page


def test_brief_page_of_an_unreceivable_expert_proposes_experts_with_the_same_focus(client, unclaimed, expert):
    unconfirmed = make_public_expert(name="Pas Confirmée", slug="pas-confirmee", email_confirmed_at=None)
    networker = make_public_expert(name="Nadia Réseau", slug="nadia-reseau", focuses=["network"])
    response = client.get(brief_url(unclaimed))
    assert response.status_code == 200
    alternatives = [expert.slug for expert in response.context["alternatives"]]
    assert alternatives == ["marie-media"]
    assert unconfirmed.slug not in alternatives and networker.slug not in alternatives
    assert 'name="message"' not in response.content.decode()  # no form


def test_brief_posted_to_an_unreceivable_expert_is_refused_and_stores_nothing(
    client, unclaimed, django_capture_on_commit_callbacks
):
    response = send(client, unclaimed, django_capture_on_commit_callbacks)
    assert response.status_code == 409
    assert 'data-brief="unavailable"' in response.content.decode()
    assert response.context["refused"] is True
    assert Brief.objects.count() == 0
    assert mail.outbox == []


def test_expert_with_an_unconfirmed_email_cannot_receive_a_brief(
    client, objectives, django_capture_on_commit_callbacks
):
    unconfirmed = make_public_expert(name="Pas Confirmée", slug="pas-confirmee", email_confirmed_at=None)
    assert send(client, unconfirmed, django_capture_on_commit_callbacks).status_code == 409
    assert Brief.objects.count() == 0


def test_focus_mismatch_proposes_only_experts_who_can_receive_a_brief(client, expert, objectives):
    make_public_expert(name="Nadia Réseau", slug="nadia-reseau", focuses=["network"], training={"focus": "network"})
    make_public_expert(
        with_user=False, name="Paul Réseau", slug="paul-reseau", focuses=["network"], training={"focus": "network"}
    )
    response = client.post(brief_url(expert), brief_data(objective="grow-network"))
    assert [e.slug for e in response.context["check"].alternatives] == ["nadia-reseau"]


# --- Per recipient address ----------------------------------------------------------


def test_confirmations_to_one_address_are_limited_whatever_the_client_ip(
    client, expert, objectives, settings, django_capture_on_commit_callbacks
):
    settings.BRIEF_RATE_LIMIT = "100/h"
    settings.RECIPIENT_RATE_LIMIT = "2/h"
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            response = client.post(brief_url(expert), {**brief_data(), "confirm": "1"}, REMOTE_ADDR=f"203.0.113.{n}")
            assert response.status_code == 302
        refused = client.post(brief_url(expert), {**brief_data(), "confirm": "1"}, REMOTE_ADDR="198.51.100.77")
    assert refused.status_code == 429
    assert 'data-limit="address"' in refused.content.decode()
    assert Brief.objects.count() == 2
    # The confirmation step already says so; another address is not limited.
    assert client.post(brief_url(expert), brief_data(), REMOTE_ADDR="198.51.100.78").status_code == 429
    other = client.post(brief_url(expert), {**brief_data(email="Bob@Example.org"), "confirm": "1"})
    assert other.status_code == 302
