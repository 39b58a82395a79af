"""The API against its own OpenAPI schema (schemathesis): no server error, every answer as documented.

Public endpoints are called without a token, the organiser's with one (and schemathesis checks that they refuse a
request without it); bounded (a few examples per operation, no deadline), in-process through the WSGI
application, no network. The rates are raised for the run: throttling has its own tests.

Each operation is driven through ``APIOperation.as_strategy()`` with Hypothesis directly: schemathesis's pytest
plugin (``schema.parametrize()``) does not run under pytest 9 (it sets ``Function._nodeid``).
"""

import time

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 25


@pytest.fixture
def test_connection_kept():
    """Calls through the WSGI application send request_started/finished, whose handler closes a connection inside a
    transaction (PostgreSQL: the test's own). Django's test client disconnects it the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(settings, test_connection_kept):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # schemathesis's WSGI client asks for localhost
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"}}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    # A NUL in a query string is refused by the site's middleware before any view (tests/test_junk_parameters.py).
    schema.config.generation.update(allow_x00=False)
    return schema


@pytest.fixture
def organiser_headers(demo_users):
    from sayembara.api import services

    return {"Authorization": "Token " + services.create_token(demo_users["organiser"], "schemathesis").key}


def _run(operation, headers):
    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(headers=headers)

    check()


def _real_arguments(path: str) -> list[dict]:
    """Arguments that name something (random ones mostly name nothing): the demo's 2020 and a public innovation."""
    from sayembara.registry.models import RegistryRecord

    if "{year}" in path:
        return [{"year": 2020}, {"year": 2026}]
    if "{id}" in path:
        public = RegistryRecord.objects.filter(is_public=True).order_by("-replication_count", "pk")
        return [{"id": pk} for pk in public.values_list("innovation_id", flat=True)[:2]]
    return [{}]


def test_the_api_answers_as_its_schema_says(api_schema, organiser_headers):
    started = time.monotonic()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {
        "/api/v1/registry/innovations/", "/api/v1/results/{year}/ranking/", "/api/v1/organiser/editions/{year}/scores/"}
    statuses = []
    for operation in operations:
        headers = organiser_headers if "/organiser/" in operation.path else None
        for arguments in _real_arguments(operation.path):
            for query in ({}, {"page": 2, "page_size": 3}):
                case = operation.Case(path_parameters=arguments, query=query)
                statuses.append(case.call_and_validate(headers=headers).status_code)
        _run(operation, headers)
    assert statuses.count(200) >= len(operations) * 2, statuses
    assert time.monotonic() - started < 60
