# Shared shell helpers for run.sh, test.sh and eng/infra.sh.

boards_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Installs what a fresh Debian machine lacks: PostgreSQL 15, RabbitMQ, and Chromium for the browser tests.
boards_install_packages() {
  local missing=()
  [ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  if [ "${BOARDS_NEEDS_CHROMIUM:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts the packaged services; Boards runs its own instances on its own ports.
    $sudo service rabbitmq-server stop >/dev/null 2>&1 || true
    $sudo service postgresql stop >/dev/null 2>&1 || true
  fi
}

boards_pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  echo "${bin:-/usr/lib/postgresql/15/bin}"
}

# A data folder the postgres and rabbitmq users can reach: .data/<name> in the repository when they can traverse
# to it, otherwise /var/tmp/boards-<hash>/<name> (for example when the clone lives under /root).
boards_data_dir() {
  local name="$1" preferred="$boards_repo/.data/$1"
  mkdir -p "$preferred"
  chmod 755 "$boards_repo/.data" "$preferred" 2>/dev/null || true
  if runuser -u postgres -- test -x "$preferred" 2>/dev/null && runuser -u rabbitmq -- test -x "$preferred" 2>/dev/null; then
    echo "$preferred"
  else
    local hash; hash="$(echo -n "$boards_repo" | sha1sum | cut -c1-10)"
    mkdir -p "/var/tmp/boards-$hash/$name"
    chmod 755 "/var/tmp/boards-$hash" "/var/tmp/boards-$hash/$name"
    echo "/var/tmp/boards-$hash/$name"
  fi
}

boards_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

boards_wait_port() {
  local port="$1" seconds="$2" what="$3"
  for _ in $(seq 1 $((seconds * 2))); do
    boards_port_open "$port" && return 0
    sleep 0.5
  done
  echo "$what did not open port $port within ${seconds}s" >&2
  return 1
}
