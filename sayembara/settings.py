"""Settings for Sayembara, read from environment variables.

Defaults give a working single-machine install (SQLite in WAL mode, console
e-mail, files on local disk). Production overrides live in
``sayembara.settings_production``.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SAYEMBARA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# A development key only: the production profile refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "sayembara.accounts",
    "sayembara.audit",
    "sayembara.backups",
    "sayembara.institutions",
    "sayembara.jobs",
    "sayembara.editions",
    "sayembara.entries",
    "sayembara.jury",
    "sayembara.results",
    "sayembara.registry",
    "sayembara.insights",
    "sayembara.telegram",
    "sayembara.portal",
    # The REST API (sayembara/api): public registry and results, the organiser's exports; schema and docs.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "sayembara.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the policies too.
    "sayembara.middleware.SecurityHeadersMiddleware",
    # Before anything that reads the body: an oversized one is refused unread (the 413 still gets the headers above).
    "sayembara.limits.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sayembara.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware has checked the host: links in e-mails may then use the request's address.
    "sayembara.links.SiteAddressMiddleware",
    "sayembara.middleware.RefuseNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sayembara.audit.middleware.AuditActorMiddleware",
    "sayembara.middleware.FrozenResultMiddleware",
    # Last, so that a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sayembara.urls"
WSGI_APPLICATION = "sayembara.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "sayembara" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects the database; without it an embedded SQLite file is used.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sayembara.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers proceed while a writer commits; IMMEDIATE transactions
    # avoid "database is locked" upgrades from read to write locks. A writer waits
    # up to 30 s for the lock: SQLite's busy handler is not a queue, and 30 jurors
    # saving at once on threaded workers made one wait over 5 s (bench/sqlite_jurors.py).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;"
        ),
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache ----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# What the web and the worker processes both read: the worker's heartbeat (sayembara.jobs.heartbeat). Without
# Redis the default cache lives in each process's memory, so this one is a folder under VAR_DIR.
CACHES["shared"] = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL} if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")}
)

# --- Authentication -------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Object permissions come from each app's rules.py (django-rules), asked by views, services and templates.
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (see accounts/hashers.py: a sign-in storm of a live session costs seconds, not minutes of CPU);
# the others read hashes made before, which are upgraded at the next sign-in.
PASSWORD_HASHERS = [
    "sayembara.accounts.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Login throttling: five failures for one username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form posts the e-mail address in the "username" field (Django's AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client behind PROXY_COUNT trusted proxies (X-Forwarded-For), not the proxy's own address: otherwise a
# stranger could lock a juror out during live scoring by failing logins through the same proxy.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "sayembara.throttle.client_ip_or_none"
# "Juri@X.id " and "juri@x.id" are one account, so they count as one against the limit.
AXES_USERNAME_CALLABLE = "sayembara.accounts.auth.login_username"

# Invitation links (units and jurors) work once and expire; unconfirmed registrations expire so the real
# owner of an address can register it.
INVITATION_MAX_AGE_DAYS = int(os.environ.get("INVITATION_MAX_AGE_DAYS", "14"))
UNCONFIRMED_MAX_AGE_DAYS = int(os.environ.get("UNCONFIRMED_MAX_AGE_DAYS", "7"))
# Registrations and confirmation e-mails per client address per hour (sayembara.throttle).
REGISTRATIONS_PER_HOUR = int(os.environ.get("REGISTRATIONS_PER_HOUR", "5"))
# Password-reset e-mails per client address and per account address per hour.
PASSWORD_RESETS_PER_HOUR = int(os.environ.get("PASSWORD_RESETS_PER_HOUR", "5"))

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "sayembara" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "sayembara_language"
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files -------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "sayembara" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded files are never served from a public URL: every download goes
# through a view that checks permissions. MEDIA_URL is therefore unused.
MEDIA_URL = "/_private-media/"
STORAGES = {
    # Any Django storage class works here, e.g. storages.backends.s3.S3Storage
    # for S3-compatible object storage (with django-storages installed).
    "default": {"BACKEND": os.environ.get("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATIC_STORAGE_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))
# Images are refused from their header above this many pixels, before any decoding (Pillow's bomb guard too).
UPLOAD_MAX_PIXELS = int(os.environ.get("UPLOAD_MAX_PIXELS", str(25_000_000)))
# An uploaded .xlsx (a zip) may not unpack to more than this (zip bombs).
UPLOAD_MAX_UNPACKED_BYTES = int(os.environ.get("UPLOAD_MAX_UNPACKED_BYTES", str(100 * 1024 * 1024)))
# Request bodies above this are answered 413 before they are read (sayembara.limits).
REQUEST_MAX_BYTES = int(os.environ.get("REQUEST_MAX_BYTES", str(UPLOAD_MAX_BYTES + 1024 * 1024)))
# Public forms: how many submissions one address may make per hour (sayembara.throttle).
OBJECTIONS_PER_HOUR = int(os.environ.get("OBJECTIONS_PER_HOUR", "5"))
HELP_REQUESTS_PER_HOUR = int(os.environ.get("HELP_REQUESTS_PER_HOUR", "5"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- E-mail ---------------------------------------------------------------
# Every message is written to the outbox (sayembara.jobs.mail) in the caller's transaction and sent by the
# worker after the commit, with retries, through OUTBOX_DELIVERY_BACKEND (SMTP under settings_production).
# Setting EMAIL_BACKEND bypasses the outbox: mail is then sent inside the request (a test server without a worker).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "sayembara.jobs.mail.OutboxBackend")
OUTBOX_DELIVERY_BACKEND = os.environ.get("OUTBOX_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sayembara <noreply@localhost>")

# --- Security -------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form says what to do (reload, send again) in the app's style, not Django's bare English page.
CSRF_FAILURE_VIEW = "sayembara.error_views.csrf_failure"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (sayembara.middleware.SecurityHeadersMiddleware), in
# development and tests too, so that every page is exercised under it. Pages
# load scripts and styles from our own static files only: no inline <script>,
# no on…= handler, no style="…" attribute (tests/foundation/test_csp.py scans
# the templates). htmx is told not to inject its indicator <style> (base.html).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
if os.environ.get("CSP_REPORT_URI"):
    CONTENT_SECURITY_POLICY["report-uri"] = [os.environ["CSP_REPORT_URI"]]
# Report violations without blocking them, e.g. while trying a customised template.
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
# Browser features nobody needs here are switched off for every origin
# (clipboard writing stays allowed: the "Copy" buttons use it).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
        "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
        "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
    )
}

# --- REST API (sayembara/api) ----------------------------------------------
# Token authentication only (no session: no CSRF question, and a page's login is not an API key); JSON only;
# every list paged; anonymous and per-token rates (API_ANON_RATE, API_USER_RATE, e.g. "120/minute").
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["sayembara.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["sayembara.api.permissions.IsOrganiser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "sayembara.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["sayembara.api.throttles.AnonThrottle", "sayembara.api.throttles.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "120/minute"),
        "user": os.environ.get("API_USER_RATE", "600/minute"),
    },
    "NUM_PROXIES": PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sayembara API",
    "DESCRIPTION": "The public registry of innovations and the published results (no login), and the organiser's "
    "exports of an edition's entries, assignments and scores (Authorization: Token <key>, from /api/tokens/).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums", "sayembara.api.schema.add_error_responses",
    ],
}

# --- Task queue (Celery, sayembara/celery.py) -----------------------------
# Heavy work runs as jobs on a worker (sayembara.jobs), never inside a request. The broker is Redis when
# REDIS_URL (or CELERY_BROKER_URL) is set; otherwise a folder under VAR_DIR, so that `make run` needs nothing more
# (it starts a worker next to runserver). Job state lives in the database (sayembara.jobs.models.Job), so no
# result backend is needed.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL or "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem://"):
    _QUEUE_DIR = VAR_DIR / "queue"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # One machine: the web process writes where the worker reads.
        "data_folder_in": str(_QUEUE_DIR / "messages"),
        "data_folder_out": str(_QUEUE_DIR / "messages"),
        "processed_folder": str(_QUEUE_DIR / "processed"),
        "control_folder": str(_QUEUE_DIR / "control"),
        "store_processed": False,
    }
    for _folder in ("messages", "processed", "control"):
        (_QUEUE_DIR / _folder).mkdir(parents=True, exist_ok=True)
else:
    # A job longer than this would be handed to a second worker: keep it above JOB_TIME_LIMIT.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 60 * 60}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 5
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Acknowledge a job once it has run, one at a time: a worker that dies mid-job leaves it for another.
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A job is told to stop after JOB_SOFT_TIME_LIMIT seconds (it is then marked failed) and killed after JOB_TIME_LIMIT.
JOB_SOFT_TIME_LIMIT = int(os.environ.get("JOB_SOFT_TIME_LIMIT", "600"))
JOB_TIME_LIMIT = int(os.environ.get("JOB_TIME_LIMIT", str(JOB_SOFT_TIME_LIMIT + 60)))
CELERY_TASK_SOFT_TIME_LIMIT = JOB_SOFT_TIME_LIMIT
CELERY_TASK_TIME_LIMIT = JOB_TIME_LIMIT
# Transient failures (database or broker unreachable) are retried this many times, waiting 5 s, 10 s, 20 s, ...
JOB_MAX_RETRIES = int(os.environ.get("JOB_MAX_RETRIES", "5"))
JOB_RETRY_BACKOFF = int(os.environ.get("JOB_RETRY_BACKOFF", "5"))
# /health/ reports the worker down when its last heartbeat is older than this many seconds.
WORKER_HEARTBEAT_MAX_AGE = int(os.environ.get("WORKER_HEARTBEAT_MAX_AGE", "120"))
# Scheduled work, run by `celery -A sayembara worker -B` (or a separate `celery -A sayembara beat`).
from celery.schedules import crontab  # noqa: E402  (the schedule below is Celery's)

CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "sayembara.jobs.tasks.heartbeat", "schedule": 30.0},
    "jobs-past-their-time-limit": {"task": "sayembara.jobs.tasks.fail_stale_jobs", "schedule": 5 * 60.0},
    "outbox-resend": {"task": "sayembara.jobs.tasks.resend_outbox", "schedule": 10 * 60.0},
    # Every morning (Asia/Jakarta): drafts 7, 3 and 1 days before their unit's deadline, jurors behind in an open
    # stage, and self-registrations never confirmed.
    "remind-unsent-drafts": {"task": "sayembara.entries.tasks.remind_unsent_drafts", "schedule": crontab(hour=7, minute=0)},
    "remind-jurors-behind": {"task": "sayembara.jury.tasks.remind_jurors_behind", "schedule": crontab(hour=7, minute=30)},
    "expire-unconfirmed-accounts": {"task": "sayembara.accounts.tasks.expire_unconfirmed", "schedule": crontab(hour=3, minute=0)},
    # Telegram: the channel is reminded 7, 3 and 1 days before the submission deadline, once a day at most.
    "telegram-deadline-reminders": {"task": "sayembara.telegram.tasks.remind_deadlines", "schedule": crontab(hour=7, minute=15)},
    # Once a year, in the second week of January: is last years' innovations' work still running?
    "yearly-follow-up": {"task": "sayembara.registry.tasks.yearly_follow_up",
                         "schedule": crontab(month_of_year=1, day_of_month=15, hour=8, minute=0)},
}
# Telegram's Bot API (sayembara.telegram.bot_api); tests point it at a fake of their own.
TELEGRAM_API_BASE = os.environ.get("TELEGRAM_API_BASE", "https://api.telegram.org")
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Site -------------------------------------------------------------------
SITE_NAME = os.environ.get("SITE_NAME", "Sayembara")
# The public address (e.g. https://inovasi.pemalangkab.go.id) that links in e-mails and papers start with; empty:
# the address of the request that caused the mail.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
