"""Deterministic bilingual demo data (used by `manage.py seed_demo` and the benchmarks).

Everything is built in memory and written with bulk_create, so 10,000
trainings take seconds. Dates are relative to today, so a fresh seed always
has upcoming sessions; everything else depends only on the seed.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from experts.models import Expert

from ..enums import Focus, Format, Level, Mode, Status
from ..models import Objective, Platform, Session, Training
from ..permissions import ensure_curators_group
from ..text import fold
from .reference import CITIES, OBJECTIVES, PLATFORMS

DEMO_PASSWORD = "cible-demo-2026"  # noqa: S105  # nosec B105  # printed demo credentials, by design
CURATOR_EMAIL = "curateur@cible.example"
TRAINER_EMAIL = "formatrice@cible.example"

FIRST_NAMES = [
    "Annie",
    "Luc",
    "Louis-Martin",
    "Sophie",
    "Karim",
    "Marie-Ève",
    "Julien",
    "Nadia",
    "Olivier",
    "Geneviève",
    "Thomas",
    "Fatou",
    "Mathieu",
    "Chloé",
    "Samuel",
    "Isabelle",
    "Hugo",
    "Léa",
]
LAST_NAMES = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Dubois",
    "Lefebvre",
    "Moreau",
    "Girard",
    "Bernard",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Martin",
]

FORMAT_WORDS = {
    "fr": {Format.CONFERENCE: "Conférence", Format.COURSE: "Formation", Format.WORKSHOP: "Atelier"},
    "en": {Format.CONFERENCE: "Talk", Format.COURSE: "Course", Format.WORKSHOP: "Workshop"},
}
SUMMARIES = {
    (
        "media",
        "fr",
    ): "Une stratégie média sur {platform} : préparer vos messages, choisir vos formats et mesurer leur portée.",
    (
        "media",
        "en",
    ): "A media strategy on {platform}: prepare your messages, pick your formats and measure their reach.",
    (
        "network",
        "fr",
    ): "Bâtir des relations d'affaires dans la durée sur {platform} : qui rencontrer, comment entretenir le lien.",
    (
        "network",
        "en",
    ): "Build business relationships that last on {platform}: whom to meet, how to keep the link alive.",
}
DESCRIPTIONS = {
    "fr": (
        "## Ce que vous apprendrez\n\n"
        "- **Savoir** : ce qui distingue un média social (un outil pour faire passer un message) "
        "d'un réseau social (un ensemble de personnes interconnectées).\n"
        "- **Savoir-faire** : des exercices concrets sur {platform}.\n"
        "- **Savoir-être** : l'attitude qui inspire confiance.\n\n"
        "Il n'y a pas qu'une seule bonne façon d'utiliser ces plateformes : nous partons de votre objectif."
    ),
    "en": (
        "## What you will learn\n\n"
        "- **Knowledge**: what sets a social medium (a tool that carries a message) apart "
        "from a social network (a group of interconnected people).\n"
        "- **Know-how**: hands-on exercises on {platform}.\n"
        "- **Interpersonal skills**: the attitude that builds trust.\n\n"
        "There is no single right way to use these platforms: we start from your objective."
    ),
}


def seed(trainings=40, experts=12, seed=1, stdout=None):
    rng = random.Random(seed)  # nosec B311  # deterministic demo data, not a secret
    with transaction.atomic():
        objectives = _objectives()
        platforms = _platforms()
        curator, trainer_user = _accounts()
        expert_rows = _experts(rng, experts, trainer_user, platforms)
        _trainings(rng, trainings, expert_rows, objectives, platforms)
    return {"curator": curator, "trainer": trainer_user}


def _objectives():
    result = []
    for order, (slug, focus, name_fr, name_en, desc_fr, desc_en, kw_fr, kw_en) in enumerate(OBJECTIVES):
        obj, _ = Objective.objects.update_or_create(
            slug=slug,
            defaults=dict(
                focus=focus,
                name_fr=name_fr,
                name_en=name_en,
                description_fr=desc_fr,
                description_en=desc_en,
                keywords_fr="\n".join(kw_fr),
                keywords_en="\n".join(kw_en),
                order=order,
            ),
        )
        result.append(obj)
    return result


def _platforms():
    result = []
    for order, (slug, name_fr, name_en) in enumerate(PLATFORMS):
        platform, _ = Platform.objects.update_or_create(
            slug=slug, defaults=dict(name_fr=name_fr, name_en=name_en, order=order)
        )
        result.append(platform)
    return result


def _accounts():
    User = get_user_model()
    curators = ensure_curators_group()
    curator, created = User.objects.get_or_create(
        username=CURATOR_EMAIL, defaults={"email": CURATOR_EMAIL, "is_staff": True, "first_name": "Claire"}
    )
    if created:
        curator.set_password(DEMO_PASSWORD)
        curator.save()
    curator.groups.add(curators)
    trainer, created = User.objects.get_or_create(username=TRAINER_EMAIL, defaults={"email": TRAINER_EMAIL})
    if created:
        trainer.set_password(DEMO_PASSWORD)
        trainer.save()
    return curator, trainer


def _experts(rng, count, trainer_user, platforms):
    existing = set(Expert.objects.values_list("slug", flat=True))
    rows = []
    for _ in range(count):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        focuses = rng.choice([["media"], ["network"], ["media", "network"]])
        city = rng.choice(CITIES)[0]
        slug = slugify(name)
        suffix = 2
        while slug in existing:
            slug = f"{slugify(name)}-{suffix}"
            suffix += 1
        existing.add(slug)
        rows.append(
            Expert(
                name=name,
                slug=slug,
                headline=rng.choice(
                    [
                        "Formatrice en médias sociaux",
                        "Conférencier en réseautage d'affaires",
                        "Stratège LinkedIn",
                        "Social media trainer",
                        "Networking coach",
                    ]
                ),
                bio="Plus de dix ans à accompagner des PME et des OBNL.\n\nMore than ten years helping small businesses.",
                focuses=focuses,
                city=city,
                city_folded=fold(city),
                languages=rng.choice([["fr"], ["fr", "en"], ["en", "fr"]]),
                website=f"https://example.com/{slug}",
                email_confirmed_at=timezone.now(),
            )
        )
    if rows and not Expert.objects.filter(user=trainer_user).exists():
        rows[0].user = trainer_user
        rows[0].name = "Annie Tremblay"
        rows[0].slug = "annie-tremblay" if "annie-tremblay" not in existing else rows[0].slug
        rows[0].focuses = ["network"]
    created = Expert.objects.bulk_create(rows)
    Through = Expert.platforms.through
    Through.objects.bulk_create(
        Through(expert_id=e.pk, platform_id=p.pk) for e in created for p in rng.sample(platforms, 2)
    )
    return created


def _trainings(rng, count, experts, objectives, platforms):
    by_focus = {f: [o for o in objectives if o.focus == f] for f in Focus.values}
    today = timezone.localdate()
    taken = set(Training.objects.values_list("slug", flat=True))
    trainings, links, sessions = [], [], []
    now = timezone.now()
    for index in range(count):
        expert = rng.choice(experts)
        focus = rng.choice(expert.focuses)
        fmt = rng.choice(Format.values)
        lang = "fr" if rng.random() < 0.7 else "en"
        objective = rng.choice(by_focus[focus])
        platform = rng.choice(platforms)
        mode = rng.choice(Mode.values)
        city, tz, currency = rng.choice(CITIES)
        objective_name = objective.name_fr if lang == "fr" else objective.name_en
        title = f"{FORMAT_WORDS[lang][fmt]} {platform.name_fr if lang == 'fr' else platform.name_en} : {objective_name.lower()}"
        if lang == "en":
            title = title.replace(" : ", ": ")
        slug = slugify(title)[:160]
        if slug in taken:
            slug = f"{slug}-{index}"
        taken.add(slug)
        price = Decimal("0") if rng.random() < 0.25 else Decimal(rng.choice([49, 95, 150, 250, 395, 600, 900]))
        training = Training(
            title=title,
            slug=slug,
            trainer=expert,
            summary=SUMMARIES[(focus, lang)].format(platform=platform.name_fr),
            description=DESCRIPTIONS[lang].format(platform=platform.name_fr),
            focus=focus,
            format=fmt,
            level=rng.choice(Level.values),
            mode=mode,
            language=lang,
            city="" if mode == Mode.ONLINE else city,
            duration_hours=Decimal(rng.choice([1, 2, 3, 6, 7, 14])),
            price=price,
            currency=currency,
            status=Status.PUBLISHED,
            featured=index < 4,
            published_at=now - timedelta(days=rng.randint(0, 120), minutes=index),
            submitted_at=now - timedelta(days=130),
        )
        training.competences = rng.sample(["knowledge", "know_how", "interpersonal"], rng.randint(1, 3))
        chosen_platforms = [platform] + ([rng.choice(platforms)] if rng.random() < 0.3 else [])
        chosen_platforms = list(dict.fromkeys(chosen_platforms))
        training.refresh_search_fields(objectives=[objective], platforms=chosen_platforms, save=False)
        trainings.append(training)
        links.append(([objective], chosen_platforms))
        for _ in range(rng.choice([0, 1, 2, 3])):
            day = today + timedelta(days=rng.randint(-60, 180))
            start = datetime.combine(day, time(rng.choice([9, 13, 18]), 0), tzinfo=ZoneInfo(tz))
            hours = min(int(training.duration_hours), 8)
            sessions.append(
                (
                    index,
                    Session(
                        starts_at=start,
                        ends_at=start + timedelta(hours=max(hours, 1)),
                        timezone=tz,
                        is_online=mode == Mode.ONLINE,
                        venue="" if mode == Mode.ONLINE else "Salle Gendron",
                        city="" if mode == Mode.ONLINE else city,
                        online_url="https://meet.example.com/cible" if mode != Mode.IN_PERSON else "",
                        seats=rng.choice([None, 12, 20, 40, 150]),
                    ),
                )
            )
    created = Training.objects.bulk_create(trainings, batch_size=1000)
    ObjThrough, PlatThrough = Training.objectives.through, Training.platforms.through
    ObjThrough.objects.bulk_create(
        [ObjThrough(training_id=t.pk, objective_id=o.pk) for t, (objs, _) in zip(created, links) for o in objs],
        batch_size=2000,
    )
    PlatThrough.objects.bulk_create(
        [PlatThrough(training_id=t.pk, platform_id=p.pk) for t, (_, plats) in zip(created, links) for p in plats],
        batch_size=2000,
    )
    for index, session in sessions:
        session.training = created[index]
    Session.objects.bulk_create([s for _, s in sessions], batch_size=2000)
