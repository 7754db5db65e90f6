#!/usr/bin/env bash
# Smoke test of a production start: gunicorn with DEBUG off on PostgreSQL, the home page in every language.
# Expects DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS from the caller (see `make smoke`).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${SMOKE_PORT:-8765}
db_name=${DATABASE_URL##*/}

psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS $db_name" >/dev/null
psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $db_name" >/dev/null
$PY manage.py migrate --no-input -v 0
$PY manage.py load_sample_content
$PY manage.py collectstatic --no-input -v 0

.venv/bin/gunicorn portal.wsgi:application --bind 127.0.0.1:$PORT --workers 2 --access-logfile - --error-logfile - &
gunicorn_pid=$!
trap 'kill $gunicorn_pid 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done

fetch() {  # the proxy in front of production terminates TLS and says so in X-Forwarded-Proto
  curl -fsS -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT$1"
}
expect() {  # path, then a text the page must contain
  local body
  body=$(fetch "$1")
  if ! grep -qF -- "$2" <<<"$body"; then echo "smoke: $1 does not contain '$2'" >&2; exit 1; fi
  echo "smoke: $1 ok ($2)"
}
expect /healthz '"database": "ok"'
expect /ky/ 'lang="ky"'
expect /ky/ 'ЖӨБ мыкты тажрыйбалар порталы'
expect /ru/ 'Портал лучших практик МСУ'
expect /en/ 'LSG Best Practice Portal'
expect /en/ 'Kumbel'
expect /static/css/site.css 'portal-primary'
status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/en/no-such-page/")
[ "$status" = 404 ] || { echo "smoke: a missing page answered $status, not 404" >&2; exit 1; }
echo "smoke: production start ok"
