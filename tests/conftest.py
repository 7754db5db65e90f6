import pytest
from django.contrib.auth.models import Group

from portal.sample_content import load_sample_content
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached search counts must not leak from one test's data into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sample_content(db):
    """The demo content a fresh portal shows (reference data comes with the migrations)."""
    load_sample_content()


@pytest.fixture
def editor(db):
    """A content admin: staff, in the "Content editors" group, not a superuser."""
    user = UserFactory(email="editor@example.kg", is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    return user


@pytest.fixture
def outsider(db):
    return UserFactory(email="outsider@example.kg")


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to a PostgreSQL database to run it")
    for item in items:
        if on_sqlite and "postgres" in item.keywords:
            item.add_marker(skip)
