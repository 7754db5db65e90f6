"""Test configuration: the production settings with speed-ups that must never reach production."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-that-is-long-enough-for-django-checks-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Production settings insist on a shared cache; the tests replace it with local memory below.
os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/15"
os.environ.pop("CACHE_URL", None)

from portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# No collectstatic before tests: serve static files by name.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Serve static files from the source folders, as in development (no collectstatic for tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
