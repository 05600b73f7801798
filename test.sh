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

# Release: the AppHost starts the services in the configuration it was built with, and the end-to-end suite's twenty
# processes then run optimized code on the two cores (run.sh keeps Debug for development).
if ! dotnet build Boards.sln -c Release -nologo -clp:ErrorsOnly; then
  bash eng/infra.sh stop >/dev/null 2>&1 || true
  echo "0 passed, 1 failed"
  exit 1
fi

# One test project, its results in TestResults/<name>.trx and its console output in TestResults/<name>.log.
run_tests() {
  local name="$1"; shift
  # A test that hangs (one did: microsoft/playwright#9350) ends the project's run after 10 minutes instead of holding
  # CI until its limit; the longest test takes about 3.
  dotnet test "$@" -c Release --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" > "$results/$name.log" 2>&1
}

# The unit and integration test projects, one after the other (they share eng/infra.sh's servers). A project that fails
# leaves its name in TestResults/failed-projects.
run_projects() {
  for project in tests/*/*.csproj; do
    local name; name="$(basename "$project" .csproj)"
    # Test projects end in "Tests"; the others (Boards.Testing) are libraries they share. The end-to-end suite runs apart.
    case "$name" in *Tests) ;; *) continue ;; esac
    [ "$name" = Boards.EndToEnd.Tests ] && continue
    run_tests "$name" "$project" || echo "$name" >> "$results/failed-projects"
  done
}

# A project's summary line, or the end of its output when it did not pass.
show() {
  echo "== $1"
  if grep -q '^Passed!' "$results/$1.log"; then grep '^Passed!' "$results/$1.log"; else tail -n 400 "$results/$1.log"; fi
}

status=0
e2e=tests/Boards.EndToEnd.Tests/Boards.EndToEnd.Tests.csproj
if [ -f "$e2e" ]; then
  echo "== Boards.EndToEnd.Tests: the eight module services (about 20 minutes; output in TestResults/Boards.EndToEnd.Tests.log) ..."
  run_tests Boards.EndToEnd.Tests "$e2e" || status=1
  show Boards.EndToEnd.Tests
fi

# The end-to-end tests again, against the other shape: every module in one process (docs/architecture.md, "Two
# shapes"). The same tests, but the few that stop one module alone (trait Shape=services) and the portal's accessibility
# check, which the shape cannot change (Shape=independent). The other projects run at the same time: the end-to-end
# tests spend about half their time waiting for messages and mail, and neither uses the other's servers (docs/testing.md).
echo "== The other test projects, and Boards.EndToEnd.Tests against the monolith (about 15 minutes; output in TestResults/*.log) ..."
run_projects &
projects=$!
if [ -f "$e2e" ]; then
  fresh_e2e_dir
  BOARDS_E2E_SHAPE=monolith run_tests Boards.EndToEnd.Tests.Monolith "$e2e" --filter "Shape!=services&Shape!=independent" || status=1
fi
wait "$projects"
for log in "$results"/*.log; do
  name="$(basename "$log" .log)"
  case "$name" in Boards.EndToEnd.Tests) ;; *) show "$name" ;; esac
done
[ -s "$results/failed-projects" ] && status=1

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
# A test project that crashed before writing its results still counts as a failure, and so does one that wrote none
# (a killed `dotnet test` may exit 0).
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  case "$name" in *Tests) ;; *) continue ;; esac
  expected=("$name"); [ "$name" = Boards.EndToEnd.Tests ] && expected+=(Boards.EndToEnd.Tests.Monolith)
  for trx in "${expected[@]}"; do
    if [ ! -f "$results/$trx.trx" ]; then echo "$trx: no results (TestResults/$trx.trx)" >&2; status=1; failed=$((failed + 1)); fi
  done
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
