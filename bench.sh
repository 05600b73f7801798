#!/usr/bin/env bash
# The benchmark harness (docs/performance.md#benchmark-harness): measures Boards against this machine's own limits.
#   ./bench.sh [--quick] [--url http://localhost:5080] [--no-build] [--trace-sample 0.1] [--metric-export-interval 60] [--smtp4dev]
# Uses the system already answering on --url, or starts one in local mode with its own data (bench/.data) and
# stops it at the end. E-mail goes to a relay stand-in that takes and discards it, as a deployment hands it to the
# ministry's relay (--smtp4dev keeps the demo mail server instead). Ends with: create/baseline-A=<ratio> lag-p99-ms=<n> national-p95-ms=<n> deep-page/first-page=<ratio>
#   create-p50-ms=<n> cpu-ms/create=<n>
set -euo pipefail
cd "$(dirname "$0")"
source eng/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "El banco necesita el SDK de .NET 10 (dotnet) en el PATH." >&2; exit 1; }

url="http://localhost:5080"; build=1; bench_args=(); trace_sample="0.1"; metric_interval="60"; smtp4dev=0
relay_port="${Infrastructure__Smtp__Port:-2526}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) bench_args+=(--quick); shift ;;
    --url) url="${2:?--url necesita una dirección}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --trace-sample) trace_sample="${2:?--trace-sample necesita una proporción entre 0 y 1}"; shift 2 ;;
    --metric-export-interval) metric_interval="${2:?--metric-export-interval necesita segundos}"; shift 2 ;;
    --smtp4dev) smtp4dev=1; shift ;;
    *) echo "Opción desconocida: $1. Uso: ./bench.sh [--quick] [--url http://localhost:5080] [--no-build] [--trace-sample 0.1] [--metric-export-interval 60] [--smtp4dev]" >&2; exit 2 ;;
  esac
done
url="${url%/}"
port="${url##*:}"; host="${url%:*}"
case "$port" in ''|*[!0-9]*) echo "--url debe terminar en un puerto, p. ej. http://localhost:5080" >&2; exit 2 ;; esac
grpc_url="$host:$((port + 1))"
identity="${Ports__Identity:-5070}"
postgres_port="${Infrastructure__PostgresPort:-55432}"

boards_install_packages
if [ "$build" = 1 ]; then
  echo "Compilando Boards y el banco ..."
  dotnet build Boards.sln -c Release -nologo -clp:ErrorsOnly
fi

started=""; data=""; relay=""
stop_relay() { [ -n "$relay" ] && kill -TERM "$relay" 2>/dev/null; wait "$relay" 2>/dev/null || true; }
stop_system() {
  [ -n "$started" ] || return 0
  echo "Deteniendo el sistema del banco ..."
  # TERM reaches the AppHost, which stops every service and both servers before it exits.
  kill -TERM -- "-$started" 2>/dev/null || true
  for _ in $(seq 1 120); do
    if ! kill -0 "$started" 2>/dev/null && ! boards_port_open "$port" && ! boards_port_open "$postgres_port"; then return 0; fi
    sleep 0.5
  done
  kill -KILL -- "-$started" 2>/dev/null || true
}
remove_data() { [ -n "$data" ] && rm -rf "${data:?}"; }
# The harness's own data (millions of seeded rows, gigabytes) is removed with its system.
trap 'stop_system; stop_relay; remove_data' EXIT

if curl -sf -o /dev/null --max-time 3 "$url/health"; then
  echo "Usando el sistema que ya responde en $url (las filas sembradas se quitan al final)."
  bench_args+=(--clean-up --system "sistema existente en $url (compilación y muestreo de trazas: los suyos)")
else
  # Its own data folder, so seeding millions of rows never touches anyone's development data.
  data="$PWD/bench/.data"
  mkdir -p "$data"; chmod 755 "$PWD/bench" "$data" 2>/dev/null || true
  if ! { runuser -u postgres -- test -x "$data" && runuser -u rabbitmq -- test -x "$data"; } 2>/dev/null; then
    data="/var/tmp/boards-bench-$(echo -n "$PWD" | sha1sum | cut -c1-10)"; mkdir -p "$data"; chmod 755 "$data"
  fi
  # A fresh folder each run: every run starts from the same state, and nothing seeded lingers.
  rm -rf "${data:?}"; mkdir -p "$data"; chmod 755 "$data"
  mail_env=()
  if [ "$smtp4dev" = 0 ]; then
    # Started first, so the system never starts smtp4dev (LocalInfrastructure) and its e-mails find the relay waiting.
    dotnet bench/Boards.Bench/bin/Release/net10.0/Boards.Bench.dll --mail-relay "$relay_port" >bench/bench-mail-relay.log 2>&1 &
    relay=$!
    for _ in $(seq 1 40); do boards_port_open "$relay_port" && break; sleep 0.25; done
    boards_port_open "$relay_port" || { echo "El relé de correo del banco no abrió el puerto $relay_port; ver bench/bench-mail-relay.log" >&2; exit 1; }
    mail_env=(Infrastructure__Smtp__Host=127.0.0.1 Infrastructure__Smtp__Port="$relay_port")
    export Infrastructure__Smtp__Port="$relay_port"
  fi
  echo "Iniciando Boards en modo local para el banco (datos en $data, registro en bench/bench-system.log) ..."
  # The gateway's per-client rate limit would measure itself instead of the system: raised for the harness's own run.
  # Telemetry leaves as a deployment sends it: 10 % of traces, metrics every 60 s (the SDK's default, which the
  # Kubernetes manifests keep) instead of the AppHost's development 1 s (docs/performance.md, "The cost of one referral").
  Infrastructure__Mode=local Infrastructure__DataDirectory="$data" Ports__Gateway="$port" Ports__GatewayGrpc="$((port + 1))" Benchmark__Echo=true \
    Gateway__RateLimit__PermitsPerSecond=100000 Gateway__RateLimit__Burst=100000 Telemetry__TraceSampleRatio="$trace_sample" \
    Telemetry__MetricExportIntervalSeconds="$metric_interval" \
    env "${mail_env[@]}" setsid dotnet run --project AppHost/Boards.AppHost -c Release --no-build --launch-profile http >bench/bench-system.log 2>&1 &
  started=$!
  for i in $(seq 1 600); do
    curl -sf -o /dev/null --max-time 2 "$url/health" && break
    kill -0 "$started" 2>/dev/null || { echo "El sistema se detuvo al iniciar; ver bench/bench-system.log" >&2; tail -n 20 bench/bench-system.log >&2; exit 1; }
    [ $((i % 20)) = 0 ] && echo "  esperando al gateway en $url ... ($((i / 2)) s)"
    sleep 0.5
    [ "$i" = 600 ] && { echo "El gateway no respondió en 300 s; ver bench/bench-system.log" >&2; exit 1; }
  done
  echo "  gateway listo."
  mail_setup="correo a un relé que acepta y descarta (en lugar del del ministerio)"
  [ "$smtp4dev" = 1 ] && mail_setup="correo a smtp4dev"
  bench_args+=(--system "iniciado por bench.sh: Release, modo local, trazas muestreadas $trace_sample (Telemetry__TraceSampleRatio), métricas cada $metric_interval s (Telemetry__MetricExportIntervalSeconds), límite por cliente del gateway elevado, $mail_setup")
fi

# Membership seeds the municipalities and the identity provider the demo accounts at start: wait for both.
for i in $(seq 1 120); do
  token="$(curl -sf --max-time 3 -d grant_type=password -d client_id=boards-cli -d username=admin -d password=demo -d scope=boards-api \
    "http://localhost:$identity/realms/boards/protocol/openid-connect/token" | sed -n 's/.*"access_token": *"\([^"]*\)".*/\1/p')" || true
  if [ -n "$token" ] && curl -sf --max-time 3 -H "Authorization: Bearer $token" "$url/api/municipalities" | grep -q '"code"'; then break; fi
  [ "$i" = 120 ] && { echo "El proveedor de identidad o los municipios no estuvieron listos en 60 s." >&2; exit 1; }
  sleep 0.5
done

# Local mode gives the postgres superuser a random password, kept in the system's data folder.
pg_password="$(cat "${data:-$(boards_data_dir local)}/secrets/postgres" 2>/dev/null || true)"
dotnet run --project bench/Boards.Bench -c Release --no-build -- --url "$url" --grpc-url "$grpc_url" \
  --identity "http://localhost:$identity/realms/boards" --postgres "Host=127.0.0.1;Port=$postgres_port;Username=postgres;Password=$pg_password" \
  --results bench/results "${bench_args[@]}"
