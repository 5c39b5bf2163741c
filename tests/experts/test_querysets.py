"""The shared words about trainers, each defined once as a queryset method."""

import pytest

from catalogue.enums import Status
from experts.models import Expert
from tests.factories import make_expert, make_public_expert, make_training

pytestmark = pytest.mark.django_db


def test_public_experts_are_those_with_a_published_training():
    public = make_public_expert()
    unpublished = make_expert()
    make_training(trainer=unpublished, status=Status.SUBMITTED)
    make_expert()  # no training at all
    assert list(Expert.objects.public()) == [public]


def test_with_focus_keeps_experts_declaring_one_of_the_focuses():
    media = make_public_expert(focuses=["media"])
    network = make_public_expert(focuses=["network"])
    both = make_public_expert(focuses=["network", "media"])
    make_public_expert(focuses=[])
    public = Expert.objects.public()
    assert set(public.with_focus("media")) == {media, both}
    assert set(public.with_focus("network")) == {network, both}
    assert set(public.with_focus("media", "network")) == {media, network, both}
