from datetime import timedelta

from django.utils import timezone

from experts.forms.offers import DATETIME_FORMAT


def when(days, hour=9):
    moment = timezone.localtime(timezone.now() + timedelta(days=days)).replace(hour=hour, minute=0)
    return moment.strftime(DATETIME_FORMAT)


def offer_data(objectives=(), sessions=(), initial_sessions=0, **overrides):
    """POST data for the offer form; `sessions` is a list of dicts of session fields."""
    data = {
        "title": "Diffuser vos messages sur LinkedIn",
        "summary": "Un atelier pratique.",
        "description": "## Programme\n\n- rédiger\n- publier",
        "focus": "media",
        "format": "workshop",
        "competences": ["knowledge", "know_how"],
        "level": "beginner",
        "mode": "in_person",
        "language": "fr",
        "city": "Montréal",
        "duration_hours": "3",
        "price": "0",
        "currency": "CAD",
        "objectives": [objective.pk for objective in objectives],
        "sessions-TOTAL_FORMS": str(len(sessions)),
        "sessions-INITIAL_FORMS": str(initial_sessions),
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "50",
    }
    for index, session in enumerate(sessions):
        for key, value in session.items():
            data[f"sessions-{index}-{key}"] = value
    data.update(overrides)
    return data


def session_fields(start_days=10, hours=3, **extra):
    fields = {
        "starts_at": when(start_days),
        "ends_at": when(start_days, hour=9 + hours),
        "venue": "Salle A",
        "city": "Montréal",
    }
    fields.update(extra)
    return fields
