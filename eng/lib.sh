# Shared shell helpers for run.sh, test.sh and eng/infra.sh.

boards_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Installs what a fresh Debian machine lacks: PostgreSQL 15, RabbitMQ, Chromium and nginx for the end-to-end tests (the
# browser tests and the ingress; BOARDS_NEEDS_CHROMIUM=1), and kubectl and yamllint for the Kubernetes manifests' tests
# (tests/Boards.Deploy.Tests; any kubectl from 1.20 on renders them).
boards_install_packages() {
  local missing=()
  [ -x /usr/lib/postgresql/15/bin/postgres ] || ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  if [ "${BOARDS_NEEDS_CHROMIUM:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  # The end-to-end tests' ingress (IngressTests) runs nginx in front of the portal and the gateway.
  if [ "${BOARDS_NEEDS_CHROMIUM:-0}" = 1 ] && [ ! -x /usr/sbin/nginx ]; then missing+=(nginx); fi
  command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
  command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..."
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts the packaged services; Boards runs its own instances on its own ports.
    $sudo service rabbitmq-server stop >/dev/null 2>&1 || true
    $sudo service postgresql stop >/dev/null 2>&1 || true
    $sudo service nginx stop >/dev/null 2>&1 || true
    # Installing RabbitMQ also leaves an epmd listening on every interface (started by the package's own scripts, even
    # where policy-rc.d keeps services from starting), which Boards' nodes would then reuse instead of their loopback
    # one; LocalInfrastructureTests checks that every Erlang port listens on loopback only. Nothing is registered yet.
    if [[ " ${missing[*]} " == *" rabbitmq-server "* ]] && command -v epmd >/dev/null 2>&1; then
      $sudo epmd -kill >/dev/null 2>&1 || true
    fi
  fi
}

# smtp4dev, the mail server the AppHost starts in local mode (docs/notifications.md, "The mail server"): a .NET tool in
# .tools/smtp4dev (git-ignored). It is installed into a temporary folder and then renamed, so that two starts at once
# never run half a tool; another version there is replaced.
boards_smtp4dev_version=3.15.0
boards_install_smtp4dev() {
  local tools="$boards_repo/.tools" dir="$boards_repo/.tools/smtp4dev"
  boards_smtp4dev_installed && return 0
  echo "Installing smtp4dev $boards_smtp4dev_version ..."
  mkdir -p "$tools"
  local staging; staging="$(mktemp -d "$tools/smtp4dev.XXXXXX")"; chmod 755 "$staging"
  if ! dotnet tool install --tool-path "$staging" Rnwood.Smtp4dev --version "$boards_smtp4dev_version" >/dev/null; then
    rm -rf "$staging"
    echo "Could not install smtp4dev $boards_smtp4dev_version (dotnet tool install)." >&2
    return 1
  fi
  # Another start may have finished first: keep its copy, which may be running already.
  if boards_smtp4dev_installed; then rm -rf "$staging"; return 0; fi
  rm -rf "$dir"
  mv -T "$staging" "$dir" 2>/dev/null || rm -rf "$staging"
}

# The Node.js integrator sample (samples/node-grpc-client) that the end-to-end tests run (IntegratorTests): Node.js and
# npm from apt when absent, then its pinned packages (package-lock.json) by `npm ci`, only when node_modules is missing
# (or unfinished: npm writes node_modules/.package-lock.json last).
boards_install_node_sample() {
  local dir="$boards_repo/samples/node-grpc-client"
  [ -f "$dir/node_modules/.package-lock.json" ] && return 0
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Installing nodejs npm ..."
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null || return 1
  fi
  echo "Installing the Node.js sample's packages (npm ci) ..."
  (cd "$dir" && npm ci --no-audit --no-fund >/dev/null)
}

boards_smtp4dev_installed() {
  local dir="$boards_repo/.tools/smtp4dev"
  [ -x "$dir/smtp4dev" ] && [ -d "$dir/.store/rnwood.smtp4dev/$boards_smtp4dev_version" ]
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
