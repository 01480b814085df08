#!/usr/bin/env bash
# Runs the job in Spark local mode on this machine. With no options: the bundled sample corpus into ./output.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/run-local.sh [--input PATH] [--output PATH] [--master local[N]] [--councils CSV]
                         [--min-investigations N] [--population-year YEAR] [--year-basis financial|calendar]
                         [--lgsco-council-data CSV] [--conf KEY=VALUE]...
                         [--verbose] [--quiet]

  --input PATH      folder of decisions, read recursively; local path or Hadoop URI (hdfs://, s3a://)
                    (default: the bundled sample, src/sample/seeds)
  --output PATH     output folder, replaced only when the run completes (default: ./output); on an object
                    store (s3a://) each run gets its own folder under runs/ and _latest names the newest
  --conf KEY=VALUE  a Spark setting, repeatable; Hadoop's as spark.hadoop.*, e.g. an S3 endpoint:
                    --conf spark.hadoop.fs.s3a.endpoint=https://s3.example.org (S3A is added by itself
                    when a path is s3a://; keys are best left to AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)
  --master URL      Spark master (default: local[*], every core of this machine)
  --councils CSV    extra or corrected councils (same columns as src/main/resources/reference/councils.csv)
  --min-investigations N
                    councils with fewer investigations are marked too few to rank (default 5)
  --population-year YEAR
                    ONS mid-year populations behind the per-100,000 figures: 2023 (default) or 2024
  --year-basis financial|calendar
                    the years every yearly report counts in (default: financial, 1 April to 31 March, as
                    the Ombudsman counts)
  --lgsco-council-data CSV
                    the Ombudsman's per-council figures, to reconcile council by council (see README)
  --verbose         Spark's logs and full stack traces
  --quiet           print nothing but errors
Environment: DRIVER_MEMORY (default 4g).
Exit codes: 0 success, 1 job failed, 2 bad options, 3 input missing or unreadable, 4 output not writable.
USAGE
}

input="$PROJECT_DIR/src/sample/seeds"
output="output"
master="local[*]"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --input|--output|--master|--councils|--min-investigations|--population-year|--year-basis|\
    --lgsco-council-data|--conf)
      [[ $# -ge 2 && "$2" != --* ]] || die 2 "$1 needs a value (see --help)"
      case "$1" in
        --input) input="$2" ;;
        --output) output="$2" ;;
        --master) master="$2" ;;
        *) extra+=("$1" "$2") ;;
      esac
      shift 2 ;;
    --verbose|--quiet) extra+=("$1"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done

if is_local_path "$input" && [[ ! -e "$input" ]]; then
  die 3 "input not found: $input"
fi
[[ "$master" == local* ]] || die 2 "--master must be local[N] here; use jobs/submit.sh for a cluster"

ensure_jar
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
run_local_java "${DRIVER_MEMORY:-4g}" "$(local_classpath "$input" "$output" ${extra[@]+"${extra[@]}"})" \
  "$MAIN_CLASS" run --input "$input" --output "$output" --master "$master" ${extra[@]+"${extra[@]}"}
