"""Trainer accounts: sign-up, email confirmation, log-in limits.

The account's username is the lower-cased email, so log-in is by email.
Nothing here tells a visitor whether an email already has an account: a
sign-up with a known email looks the same as a new one, and the owner of the
address gets an informational email instead.

Account e-mails go through the outbox. Those carrying a link with a token
(confirmation, password reset) are stored as a reference only and rendered at
each attempt; the outbox stops retrying before the link would expire.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from catalogue import outbox

from .models import Expert

CONFIRM_SALT = "experts.confirm-email"
CONFIRM_KIND = "account.confirm_email"
RESET_KIND = "account.password_reset"
# Tries at a fresh profile slug when a simultaneous sign-up took the one we picked.
SLUG_ATTEMPTS = 5


def normalise_email(email):
    return (email or "").strip().lower()


def login_username(request, credentials):
    """What django-axes counts failures against: the lower-cased email."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username", "")
    return normalise_email(username)


def unique_expert_slug(name, exclude_pk=None):
    base = slugify(name)[:120] or "expert"
    slug, n = base, 2
    existing = Expert.objects.exclude(pk=exclude_pk)
    while existing.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def register_trainer(*, email, password, name, language, build_url):
    """Create the account and profile, or tell the existing owner; same outcome either way.

    `build_url(path)` makes an absolute link for the emails. Returns the new
    Expert, or None when the email already had an account.
    """
    email = normalise_email(email)
    User = get_user_model()
    if User.objects.filter(username=email).exists():
        make_password(password)  # same hashing time as a new account: no timing tell
        _send_already_registered(email, language, build_url)
        return None
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                user = User.objects.create_user(username=email, email=email, password=password)
                expert = Expert.objects.create(
                    user=user,
                    name=name.strip(),
                    slug=unique_expert_slug(name),
                    focuses=[],
                    languages=[language],
                    preferred_language=language,
                )
            break
        except IntegrityError:
            if User.objects.filter(username=email).exists():  # a double submit raced us to the same email
                _send_already_registered(email, language, build_url)
                return None
            if attempt == SLUG_ATTEMPTS:  # not the email: another sign-up took the slug meanwhile; try the next
                raise
    send_confirmation(expert)
    return expert


def confirmation_token(expert):
    return signing.dumps({"expert": expert.pk, "email": expert.user.email}, salt=CONFIRM_SALT)


def send_confirmation(expert):
    """Queue the confirmation e-mail; its link is made (and signed) only when it is sent."""
    outbox.queue_email(
        kind=CONFIRM_KIND,
        to=expert.user.email,
        template="emails/confirm_email",
        context={"expert_id": expert.pk},
        language=expert.preferred_language,
        related=expert.user,
    )


def _confirmation_context(row):
    expert = Expert.objects.select_related("user").filter(pk=row.context.get("expert_id")).first()
    if expert is None or expert.user is None or expert.user.email != row.to:
        raise outbox.Undeliverable("the account or its address changed")
    if expert.email_confirmed_at is not None:
        raise outbox.Undeliverable("already confirmed")
    link = settings.SITE_URL + reverse("experts:confirm_email", kwargs={"token": confirmation_token(expert)})
    return {"expert": expert, "link": link, "days": settings.EMAIL_CONFIRMATION_MAX_AGE // 86400}


def send_password_reset(user):
    """Queue the password-reset e-mail; its link (a one-time token) is made only when it is sent."""
    expert = getattr(user, "expert", None)
    outbox.queue_email(
        kind=RESET_KIND,
        to=user.email,
        template="emails/password_reset",
        context={"user_id": user.pk},
        language=expert.preferred_language if expert else translation.get_language(),
        related=user,
    )


def _password_reset_context(row):
    user = get_user_model().objects.filter(pk=row.context.get("user_id"), is_active=True).first()
    if user is None or user.email != row.to or not user.has_usable_password():
        raise outbox.Undeliverable("the account or its address changed")
    path = reverse(
        "experts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return {"link": settings.SITE_URL + path}


outbox.register_deferred(CONFIRM_KIND, _confirmation_context, lambda: settings.EMAIL_CONFIRMATION_MAX_AGE)
outbox.register_deferred(RESET_KIND, _password_reset_context, lambda: settings.PASSWORD_RESET_TIMEOUT)


def _send_already_registered(email, language, build_url):
    with translation.override(language):
        outbox.queue_email(
            kind="account.already_registered",
            to=email,
            template="emails/already_registered",
            context={
                "login_link": build_url(reverse("experts:login")),
                "reset_link": build_url(reverse("experts:password_reset")),
            },
            language=language,
        )


def confirm_email(token):
    """The Expert whose email the token confirms, now confirmed; None if invalid or expired."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.EMAIL_CONFIRMATION_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    expert = Expert.objects.select_related("user").filter(pk=data.get("expert")).first()
    # A link sent to an old address does not confirm a new one.
    if expert is None or expert.user is None or expert.user.email != data.get("email"):
        return None
    if expert.email_confirmed_at is None:
        expert.email_confirmed_at = timezone.now()
        expert.save(update_fields=["email_confirmed_at", "updated_at"])
    return expert
