#!/usr/bin/env bash
# The scheduled run on this machine (Spark local mode): incremental, locked, published atomically under ROOT.
# On a cluster, the same command goes through jobs/submit.sh nightly --master URL ... (see README). Every option is
# the nightly command's (see --help); this script adds only what the shell knows: that a local landing folder exists
# (unless --fetch makes it), that the master is local, S3A on the classpath for s3a://, and the
# project's notebooks runner unless --notebooks-command names another.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

if wants_help "$@"; then
  echo "jobs/nightly.sh: the nightly command in Spark local mode (--master local[N] only; DRIVER_MEMORY," \
    "default 4g, is the heap; the notebooks run with jobs/lib/execute-notebooks.sh)." >&2
else
  # With --fetch the landing folder is made by the fetch; without, it must be there already.
  if landing="$(option_value --landing "$@")" && ! has_option --fetch "$@" && is_local_path "$landing" &&
      [[ ! -e "$landing" ]]; then
    die 3 "landing folder not found: $landing"
  fi
  if master="$(option_value --master "$@")" && [[ "$master" != local* ]]; then
    die 2 "--master must be local[N] here; use jobs/submit.sh nightly for a cluster"
  fi
fi

args=("$@")
# The project's notebooks runner, unless another is named.
option_value --notebooks-command "$@" >/dev/null ||
  args+=(--notebooks-command "$PROJECT_DIR/jobs/lib/execute-notebooks.sh")

ensure_jar
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
launch_java "${DRIVER_MEMORY:-4g}" "$(local_classpath "$@")" "$MAIN_CLASS" nightly "${args[@]}"
