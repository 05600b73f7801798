#!/usr/bin/env bash
# The benchmark harness (docs/performance.md#benchmark-harness): measures Boards against this machine's own limits.
#   ./bench.sh [--quick] [--mode services|monolith|both] [--url http://localhost:5080] [--no-build] [--trace-sample 0.1]
#              [--metric-export-interval 60] [--smtp4dev]
# Uses the system already answering on --url, or starts one in local mode with its own data (bench/.data) and
# stops it at the end. E-mail goes to a relay stand-in that takes and discards it, as a deployment hands it to the
# ministry's relay (--smtp4dev keeps the demo mail server instead). --mode picks the shape of the system it starts
# (the AppHost's Shape: eight module services, the default, or every module in one process; --monolith is
# --mode monolith); both runs services, then monolith, each on a system of its own, and compares them. Ends with:
#   create/baseline-A=<ratio> lag-p99-ms=<n> national-p95-ms=<n> deep-page/first-page=<ratio> create-p50-ms=<n>
#   cpu-ms/create=<n> dotnet-rss-mb=<n>
# (with --mode both, that line for each mode, after "services: " and "monolith: ").
set -euo pipefail
cd "$(dirname "$0")"
source eng/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "El banco necesita el SDK de .NET 10 (dotnet) en el PATH." >&2; exit 1; }

usage="Uso: ./bench.sh [--quick] [--mode services|monolith|both] [--url http://localhost:5080] [--no-build] [--trace-sample 0.1] [--metric-export-interval 60] [--smtp4dev]"
url="http://localhost:5080"; build=1; bench_args=(); trace_sample="0.1"; metric_interval="60"; smtp4dev=0
relay_port="${Infrastructure__Smtp__Port:-2526}"; mode="services"; mode_given=0; run_kind="full"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) bench_args+=(--quick); run_kind="quick"; shift ;;
    --mode) mode="${2:?--mode necesita services, monolith o both}"; mode_given=1; shift 2 ;;
    --monolith) mode="monolith"; mode_given=1; shift ;;
    --url) url="${2:?--url necesita una dirección}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --trace-sample) trace_sample="${2:?--trace-sample necesita una proporción entre 0 y 1}"; shift 2 ;;
    --metric-export-interval) metric_interval="${2:?--metric-export-interval necesita segundos}"; shift 2 ;;
    --smtp4dev) smtp4dev=1; shift ;;
    *) echo "Opción desconocida: $1. $usage" >&2; exit 2 ;;
  esac
done
case "$mode" in services|monolith|both) ;; *) echo "--mode debe ser services, monolith o both (se recibió '$mode'). $usage" >&2; exit 2 ;; esac
url="${url%/}"
port="${url##*:}"; host="${url%:*}"
case "$port" in ''|*[!0-9]*) echo "--url debe terminar en un puerto, p. ej. http://localhost:5080" >&2; exit 2 ;; esac
grpc_url="$host:$((port + 1))"
identity="${Ports__Identity:-5070}"
postgres_port="${Infrastructure__PostgresPort:-55432}"
# Every port a started system listens on that the next one needs free: both runs of --mode both use the same ports.
system_ports=("$port" "$((port + 1))" "$identity" "$postgres_port" "${Infrastructure__RabbitMqPort:-55672}" "${Ports__Portal:-5090}"
  "${Ports__Referrals:-5101}" "${Ports__Monolith:-5201}" 18888 18889 18890)

boards_install_packages
if [ "$build" = 1 ]; then
  echo "Compilando Boards y el banco ..."
  dotnet build Boards.sln -c Release -nologo -clp:ErrorsOnly
fi

started=""; data=""; relay=""
# Each returns 0 when there is nothing to do: under set -e a failing call in the EXIT trap would replace the exit status.
stop_relay() { if [ -n "$relay" ]; then kill -TERM "$relay" 2>/dev/null; wait "$relay" 2>/dev/null || true; fi; }
any_system_port_open() {
  local p
  for p in "${system_ports[@]}"; do boards_port_open "$p" && return 0; done
  return 1
}
stop_system() {
  [ -n "$started" ] || return 0
  echo "Deteniendo el sistema del banco ..."
  # TERM reaches the AppHost, which stops every service and both servers before it exits.
  kill -TERM -- "-$started" 2>/dev/null || true
  for _ in $(seq 1 120); do
    if ! kill -0 "$started" 2>/dev/null && ! any_system_port_open; then started=""; return 0; fi
    sleep 0.5
  done
  kill -KILL -- "-$started" 2>/dev/null || true
  started=""
}
remove_data() { if [ -n "$data" ]; then rm -rf "${data:?}"; fi; }
# The harness's own data (millions of seeded rows, gigabytes) is removed with its system.
trap 'stop_system; stop_relay; remove_data' EXIT

# Starts the AppHost in local mode in shape $1 with a fresh data folder, and waits for the gateway.
start_system() {
  local shape="$1"
  # Its own data folder, so seeding millions of rows never touches anyone's development data.
  data="$PWD/bench/.data"
  mkdir -p "$data"; chmod 755 "$PWD/bench" "$data" 2>/dev/null || true
  if ! { runuser -u postgres -- test -x "$data" && runuser -u rabbitmq -- test -x "$data"; } 2>/dev/null; then
    data="/var/tmp/boards-bench-$(echo -n "$PWD" | sha1sum | cut -c1-10)"; mkdir -p "$data"; chmod 755 "$data"
  fi
  # A fresh folder each run: every run starts from the same state, and nothing seeded lingers.
  rm -rf "${data:?}"; mkdir -p "$data"; chmod 755 "$data"
  echo "Iniciando Boards en modo local, forma $shape, para el banco (datos en $data, registro en bench/bench-system-$shape.log) ..."
  # The gateway's per-client rate limit would measure itself instead of the system: raised for the harness's own run.
  # Telemetry leaves as a deployment sends it: 10 % of traces, metrics every 60 s (the SDK's default, which the
  # Kubernetes manifests keep) instead of the AppHost's development 1 s (docs/performance.md, "The cost of one referral").
  # Shape: eight module services or every module in one process (docs/configuration.md, "Two shapes").
  Infrastructure__Mode=local Infrastructure__DataDirectory="$data" Ports__Gateway="$port" Ports__GatewayGrpc="$((port + 1))" Benchmark__Echo=true \
    Gateway__RateLimit__PermitsPerSecond=100000 Gateway__RateLimit__Burst=100000 Telemetry__TraceSampleRatio="$trace_sample" \
    Telemetry__MetricExportIntervalSeconds="$metric_interval" Shape="$shape" \
    env "${mail_env[@]}" setsid dotnet run --project AppHost/Boards.AppHost -c Release --no-build --launch-profile http >"bench/bench-system-$shape.log" 2>&1 &
  started=$!
  for i in $(seq 1 600); do
    curl -sf -o /dev/null --max-time 2 "$url/health" && break
    kill -0 "$started" 2>/dev/null || { echo "El sistema se detuvo al iniciar; ver bench/bench-system-$shape.log" >&2; tail -n 20 "bench/bench-system-$shape.log" >&2; exit 1; }
    [ $((i % 20)) = 0 ] && echo "  esperando al gateway en $url ... ($((i / 2)) s)"
    sleep 0.5
    [ "$i" = 600 ] && { echo "El gateway no respondió en 300 s; ver bench/bench-system-$shape.log" >&2; exit 1; }
  done
  echo "  gateway listo."
}

# Membership seeds the municipalities and the identity provider the demo accounts at start: waits for both.
wait_for_demo_data() {
  local token i
  for i in $(seq 1 120); do
    token="$(curl -sf --max-time 3 -d grant_type=password -d client_id=boards-cli -d username=admin -d password=demo -d scope=boards-api \
      "http://localhost:$identity/realms/boards/protocol/openid-connect/token" | sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p')" || true
    if [ -n "$token" ] && curl -sf --max-time 3 -H "Authorization: Bearer $token" "$url/api/municipalities" | grep -q '"code"'; then return 0; fi
    [ "$i" = 120 ] && { echo "El proveedor de identidad o los municipios no estuvieron listos en 60 s." >&2; exit 1; }
    sleep 0.5
  done
}

# Runs the harness with the extra arguments given (--mode, --system, --results-file ...).
run_bench() {
  wait_for_demo_data
  # Local mode gives the postgres superuser a random password, kept in the system's data folder.
  local pg_password
  pg_password="$(cat "${data:-$(boards_data_dir local)}/secrets/postgres" 2>/dev/null || true)"
  dotnet run --project bench/Boards.Bench -c Release --no-build -- --url "$url" --grpc-url "$grpc_url" \
    --identity "http://localhost:$identity/realms/boards" --postgres "Host=127.0.0.1;Port=$postgres_port;Username=postgres;Password=$pg_password" \
    --results bench/results "${bench_args[@]}" "$@"
}

if curl -sf -o /dev/null --max-time 3 "$url/health"; then
  if [ "$mode" = both ]; then
    echo "--mode both inicia un sistema por modo, pero ya hay uno respondiendo en $url: deténgalo, o mídalo con --mode services o --mode monolith." >&2
    exit 2
  fi
  echo "Usando el sistema que ya responde en $url (las filas sembradas se quitan al final)."
  # Its shape is the one asked for, checked against its processes; without --mode, the one its processes show.
  mode_args=(); [ "$mode_given" = 1 ] && mode_args=(--mode "$mode")
  run_bench "${mode_args[@]}" --clean-up --system "sistema existente en $url (compilación y muestreo de trazas: los suyos)"
  exit 0
fi

mail_env=()
if [ "$smtp4dev" = 0 ]; then
  # Started first, so the system never starts smtp4dev (LocalInfrastructure) and its e-mails find the relay waiting.
  # One relay for both runs of --mode both: it keeps nothing between messages.
  dotnet bench/Boards.Bench/bin/Release/net10.0/Boards.Bench.dll --mail-relay "$relay_port" >bench/bench-mail-relay.log 2>&1 &
  relay=$!
  for _ in $(seq 1 40); do boards_port_open "$relay_port" && break; sleep 0.25; done
  boards_port_open "$relay_port" || { echo "El relé de correo del banco no abrió el puerto $relay_port; ver bench/bench-mail-relay.log" >&2; exit 1; }
  mail_env=(Infrastructure__Smtp__Host=127.0.0.1 Infrastructure__Smtp__Port="$relay_port")
  export Infrastructure__Smtp__Port="$relay_port"
fi
mail_setup="correo a un relé que acepta y descarta (en lugar del del ministerio)"
[ "$smtp4dev" = 1 ] && mail_setup="correo a smtp4dev"

modes=("$mode"); [ "$mode" = both ] && modes=(services monolith)
stamp="$(date -u +%Y%m%d-%H%M%S)"
for shape in "${modes[@]}"; do
  start_system "$shape"
  modules="ocho servicios"; [ "$shape" = monolith ] && modules="los ocho módulos en un solo proceso (monolith)"
  file_args=(); [ "$mode" = both ] && file_args=(--results-file "bench/results/$stamp-$shape-$run_kind-run.json")
  run_bench --mode "$shape" "${file_args[@]}" --system "iniciado por bench.sh: Release, modo local, forma $shape (Shape=$shape: $modules), trazas muestreadas $trace_sample (Telemetry__TraceSampleRatio), métricas cada $metric_interval s (Telemetry__MetricExportIntervalSeconds), límite por cliente del gateway elevado, $mail_setup"
  stop_system
  remove_data
  # The next run needs the same ports: a system that did not let go of them would answer in its place.
  if [ "$shape" != "${modes[-1]}" ] && any_system_port_open; then
    echo "El sistema del banco ($shape) no liberó sus puertos al detenerse; ver bench/bench-system-$shape.log" >&2
    exit 1
  fi
done

if [ "$mode" = both ]; then
  dotnet run --project bench/Boards.Bench -c Release --no-build -- --compare "bench/results/$stamp-services-$run_kind-run.json" \
    "bench/results/$stamp-monolith-$run_kind-run.json" --results-file "bench/results/$stamp-both-$run_kind-run.json"
fi
