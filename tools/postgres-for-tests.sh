#!/bin/sh
# Start a PostgreSQL server on loopback for the progress-log tests and print its SQLAlchemy URL.
# As root on Debian, installs the server if it is missing. Prints nothing and exits 1 when no
# server can be had; the tests then run against SQLite only and say so.
set -e
URL="postgresql+psycopg://painmap:painmap@127.0.0.1:5432/painmap_test"
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 || exit 1
    echo "Installing Debian's postgresql for the progress-log tests..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
[ -n "$cluster" ] || exit 1
pg_ctlcluster $cluster start >/dev/null 2>&1 || true
as_postgres() { su postgres -s /bin/sh -c "$1"; }
for _ in 1 2 3 4 5 6 7 8 9 10; do as_postgres "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
as_postgres "psql -qAtc \"select 1 from pg_roles where rolname = 'painmap'\"" | grep -q 1 \
    || as_postgres "psql -qc \"create role painmap login password 'painmap'\"" >&2
as_postgres "psql -qAtc \"select 1 from pg_database where datname = 'painmap_test'\"" | grep -q 1 \
    || as_postgres "createdb -O painmap painmap_test" >&2
echo "$URL"
