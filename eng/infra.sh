#!/usr/bin/env bash
# Starts or stops a PostgreSQL 15 and a RabbitMQ 3.x from the OS packages, on loopback (Erlang's ports too), for
# integration tests and for running services outside the AppHost. Throwaway test servers: trust auth and guest, which
# tests use to make and drop their own databases. The AppHost's local mode starts its own pair with a role and a
# password per service (see AppHost/Boards.AppHost/Infrastructure).
#   eng/infra.sh install | start | stop | status | stop-rabbitmq | start-rabbitmq
# Settings (environment): BOARDS_INFRA_DIR (data), BOARDS_PG_PORT (56432), BOARDS_RABBITMQ_PORT (56672).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo/eng/lib.sh"

dir="${BOARDS_INFRA_DIR:-$(boards_data_dir test-infra)}"
pg_port="${BOARDS_PG_PORT:-56432}"
rabbit_port="${BOARDS_RABBITMQ_PORT:-56672}"
rabbit_dist_port="${BOARDS_RABBITMQ_DIST_PORT:-$((rabbit_port - 30000))}"
pg_bin="$(boards_pg_bin)"

start_postgres() {
  mkdir -p "$dir/postgres" "$dir/run"
  chown postgres:postgres "$dir/postgres" "$dir/run"
  if [ ! -f "$dir/postgres/PG_VERSION" ]; then
    runuser -u postgres -- "$pg_bin/initdb" -D "$dir/postgres" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres" status >/dev/null 2>&1; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres" -l "$dir/run/postgres.log" -w -t 60 \
      -o "-p $pg_port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
  fi
  echo "PostgreSQL on 127.0.0.1:$pg_port (user postgres, trust)"
}

start_rabbitmq() {
  mkdir -p "$dir/rabbitmq/mnesia" "$dir/rabbitmq/log"
  chown -R rabbitmq:rabbitmq "$dir/rabbitmq"
  if ! boards_port_open "$rabbit_port"; then
    cd "$dir/rabbitmq"
    nohup runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq RABBITMQ_NODENAME="boards-test-$rabbit_port@localhost" \
      RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$rabbit_port" RABBITMQ_DIST_PORT="$rabbit_dist_port" \
      ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
      RABBITMQ_MNESIA_BASE="$dir/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$dir/rabbitmq/log" \
      RABBITMQ_ENABLED_PLUGINS_FILE="$dir/rabbitmq/enabled_plugins" RABBITMQ_PID_FILE="$dir/rabbitmq/pid" \
      /usr/lib/rabbitmq/bin/rabbitmq-server >> "$dir/rabbitmq.log" 2>&1 &
    boards_wait_port "$rabbit_port" 90 "RabbitMQ"
  fi
  echo "RabbitMQ on 127.0.0.1:$rabbit_port (guest/guest)"
}

stop_rabbitmq() {
  if [ -f "$dir/rabbitmq/pid" ]; then
    local pid; pid="$(cat "$dir/rabbitmq/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/rabbitmq/pid"
  fi
  pkill -f "boards-test-$rabbit_port@localhost" 2>/dev/null || true
}

stop_postgres() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  install) boards_install_packages; boards_install_smtp4dev ;;
  start) boards_install_packages; start_postgres; start_rabbitmq ;;
  stop) stop_rabbitmq; stop_postgres ;;
  stop-rabbitmq) stop_rabbitmq ;;
  start-rabbitmq) start_rabbitmq ;;
  status) boards_port_open "$pg_port" && echo "postgres up" || echo "postgres down"
          boards_port_open "$rabbit_port" && echo "rabbitmq up" || echo "rabbitmq down" ;;
  *) echo "usage: $0 install|start|stop|status|stop-rabbitmq|start-rabbitmq" >&2; exit 2 ;;
esac
