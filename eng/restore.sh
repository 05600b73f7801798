#!/usr/bin/env bash
# Restores what eng/backup.sh wrote into a server (a fresh one, or one without these databases): the roles first, then
# every database with its owner and grants. An existing database of the same name is refused, never overwritten.
#   eng/restore.sh <folder>
# The server comes from libpq's environment, as in eng/backup.sh. Roles come back without passwords: set them (or let
# the AppHost or the operator set them) before the services connect.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/eng/lib.sh"

folder="${1:?usage: eng/restore.sh <folder>}"
pg_bin="$(boards_pg_bin)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

[ -f "$folder/globals.sql" ] || { echo "No globals.sql in $folder: not a folder written by eng/backup.sh." >&2; exit 2; }
# The superuser already exists on the target: its CREATE ROLE fails and the rest goes on.
grep -v -E "^(CREATE|ALTER) ROLE \"?${PGUSER}\"?( |;)" "$folder/globals.sql" | "$pg_bin/psql" -d postgres -q -v ON_ERROR_STOP=1 >/dev/null
count=0
for dump in "$folder"/*.dump; do
  database="$(basename "$dump" .dump)"
  if [ -n "$("$pg_bin/psql" -d postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    echo "The database $database already exists on $PGHOST:$PGPORT: not restored over it." >&2
    exit 3
  fi
  "$pg_bin/pg_restore" --create --exit-on-error -d postgres "$dump"
  echo "  $dump → $database"
  count=$((count + 1))
done
echo "Restored $count databases from $folder"
