"""Cible settings.

Everything that differs between a laptop and production comes from environment
variables (see the README's "Configuration" table). The defaults are the safe
local ones: SQLite in the project folder, an in-process cache, mail printed to
the console. With DEBUG off, the production security settings are on unless an
environment variable turns one off explicitly.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-local-development-key-do-not-use-in-production"  # noqa: S105  # nosec B105  # local only
SECRET_KEY = env("SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Absolute links in emails, feeds and the sitemap.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "import_export",
    "django_tasks_db",
    "storages",
    "axes",
    "catalogue",
    "experts",
    "alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a parameter: PostgreSQL refuses strings holding U+0000.
    "config.nul_bytes.RefuseNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles the match page's ranking query for ~240 ms to
    # save a few: a loss for short web queries. Off, unless the URL says otherwise.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # Shared by every server process: cache, session cache, rate-limit counters.
    CACHES = {
        "default": {
            # Django's Redis cache, carrying on without it when Redis is down (config/cache.py).
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "cible"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},  # whole pages (catalogue.page_cache) included
        }
    }
# Rate-limit counters (briefs, sign-up e-mails, API throttle) in a store that never evicts them:
# the default cache holds whole pages and evicts under pressure, which would reset a counter.
# A Redis of their own with `maxmemory-policy noeviction` (LIMITS_REDIS_URL), else the database
# (table `cible_limits`, created by `migrate`).
LIMITS_REDIS_URL = env("LIMITS_REDIS_URL")
if LIMITS_REDIS_URL:
    CACHES["limits"] = {
        "BACKEND": "config.cache.ResilientRedisCache",
        "LOCATION": LIMITS_REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "cible"),
    }
else:
    CACHES["limits"] = {
        "BACKEND": "config.cache.LimitsDatabaseCache",
        "LOCATION": "cible_limits",
        # Past this many rows, each write also deletes expired counters (never live ones).
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Public pages served to anonymous visitors from the cache, at most this many
# seconds old (what time alone changes: a session that has started); any change
# of content shows at once (catalogue.page_cache). 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
# Fragments (training cards, filter sidebar, facet counts) keyed on the catalogue revision,
# the language and what else they show (catalogue.fragments); this only bounds the memory
# they hold. tests/catalogue/test_fragments.py proves the keys complete. 0 turns them off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 600)
# bench/run.py only: where server processes write cache hit counts (catalogue.cache_stats).
CACHE_STATS_DIR = env("CACHE_STATS_DIR")

# How long a cached page may still be served, however old, while the database is
# unreachable (stale-if-error); only to anonymous visitors.
PAGE_STALE_SECONDS = env_int("PAGE_STALE_SECONDS", 24 * 60 * 60)

# Sorting by price and `price_max` compare prices in Canadian dollars at these reference
# rates (one unit = this many CAD); each training still shows its own currency.
PRICE_REFERENCE_RATES = {
    code.strip(): float(rate)
    for code, _, rate in (item.partition("=") for item in env_list("PRICE_REFERENCE_RATES", ["EUR=1.50", "USD=1.38"]))
    if rate
}

# Uploaded files (trainer photos) go through the storage API, so an
# S3-compatible store is configured here without code changes.
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Email and background tasks --------------------------------------------

# One mailer, configured from the EMAIL_* environment variables: SMTP when
# EMAIL_HOST is set or DEBUG is off (never print production mail to a log),
# the console for local use, or any EMAIL_BACKEND.
smtp_backend = "django.core.mail.backends.smtp.EmailBackend"
email_backend = env("EMAIL_BACKEND") or (
    smtp_backend if env("EMAIL_HOST") or not DEBUG else "django.core.mail.backends.console.EmailBackend"
)
MAILERS = {"default": {"BACKEND": email_backend}}
if email_backend == smtp_backend:
    MAILERS["default"]["OPTIONS"] = {
        "host": env("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 587),
        "username": env("EMAIL_HOST_USER"),
        "password": env("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Cible <noreply@cible.local>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Every e-mail goes through the outbox (catalogue/outbox.py): stored, then its first
# attempt runs after commit through Django's tasks framework (immediately, in-process,
# by default; a queue backend such as django_tasks_db.DatabaseBackend moves it out of
# the request). `manage.py worker` retries failed sends with backoff and runs PERIODIC_JOBS.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Briefs to trainers --------------------------------------------------------

# Real sends allowed per client IP ("5/h", "20/d", "3/10m"), counted in the
# "limits" cache, which every server process shares and nothing evicts.
BRIEF_RATE_LIMIT = env("BRIEF_RATE_LIMIT", "5/h")
# Follow-up answers posted from one client IP (experts.views.followups).
FOLLOWUP_RATE_LIMIT = env("FOLLOWUP_RATE_LIMIT", "20/h")
RATELIMIT_USE_CACHE = "limits"
# The client IP: the same function as the log-in lock-out and the API throttle.
RATELIMIT_IP_META_KEY = "config.client_ip.client_ip"
# If the cache cannot count (Redis down), let briefs through rather than refuse them all.
RATELIMIT_FAIL_OPEN = True
# E-mails sent to an address a visitor types (brief confirmations, sign-up and
# password-reset e-mails), per recipient address, whatever the client IP.
RECIPIENT_RATE_LIMIT = env("RECIPIENT_RATE_LIMIT", "5/h")
# Alert requests (each sends a confirmation e-mail) per client IP.
ALERT_RATE_LIMIT = env("ALERT_RATE_LIMIT", "10/h")

# --- Outbox and worker -----------------------------------------------------------

# The outbox gives up on an e-mail after this many failed attempts (backoff 1 min, 2, 4, … ≤ 6 h).
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 10)
# Jobs `manage.py worker` runs: dotted path of a function → seconds between runs.
PERIODIC_JOBS = {
    "catalogue.archiving.archive_past_trainings": 60 * 60,
    "catalogue.outbox.purge_old": 24 * 60 * 60,
    "experts.followups.send_due": 60 * 60,
    # Alert digests (daily or weekly per alert) and the expiry of unconfirmed alert requests.
    "alerts.digests.send_due_digests": 15 * 60,
    "alerts.subscriptions.purge_unconfirmed": 60 * 60,
}

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Montreal"
USE_I18N = True
USE_TZ = True

# --- Auth ---------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "experts:login"
LOGIN_REDIRECT_URL = "experts:dashboard"
LOGOUT_REDIRECT_URL = "catalogue:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day
# How long the sign-up confirmation link stays valid.
EMAIL_CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 7
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account+IP before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed log-ins: 5 per account and IP address, then 15 minutes' cool-off.
# Attempts are stored in the database, which every server process shares.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_USERNAME_CALLABLE = "experts.accounts.login_username"
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
# No "AXES: BEGIN …" banner on every manage.py command (lock-out log lines keep
# the lock-out parameters: username and IP address).
AXES_VERBOSE = False

# --- Security -----------------------------------------------------------------

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "https:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
PRODUCTION = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", PRODUCTION)
if BEHIND_TLS_PROXY:
    # The load balancer terminates TLS and says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Proxies in front of the app that append the address they received the request
# from to X-Forwarded-For. The client IP of every per-IP limit (log-in lock-out,
# brief and sign-up rate limits, API throttle) is the one this many hops from the
# end (config.client_ip). 0: the header is ignored and the socket's address is used.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1 if BEHIND_TLS_PROXY else 0)
# Production states it explicitly: `check --deploy` warns otherwise (config/checks.py).
TRUSTED_PROXIES_STATED = bool(env("TRUSTED_PROXIES"))
for _retired in ("NUM_PROXIES", "RATELIMIT_IP_META_KEY"):
    if env(_retired):
        raise ImproperlyConfigured(f"{_retired} is no longer read: set TRUSTED_PROXIES (proxies in front of the app).")
# /healthz is probed over plain HTTP by load balancers.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- Third-party apps ---------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # `format` is a catalogue filter (conference, course, workshop), not DRF's renderer switch.
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_PAGINATION_CLASS": "catalogue.api.pagination.CataloguePagination",
    # Per client IP as found by config.client_ip (TRUSTED_PROXIES), not DRF's NUM_PROXIES.
    "DEFAULT_THROTTLE_CLASSES": ["catalogue.api.throttling.AnonymousRateThrottle"],
}
# Anonymous API requests per IP, counted in the shared cache ("120/min", "5000/day").
API_THROTTLE_RATE = env("API_THROTTLE_RATE", "120/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Cible API",
    "DESCRIPTION": (
        "Read-only catalogue of social media and social networking trainings. Every answer is JSON: "
        "send `Accept: application/json` (or no Accept header), e.g. "
        "`curl -H 'Accept: application/json' https://cible.example/api/v1/trainings/`. "
        "`format` is the training's format (conference, course, workshop), not the response's: "
        "`?format=json` answers 400."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One named enum per choice set, whichever serializer uses it.
    "ENUM_NAME_OVERRIDES": {
        "FocusEnum": "catalogue.enums.Focus",
        "FormatEnum": "catalogue.enums.Format",
        "MatchFocusEnum": "catalogue.api.match.MATCH_FOCUSES",
    },
    # No call to swagger.io's online validator: the docs work offline. No deep links: Swagger UI draws each
    # operation's path as a link inside the button that opens it (nested controls, which axe refuses).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "validatorUrl": None},
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
