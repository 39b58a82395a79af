import pytest


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached figures must not leak from one (rolled-back) test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
