import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _french():
    """URLs reversed in these tests are the French ones, whatever a previous request activated."""
    with translation.override("fr"):
        yield


@pytest.fixture
def sending_client(client, django_capture_on_commit_callbacks):
    """A test client whose every request commits: e-mails queued in the outbox go out as in production."""
    original = client.request

    def request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(**kwargs)

    client.request = request
    return client
