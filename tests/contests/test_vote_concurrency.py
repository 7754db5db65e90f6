"""One user sends twenty votes at once: exactly one counts (PostgreSQL, real transactions)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from contests import voting
from contests.models import Vote
from tests.factories import entry, shortlist, voter, voting_contest

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_simultaneous_votes_of_one_user_count_once():
    contest = voting_contest()
    entries = [entry(contest, f"Entry {number}") for number in range(4)]
    shortlist(contest, [item.pk for item in entries])
    entries = list(contest.entries.shortlisted().order_by("pk"))
    user = voter()

    def cast(number):
        try:
            voting.cast_vote(user, entries[number % 4])
            return "counted"
        except voting.VoteRefused as refusal:
            return refusal.reason
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(cast, range(20)))
    assert Vote.objects.filter(contest=contest, user=user).count() == 1
    # Whoever clicked the entry that got the vote is told it counts (a repeat of the same vote is no
    # refusal); every click on another entry is refused as a second vote.
    winner = Vote.objects.get(contest=contest, user=user).entry_id
    assert outcomes == ["counted" if entries[number % 4].pk == winner else "already" for number in range(20)]
