"""The suite's own promise (tests/conftest.py): whatever ran before, a test finds the starting portal.

The three tests run in this order on one worker: pytest-django puts transactional tests after ordinary
ones and tests without database access last, and the group keeps them together under pytest-xdist."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection

from portal.models import Municipality, Region
from portal.reference_data import GEOGRAPHY_FILE, read_json
from practices.models import Practice
from tests.conftest import STARTING_STATE

pytestmark = [pytest.mark.xdist_group("starting-state"), pytest.mark.random_order(disabled=True)]


def _starting_portal():
    editors = Group.objects.get(name="Content editors")
    return {
        "groups": set(Group.objects.values_list("name", flat=True)),
        "editor permissions": editors.permissions.filter(codename="change_practice").exists(),
        "regions": Region.objects.count(),
        "municipalities": Municipality.objects.count(),
        "sample practice": Practice.objects.filter(slug="kumbel-drinking-water").exists(),
    }


REGIONS = read_json(GEOGRAPHY_FILE)["regions"]
STARTING_PORTAL = {
    "groups": {"Content editors", "Jury members"},
    "editor permissions": True,
    "regions": len(REGIONS),
    "municipalities": sum(len(region["municipalities"]) for region in REGIONS),
    "sample practice": True,
}


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_starts_on_the_whole_portal_and_may_empty_it():
    assert _starting_portal() == STARTING_PORTAL
    Group.objects.all().delete()
    Permission.objects.all().delete()
    Practice.objects.filter(slug="kumbel-drinking-water").update(slug="renamed-by-a-test")
    assert not Group.objects.exists()


def test_the_next_test_finds_the_groups_permissions_and_sample_content_again(django_db_blocker):
    with django_db_blocker.unblock():
        assert _starting_portal() == STARTING_PORTAL
        # Row for row, the search index included: the restored database is the snapshot.
        assert connection.creation.serialize_db_to_string() == STARTING_STATE[connection.alias]


def test_the_live_server_lends_no_database_connection_to_its_threads(live_server):
    assert live_server.thread.connections_override == {}
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()
