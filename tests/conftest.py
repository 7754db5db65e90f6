"""The suite's database: built once per test process, as a fresh portal is, and put back after each test.

Every test database starts as `make run` leaves one: the migrations (reference data, groups and their
permissions) and the sample content, loaded once per pytest-xdist worker rather than once per test.
An ordinary test runs inside a transaction that is rolled back. A transactional test (live server,
browser, concurrency) commits for real and ends with every table emptied, so the hook below puts the
whole starting state back after it: whatever order the tests run in, each finds the same portal.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from pytest_django.fixtures import validate_django_db
from pytest_django.plugin import blocking_manager_key

from portal.models import SearchDocument
from portal.sample_content import load_sample_content
from tests.factories import UserFactory


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="Run only the tests that use the database (a second run on another database skips the rest).",
    )


# The starting state of each test database, as Django's serializer writes it, by database alias; and
# its search index alone.
STARTING_STATE = {}
SEARCH_INDEX = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connections

    with django_db_blocker.unblock():
        load_sample_content()
        for alias in connections:
            STARTING_STATE[alias] = connections[alias].creation.serialize_db_to_string()
            rows = json.loads(STARTING_STATE[alias])
            SEARCH_INDEX[alias] = json.dumps([row for row in rows if row["model"] == "portal.searchdocument"])


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    if marker:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


def _put_back_the_starting_state():
    from django.core.management import call_command
    from django.db import connections

    for alias, state in STARTING_STATE.items():
        # The test's own flush re-created content types and permissions (post_migrate) under new ids;
        # empty the tables once more, quietly, so that the starting state goes back with its own ids.
        # Sequences stay where they are, past every id of the starting state.
        call_command(
            "flush", database=alias, interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
        )
        connections[alias].creation.deserialize_db_from_string(state)
        # Loading the many-to-many relations reindexed their records halfway (m2m_changed carries no
        # "raw" flag); the index goes back as it was.
        SearchDocument.objects.using(alias).delete()
        connections[alias].creation.deserialize_db_from_string(SEARCH_INDEX[alias])
    # The cache still holds the content types post_migrate made under ids that are gone now.
    ContentType.objects.clear_cache()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # After the last test the database itself is gone; there is nothing to put back.
    if nextitem is not None and STARTING_STATE and _flushes_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            # A test skipped before its fixtures ran emptied nothing; a flush leaves no group behind.
            if not Group.objects.exists():
                _put_back_the_starting_state()
    return result


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the portal's default language (Kyrgyz): a request the previous test made
    through the test client leaves its page's language active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached search counts must not leak from one test's data into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sample_content(db):
    """The demo content a fresh portal shows. It is in every test database already (loaded once per
    process, see django_db_setup); a test that reads it asks for this fixture to say so."""


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
    if config.getoption("database_tests_only"):
        uses_database = {"db", "transactional_db", "live_server"}
        selected = [i for i in items if i.get_closest_marker("django_db") or uses_database & set(i.fixturenames)]
        config.hook.pytest_deselected(items=[i for i in items if i not in selected])
        items[:] = selected
