#!/usr/bin/env bash
# Submits the job to a Spark cluster (standalone, YARN, Kubernetes) with spark-submit.
# Uses $SPARK_HOME/bin/spark-submit; with no SPARK_HOME, Spark's own SparkSubmit from the Maven-resolved jars.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/submit.sh --master URL --input URI --output URI [spark-submit options] [job options]

  --master URL            spark://host:7077, yarn, k8s://https://host:443, local[N]
  --deploy-mode MODE      client (default) or cluster
  --conf KEY=VALUE        any Spark setting; repeatable
  --driver-memory, --executor-memory, --executor-cores, --num-executors, --total-executor-cores,
  --name, --queue, --files, --jars, --packages, --properties-file
                          passed to spark-submit as they are
  --input URI             folder of decisions (hdfs://, s3a://, file:/ ... any Hadoop URI)
  --output URI            output folder, replaced only when the run completes
  --councils CSV          extra or corrected councils list (a path the driver can read)
  --verbose | --quiet
Exit codes: those of spark-submit; in client mode the job's own (0 success, 1 failed, 2 bad options,
3 input missing, 4 output not writable).
USAGE
}

submit_args=()
job_args=()
master=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --master) [[ $# -ge 2 ]] || die 2 "--master needs a value"; master="$2"; submit_args+=(--master "$2"); shift 2 ;;
    --deploy-mode|--conf|--driver-memory|--executor-memory|--executor-cores|--num-executors|\
    --total-executor-cores|--name|--queue|--files|--jars|--packages|--properties-file|--driver-java-options)
      [[ $# -ge 2 ]] || die 2 "$1 needs a value"; submit_args+=("$1" "$2"); shift 2 ;;
    --input|--output|--councils)
      [[ $# -ge 2 && "$2" != --* ]] || die 2 "$1 needs a value"; job_args+=("$1" "$2"); shift 2 ;;
    --verbose|--quiet) job_args+=("$1"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
[[ -n "$master" ]] || die 2 "--master is required (see --help)"
[[ " ${job_args[*]-} " == *" --input "* ]] || die 2 "--input is required"
[[ " ${job_args[*]-} " == *" --output "* ]] || die 2 "--output is required"

ensure_jar
if [[ -n "${SPARK_HOME:-}" ]]; then
  [[ -x "$SPARK_HOME/bin/spark-submit" ]] || die 1 "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
  exec "$SPARK_HOME/bin/spark-submit" --class "$MAIN_CLASS" "${submit_args[@]}" "$JOB_JAR" run "${job_args[@]}"
fi
# No Spark distribution here: run Spark's own launcher from the jars Maven resolved (client mode).
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_SCALA_VERSION=2.13
# shellcheck disable=SC2046
exec java $(java_options) -Xmx"${DRIVER_MEMORY:-2g}" -cp "$(cat "$CLASSPATH_FILE")" \
  org.apache.spark.deploy.SparkSubmit --class "$MAIN_CLASS" "${submit_args[@]}" "$JOB_JAR" run "${job_args[@]}"
