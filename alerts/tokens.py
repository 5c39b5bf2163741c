"""Signed links: no account, the link is the key. Each use has its own salt, so one
link can never be used as another."""

from django.core import signing

from experts.accounts import normalise_email

CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # unconfirmed requests are deleted after this too
MANAGE_MAX_AGE = 90 * 24 * 60 * 60  # a digest's "manage" link outlives a few weekly digests

_CONFIRM = "alerts.confirm"
_UNSUBSCRIBE = "alerts.unsubscribe"
_MANAGE = "alerts.manage"
_FEED = "alerts.feed"


class BadLink(Exception):
    """Tampered or malformed (`expired` False) or too old (`expired` True)."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


MAX_TOKEN_LENGTH = 400


def _load(token, salt, max_age=None):
    if len(token) > MAX_TOKEN_LENGTH:
        raise BadLink()
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise BadLink(expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise BadLink() from exc


def _pk(value):
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadLink()
    return value


def confirm_token(alert):
    return signing.dumps(alert.pk, salt=_CONFIRM)


def confirmed_pk(token):
    return _pk(_load(token, _CONFIRM, CONFIRM_MAX_AGE))


def unsubscribe_token(alert):
    return signing.dumps(alert.pk, salt=_UNSUBSCRIBE)


def unsubscribed_pk(token):
    return _pk(_load(token, _UNSUBSCRIBE))


def feed_token(alert):
    return signing.dumps(alert.pk, salt=_FEED)


def feed_pk(token):
    return _pk(_load(token, _FEED))


def manage_token(email):
    return signing.dumps(normalise_email(email), salt=_MANAGE, compress=True)


def managed_email(token):
    email = _load(token, _MANAGE, MANAGE_MAX_AGE)
    if not isinstance(email, str) or not email:
        raise BadLink()
    return email
