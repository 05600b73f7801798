#!/usr/bin/env bash
# Dumps a Boards PostgreSQL server into a folder: the roles (globals.sql, without passwords) and one custom-format dump
# per database (<database>.dump), each a consistent snapshot of its database. Restore with eng/restore.sh.
#   eng/backup.sh <folder>
# The server comes from libpq's environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD.
# docs/deploy.md ("Backups") says when to use this and when the operator's backups (CloudNativePG) do the job.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/eng/lib.sh"

folder="${1:?usage: eng/backup.sh <folder>}"
pg_bin="$(boards_pg_bin)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

mkdir -p "$folder"
"$pg_bin/pg_dumpall" --globals-only --no-role-passwords > "$folder/globals.sql"
databases="$("$pg_bin/psql" -d postgres -At -c "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY datname")"
count=0
for database in $databases; do
  "$pg_bin/pg_dump" --format=custom --file="$folder/$database.dump" "$database"
  echo "  $database → $folder/$database.dump ($(stat -c %s "$folder/$database.dump") bytes)"
  count=$((count + 1))
done
echo "Backed up $count databases and the roles to $folder"
