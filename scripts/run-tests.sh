#!/usr/bin/env bash
# Runs the test suite with every service it needs, on a bare machine or a dev box alike.
#   Redis: $REDIS_URL if it answers; else a private redis-server on a free port; else
#          install redis-server with apt-get (as root); else stop with a clear message.
#   Chromium (browser tests): $COACH_CHROMIUM or `chromium`; else Debian's package with
#          apt-get (as root); else the browser tests are skipped with the reason.
# Usage: scripts/run-tests.sh PYTHON [pytest args...]
set -euo pipefail
PY=${1:?usage: run-tests.sh PYTHON [pytest args]}
shift
cd "$(dirname "$0")/.."

started_pid=""
cleanup() { [ -n "$started_pid" ] && kill "$started_pid" 2>/dev/null || true; }
trap cleanup EXIT

redis_answers() {
  "$PY" -c 'import sys, redis; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()' "$1" 2>/dev/null
}

if [ -n "${REDIS_URL:-}" ] && redis_answers "$REDIS_URL"; then
  echo "tests: using Redis at $REDIS_URL"
else
  [ -n "${REDIS_URL:-}" ] && echo "tests: REDIS_URL=$REDIS_URL does not answer; starting a private Redis"
  if ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "tests: installing redis-server with apt-get"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
    else
      echo "tests: no Redis. Set REDIS_URL to a Redis you can use, or install redis-server" \
           "(e.g. 'sudo apt-get install redis-server' or 'brew install redis'), then run 'make test' again." >&2
      exit 2
    fi
  fi
  port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --logfile "" >/dev/null 2>&1 &
  started_pid=$!
  export REDIS_URL="redis://127.0.0.1:$port/0"
  for _ in $(seq 1 100); do redis_answers "$REDIS_URL" && break; sleep 0.1; done
  redis_answers "$REDIS_URL" || { echo "tests: redis-server did not start on port $port" >&2; exit 2; }
  echo "tests: started a private Redis at $REDIS_URL"
fi

# Browser tests drive Debian's Chromium through Playwright (which never downloads a browser):
# $COACH_CHROMIUM, else `chromium` on the PATH, else install Debian's package with apt-get
# (as root). Without any, the browser tests are skipped, and say why.
find_chromium() {
  local candidate
  for candidate in "${COACH_CHROMIUM:-}" chromium chromium-browser; do
    [ -n "$candidate" ] && command -v "$candidate" 2>/dev/null && return 0
  done
  return 1
}
chromium_path=$(find_chromium || true)
if [ -z "$chromium_path" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests: installing Debian's chromium with apt-get for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
      || echo "tests: apt-get could not install chromium" >&2
    chromium_path=$(find_chromium || true)
  fi
fi
if [ -n "$chromium_path" ]; then
  export COACH_CHROMIUM="$chromium_path"
  echo "tests: browser tests use $COACH_CHROMIUM"
else
  echo "tests: no Chromium, so the browser tests will be skipped: install Debian's 'chromium' package" \
       "(run 'make test' as root to have it installed) or set COACH_CHROMIUM to a Chromium executable"
fi

export COACH_REQUIRE_SERVICES=1
# -rs: every skipped test says why.
"$PY" -m pytest -rs "$@"
