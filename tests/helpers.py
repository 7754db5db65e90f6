from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """How many SQL queries one GET of ``url`` issues (and that it answers 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def admin_form_data(response):
    """The admin change form's current values, as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    return data


def page_within_budget(client, assert_max_queries, budget, url):
    """The text of one GET of ``url`` that answers 200 within ``budget`` queries (a streamed download is
    read inside the budget, since it queries while it is read)."""
    with assert_max_queries(budget):
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, url
    return content.decode()


def response_within_budget(client, assert_max_queries, budget, url, status=200):
    """One GET of ``url`` within ``budget`` queries, answering ``status``."""
    with assert_max_queries(budget):
        response = client.get(url)
    assert response.status_code == status, url
    return response


def post_within_budget(client, assert_max_queries, budget, url, data, status=302):
    """One POST to ``url`` within ``budget`` queries, answering ``status``."""
    with assert_max_queries(budget):
        response = client.post(url, data)
    assert response.status_code == status, url
    return response
