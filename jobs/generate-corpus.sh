#!/usr/bin/env bash
# Generates a realistic corpus of decisions and its truth (records and reports) for tests and benchmarks. Every
# option is the generate tool's (see --help).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ensure_jar
launch_java --java17 1g "$TOOLS_CLASSES:$(cat "$CLASSPATH_FILE")" "$TOOLS_MAIN" generate "$@"
