#!/usr/bin/env bash
# Runs the job (the run command) in Spark local mode on this machine. With no options: the bundled sample corpus
# into ./output. Every option is the run command's (see --help); this script adds only what the shell knows: the
# sample as the default input, that a local input exists, that the master is local, S3A on the classpath for s3a://.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

args=("$@")
if wants_help "$@"; then
  echo "jobs/run-local.sh: the run command in Spark local mode (default --input: the bundled sample," \
    "$PROJECT_DIR/src/sample/seeds; --master local[N] only; DRIVER_MEMORY, default 4g, is the heap)." >&2
else
  if ! input="$(option_value --input "$@")"; then
    input="$PROJECT_DIR/src/sample/seeds"
    args+=(--input "$input")
  fi
  if is_local_path "$input" && [[ ! -e "$input" ]]; then
    die 3 "input not found: $input"
  fi
  if master="$(option_value --master "$@")" && [[ "$master" != local* ]]; then
    die 2 "--master must be local[N] here; use jobs/submit.sh for a cluster"
  fi
fi

ensure_jar
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
launch_java "${DRIVER_MEMORY:-4g}" "$(local_classpath "${args[@]}")" "$MAIN_CLASS" run "${args[@]}"
