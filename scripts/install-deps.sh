#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine with Swift lacks for building and testing lql:
# PostgreSQL (server, client, libpq headers), libedit headers, PgBouncer and tmux for the
# fault and prompt tests, chromium (headless) for the HTML report test, and pglast (PostgreSQL's own parser) for the SQL audit tests.
# Skips whatever is already there, so a second run costs nothing.
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# libcurl4-openssl-dev: the static release link of lql-mcp (the MCP SDK brings FoundationNetworking).
for pkg in postgresql postgresql-client libpq-dev libedit-dev pgbouncer tmux pkg-config libcurl4-openssl-dev chromium; do
    have_pkg "$pkg" || need+=("$pkg")
done
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if ((${#need[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "installing: ${need[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Debian starts a system cluster on install; lql's tests and demo use private clusters only.
if python3 -c 'import pglast' 2>/dev/null; then :; else
    python3 -m pip install -q pglast 2>/dev/null || python3 -m pip install -q --break-system-packages pglast
fi
# The Python MCP SDK: the real MCP client the `lql mcp` tests drive the server with.
if python3 -c 'import mcp.client.stdio' 2>/dev/null; then :; else
    python3 -m pip install -q mcp 2>/dev/null || python3 -m pip install -q --break-system-packages mcp
fi
