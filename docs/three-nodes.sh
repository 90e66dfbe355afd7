#!/usr/bin/env bash
# Three OpenFloor nodes on one Redis, on this machine: the quick start of docs/operations.md.
#
#   mvn -B -q package -DskipTests     # first: builds target/openfloor.jar
#   bash docs/three-nodes.sh          # Redis on 6379 (config/redis.conf), nodes on 8081, 8082 and 8083
#   bash docs/three-nodes.sh stop     # stops what it started
#
# Environment: REDIS_PORT (6379), NODE_PORTS ("8081 8082 8083"), THREE_NODES_DIR (data/three-nodes: Redis's
# files in data/redis there, each node's data directory, log and pid), JAVA ($JAVA_HOME/bin/java, else java: a
# JDK 25). A Redis already answering on REDIS_PORT is used as it is, and left running by "stop". Run it from the
# source tree's root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
redis_port="${REDIS_PORT:-6379}"
node_ports="${NODE_PORTS:-8081 8082 8083}"
dir="${THREE_NODES_DIR:-$root/data/three-nodes}"
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
jar="$root/target/openfloor.jar"

redis_answers() {
  [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ]
}

stop() {
  for port in $node_ports; do
    pidfile="$dir/node-$port.pid"
    if [ -f "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
      echo "stopped node $port"
    fi
  done
  if [ -f "$dir/redis.pid" ]; then
    redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    rm -f "$dir/redis.pid"
    echo "stopped Redis $redis_port"
  fi
}

if [ "${1:-start}" = "stop" ]; then
  stop
  exit 0
fi

if [ ! -f "$jar" ]; then
  echo "no $jar: run mvn -B -q package -DskipTests first" >&2
  exit 1
fi
mkdir -p "$dir/data/redis"

if redis_answers; then
  echo "using the Redis already answering on port $redis_port"
else
  # config/redis.conf keeps its files in ./data/redis: under $dir here.
  (cd "$dir" && redis-server "$root/config/redis.conf" --port "$redis_port" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log")
  for _ in $(seq 1 100); do redis_answers && break; sleep 0.1; done
  redis_answers || { echo "Redis did not start on port $redis_port; see $dir/redis.log" >&2; exit 1; }
  echo "started Redis on port $redis_port"
fi

for port in $node_ports; do
  OPENFLOOR_LOG=redis OPENFLOOR_REDIS_URL="redis://127.0.0.1:$redis_port/0" \
  OPENFLOOR_HTTP_PORT="$port" OPENFLOOR_DATA_DIR="$dir/node-$port" \
  OPENFLOOR_PUBLIC_URL="${OPENFLOOR_PUBLIC_URL:-http://localhost:8000}" \
    nohup "$java" -jar "$jar" > "$dir/node-$port.log" 2>&1 < /dev/null &
  echo $! > "$dir/node-$port.pid"
done

for port in $node_ports; do
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
    kill -0 "$(cat "$dir/node-$port.pid")" 2>/dev/null || break
    sleep 0.1
  done
  if ! curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1; then
    echo "node $port did not become healthy; the end of $dir/node-$port.log:" >&2
    tail -n 20 "$dir/node-$port.log" >&2
    exit 1
  fi
  echo "node $port: $(curl -s "http://127.0.0.1:$port/health")"
done
echo "logs in $dir; stop with: bash docs/three-nodes.sh stop"
