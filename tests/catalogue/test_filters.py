import pytest

from catalogue.filters import TrainingFilter
from catalogue.models import Training
from tests.factories import make_objective, make_training

pytestmark = pytest.mark.django_db


def _titles(params):
    f = TrainingFilter(params, queryset=Training.objects.published())
    assert f.is_valid(), f.errors
    return [t.title for t in f.qs]


def test_text_search_ignores_accents_and_case():
    make_training(title="Les médias sociaux pour les PME")
    make_training(title="Réseau d'affaires sur LinkedIn")
    assert _titles({"q": "MEDIAS"}) == ["Les médias sociaux pour les PME"]
    assert _titles({"q": "reseau"}) == ["Réseau d'affaires sur LinkedIn"]


def test_objective_filter_takes_slugs_and_repeats():
    viral = make_objective(slug="marketing-viral")
    contacts = make_objective(focus="network", slug="maintenir-vos-contacts-en-vie")
    make_training(title="Viral", objectives=[viral])
    make_training(title="Contacts", focus="network", objectives=[contacts])
    make_training(title="Neither")
    assert sorted(_titles({"objective": ["marketing-viral", "maintenir-vos-contacts-en-vie"]})) == [
        "Contacts",
        "Viral",
    ]


@pytest.mark.parametrize(
    "params,field",
    [({"focus": "xyz"}, "focus"), ({"starts_after": "notadate"}, "starts_after"), ({"price_max": "-5"}, "price_max")],
)
def test_invalid_values_are_form_errors(params, field):
    f = TrainingFilter(params, queryset=Training.objects.published())
    assert not f.is_valid()
    assert field in f.errors
