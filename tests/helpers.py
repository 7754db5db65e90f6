from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """How many SQL queries one GET of ``url`` issues (and that it answers 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
