#!/usr/bin/env bash
# Starts Boards locally: installs what is missing, builds, and runs the Aspire AppHost (local mode by default).
# Ctrl+C stops everything; data stays under .data/ for the next start. Ports and modes: docs/configuration.md.
#   ./run.sh [--replicas 2]   two processes of every service, the gateway and the portal (docs/configuration.md)
#   ./run.sh [--monolith]     every module in one process instead of eight services (Shape=monolith, docs/configuration.md)
set -euo pipefail
cd "$(dirname "$0")"
source eng/lib.sh

while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) export Scale__Replicas="${2:?--replicas necesita un número de 1 a 3}"; shift 2 ;;
    --monolith) export Shape=monolith; shift ;;
    *) echo "Opción desconocida: $1. Uso: ./run.sh [--replicas 2] [--monolith]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "Boards necesita el SDK de .NET 10 (dotnet) en el PATH." >&2; exit 1; }
boards_install_packages
boards_install_smtp4dev

echo "Compilando Boards ..."
dotnet build Boards.sln -c Debug -nologo -clp:ErrorsOnly

export Infrastructure__DataDirectory="${Infrastructure__DataDirectory:-$(boards_data_dir local)}"
gateway="${Ports__Gateway:-5080}"; gateway_grpc="${Ports__GatewayGrpc:-5081}"; identity="${Ports__Identity:-5070}"

mode="${Infrastructure__Mode:-}"
cat <<INFO

Boards se está iniciando (datos en $Infrastructure__DataDirectory).
  Panel de Aspire (dashboard)   http://localhost:18888   (el enlace con token de acceso aparece abajo)
  Portal (web)                  http://localhost:${Ports__Portal:-5090}
  Gateway REST                  http://localhost:$gateway/api/municipalities
  Gateway gRPC (HTTP/2 h2c)     http://localhost:$gateway_grpc   boards.referrals.v1.ReferralService
  Proveedor de identidad (OIDC) http://localhost:$identity/realms/boards/.well-known/openid-configuration
INFO
# The demo mail server (smtp4dev) catches every e-mail Boards sends, except in external mode (the real server).
mailboxes="http://localhost:${Ports__Mail:-5025}"
if [ "${mode,,}" != external ]; then
  echo "  Buzones de correo (smtp4dev)  $mailboxes   todo correo que envía Boards (SMTP 127.0.0.1:${Infrastructure__SmtpPort:-2525})"
  # Said again once the mail server answers, below the AppHost's start-up log.
  ( boards_wait_port "${Ports__Mail:-5025}" 600 "smtp4dev" 2>/dev/null && echo "Buzones de correo listos: $mailboxes" ) &
fi
if [ "${Shape:-services}" = monolith ]; then
  echo "  Monolito (todos los módulos)  http://localhost:${Ports__Monolith:-5201}/health   un proceso en lugar de ocho servicios"
fi
if [ "${Scale__Replicas:-1}" != 1 ]; then
  echo "  Réplicas: ${Scale__Replicas} de cada servicio, del gateway y del portal; la réplica i escucha en cada puerto + (i - 1) × ${Scale__PortOffset:-10000}"
fi
cat <<INFO
  Cuentas de demostración: focal.<municipio>, officer.<institución>, analyst, admin — contraseña "demo".
  Ctrl+C detiene todo.

INFO

exec dotnet run --project AppHost/Boards.AppHost --no-build --launch-profile http
