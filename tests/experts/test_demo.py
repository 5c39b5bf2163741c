from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from catalogue.demo.reference import OBJECTIVES
from catalogue.enums import Competence, Focus, Format, Level, Mode, Status
from catalogue.markup import render_markdown
from catalogue.models import OfferTransition, Session, Training
from experts import demo
from experts.models import Expert

pytestmark = pytest.mark.django_db


def _catalogue():
    return list(Training.objects.order_by("pk").values_list("title", "slug", "price", "currency", "focus", "format"))


def _wipe():
    Training.objects.all().delete()
    Expert.objects.all().delete()


def test_same_seed_gives_the_same_catalogue_and_another_seed_a_different_one():
    demo.seed(trainings=60, experts=8, seed=7)
    first = _catalogue()
    _wipe()
    demo.seed(trainings=60, experts=8, seed=7)
    assert _catalogue() == first
    _wipe()
    demo.seed(trainings=60, experts=8, seed=8)
    other = _catalogue()
    assert len(other) == len(first)
    assert [row[0] for row in other] != [row[0] for row in first]


def test_demo_covers_every_value_a_visitor_can_filter_on():
    demo.seed(trainings=300, experts=15, seed=1)
    published = Training.objects.published()
    assert published.count() == 300
    assert set(published.values_list("focus", flat=True)) == set(Focus.values)
    assert set(published.values_list("format", flat=True)) == set(Format.values)
    assert set(published.values_list("level", flat=True)) == set(Level.values)
    assert set(published.values_list("mode", flat=True)) == set(Mode.values)
    assert set(published.values_list("language", flat=True)) == {"fr", "en"}
    for code in Competence.values:
        assert published.filter(**{f"teaches_{code}": True}).exists(), code
    assert published.filter(price=0).exists() and published.filter(price__gt=0).exists()
    cities = set(published.values_list("city", flat=True))
    assert {"Montréal", "Québec"} <= cities and {"Paris", "Lyon"} & cities
    assert not published.filter(mode=Mode.ONLINE).exclude(city="").exists()
    assert not published.filter(mode=Mode.IN_PERSON, city="").exists()
    used = set(published.values_list("objectives__slug", flat=True))
    assert {slug for slug, *_ in OBJECTIVES} <= used
    assert set(published.values_list("platforms__slug", flat=True)) >= {"linkedin", "facebook", "instagram"}
    now = timezone.now()
    assert Session.objects.filter(starts_at__gte=now).count() > 100
    assert Session.objects.filter(starts_at__lt=now).count() > 20
    # Media trainings speak of messages, network trainings of relationships (the source texts).
    media = published.filter(focus="media", language="fr").first()
    network = published.filter(focus="network", language="fr").first()
    assert "Savoir" in media.description or "Au programme" in media.description
    assert media.search_text != network.search_text


def test_demo_texts_are_varied_and_render_as_markdown():
    demo.seed(trainings=200, experts=12, seed=3)
    trainings = list(Training.objects.published())
    titles = {t.title for t in trainings}
    summaries = {t.summary for t in trainings}
    descriptions = {t.description for t in trainings}
    assert len(titles) > 150
    assert len(summaries) > 100
    assert len(descriptions) > 190
    french = next(t for t in trainings if t.language == "fr")
    english = next(t for t in trainings if t.language == "en")
    assert "<h2>Au programme</h2>" in render_markdown(french.description)
    assert "<h2>What we cover</h2>" in render_markdown(english.description)
    assert all(len(t.summary) <= 300 and len(t.title) <= 160 for t in trainings)
    assert len({t.slug for t in trainings}) == len(trainings)


def test_demo_accounts_and_offers_in_progress():
    result = demo.seed(trainings=20, experts=5, seed=1)
    User = get_user_model()
    curator = User.objects.get(username=demo.CURATOR_EMAIL)
    trainer = User.objects.get(username=demo.TRAINER_EMAIL)
    assert curator.check_password(demo.DEMO_PASSWORD) and trainer.check_password(demo.DEMO_PASSWORD)
    assert curator.has_perm("catalogue.moderate_training")
    expert = trainer.expert
    assert expert.name == demo.TRAINER_NAME
    own = Training.objects.owned_by(trainer)
    assert own.filter(status=Status.PUBLISHED).count() >= 3
    assert own.filter(status=Status.DRAFT).count() == 2
    submitted = own.filter(status=Status.SUBMITTED)
    assert submitted.count() == 2
    assert all(t.submitted_at for t in submitted)
    assert OfferTransition.objects.filter(training__in=submitted, to_status=Status.SUBMITTED, by=trainer).count() == 2
    assert {t.pk for t in result["pending"]} == set(own.exclude(status=Status.PUBLISHED).values_list("pk", flat=True))
    assert Training.objects.published().count() == 20


def test_demo_trainer_and_curator_can_log_in(client):
    demo.seed(trainings=5, experts=3, seed=1)
    # Through the real log-in page (by email), as a person would.
    for email, landing in ((demo.CURATOR_EMAIL, "/fr/dashboard/"), (demo.TRAINER_EMAIL, "/fr/dashboard/")):
        response = client.post("/fr/accounts/login/", {"username": email, "password": demo.DEMO_PASSWORD})
        assert response.status_code == 302, response.content[:500]
        assert response.headers["Location"] == landing
        assert client.session.get("_auth_user_id")
        client.post("/fr/accounts/logout/")


def test_seed_demo_command_prints_credentials_and_respects_if_empty():
    out = StringIO()
    call_command("seed_demo", "--trainings", "12", "--experts", "4", "--seed", "2", stdout=out)
    text = out.getvalue()
    assert "12 published trainings by 4 experts" in text
    assert f"{demo.CURATOR_EMAIL} / {demo.DEMO_PASSWORD}" in text
    assert f"{demo.TRAINER_EMAIL} / {demo.DEMO_PASSWORD}" in text
    again = StringIO()
    call_command("seed_demo", "--if-empty", stdout=again)
    assert "already has trainings" in again.getvalue()
    assert Training.objects.published().count() == 12


def test_seeding_twice_adds_trainings_without_slug_clashes():
    demo.seed(trainings=30, experts=4, seed=1)
    demo.seed(trainings=30, experts=4, seed=1)
    assert Training.objects.published().count() == 60
    assert Training.objects.values("slug").distinct().count() == Training.objects.count()
    assert Expert.objects.filter(user__username=demo.TRAINER_EMAIL).count() == 1


def test_demo_profiles_are_approved_and_one_edit_waits_for_review():
    demo.seed(trainings=20, experts=5, seed=3)
    experts = Expert.objects.all()
    assert all(expert.reviewed_at is not None for expert in experts)
    assert Expert.objects.public().count() == experts.count()
    [pending] = experts.filter(profile_status="submitted")
    assert pending.proposed["headline"] != pending.headline
    # Varied grids, and one trainer who teaches a single use everywhere.
    grids = [expert.approaches for expert in experts]
    assert all(grid for grid in grids)
    assert len({tuple(code for row in grid for code in row["uses"]) for grid in grids}) > 2
    single = [grid for grid in grids if len({code for row in grid for code in row["uses"]}) == 1 and len(grid) > 1]
    assert single
    # The grid's platforms are the expert's platforms.
    for expert in experts:
        assert sorted(p.slug for p in expert.platforms.all()) == sorted(row["platform"] for row in expert.approaches)


def test_every_demo_expert_can_receive_a_brief():
    demo.seed(trainings=30, experts=12, seed=2)
    experts = Expert.objects.public()
    assert experts.count() > 1
    assert experts.receiving_briefs().count() == experts.count()
    # Nobody can log in as the generated trainers: only the demo accounts have a password.
    generated = get_user_model().objects.filter(email__endswith="@demo.cible.example")
    assert generated.count() == 11
    assert not any(user.has_usable_password() for user in generated)


def test_demo_has_outcomes_response_times_and_reviews_to_show(client):
    from experts.models import Expert
    from experts.outcomes import figures_for
    from experts.response_times import figures_for as response_figures

    demo.seed(trainings=40, experts=6, seed=1)
    ids = list(Expert.objects.values_list("pk", flat=True))
    assert any(f.enough for f in figures_for("expert", ids).values())
    assert any(f.enough and f.median_hours for f in response_figures(ids).values())
    html = "".join(
        client.get(t.get_absolute_url()).content.decode() for t in Training.objects.published().order_by("pk")[:8]
    )
    assert 'data-review="checked"' in html and 'data-review="published"' in html
    assert "outcome-figure" in html


def test_what_a_demo_visitor_tries_first_shows_something():
    """`make run`'s demo: every published training with dates has one ahead (so none is archived within
    the hour), and « promouvoir mes produits sur LinkedIn » opens on a media training on LinkedIn."""
    from catalogue.match import find_match

    demo.seed(trainings=40, experts=12, seed=1)
    now = timezone.now()
    dated = Training.objects.published().filter(sessions__isnull=False).distinct()
    assert dated.exists()
    assert not dated.exclude(sessions__starts_at__gte=now).exists()
    first = find_match("promouvoir mes produits sur LinkedIn", "fr").trainings()[0].training
    assert first.focus == Focus.MEDIA
    assert "linkedin" in {platform.slug for platform in first.platforms.all()}
