"""Fifty people press "Register" at the same moment for ten seats (PostgreSQL: real row locks)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events import registration as service
from events.models import Registration
from tests.factories import EventFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def sign_up(event, number):
    try:
        return service.register(
            event, full_name=f"Person {number}", email=f"person{number}@example.kg", language="ky"
        ).result
    finally:
        connection.close()  # each thread has its own connection; give it back


def test_fifty_simultaneous_registrations_fill_ten_seats_and_queue_the_rest():
    event = EventFactory(capacity=10)
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda number: sign_up(event, number), range(50)))
    assert results.count("confirmed") == 10
    assert results.count("waiting") == 40
    seats = sorted(Registration.objects.holding_seats().values_list("seat", flat=True))
    assert seats == list(range(1, 11))

    # Three cancellations promote exactly the next three in the queue, in the order they registered.
    queue = list(Registration.objects.filter(event=event).waiting())
    with ThreadPoolExecutor(max_workers=3) as pool:
        cancelled = Registration.objects.holding_seats().order_by("seat")[:3]
        promoted = list(pool.map(lambda registration: _cancel(registration), list(cancelled)))
    assert sorted(p.pk for p in promoted) == sorted(r.pk for r in queue[:3])
    assert Registration.objects.filter(event=event).holding_seats().count() == 10
    assert Registration.objects.filter(event=event).waiting().count() == 37
    assert Registration.objects.filter(event=event, status="cancelled").count() == 3


def _cancel(registration):
    try:
        return service.cancel(registration)
    finally:
        connection.close()
