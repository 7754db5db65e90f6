import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("On", True), ("0", False), ("no", False)])
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", not expected) is expected


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="FLAG='ture' is not a boolean"):
        env_bool("FLAG", False)


def test_env_int_refuses_a_word(monkeypatch):
    monkeypatch.setenv("PORT_NUMBER", "five")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("PORT_NUMBER", 1)


def test_env_list_drops_blank_items(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.kg, ,b.kg,")
    assert env_list("HOSTS", []) == ["a.kg", "b.kg"]


def test_env_str_without_default_is_required(monkeypatch):
    monkeypatch.delenv("MISSING_SETTING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="MISSING_SETTING is required"):
        env_str("MISSING_SETTING")


def _load_settings(**environment):
    """Import the production settings in a fresh interpreter with exactly this environment."""
    env = {"PATH": os.environ["PATH"], **environment}
    return subprocess.run(
        [sys.executable, "-c", "import portal.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_without_a_secret_key_does_not_start():
    result = _load_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_a_bad_debug_value_does_not_start():
    result = _load_settings(DEBUG="maybe", SECRET_KEY="x" * 50, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_a_cache_url_that_is_not_redis_does_not_start():
    result = _load_settings(DEBUG="1", REDIS_URL="memcached://127.0.0.1:11211")
    assert result.returncode != 0
    assert "must be a redis://" in result.stderr


def test_production_without_a_shared_cache_does_not_start():
    result = _load_settings(DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "needs REDIS_URL" in result.stderr


def test_without_database_url_the_default_is_sqlite():
    result = _load_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


def test_database_url_selects_postgresql():
    result = _load_settings(
        DEBUG="0", SECRET_KEY="x" * 50, DATABASE_URL="postgres://u@127.0.0.1:5432/portal", REDIS_URL="redis://r:6379/0"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.postgresql"]


def test_manage_py_runs_in_development_mode_in_a_checkout():
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-v",
            "0",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "True", result.stderr


def test_manage_py_respects_debug_off():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DEBUG": "0"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr
