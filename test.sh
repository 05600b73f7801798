#!/usr/bin/env bash
# Runs every test with real PostgreSQL, RabbitMQ and tokens, and ends with one line: "N passed, N failed".
# Installs what a fresh Debian machine lacks (apt: postgresql, rabbitmq-server, chromium; nodejs and the Node.js sample's
# npm packages) and starts what tests need.
set -uo pipefail
cd "$(dirname "$0")"
source eng/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "Boards needs the .NET 10 SDK (dotnet) on PATH." >&2; exit 1; }
# The portal's browser tests drive Debian's Chromium (/usr/bin/chromium); Playwright never downloads a browser.
export BOARDS_NEEDS_CHROMIUM=1
boards_install_packages
# The mail server the end-to-end tests start through the AppHost (a .NET tool in .tools/smtp4dev).
boards_install_smtp4dev || { echo "0 passed, 1 failed"; exit 1; }
# The Node.js integrator sample's packages; without them only its end-to-end test fails, and says so.
boards_install_node_sample || echo "Could not install the Node.js sample's packages (npm ci in samples/node-grpc-client)." >&2

# Infrastructure for integration tests (the end-to-end tests start their own through the AppHost).
bash eng/infra.sh stop >/dev/null 2>&1 || true
bash eng/infra.sh start || { echo "0 passed, 1 failed"; exit 1; }
export BOARDS_TEST_POSTGRES="Host=127.0.0.1;Port=${BOARDS_PG_PORT:-56432};Username=postgres"
export BOARDS_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:${BOARDS_RABBITMQ_PORT:-56672}"

# A fresh data folder for the AppHost that the end-to-end tests start in local mode.
e2e_dir="$(boards_data_dir e2e)"
fresh_e2e_dir() {
  # A server left over from an interrupted (or the previous) run would hold the end-to-end ports.
  pkill -f "postgres -D ${e2e_dir}/postgres" 2>/dev/null || true
  pkill -f "boards-27672@localhost" 2>/dev/null || true
  pkill -f "smtp4dev.*${e2e_dir}/mail" 2>/dev/null || true
  sleep 1
  rm -rf "${e2e_dir:?}"/*
}
fresh_e2e_dir
export BOARDS_E2E_DATA_DIR="$e2e_dir"

results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Boards.sln -c Debug -nologo -clp:ErrorsOnly; then
  bash eng/infra.sh stop >/dev/null 2>&1 || true
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  # Test projects end in "Tests"; the others (Boards.Testing) are libraries they share.
  case "$name" in *Tests) ;; *) continue ;; esac
  echo "== $name"
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

# The end-to-end tests again, against the other shape: every module in one process (docs/architecture.md, "Two
# shapes"). The same tests, but the few that stop one module alone (trait Shape=services).
if [ -f tests/Boards.EndToEnd.Tests/Boards.EndToEnd.Tests.csproj ]; then
  echo "== Boards.EndToEnd.Tests (monolith)"
  fresh_e2e_dir
  BOARDS_E2E_SHAPE=monolith dotnet test tests/Boards.EndToEnd.Tests/Boards.EndToEnd.Tests.csproj -c Debug --no-build --nologo \
    --filter "Shape!=services" \
    --logger "trx;LogFileName=Boards.EndToEnd.Tests.Monolith.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
fi

bash eng/infra.sh stop >/dev/null 2>&1 || true

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  n="$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done
# A test project that crashed before writing its results still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
