#!/usr/bin/env bash
# Executes the analyst notebooks (src/notebooks) with Jupyter against a job's output, writing each executed
# notebook and an HTML copy. --demo remakes notebooks-export/: the demo corpus, the job on it, the notebooks on that;
# --real remakes notebooks-export/real-openings/ from the real page openings the project holds.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/export-notebooks.sh --reports OUTPUT --out DIR
       jobs/export-notebooks.sh --demo [--out DIR]
       jobs/export-notebooks.sh --real [--out DIR]

  --reports OUTPUT   a job's output folder (./output after jobs/run-local.sh, ROOT/latest of a nightly run)
  --demo             generate the demo corpus ($DEMO_DECISIONS invented decisions, seed $DEMO_SEED), run the job on it,
                     and execute the notebooks on that output (default --out: notebooks-export)
  --real             the real page openings the project holds (the gold set's and the reading set's lgo.org.uk
                     pages, job/src/test/resources/{gold,reading}, each with its address), the job on them, and the
                     notebooks on that (default --out: notebooks-export/real-openings)
  --out DIR          where the executed .ipynb files and their .html copies go
Needs Jupyter (Debian: jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib).
Exit codes: 0 success, 1 a notebook failed, 2 bad options, 3 reports missing, 4 Jupyter missing.
USAGE
}

DEMO_DECISIONS=3000
DEMO_SEED=2026
reports=""
out=""
demo=false
real=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reports|--out)
      [[ $# -ge 2 && "$2" != --* ]] || die 2 "$1 needs a value (see --help)"
      [[ "$1" == --reports ]] && reports="$2" || out="$2"
      shift 2 ;;
    --demo) demo=true; shift ;;
    --real) real=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
$demo && $real && die 2 "give --demo or --real, not both"
if $demo; then
  [[ -z "$reports" ]] || die 2 "give --reports or --demo, not both"
  out="${out:-$PROJECT_DIR/notebooks-export}"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  "$PROJECT_DIR/jobs/generate-corpus.sh" --decisions "$DEMO_DECISIONS" --seed "$DEMO_SEED" --out "$work/demo" >/dev/null
  "$PROJECT_DIR/jobs/run-local.sh" --input "$work/demo/corpus" --output "$work/output" --quiet
  reports="$work/output"
  # The corpus is gone once the notebooks have run: say it was the demo, so they label it as invented data.
  export LGSCO_DEMO=1
  rm -f "$out"/*.ipynb "$out"/*.html "$out"/*.png
elif $real; then
  [[ -z "$reports" ]] || die 2 "give --reports or --real, not both"
  out="${out:-$PROJECT_DIR/notebooks-export/real-openings}"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  resources="$PROJECT_DIR/job/src/test/resources"
  for set in gold/passages gold/holdout/passages reading/train/passages reading/holdout/passages \
      reading/extra/passages; do
    mkdir -p "$work/openings/$set"
    cp -R "$resources/$set/." "$work/openings/$set/"
  done
  "$PROJECT_DIR/jobs/run-local.sh" --input "$work/openings" --output "$work/output" --quiet
  reports="$work/output"
  export LGSCO_DEMO=0
  export LGSCO_SAMPLE="real page openings"
  export LGSCO_SAMPLE_NOTE="The first ~2,000 characters of real lgo.org.uk decision pages (the gold set and the \
reading set, each page's address in its labels file): council, category, outcome, year and the summary's payments \
are real; most pages stop before the agreed action, so remedies, deadlines, complaint dates and waits are mostly \
missing, and a council's figures are those of the pages the project happens to hold, not all its decisions."
  rm -f "$out"/*.ipynb "$out"/*.html "$out"/*.png
else
  [[ -n "$reports" && -n "$out" ]] || die 2 "give --reports OUTPUT --out DIR, --demo or --real (see --help)"
  [[ -d "$reports" ]] || die 3 "reports not found: $reports"
fi
# Not exec: the EXIT trap must still remove the temporary folder of --demo and --real.
status=0
"$PROJECT_DIR/jobs/lib/execute-notebooks.sh" "$reports" "$out" || status=$?
exit "$status"
