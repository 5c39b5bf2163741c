import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from catalogue.enums import Status
from catalogue.models import Training
from experts.models import Expert
from tests.factories import make_expert, make_session, make_training, make_user
from tests.french import fr

pytestmark = pytest.mark.django_db

PASSWORD = "Un-mot-de-passe-solide-42"


@pytest.fixture
def client(sending_client):
    return sending_client


def _signup(client, email="Nouvelle@Example.com", name="Nouvelle Formatrice", password=PASSWORD, confirm=None):
    data = {
        "email": email,
        "name": name,
        "password": password,
        "password_confirm": password if confirm is None else confirm,
    }
    return client.post(reverse("experts:signup"), data)


def _link(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_signup_creates_unconfirmed_trainer_and_sends_confirmation_link(client):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:signup_done")
    user = get_user_model().objects.get()
    assert (user.username, user.email) == ("nouvelle@example.com", "nouvelle@example.com")
    expert = Expert.objects.get(user=user)
    assert (expert.name, expert.slug, expert.email_confirmed_at) == ("Nouvelle Formatrice", "nouvelle-formatrice", None)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nouvelle@example.com"]
    assert mail.outbox[0].subject == fr("Cible: confirm your email address")

    confirm = client.get(_link(mail.outbox[0]).replace("http://testserver", ""), follow=True)
    assert confirm.redirect_chain[-1][0] == reverse("experts:login")
    assert "Merci, votre adresse courriel est confirmée." in confirm.content.decode()
    expert.refresh_from_db()
    assert expert.email_confirmed_at is not None


def test_signup_slug_is_unique_for_a_common_name(client):
    make_expert(slug="marie-roy", name="Marie Roy")
    _signup(client, email="marie@example.com", name="Marie Roy")
    assert Expert.objects.get(user__email="marie@example.com").slug == "marie-roy-2"


def test_signup_slug_taken_by_a_simultaneous_signup_gets_the_next_suffix(client, monkeypatch):
    from experts import accounts

    real = accounts.unique_expert_slug
    answers = iter(["marie-roy"])
    # The first answer was free when checked, then another sign-up took it.
    monkeypatch.setattr(accounts, "unique_expert_slug", lambda name: next(answers, None) or real(name))
    make_expert(slug="marie-roy", name="Marie Roy")
    response = _signup(client, email="marie@example.com", name="Marie Roy")
    assert response["Location"] == reverse("experts:signup_done")
    assert Expert.objects.get(user__email="marie@example.com").slug == "marie-roy-2"
    assert [m.subject for m in mail.outbox] == [fr("Cible: confirm your email address")]


def test_signup_with_existing_email_looks_the_same_and_informs_the_owner(client):
    existing = make_user(email="deja@example.com")
    response = _signup(client, email="DEJA@example.com")
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:signup_done")
    assert get_user_model().objects.count() == 1
    existing.refresh_from_db()
    assert existing.check_password("a-long-test-password")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["deja@example.com"]
    assert mail.outbox[0].subject == fr("Cible: you already have an account")


def test_signup_refuses_weak_password(client):
    response = _signup(client, password="password")
    assert response.status_code == 200
    assert "Ce mot de passe est trop courant." in response.content.decode()
    assert not get_user_model().objects.exists()


def test_signup_asks_for_the_password_twice(client):
    page = client.get(reverse("experts:signup")).content.decode()
    assert "Confirmez le mot de passe" in page
    assert page.count('type="password"') == 2


def test_signup_refuses_two_different_passwords_and_creates_nothing(client):
    response = _signup(client, confirm="Un-mot-de-passe-solide-43")
    html = response.content.decode()
    assert response.status_code == 200
    assert fr("The two passwords differ: type the same password in both fields.") in html
    assert not get_user_model().objects.exists()
    assert mail.outbox == []
    # The other fields are kept; neither password is sent back.
    assert 'value="Nouvelle@Example.com"' in html
    assert PASSWORD not in html


def test_signup_without_the_confirmation_is_refused(client):
    response = client.post(reverse("experts:signup"), {"email": "a@example.com", "name": "Annie", "password": PASSWORD})
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not get_user_model().objects.exists()


def test_a_weak_password_typed_twice_is_still_refused(client):
    response = _signup(client, password="12345678", confirm="12345678")
    assert "Ce mot de passe est entièrement numérique." in response.content.decode()
    assert not get_user_model().objects.exists()


def test_tampered_or_foreign_confirmation_link_is_refused(client):
    _signup(client)
    link = _link(mail.outbox[0]).replace("http://testserver", "")
    response = client.get(link[:-3] + "xyz/")
    assert response.status_code == 400
    assert "Ce lien ne fonctionne pas" in response.content.decode()
    assert Expert.objects.get().email_confirmed_at is None


def test_unconfirmed_trainer_can_save_drafts_but_not_submit(client):
    expert = make_expert(email_confirmed_at=None)
    training = make_training(status=Status.DRAFT, trainer=expert)
    make_session(training)
    client.force_login(expert.user)
    response = client.post(reverse("experts:offer_transition", args=[training.pk]), {"action": "submit"}, follow=True)
    assert fr("Confirm your email address first: use the link we sent you.") in response.content.decode()
    training.refresh_from_db()
    assert training.status == Status.DRAFT


def test_resend_confirmation_sends_a_new_working_link(client):
    expert = make_expert(email_confirmed_at=None)
    client.force_login(expert.user)
    response = client.post(reverse("experts:resend_confirmation"), follow=True)
    assert f"Nous avons envoyé un nouveau lien de confirmation à {expert.user.email}." in response.content.decode()
    assert len(mail.outbox) == 1
    client.get(_link(mail.outbox[0]).replace("http://testserver", ""))
    expert.refresh_from_db()
    assert expert.email_confirmed_at is not None


def test_login_is_by_email_case_insensitive(client):
    make_user(email="prof@example.com", password=PASSWORD)
    response = client.post(reverse("experts:login"), {"username": "Prof@Example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("experts:dashboard")


def _fail_login(client, email):
    return client.post(reverse("experts:login"), {"username": email, "password": "wrong-password"})


def test_login_locks_out_after_five_failures_without_revealing_accounts(client):
    make_user(email="prof@example.com", password=PASSWORD)
    known = [_fail_login(client, "prof@example.com") for _ in range(4)]
    unknown = [_fail_login(client, "nobody@example.com") for _ in range(4)]
    for response in known + unknown:
        assert response.status_code == 200
        assert "Ce courriel et ce mot de passe ne correspondent pas." in response.content.decode()
    assert _fail_login(client, "prof@example.com").status_code == 429
    assert _fail_login(client, "nobody@example.com").status_code == 429
    # Locked: even the right password is refused, with the same page as for an unknown email.
    locked = client.post(reverse("experts:login"), {"username": "prof@example.com", "password": PASSWORD})
    unknown_locked = _fail_login(client, "nobody@example.com")
    assert locked.status_code == unknown_locked.status_code == 429
    assert "Trop de tentatives infructueuses" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not affected.
    make_user(email="autre@example.com", password=PASSWORD)
    other = client.post(reverse("experts:login"), {"username": "autre@example.com", "password": PASSWORD})
    assert other.status_code == 302


def test_without_a_trusted_proxy_a_spoofed_forwarded_for_does_not_dodge_the_lockout(client, settings):
    settings.TRUSTED_PROXIES = 0
    make_user(email="prof@example.com", password=PASSWORD)
    for n in range(5):
        client.post(
            reverse("experts:login"),
            {"username": "prof@example.com", "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    fresh_header = client.post(
        reverse("experts:login"),
        {"username": "prof@example.com", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert fresh_header.status_code == 429
    assert "Trop de tentatives infructueuses" in fresh_header.content.decode()
    assert "_auth_user_id" not in client.session


def test_behind_one_proxy_the_lockout_is_per_address_the_proxy_saw(client, settings):
    settings.TRUSTED_PROXIES = 1
    make_user(email="prof@example.com", password=PASSWORD)
    balancer = "10.0.0.254"

    def log_in(password, forwarded_for):
        return client.post(
            reverse("experts:login"),
            {"username": "prof@example.com", "password": password},
            REMOTE_ADDR=balancer,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    for _ in range(5):
        log_in("wrong-password", "203.0.113.7")
    # The attacker prepends a made-up address; the proxy still appends the real one.
    forged = log_in(PASSWORD, "198.51.100.1, 203.0.113.7")
    assert forged.status_code == 429
    assert "Trop de tentatives infructueuses" in forged.content.decode()
    # The account's owner, elsewhere, behind the same load balancer, still gets in.
    owner = log_in(PASSWORD, "198.51.100.9")
    assert owner.status_code == 302
    assert owner["Location"] == reverse("experts:dashboard")


def test_password_reset_by_email_sets_a_new_password(client):
    user = make_user(email="prof@example.com")
    response = client.post(reverse("experts:password_reset"), {"email": "PROF@example.com"})
    assert response["Location"] == reverse("experts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == fr("Cible: choose a new password")
    link = _link(mail.outbox[0]).replace("http://testserver", "")
    form_page = client.get(link, follow=True)
    assert "Choisissez un nouveau mot de passe" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done["Location"] == reverse("experts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_for_unknown_email_looks_the_same(client):
    response = client.post(reverse("experts:password_reset"), {"email": "inconnu@example.com"})
    assert response["Location"] == reverse("experts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == fr("Cible: password reset request")
    assert "/fr/accounts/signup/" in mail.outbox[0].body


def test_password_change(client):
    user = make_user(email="prof@example.com")
    make_expert(user=user)
    client.force_login(user)
    response = client.post(
        reverse("experts:password_change"),
        {"old_password": "a-long-test-password", "new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert response["Location"] == reverse("experts:password_change_done")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_logout_is_post_only(client):
    user = make_user()
    client.force_login(user)
    assert client.get(reverse("experts:logout")).status_code == 405
    client.post(reverse("experts:logout"))
    assert "_auth_user_id" not in client.session


def test_pages_are_in_english_too(client):
    response = client.get("/en/accounts/signup/")
    assert "Create your trainer account" in response.content.decode()
    assert not Training.objects.exists()


def test_expired_confirmation_link_is_refused(client, settings):
    _signup(client)
    settings.EMAIL_CONFIRMATION_MAX_AGE = -1
    response = client.get(_link(mail.outbox[0]).replace("http://testserver", ""))
    assert response.status_code == 400
    assert Expert.objects.get().email_confirmed_at is None


def test_confirmation_link_for_a_changed_email_is_refused(client):
    _signup(client)
    user = get_user_model().objects.get()
    user.email = user.username = "changee@example.com"
    user.save()
    response = client.get(_link(mail.outbox[0]).replace("http://testserver", ""))
    assert response.status_code == 400


def test_signup_emails_to_one_address_are_limited_whatever_the_client_ip(client, settings):
    settings.RECIPIENT_RATE_LIMIT = "2/h"
    for n in range(2):
        data = {"email": "cible@example.com", "name": f"Essai {n}", "password": PASSWORD, "password_confirm": PASSWORD}
        assert client.post(reverse("experts:signup"), data, REMOTE_ADDR=f"203.0.113.{n}").status_code == 302
    data = {"email": "Cible@Example.com", "name": "Essai 3", "password": PASSWORD, "password_confirm": PASSWORD}
    refused = client.post(reverse("experts:signup"), data, REMOTE_ADDR="198.51.100.3")
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()
    assert len(mail.outbox) == 2  # a confirmation, then "you already have an account"; not a third


def test_password_reset_emails_to_one_address_are_limited(client, settings):
    settings.RECIPIENT_RATE_LIMIT = "1/h"
    make_user(email="prof@example.com")
    url = reverse("experts:password_reset")
    assert client.post(url, {"email": "prof@example.com"}, REMOTE_ADDR="203.0.113.1").status_code == 302
    assert client.post(url, {"email": "prof@example.com"}, REMOTE_ADDR="203.0.113.2").status_code == 200
    assert len(mail.outbox) == 1
