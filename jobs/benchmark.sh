#!/usr/bin/env bash
# Benchmarks the job against its floor, its parser alone and DuckDB on one generated corpus (default 100000
# decisions, about 2 GB), checks the job's reports against the generator's truth, and prints one table. Every option
# is the benchmark tool's (see --help); the corpus is kept under tools/target/benchmark unless --work says otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

args=("$@")
option_value --work "$@" >/dev/null || args+=(--work "$PROJECT_DIR/tools/target/benchmark")

ensure_jar
bench_cp="$PROJECT_DIR/tools/target/bench-classpath.txt"
if [[ ! -s "$bench_cp" || "$PROJECT_DIR/tools/pom.xml" -nt "$bench_cp" ]]; then
  (cd "$PROJECT_DIR" && mvn -q -B -ntp -Pbench -DskipTests package) >&2 ||
    die 1 "could not resolve the benchmark's DuckDB dependency"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
launch_java --java17 2g "$TOOLS_CLASSES:$(cat "$CLASSPATH_FILE"):$(cat "$bench_cp")" \
  "-Dbench.jvmOptions=$PROJECT_DIR/jobs/spark-jvm.options" "-Dbench.runLocal=$PROJECT_DIR/jobs/run-local.sh" \
  "$TOOLS_MAIN" benchmark "${args[@]}"
