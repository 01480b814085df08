#!/usr/bin/env bash
# Writes the analyst notebooks (Jupyter, nbformat 4, outputs rendered) and their HTML copies from a job's output.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/export-notebooks.sh --reports OUTPUT --out DIR [--verbose] [--quiet]
       jobs/export-notebooks.sh --demo --out DIR

  --reports OUTPUT   a job's output folder (./output after jobs/run-local.sh, ROOT/latest of a nightly run)
  --demo             generate the demo corpus, run the job on it and export from that (makes notebooks-export/)
  --out DIR          where the .ipynb, .html and chart .png files go
Exit codes: 0 success, 1 failed, 2 bad options, 3 reports missing.
USAGE
}

[[ " $* " == *" -h "* || " $* " == *" --help "* ]] && { usage; exit 0; }
ensure_jar
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# shellcheck disable=SC2046
exec java $(java_options) -Xmx"${DRIVER_MEMORY:-3g}" -Djava.awt.headless=true \
  -cp "$JOB_JAR:$(cat "$CLASSPATH_FILE")" "$MAIN_CLASS" export --master "local[*]" "$@"
