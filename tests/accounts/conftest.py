import pytest
from django.utils import timezone

from portal.models import Municipality
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def municipal_user(db):
    """Verified by staff as speaking for At-Bashy; writes e-mails in Kyrgyz."""
    return UserFactory(
        email="aida@atbashy.kg",
        municipality=Municipality.objects.get(slug="at-bashy"),
        municipality_verified_at=timezone.now(),
        kind="municipal_staff",
        preferred_language="ky",
    )
