"""Test configuration: the production settings with speed-ups that must never reach production."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

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
# Serve static files from the source folders, as in development (no collectstatic for tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test process (every pytest-xdist worker is one) writes its uploads, and on SQLite its database,
# into a folder of its own that is removed when the process ends: nothing lands in the checkout, and
# two runs side by side (a fresh clone and the working copy) never share a file.
TEST_FILES = Path(tempfile.mkdtemp(prefix="portal-tests-"))
atexit.register(shutil.rmtree, TEST_FILES, ignore_errors=True)
MEDIA_ROOT = TEST_FILES / "media"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A database file, not SQLite's in-memory default: the live server then opens a connection per
    # request thread instead of borrowing the test's, so no connection ever crosses threads. WAL lets
    # the browser's requests read while a test writes; the file is thrown away, so no fsync.
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_FILES / "test.sqlite3")}  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    }
