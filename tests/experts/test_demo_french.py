"""The French demo reads right: genders agree with the person, no « à les », the glossary holds."""

import pytest

from catalogue import glossary
from catalogue.models import Training
from experts import demo
from experts.models import Expert

pytestmark = pytest.mark.django_db

FEMININE_ONLY = ("Ancienne ", "Formatrice", "Conseillère", "Conférencière", "formatrice")
MASCULINE_ONLY = ("Ancien ", "Formateur", "Conseiller ", "Conférencier ", "formateur")


@pytest.fixture
def demo_world():
    # Inside the test's transaction: nothing the seed writes outlives the test.
    demo.seed(trainings=120, experts=24, seed=5)


def test_demo_experts_are_described_in_their_own_gender(demo_world):
    checked = 0
    for expert in Expert.objects.all():
        text = f"{expert.headline} {expert.bio}"
        feminine = expert.name.split()[0] in demo.FEMININE_NAMES
        wrong = MASCULINE_ONLY if feminine else FEMININE_ONLY
        assert not [w for w in wrong if w in text], (expert.name, text)
        checked += 1
    assert checked >= 10


def test_demo_french_texts_follow_the_glossary(demo_world):
    problems = []
    for expert in Expert.objects.all():
        french_bio = expert.bio.split("\n\n")[0] if expert.languages[:1] == ["fr"] else ""
        problems += [(expert.name, p) for p in glossary.check(f"{expert.headline if french_bio else ''} {french_bio}")]
    for training in Training.objects.filter(language="fr"):
        problems += [(training.slug, p) for p in glossary.check(f"{training.title} {training.summary}")]
    assert problems == []
    assert not Expert.objects.filter(bio__contains="à les ").exists()
