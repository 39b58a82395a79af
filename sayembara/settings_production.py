"""Production profile: everything in ``settings`` plus HTTPS-only hardening.

Run behind a TLS-terminating proxy (nginx, Caddy, a load balancer) with
gunicorn: ``DJANGO_SETTINGS_MODULE=sayembara.settings_production``.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F401,F403
from .settings import env_bool

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set SECRET_KEY (50+ random characters) for production.")

# Hashed file names let browsers cache static files for a year.
STORAGES["staticfiles"]["BACKEND"] = os.environ.get(  # noqa: F405
    "STATIC_STORAGE_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is off by default: once in browsers' preload lists, every subdomain
# of the domain must serve HTTPS for years, and a regency's subdomains may not.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# check --deploy warns (security.W021) whenever preloading is off; that is a choice made above.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # one working day
# The worker delivers mail through SMTP (EMAIL_HOST, EMAIL_PORT, ...) unless another backend is named.
OUTBOX_DELIVERY_BACKEND = os.environ.get("OUTBOX_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
