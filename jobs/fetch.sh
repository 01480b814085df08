#!/usr/bin/env bash
# Fetches the Ombudsman's published decisions from its website into a folder the job reads, politely and
# incrementally (see README, "Getting the corpus"). Every option is the fetch command's (see --help).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ensure_jar
# No Spark here: a small heap is plenty for a fetch.
launch_java 256m "$JOB_JAR:$(cat "$CLASSPATH_FILE")" "$MAIN_CLASS" fetch "$@"
