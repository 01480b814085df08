#!/usr/bin/env bash
# Generates a realistic corpus of decisions and its truth (records and reports) for tests and benchmarks.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  echo "Usage: jobs/generate-corpus.sh --decisions N --out DIR [--seed S]"
  echo "  Writes DIR/corpus (decisions/<category>/<subcategory>/<ref>.txt|.html) and DIR/truth."
}
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --decisions|--out|--seed)
      [[ $# -ge 2 && "$2" != --* ]] || die 2 "$1 needs a value (see --help)"
      args+=("$1" "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
[[ " ${args[*]-} " == *" --decisions "* ]] || die 2 "--decisions is required (see --help)"
[[ " ${args[*]-} " == *" --out "* ]] || die 2 "--out is required (see --help)"

ensure_jar
exec java -Xmx1g -cp "$TOOLS_CLASSES:$(cat "$CLASSPATH_FILE")" "$TOOLS_MAIN" generate "${args[@]}"
