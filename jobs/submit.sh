#!/usr/bin/env bash
# Submits the job to a Spark cluster (standalone, YARN, Kubernetes) with spark-submit.
# Uses $SPARK_HOME/bin/spark-submit; with no SPARK_HOME, Spark's own SparkSubmit from the Maven-resolved jars.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/submit.sh [run|nightly] --master URL [spark-submit options] [job options]

  run | nightly           the job's command (default: run); see its options with
                          java -jar job/target/ombudsman-analytics.jar run --help (or nightly --help)
  --master URL            spark://host:7077, yarn, k8s://https://host:443, local[N]
  --deploy-mode MODE      client (default) or cluster (the driver runs on the cluster; on a standalone
                          master this script then waits for the driver to finish)
  --conf KEY=VALUE        any Spark setting; repeatable
  --driver-memory, --executor-memory, --executor-cores, --num-executors, --total-executor-cores,
  --name, --queue, --files, --jars, --packages, --properties-file, --driver-java-options
                          passed to spark-submit as they are
  anything else           passed to the job: for run, --input URI --output URI (any Hadoop URI:
                          hdfs://, s3a://, file:/), --councils CSV, --verbose, --quiet
Environment: SPARK_HOME (a Spark distribution; without it, Spark's launcher from the Maven-resolved jars),
DRIVER_MEMORY (the launcher's heap without SPARK_HOME, default 2g).
Exit codes: those of spark-submit; in client mode (and cluster mode on a standalone master) the job's own, as its
--help lists them.
USAGE
}

command="run"
if [[ $# -gt 0 && "$1" != -* ]]; then
  command="$1"
  shift
fi
[[ "$command" == run || "$command" == nightly ]] || die 2 "unknown command '$command' (run or nightly)"

submit_args=()
job_args=()
master=""
cluster_mode=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --master) [[ $# -ge 2 ]] || die 2 "--master needs a value"; master="$2"; submit_args+=(--master "$2"); shift 2 ;;
    --deploy-mode)
      [[ $# -ge 2 ]] || die 2 "--deploy-mode needs a value"
      [[ "$2" == cluster ]] && cluster_mode=true
      submit_args+=("$1" "$2"); shift 2 ;;
    --conf|--driver-memory|--executor-memory|--executor-cores|--num-executors|\
    --total-executor-cores|--name|--queue|--files|--jars|--packages|--properties-file|--driver-java-options)
      [[ $# -ge 2 ]] || die 2 "$1 needs a value"; submit_args+=("$1" "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) job_args+=("$1"); shift ;;
  esac
done
[[ -n "$master" ]] || die 2 "--master is required (see --help)"
# A standalone master answers a cluster-mode submission at once; wait for the driver so the exit code means something.
if $cluster_mode && [[ "$master" == spark://* ]]; then
  submit_args+=(--conf spark.standalone.submit.waitAppCompletion=true)
fi

ensure_jar
if [[ -n "${SPARK_HOME:-}" ]]; then
  [[ -x "$SPARK_HOME/bin/spark-submit" ]] || die 1 "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
  exec "$SPARK_HOME/bin/spark-submit" --class "$MAIN_CLASS" "${submit_args[@]}" "$JOB_JAR" \
    "$command" ${job_args[@]+"${job_args[@]}"}
fi
# No Spark distribution here: run Spark's own launcher from the jars Maven resolved.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_SCALA_VERSION=2.13
launch_java --java17 "${DRIVER_MEMORY:-2g}" "$(cat "$CLASSPATH_FILE")" org.apache.spark.deploy.SparkSubmit \
  --class "$MAIN_CLASS" "${submit_args[@]}" "$JOB_JAR" "$command" ${job_args[@]+"${job_args[@]}"}
