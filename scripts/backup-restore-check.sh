#!/usr/bin/env bash
# Backup and restore, tested: dumps DATABASE_URL (pg_dump, custom format), restores the dump into a brand-new
# database on the same server, then checks the copy: the transfer ledger's hash chain (`npm run ledger:verify`)
# and the row count of every table, equal on both sides. Exits 0 only if all of it holds.
#
#   DATABASE_URL=postgres://sillage@db:5432/sillage scripts/backup-restore-check.sh [dump file]
#
# Needs pg_dump/pg_restore of the server's major version and CREATEDB. The dump is kept (the first argument,
# default a temporary file, removed at the end); the restored database is dropped unless KEEP_RESTORE=1.
# Run it against a copy or at a quiet hour: the counts are compared after the dump, so writes in between
# make them differ.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL (the database to back up) is required}"
cd "$(dirname "$0")/.."

dump="${1:-$(mktemp -t sillage-backup-XXXXXX.dump)}"
keep_dump="${1:+1}"
source_db="$(psql "$DATABASE_URL" -Atc 'select current_database()')"
target_db="${source_db}_restore_check_$(date +%Y%m%d%H%M%S)"
target_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$DATABASE_URL" "$target_db")"

cleanup() {
  [ -z "$keep_dump" ] && rm -f "$dump"
  if [ "${KEEP_RESTORE:-0}" != "1" ]; then
    psql "$DATABASE_URL" -qAtc "drop database if exists \"$target_db\" with (force)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "1/4 Sauvegarde de $source_db (pg_dump -Fc) → $dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump" "$DATABASE_URL"

echo "2/4 Restauration dans une base neuve : $target_db"
psql "$DATABASE_URL" -qAtc "create database \"$target_db\""
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$target_url" "$dump"

echo "3/4 Registre des transmissions de la copie (npm run ledger:verify)"
DATABASE_URL="$target_url" npx tsx scripts/ledger-verify.ts

echo "4/4 Nombre de lignes de chaque table, source et copie"
count_rows() {
  local url="$1" tables query
  tables="$(psql "$url" -Atc "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1")"
  query="$(printf "select '%s', count(*) from %s union all " $(for t in $tables; do printf '%s %s ' "$t" "$t"; done))"
  psql "$url" -AtF ' ' -c "${query% union all }"
}
source_counts="$(count_rows "$DATABASE_URL")"
target_counts="$(count_rows "$target_url")"
if [ "$source_counts" != "$target_counts" ]; then
  echo "ÉCHEC : les nombres de lignes diffèrent (table source copie) :" >&2
  join <(echo "$source_counts") <(echo "$target_counts") | awk '$2 != $3' >&2
  exit 1
fi
tables="$(echo "$source_counts" | wc -l)"
rows="$(echo "$source_counts" | awk '{ n += $2 } END { print n }')"
echo "OK : $tables tables, $rows lignes, identiques dans la copie ; registre vérifié."
