import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _french():
    """URLs reversed in these tests are the French ones, whatever a previous request activated."""
    with translation.override("fr"):
        yield
