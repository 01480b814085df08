#!/usr/bin/env bash
# Benchmarks the job against its floor, its parser alone and DuckDB on one generated corpus (default 100000
# decisions, about 2 GB), checks the job's reports against the generator's truth, and prints one table.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

decisions=100000
work="$PROJECT_DIR/target/benchmark"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --decisions) [[ $# -ge 2 ]] || die 2 "--decisions needs a value"; decisions="$2"; shift 2 ;;
    --work) [[ $# -ge 2 ]] || die 2 "--work needs a value"; work="$2"; shift 2 ;;
    --seed|--driver-heap|--text|--real-from) [[ $# -ge 2 ]] || die 2 "$1 needs a value"; extra+=("$1" "$2"); shift 2 ;;
    --parser-only) extra+=("$1"); shift ;;
    -h|--help)
      echo "Usage: jobs/benchmark.sh [--decisions N] [--work DIR] [--seed S] [--driver-heap 1g]"
      echo "                         [--text generated|real] [--real-from DIR,DIR] [--parser-only]"
      echo "  The corpus is generated once into DIR (default target/benchmark) and reused."
      echo "  --text real recombines real decisions' paragraphs (seeds, gold passages) into 22 KB decisions."
      exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$decisions" =~ ^[0-9]+$ && "$decisions" -gt 0 ]] || die 2 "--decisions must be a positive number"

ensure_jar
bench_cp="$PROJECT_DIR/target/bench-classpath.txt"
if [[ ! -s "$bench_cp" || "$PROJECT_DIR/pom.xml" -nt "$bench_cp" ]]; then
  (cd "$PROJECT_DIR" && mvn -q -B -ntp -Pbench dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$bench_cp") >&2 || die 1 "could not resolve the benchmark's DuckDB dependency"
fi
mkdir -p "$work"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java -Xmx2g -Dbench.jvmOptions="$PROJECT_DIR/jobs/spark-jvm.options" \
  -Dbench.runLocal="$PROJECT_DIR/jobs/run-local.sh" \
  -cp "$TOOLS_CLASSES:$(cat "$CLASSPATH_FILE"):$(cat "$bench_cp")" "$TOOLS_MAIN" benchmark \
  --decisions "$decisions" --work "$work" ${extra[@]+"${extra[@]}"}
