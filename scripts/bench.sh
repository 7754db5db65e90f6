#!/usr/bin/env bash
# `make bench`: page timings on PostgreSQL with generated practices (10,000 for the pages, 100,000 for
# search). The databases are kept between runs and only topped up; BENCH_DATABASE_URL and
# BENCH_SEARCH_DATABASE_URL choose them.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
# Production-like: no debug query logging, no HTTPS redirect for the in-process client.
export DEBUG=0 SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1 SECRET_KEY=bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/2}

prepare() {  # database URL, number of generated practices it should hold
  export DATABASE_URL=$1
  local db_name=${DATABASE_URL##*/} have
  psql "${DATABASE_URL%/*}/postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1 \
    || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $db_name"
  $PY manage.py migrate --no-input -v 0
  $PY manage.py load_sample_content
  have=$($PY manage.py shell --no-imports -v 0 -c \
    "from practices.models import Practice; print(Practice.objects.filter(slug__startswith='generated-').count())")
  if [ "$have" -lt "$2" ]; then $PY manage.py generate_practices $(($2 - have)); fi
  psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
}

$PY manage.py collectstatic --no-input -v 0
prepare "${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench}" "${BENCH_PRACTICES:-10000}"
$PY manage.py bench --runs "${BENCH_RUNS:-50}"

prepare "${BENCH_SEARCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench_search}" \
  "${BENCH_SEARCH_RECORDS:-100000}"
$PY manage.py bench --search --runs "${BENCH_SEARCH_RUNS:-10}"
