#!/usr/bin/env bash
# `make bench`: PostgreSQL with the sample content and 10,000 generated practices, then page timings.
# The database is kept between runs (created once); BENCH_DATABASE_URL chooses it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench}
# Production-like: no debug query logging, no HTTPS redirect for the in-process client.
export DEBUG=0 SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1 SECRET_KEY=bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz
db_name=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $db_name"
$PY manage.py migrate --no-input -v 0
$PY manage.py load_sample_content
target=${BENCH_PRACTICES:-10000}
have=$($PY manage.py shell --no-imports -v 0 -c "from practices.models import Practice; print(Practice.objects.filter(slug__startswith='generated-').count())")
if [ "$have" -lt "$target" ]; then $PY manage.py generate_practices $((target - have)); fi
$PY manage.py collectstatic --no-input -v 0
psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
$PY manage.py bench --runs "${BENCH_RUNS:-50}"

# Site search on 100,000 searchable records (generated), in a database of its own.
export DATABASE_URL=${BENCH_SEARCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench_search}
db_name=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -qtc "SELECT 1 FROM pg_database WHERE datname = '$db_name'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $db_name"
$PY manage.py migrate --no-input -v 0
$PY manage.py load_sample_content
target=${BENCH_SEARCH_RECORDS:-100000}
have=$($PY manage.py shell --no-imports -v 0 -c "from practices.models import Practice; print(Practice.objects.filter(slug__startswith='generated-').count())")
if [ "$have" -lt "$target" ]; then $PY manage.py generate_practices $((target - have)); fi
psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
$PY manage.py bench --search --runs "${BENCH_RUNS:-50}"
