from datetime import timedelta

from django.utils import timezone

from alerts.models import Alert


def make_alert(email="ana@example.com", confirmed=True, query="focus=media", language="fr", **fields):
    """An alert on a catalogue search, confirmed a day ago unless told otherwise."""
    now = timezone.now()
    start = now - timedelta(days=1)
    defaults = dict(kind="filters", label="Focus: Social media", frequency="daily")
    defaults.update(fields)
    alert = Alert.objects.create(email=email, query=query, language=language, **defaults)
    if confirmed:
        Alert.objects.filter(pk=alert.pk).update(confirmed_at=start, since=start, next_digest_at=now)
        alert.refresh_from_db()
    return alert
