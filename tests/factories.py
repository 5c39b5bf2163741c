"""Plain factory functions. Each creates exactly what its name says, with
sensible defaults that a test overrides by keyword."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from catalogue.enums import Status
from catalogue.models import Objective, Platform, ReviewAssessment, Session, Training
from catalogue.permissions import ensure_curators_group
from experts.models import Expert

_seq = itertools.count(1)


def make_user(email=None, password="a-long-test-password", **fields):
    n = next(_seq)
    email = email or f"user{n}@example.com"
    user = get_user_model().objects.create_user(username=email, email=email, password=password, **fields)
    return user


def make_curator(**fields):
    user = make_user(is_staff=True, **fields)
    user.groups.add(ensure_curators_group())
    return user


def make_expert(user=None, with_user=True, **fields):
    n = next(_seq)
    if user is None and with_user:
        user = make_user()
    defaults = dict(
        name=f"Expert {n}",
        slug=f"expert-{n}",
        focuses=["media"],
        city="Montréal",
        languages=["fr"],
        email_confirmed_at=timezone.now(),
        # Approved by a curator unless a test says otherwise (reviewed_at=None, profile_status=...).
        reviewed_at=timezone.now(),
        profile_status="approved",
    )
    defaults.update(fields)
    return Expert.objects.create(user=user, **defaults)


def make_public_expert(platforms=(), training=None, **fields):
    """An expert visitors can see: a profile with one published training (`expert.training`).

    `training` holds fields for that training (title, slug, focus...); the
    expert's own fields go in `fields`, as for `make_expert`.
    """
    expert = make_expert(**fields)
    expert.platforms.set(platforms)
    expert.training = make_training(trainer=expert, **{"title": f"Training by {expert.name}", **(training or {})})
    return expert


def make_objective(focus="media", **fields):
    n = next(_seq)
    defaults = dict(slug=f"objective-{n}", name_fr=f"Objectif {n}", name_en=f"Objective {n}")
    defaults.update(fields)
    return Objective.objects.create(focus=focus, **defaults)


def make_platform(**fields):
    n = next(_seq)
    defaults = dict(slug=f"platform-{n}", name_fr=f"Plateforme {n}", name_en=f"Platform {n}")
    defaults.update(fields)
    return Platform.objects.create(**defaults)


def make_training(
    status=Status.PUBLISHED, trainer=None, objectives=(), platforms=(), competences=("knowledge",), **fields
):
    """A training, published unless `status` says otherwise."""
    n = next(_seq)
    trainer = trainer or make_expert()
    defaults = dict(
        title=f"Training {n}",
        slug=f"training-{n}",
        summary="A practical session.",
        description="",
        focus="media",
        format="workshop",
        duration_hours=Decimal("3"),
        price=Decimal("100"),
        city="Montréal",
    )
    defaults.update(fields)
    training = Training(trainer=trainer, status=status, **defaults)
    training.competences = competences
    if status == Status.PUBLISHED and training.published_at is None:
        training.published_at = timezone.now()
    training.save()
    training.objectives.set(objectives)
    training.platforms.set(platforms)
    training.refresh_search_fields()
    return training


def make_session(training, starts_in=timedelta(days=10), hours=3, **fields):
    start = timezone.now() + starts_in
    defaults = dict(city=training.city, venue="Salle A")
    defaults.update(fields)
    return Session.objects.create(
        training=training, starts_at=start, ends_at=start + timedelta(hours=hours), **defaults
    )


def make_match_world(objectives, expert=None, slug="atelier-linkedin-garder-le-lien", decoy=True):
    """What a visitor's networking objective should find: Nadia Roy's LinkedIn workshop on keeping contacts
    alive, with an upcoming session, and (with `decoy`) a media training it must not find first.

    `objectives`: the demo objectives by slug (tests.catalogue.objectives.create_demo_objectives).
    Returns the workshop; its trainer is `training.trainer`.
    """
    expert = expert or make_expert(name="Nadia Roy", slug="nadia-roy", focuses=["network"])
    training = make_training(
        title="Atelier LinkedIn : garder le lien",
        slug=slug,
        trainer=expert,
        focus="network",
        objectives=[objectives["maintenir-vos-contacts-en-vie"]],
    )
    make_session(training)
    if decoy:
        make_training(title="Promouvoir sur TikTok", focus="media", objectives=[objectives["promouvoir-un-produit"]])
    return training


def make_api_world():
    """What the API's fuzz and schema tests call: trainer `anne` (both focuses, LinkedIn) and her training
    `viral` on the objective `marketing-viral`, with a session in three days. Returns the training."""
    objective = make_objective(slug="marketing-viral")
    platform = make_platform(slug="linkedin")
    expert = make_expert(slug="anne", focuses=["media", "network"], languages=["fr", "en"])
    expert.platforms.set([platform])
    training = make_training(slug="viral", trainer=expert, objectives=[objective], platforms=[platform])
    make_session(training, starts_in=timedelta(days=3))
    return training


def make_assessment(training, curator=None, answers=None):
    """A curator's rubric answers on `training`'s current version: all "yes" unless `answers` says otherwise."""
    from catalogue.review_rules import RUBRIC_KEYS

    answers = {**dict.fromkeys(RUBRIC_KEYS, True), **(answers or {})}
    return ReviewAssessment.objects.create(
        training=training, version=training.version, answers=answers, curator=curator or make_curator()
    )


def make_brief(expert, objective=None, created_ago=None, **fields):
    """A visitor's brief to `expert`, `created_ago` (a timedelta) in the past if given."""
    from experts.models import Brief

    n = next(_seq)
    defaults = dict(
        objective_text=objective.name if objective else "Développer votre réseau d'affaires",
        message="Bonjour",
        name=f"Visiteur {n}",
        email=f"visitor{n}@example.com",
        consent=True,
    )
    defaults.update(fields)
    brief = Brief.objects.create(expert=expert, objective=objective, **defaults)
    if created_ago is not None:
        Brief.objects.filter(pk=brief.pk).update(created_at=timezone.now() - created_ago)
        brief.refresh_from_db()
    return brief


def make_outcomes(expert, objective=None, reached=0, partly=0, no=0, not_hired=0, training=None):
    """Answers about `expert` (one brief each): `reached` yes, `partly`, `no`, and `not_hired` who did not hire."""
    from experts.models import Outcome

    answers = ["yes"] * reached + ["partly"] * partly + ["no"] * no + [""] * not_hired
    for answer in answers:
        brief = make_brief(expert, objective, training=training)
        Outcome.objects.create(brief=brief, hired=bool(answer), reached=answer)


def approve_profile(expert, curator=None):
    """A curator approves the version of `expert`'s profile in review (rubric all yes)."""
    from experts import profile_review, profile_workflow

    expert.refresh_from_db()
    return profile_workflow.transition(
        expert,
        profile_workflow.ProfileAction.APPROVE,
        by=curator or make_curator(),
        rubric=dict.fromkeys(profile_review.RUBRIC_KEYS, True),
        version=expert.profile_version,
    )
