#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 (one Master, N Workers), built from the Spark jars Maven resolved:
# no Spark download. For trying jobs/submit.sh and for the cluster tests.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

STATE="${LOCAL_CLUSTER_STATE:-$PROJECT_DIR/.local-cluster}"

usage() {
  cat <<USAGE
Usage: jobs/local-cluster.sh start [--workers N] [--cores C] [--memory M] [--port P]
       jobs/local-cluster.sh stop
       jobs/local-cluster.sh status

  start     start a Master and N Workers (default 2) on 127.0.0.1; prints the master URL
  --cores   cores per Worker (default 1)
  --memory  memory per Worker for its executors (default 2g)
  --port    the Master's port (default: 7077, or the next free one)
  stop      stop exactly the processes 'start' started (and the executors they launched)
  status    the master URL and each process, running or not; exit 0 only when all are running

State (PIDs, logs, work folders, the SPARK_HOME of jars): $STATE (set LOCAL_CLUSTER_STATE to move it).
Exit codes: 0 success, 1 failure, 2 bad options.
USAGE
}

pid_alive() { # pid_alive PIDFILE: the process it names is running and is one of ours
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "org.apache.spark.deploy"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A folder that works as SPARK_HOME for the Workers: they build each executor's classpath from its jars/.
make_spark_home() {
  local home="$STATE/spark-home"
  rm -rf "$home"
  mkdir -p "$home/jars" "$home/conf"
  local jar
  while IFS= read -r jar || [[ -n "$jar" ]]; do
    [[ -n "$jar" ]] && ln -s "$jar" "$home/jars/$(basename "$jar")"
  done < <(tr ':' '\n' < "$SPARK_CLASSPATH_FILE")
  # Daemons and executors log at INFO into their own files: what a cluster operator reads.
  cat > "$home/conf/log4j2.properties" <<LOG
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n
logger.hadoop.name = org.apache.hadoop
logger.hadoop.level = warn
LOG
  echo "$home"
}

# Starts one daemon detached from this shell; its PID goes to a file.
start_daemon() { # start_daemon NAME CLASS ARGS...
  local name="$1" class="$2"
  shift 2
  SPARK_HOME="$STATE/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    setsid nohup java "@$PROJECT_DIR/jobs/spark-jvm.options" -Xmx512m \
    -Dlog4j2.configurationFile="$STATE/spark-home/conf/log4j2.properties" \
    -cp "$STATE/spark-home/jars/*" "$class" "$@" \
    > "$STATE/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/pids/$name.pid"
}

wait_for_log() { # wait_for_log NAME PATTERN SECONDS
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    grep -q "$2" "$STATE/logs/$1.log" 2>/dev/null && return 0
    # kill -0 only: until the forked shell has exec'd java, the process's command line is not yet the daemon's.
    kill -0 "$(cat "$STATE/pids/$1.pid")" 2>/dev/null ||
      die 1 "$1 exited while starting; the end of $STATE/logs/$1.log:
$(tail -n 20 "$STATE/logs/$1.log" 2>/dev/null)"
    sleep 0.2
  done
  die 1 "$1 did not start within $3 s; see $STATE/logs/$1.log"
}

start() {
  local workers=2 cores=1 memory=2g port=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --workers|--cores|--memory|--port)
        [[ $# -ge 2 ]] || die 2 "$1 needs a value"
        case "$1" in
          --workers) workers="$2" ;; --cores) cores="$2" ;; --memory) memory="$2" ;; --port) port="$2" ;;
        esac
        shift 2 ;;
      *) die 2 "unknown option '$1' (see --help)" ;;
    esac
  done
  [[ "$workers" =~ ^[1-9][0-9]*$ ]] || die 2 "--workers must be a positive number, not '$workers'"
  [[ "$cores" =~ ^[1-9][0-9]*$ ]] || die 2 "--cores must be a positive number, not '$cores'"
  if [[ -f "$STATE/master-url" ]] && pid_alive "$STATE/pids/master.pid"; then
    die 1 "a local cluster is already running at $(cat "$STATE/master-url"); stop it first"
  fi
  if [[ -z "$port" ]]; then
    port=7077
    while port_in_use "$port"; do port=$((port + 1)); done
  elif port_in_use "$port"; then
    die 1 "port $port is in use"
  fi

  ensure_jar
  rm -rf "$STATE/pids" "$STATE/logs" "$STATE/work" "$STATE/master-url"
  mkdir -p "$STATE/pids" "$STATE/logs" "$STATE/work"
  make_spark_home > /dev/null
  local url="spark://127.0.0.1:$port"

  start_daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0
  wait_for_log master "I have been elected leader" 60
  local i
  for ((i = 1; i <= workers; i++)); do
    start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 \
      --cores "$cores" --memory "$memory" --work-dir "$STATE/work/worker-$i" "$url"
  done
  for ((i = 1; i <= workers; i++)); do
    wait_for_log "worker-$i" "Successfully registered with master" 60
  done
  echo "$url" > "$STATE/master-url"
  echo "$url"
  echo "local cluster up: 1 master, $workers workers x $cores core(s), $memory each; logs in $STATE/logs" >&2
}

stop() {
  local f pid stopped=0
  [[ -d "$STATE/pids" ]] || { echo "no local cluster was started from $STATE" >&2; return 0; }
  # Workers first, so they stop their executors, then the master.
  for f in "$STATE"/pids/worker-*.pid "$STATE/pids/master.pid"; do
    [[ -f "$f" ]] || continue
    if pid_alive "$f"; then
      pid="$(cat "$f")"
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      stopped=$((stopped + 1))
    fi
    rm -f "$f"
  done
  # Executors normally stop with their Worker; any left behind are ours if they run inside our work folder.
  for pid in $(pgrep -f CoarseGrainedExecutorBackend || true); do
    if [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$STATE/work/"* ]]; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$STATE/master-url"
  echo "stopped $stopped process(es)" >&2
}

status() {
  local f ok=0
  if [[ -f "$STATE/master-url" ]]; then
    echo "master url: $(cat "$STATE/master-url")"
  else
    echo "not started"
    ok=1
  fi
  for f in "$STATE"/pids/*.pid; do
    [[ -f "$f" ]] || continue
    if pid_alive "$f"; then
      echo "$(basename "$f" .pid): running (pid $(cat "$f"))"
    else
      echo "$(basename "$f" .pid): not running"
      ok=1
    fi
  done
  return "$ok"
}

[[ $# -ge 1 ]] || { usage >&2; exit 2; }
command="$1"
shift
case "$command" in
  start) start "$@" ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) die 2 "unknown command '$command' (start, stop or status)" ;;
esac
