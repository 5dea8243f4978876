#!/usr/bin/env bash
# Runs the test suite with every service it needs, on a bare machine or a dev box alike.
#   Redis: $REDIS_URL if it answers; else a private redis-server on a free port; else
#          install redis-server with apt-get (as root); else stop with a clear message.
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

export COACH_REQUIRE_SERVICES=1
"$PY" -m pytest "$@"
