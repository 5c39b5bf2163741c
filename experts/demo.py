"""Deterministic bilingual demo data (used by `manage.py seed_demo` and the benchmarks).

It lives in the experts app because it writes experts as well as trainings
(catalogue never imports experts); the text pools and reference data it reads
stay in catalogue/demo/.

Trainings are assembled from the text pools in `content.py` (objective ×
platform × audience × format × level × competences), built in memory and
written with bulk_create, so 10,000 trainings take seconds. Everything but the
dates depends only on the seed; dates are relative to today, so a fresh seed
always has upcoming and past sessions.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from catalogue import page_cache, review_rules, workflow
from catalogue.demo import content
from catalogue.demo.reference import CITIES, OBJECTIVE_USES, PLATFORM_NOTES, PLATFORMS, USES, objective_fields
from catalogue.enums import Focus, Format, Level, Mode, Status
from catalogue.grammar import elide
from catalogue.models import Objective, OfferTransition, Platform, Session, Training, Use
from catalogue.permissions import ensure_curators_group
from catalogue.text import fold

from .models import Brief, Expert, Outcome

DEMO_PASSWORD = "cible-demo-2026"  # noqa: S105  # nosec B105  # printed demo credentials, by design
CURATOR_EMAIL = "responsable@cible.example"
TRAINER_EMAIL = "formatrice@cible.example"
TRAINER_NAME = "Annie Tremblay"

FIRST_NAMES = [
    "Annie", "Luc", "Louis-Martin", "Sophie", "Karim", "Marie-Ève", "Julien", "Nadia", "Olivier", "Geneviève",
    "Thomas", "Fatou", "Mathieu", "Chloé", "Samuel", "Isabelle", "Hugo", "Léa", "Émilie", "Jean-François",
    "Amina", "Patrick", "Camille", "Yannick",
]  # fmt: skip
# First names the demo treats as a woman's, so that French lines about the person agree.
FEMININE_NAMES = {
    "Annie", "Sophie", "Marie-Ève", "Nadia", "Geneviève", "Fatou", "Chloé", "Isabelle", "Léa", "Émilie", "Amina",
    "Camille",
}  # fmt: skip
LAST_NAMES = [
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Dubois",
    "Lefebvre", "Moreau", "Girard", "Bernard", "Pelletier", "Bélanger", "Lévesque", "Martin", "Diallo", "Nguyen",
    "Ouellet", "Bergeron", "Leclerc", "Mercier",
]  # fmt: skip

# Per format: (duration hours, number of sessions, price choices, chance of being free).
FORMAT_SHAPES = {
    Format.CONFERENCE: ([1, 1.5, 2], [1, 1, 2], [25, 35, 45, 60, 95], 0.45),
    Format.WORKSHOP: ([3, 3.5, 6, 7], [1, 2, 3], [95, 150, 195, 250, 395], 0.2),
    Format.COURSE: ([6, 7, 12, 14, 21], [1, 2, 3, 4], [295, 395, 600, 850, 1200], 0.1),
}
LEVEL_WEIGHTS = [(Level.BEGINNER, 5), (Level.INTERMEDIATE, 4), (Level.ADVANCED, 2)]
MODE_WEIGHTS = [(Mode.IN_PERSON, 45), (Mode.ONLINE, 35), (Mode.HYBRID, 20)]
START_TIMES = [time(9, 0), time(9, 30), time(13, 0), time(13, 30), time(18, 30)]
ONLINE_TOOLS = ["https://meet.jit.si/cible-{slug}", "https://zoom.us/j/{n}", "https://teams.microsoft.com/l/{n}"]
CITY_INFO = {name: (tz, currency) for name, tz, currency in CITIES}


@dataclass
class Offer:
    training: Training
    objectives: list
    platforms: list
    uses: list = field(default_factory=list)
    sessions: list = field(default_factory=list)


def seed(trainings=40, experts=12, seed=1, stdout=None):
    rng = random.Random(seed)  # nosec B311  # deterministic demo data, not a secret
    with transaction.atomic():
        uses = _uses()
        objectives = _objectives(uses)
        platforms = _platforms()
        curator, trainer_user = _accounts()
        expert_rows = _experts(rng, experts, trainer_user, platforms)
        builder = _Builder(rng, objectives, platforms)
        published = [builder.offer(expert_rows[0] if i < 3 else rng.choice(expert_rows), i) for i in range(trainings)]
        for index, offer in enumerate(published):
            offer.training.status = Status.PUBLISHED
            offer.training.featured = index < 4
            offer.training.published_at = builder.now - timedelta(days=rng.randint(0, 120), minutes=index)
            offer.training.submitted_at = offer.training.published_at - timedelta(days=rng.randint(1, 5))
        _what_visitors_try_first(published, builder)
        # The demo trainer's offers in progress (dashboard and moderation queue content), never published.
        pending = [builder.offer(expert_rows[0], trainings + i) for i in range(4)]
        for offer in pending[2:]:
            _ensure_upcoming(offer, builder.now)  # a curator reviews offers with a date (catalogue.workflow)
        _save(published + pending)
        for offer in pending[2:]:
            workflow.transition(offer.training, workflow.Action.SUBMIT, by=trainer_user)
        _reviews_and_outcomes(rng, published[:OUTCOME_TRAININGS], curator)
        page_cache.bump()  # bulk_create sends no signals
    _analyze()
    return {"curator": curator, "trainer": trainer_user, "pending": [o.training for o in pending]}


def _analyze():
    """Refresh the planner's statistics after a bulk load.

    Without it PostgreSQL plans the first minutes of queries on 10,000 rows as
    if the tables were empty (autovacuum has not run yet): the match page's
    expert ranking took 1.3 s instead of 0.1 s in `make bench`.

    On PostgreSQL, outside a transaction, VACUUM too: it sets the visibility
    map, so the catalogue's facet counts are index-only scans from the start.
    """
    models = [
        Training,
        Session,
        Training.objectives.through,
        Training.platforms.through,
        Training.uses.through,
        Expert,
    ]
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        for model in models:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"VACUUM ANALYZE {table}" if vacuum else f"ANALYZE {table}")


def _uses():
    result = {}
    for order, (code, name_fr, name_en, kw_fr, kw_en) in enumerate(USES):
        result[code], _ = Use.objects.update_or_create(
            code=code,
            defaults=dict(
                name_fr=name_fr,
                name_en=name_en,
                keywords_fr="\n".join(kw_fr),
                keywords_en="\n".join(kw_en),
                order=order,
            ),
        )
    return result


def _objectives(uses):
    result = []
    for fields in objective_fields():
        obj, _ = Objective.objects.update_or_create(slug=fields.pop("slug"), defaults=fields)
        obj.uses.set([uses[code] for code in OBJECTIVE_USES.get(obj.slug, [])])
        obj.demo_uses = list(obj.uses.all())
        result.append(obj)
    return result


def _platforms():
    result = []
    for order, (slug, name_fr, name_en) in enumerate(PLATFORMS):
        note_fr, note_en = PLATFORM_NOTES.get(slug, ("", ""))
        platform, _ = Platform.objects.update_or_create(
            slug=slug, defaults=dict(name_fr=name_fr, name_en=name_en, note_fr=note_fr, note_en=note_en, order=order)
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
    trainer, created = User.objects.get_or_create(
        username=TRAINER_EMAIL, defaults={"email": TRAINER_EMAIL, "first_name": "Annie"}
    )
    if created:
        trainer.set_password(DEMO_PASSWORD)
        trainer.save()
    return curator, trainer


def _focus_platforms(platforms, focus):
    by_slug = {p.slug: p for p in platforms}
    preferred = [by_slug[s] for s in content.FOCUS_PLATFORMS.get(focus, []) if s in by_slug]
    return preferred or list(platforms)


def _agree(line, feminine):
    """A (feminine, masculine) French line in the person's gender; other lines as they are."""
    if isinstance(line, tuple):
        return line[0] if feminine else line[1]
    return line


def _experts(rng, count, trainer_user, platforms):
    existing = set(Expert.objects.values_list("slug", flat=True))
    own = Expert.objects.filter(user=trainer_user).first()
    rows, expert_platforms = [], []
    for index in range(count):
        if index == 0 and own is None:
            name, focuses, city, languages = TRAINER_NAME, ["network", "media"], "Montréal", ["fr", "en"]
        else:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            focuses = rng.choice([["media"], ["network"], ["media", "network"]])
            city = rng.choice(CITIES)[0]
            languages = rng.choice([["fr"], ["fr"], ["fr", "en"], ["en", "fr"], ["en"]])
        slug = base = slugify(name)
        suffix = 2
        while slug in existing:
            slug = f"{base}-{suffix}"
            suffix += 1
        existing.add(slug)
        main_focus = focuses[0]
        feminine = name.split()[0] in FEMININE_NAMES
        audience = rng.choice(content.AUDIENCES)
        years = rng.randint(4, 22)
        bio = []
        for lang in languages:
            goal = content.BIO_GOALS[(main_focus, lang)]
            who = audience[0] if lang == "fr" else audience[1]
            line = _agree(rng.choice(content.BIOS[lang]), feminine).format(years=years, audience=who, goal=goal)
            bio.append(elide(line, lang))
        bio.append(content.BIO_CLOSINGS[languages[0]])
        chosen = rng.sample(_focus_platforms(platforms, main_focus), 3)
        expert_platforms.append(list(dict.fromkeys(chosen)))
        # Its own random source, so the grids change nothing else the seed makes.
        grid = _grid(random.Random(slug), expert_platforms[-1], focuses, single_use=index == 1)  # nosec B311 demo data, not security
        rows.append(
            Expert(
                user=trainer_user if index == 0 and own is None else _demo_account(slug),
                name=name,
                slug=slug,
                headline=_agree(rng.choice(content.HEADLINES[(main_focus, languages[0])]), feminine),
                bio="\n\n".join(bio),
                focuses=focuses,
                city=city,
                city_folded=fold(city),
                languages=languages,
                website=f"https://{slug}.example.com/",
                email_confirmed_at=timezone.now(),
                # Demo profiles are approved: their offers are public.
                reviewed_at=timezone.now(),
                profile_status="approved",
                approaches=grid,
            )
        )
    if len(rows) > 1:
        # One edit waiting for a curator, so the profile queue has something to review;
        # visitors keep the approved headline until then.
        pending = rows[-1]
        pending.proposed = {"headline": f"{pending.headline} — {rng.choice(CITIES)[0]}"}
        pending.profile_status = "submitted"
        pending.profile_version = 2
    # Every demo trainer can receive a brief: an account (no password: nobody logs in as them) with a
    # confirmed address under the reserved example domain.
    accounts = [row.user for row in rows if row.user is not None and row.user.pk is None]
    kept = get_user_model().objects.in_bulk([user.username for user in accounts], field_name="username")
    for row in rows:  # seeding again after the profiles were deleted: their accounts are still there
        if row.user is not None and row.user.username in kept:
            row.user = kept[row.user.username]
    get_user_model().objects.bulk_create([user for user in accounts if user.username not in kept])
    created = Expert.objects.bulk_create(rows)
    Through = Expert.platforms.through
    Through.objects.bulk_create(
        Through(expert_id=e.pk, platform_id=p.pk) for e, plats in zip(created, expert_platforms) for p in plats
    )
    for expert, plats in zip(created, expert_platforms):
        expert.demo_platforms = plats
    if own is not None:  # seeding again: the demo trainer keeps their profile
        own.demo_platforms = list(own.platforms.all()) or platforms[:2]
        created[0] = own
    return created


# The uses a focus leans to (either focus may also communicate, play or educate).
FOCUS_USES = {
    "media": ["broadcast", "communicate", "play", "educate"],
    "network": ["networking", "communicate", "educate"],
}


def _grid(rng, chosen, focuses, single_use=False):
    """A varied platform × use grid; `single_use`: one use on every platform (the demo has one such trainer)."""
    codes = list(Use.objects.values_list("code", flat=True))
    pool = [code for focus in focuses for code in FOCUS_USES.get(focus, []) if code in codes] or codes
    if single_use:
        only = "educate" if "educate" in codes else pool[0]
        return [{"platform": platform.slug, "uses": [only]} for platform in sorted(chosen, key=lambda p: p.slug)]
    grid = []
    for platform in sorted(chosen, key=lambda p: p.slug):
        picked = set(rng.sample(pool, rng.randint(1, min(3, len(set(pool))))))
        grid.append({"platform": platform.slug, "uses": [code for code in codes if code in picked]})
    return grid


def _demo_account(slug):
    address = f"{slug[:120]}@demo.cible.example"
    return get_user_model()(username=address, email=address, password=make_password(None))


def _weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


class _Builder:
    """Composes one believable offer at a time from the content pools."""

    def __init__(self, rng, objectives, platforms):
        self.rng = rng
        self.platforms = platforms
        self.by_focus = {f: [o for o in objectives if o.focus == f] for f in Focus.values}
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.taken = set(Training.objects.values_list("slug", flat=True))

    def offer(self, expert, index):
        rng = self.rng
        focuses = [f for f in expert.focuses if self.by_focus.get(f)] or [f for f in Focus.values if self.by_focus[f]]
        focus = rng.choice(focuses)
        objective = rng.choice(self.by_focus[focus])
        fmt = rng.choice(Format.values)
        lang = rng.choice(expert.languages) if rng.random() < 0.8 else expert.languages[0]
        own = [p for p in getattr(expert, "demo_platforms", []) if p in _focus_platforms(self.platforms, focus)]
        platform = (
            rng.choice(own) if own and rng.random() < 0.7 else rng.choice(_focus_platforms(self.platforms, focus))
        )
        mode = _weighted(rng, MODE_WEIGHTS)
        place = expert.city if expert.city in CITY_INFO and rng.random() < 0.75 else rng.choice(CITIES)[0]
        tz, currency = CITY_INFO[place]
        city = "" if mode == Mode.ONLINE else place
        level = _weighted(rng, LEVEL_WEIGHTS)
        audience_pair = rng.choice(content.AUDIENCES)
        audience = audience_pair[0] if lang == "fr" else audience_pair[1]
        ctx = {"platform": platform.name_fr if lang == "fr" else platform.name_en, "audience": audience, "city": place}

        patterns = content.TITLES.get(objective.slug, {}).get(lang) or content.FOCUS_TITLES[(focus, lang)]
        title = rng.choice(patterns).format(**ctx)
        roll = rng.random()
        if roll < 0.25:
            title = (
                f"{content.FORMAT_PREFIXES[lang][fmt]}\u00a0: {title}"
                if lang == "fr"
                else f"{content.FORMAT_PREFIXES[lang][fmt]}: {title}"
            )
        elif roll < 0.5:
            title = f"{title} ({'pour' if lang == 'fr' else 'for'} {audience})"
        title = title[:160]
        slug = base = slugify(title)[:150]
        if slug in self.taken:
            slug = f"{base}-{index + 1}"
        self.taken.add(slug)

        durations, session_counts, prices, free_chance = FORMAT_SHAPES[fmt]
        duration = Decimal(str(rng.choice(durations)))
        price = Decimal("0") if rng.random() < free_chance else Decimal(rng.choice(prices))
        competences = rng.sample(["knowledge", "know_how", "interpersonal"], rng.randint(1, 3))
        summary = " ".join(
            [
                rng.choice(content.SUMMARY_OPENERS[(focus, lang)]).format(**ctx),
                rng.choice(content.SUMMARY_CLOSERS[(fmt, lang)]).format(**ctx),
            ]
        )[:300]
        training = Training(
            title=title,
            slug=slug,
            trainer=expert,
            summary=summary,
            description=self.description(rng, lang, focus, level, mode, competences, objective, ctx),
            focus=focus,
            format=fmt,
            level=level,
            mode=mode,
            language=lang,
            city=city,
            duration_hours=duration,
            price=price,
            currency=currency,
        )
        training.competences = competences
        chosen = [platform]
        if rng.random() < 0.3:
            chosen.append(rng.choice(self.platforms))
        chosen = list(dict.fromkeys(chosen))
        objectives = [objective]
        if rng.random() < 0.25:
            objectives.append(rng.choice(self.by_focus[focus]))
        objectives = list(dict.fromkeys(objectives))
        # A training teaches the uses of its objectives (what trainers declare on the offer form).
        uses = list(dict.fromkeys(use for o in objectives for use in o.demo_uses))
        training.refresh_search_fields(objectives=objectives, platforms=chosen, uses=uses, save=False)
        offer = Offer(training, objectives, chosen, uses)
        if rng.random() < 0.9:  # a few offers are "dates on request"
            self.sessions(rng, offer, rng.choice(session_counts), duration, mode, place, tz, slug)
        return offer

    def description(self, rng, lang, focus, level, mode, competences, objective, ctx):
        titles = content.SECTION_TITLES[lang]
        intro = objective.description_fr if lang == "fr" else objective.description_en
        programme = rng.sample(content.PROGRAMME[(focus, lang)], 4)
        skills = [rng.choice(content.COMPETENCE_LINES[(code, lang)]) for code in competences]
        parts = [
            " ".join(filter(None, [intro, content.LEVEL_LINES[(level, lang)]])),
            f"## {titles['programme']}",
            "\n".join(f"- {line}" for line in programme),
            f"## {titles['skills']}",
            "\n".join(f"- {line}" for line in skills),
            f"## {titles['audience']}",
            " ".join([content.AUDIENCE_LINES[lang], content.MODE_LINES[(mode, lang)]]),
            f"_{rng.choice(content.CLOSINGS[lang])}_",
        ]
        return "\n\n".join(parts).format(**ctx)

    def sessions(self, rng, offer, count, duration, mode, place, tz, slug):
        first_day = self.today + timedelta(days=rng.randint(-75, 210))
        gap = rng.choice([1, 7, 14])
        per_session = max(Decimal("1"), min(duration / count, Decimal("7")))
        venues = content.VENUES.get(place, ["Salle de formation"])
        venue = rng.choice(venues)
        seats = rng.choice([None, 12, 15, 20, 30, 40, 80, 150])
        for n in range(count):
            start = datetime.combine(first_day + timedelta(days=n * gap), rng.choice(START_TIMES), tzinfo=ZoneInfo(tz))
            link = rng.choice(ONLINE_TOOLS).format(slug=slug[:40], n=rng.randint(10**9, 10**10))
            offer.sessions.append(
                Session(
                    starts_at=start,
                    ends_at=start + timedelta(minutes=int(per_session * 60)),
                    timezone=tz,
                    is_online=mode == Mode.ONLINE,
                    venue="" if mode == Mode.ONLINE else venue,
                    city="" if mode == Mode.ONLINE else place,
                    online_url=link if mode != Mode.IN_PERSON else "",
                    seats=seats,
                )
            )


def _what_visitors_try_first(offers, builder):
    """A published demo offer with dates keeps one ahead (its past ones stay, for follow-ups), so the catalogue
    is not archived away within the hour; and « promouvoir mes produits sur LinkedIn » finds a media training
    on LinkedIn. Draws nothing from the random generator: the rest of the seed is unchanged."""
    for index, offer in enumerate(offers):
        if offer.sessions and all(session.starts_at < builder.now for session in offer.sessions):
            last = max(offer.sessions, key=lambda session: session.starts_at)
            shift = timedelta(days=7 * (1 + (builder.now.date() - last.starts_at.date()).days // 7 + index % 8))
            offer.sessions.append(
                Session(
                    starts_at=last.starts_at + shift,
                    ends_at=last.ends_at + shift,
                    timezone=last.timezone,
                    is_online=last.is_online,
                    venue=last.venue,
                    city=last.city,
                    online_url=last.online_url,
                    seats=last.seats,
                )
            )
    linkedin = next((p for p in builder.platforms if p.slug == "linkedin"), None)
    media = [offer for offer in offers if offer.training.focus == Focus.MEDIA]
    promote = next((o for o in builder.by_focus.get(Focus.MEDIA, []) if o.slug == "promouvoir-un-produit"), None)
    if not linkedin or not media or not promote:
        return
    if any(linkedin in offer.platforms and promote in offer.objectives for offer in media):
        return
    offer = next((offer for offer in media if promote in offer.objectives), media[0])
    offer.platforms.append(linkedin)
    offer.objectives = list(dict.fromkeys([*offer.objectives, promote]))
    offer.uses = list(dict.fromkeys([*offer.uses, *promote.demo_uses]))
    offer.training.refresh_search_fields(
        objectives=offer.objectives, platforms=offer.platforms, uses=offer.uses, save=False
    )


def _ensure_upcoming(offer, now):
    """Move the offer's sessions (or add one) so that the first starts two weeks from now."""
    if any(session.starts_at >= now for session in offer.sessions):
        return
    if not offer.sessions:
        start = datetime.combine(now.date() + timedelta(days=14), START_TIMES[0], tzinfo=ZoneInfo("America/Montreal"))
        offer.sessions.append(
            Session(starts_at=start, ends_at=start + timedelta(hours=3), city=offer.training.city, venue="Salle A")
        )
        return
    shift = (now + timedelta(days=14)) - min(session.starts_at for session in offer.sessions)
    for session in offer.sessions:
        session.starts_at += shift
        session.ends_at += shift


# Follow-up answers, replies and recorded reviews go to this many trainings only: seeding stays fast.
OUTCOME_TRAININGS = 40
RUBRIC_ALL_YES = dict.fromkeys(review_rules.RUBRIC_KEYS, True)


def _reviews_and_outcomes(rng, offers, curator):
    """Visitors' briefs with answers (objective reached or not), the trainers' reply times, and the
    recorded review of most of these trainings, so the figures show on the demo pages."""
    briefs, answers, moves = [], [], []
    for index, offer in enumerate(offers):
        training = offer.training
        if index % 4:  # one in four was published before rubrics were recorded: « publiée le … »
            moves.append(
                OfferTransition(
                    training=training,
                    from_status=Status.SUBMITTED,
                    to_status=Status.PUBLISHED,
                    by=curator,
                    at=training.published_at,
                    rubric=RUBRIC_ALL_YES,
                )
            )
        objective = offer.objectives[0] if offer.objectives else None
        for n in range(rng.randint(1, 11)):
            briefs.append(
                Brief(
                    expert=training.trainer,
                    training=training,
                    objective=objective,
                    objective_text=objective.name_fr if objective else training.title,
                    message="Bonjour, nous aimerions en savoir plus.",
                    name=f"Visiteur {index}-{n}",
                    email=f"visiteur-{index}-{n}@cible.example",
                    consent=True,
                )
            )
            reached = _weighted(rng, [("yes", 6), ("partly", 2), ("no", 1), ("", 1)])
            answers.append(reached)
    OfferTransition.objects.bulk_create(moves)
    created = Brief.objects.bulk_create(briefs, batch_size=1000)
    now = timezone.now()
    for brief in created:
        hours = _weighted(rng, [(rng.randint(1, 40), 6), (rng.randint(48, 200), 2), (None, 1)])
        brief.first_reply_at = now + timedelta(hours=hours) if hours is not None else None
    Brief.objects.bulk_update(created, ["first_reply_at"], batch_size=1000)
    Outcome.objects.bulk_create(
        [
            Outcome(
                brief=brief,
                hired=bool(reached),
                reached=reached,
                competences=["know_how"] if reached else [],
            )
            for brief, reached in zip(created, answers)
        ],
        batch_size=1000,
    )


def _save(offers):
    created = Training.objects.bulk_create([o.training for o in offers], batch_size=1000)
    ObjThrough, PlatThrough = Training.objectives.through, Training.platforms.through
    ObjThrough.objects.bulk_create(
        [
            ObjThrough(training_id=t.pk, objective_id=o.pk)
            for t, offer in zip(created, offers)
            for o in offer.objectives
        ],
        batch_size=2000,
    )
    PlatThrough.objects.bulk_create(
        [PlatThrough(training_id=t.pk, platform_id=p.pk) for t, offer in zip(created, offers) for p in offer.platforms],
        batch_size=2000,
    )
    UseThrough = Training.uses.through
    UseThrough.objects.bulk_create(
        [UseThrough(training_id=t.pk, use_id=u.pk) for t, offer in zip(created, offers) for u in offer.uses],
        batch_size=2000,
    )
    sessions = []
    for training, offer in zip(created, offers):
        for session in offer.sessions:
            session.training = training
            sessions.append(session)
    Session.objects.bulk_create(sessions, batch_size=2000)
