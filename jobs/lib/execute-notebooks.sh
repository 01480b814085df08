#!/usr/bin/env bash
# Executes the analyst notebooks (src/notebooks/*.ipynb) against one job output and writes each executed notebook
# and an HTML copy of it into DEST_DIR. The same output gives byte-identical files: no timestamps, no timings, no
# run-dependent ids or versions (what the kernel adds is stripped after execution).
#
#   jobs/lib/execute-notebooks.sh OUTPUT_DIR DEST_DIR
#
# Exit codes: 0 success, 1 a notebook failed, 2 bad arguments, 3 OUTPUT_DIR has no decisions.csv,
# 4 jupyter nbconvert is missing (callers may turn that into a warning).
# NOTEBOOKS_DIR overrides where the notebooks are read from (default: src/notebooks of this project).
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NAME="execute-notebooks.sh"
die() { # die EXIT_CODE MESSAGE
  echo "$NAME: $2" >&2
  exit "$1"
}

[[ "${1-}" == "-h" || "${1-}" == "--help" ]] && { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0; }
[[ $# -eq 2 ]] || die 2 "usage: $NAME OUTPUT_DIR DEST_DIR"
[[ -f "$1/decisions.csv" ]] || die 3 "no decisions.csv in '$1': not a job output folder"
OUTPUT_DIR="$(cd "$1" && pwd)"
NOTEBOOKS_DIR="${NOTEBOOKS_DIR:-$PROJECT_DIR/src/notebooks}"
shopt -s nullglob
notebooks=("$NOTEBOOKS_DIR"/*.ipynb)
shopt -u nullglob
[[ ${#notebooks[@]} -gt 0 ]] || die 1 "no notebooks in '$NOTEBOOKS_DIR'"

if command -v jupyter-nbconvert >/dev/null 2>&1; then
  NBCONVERT=(jupyter-nbconvert)
elif command -v jupyter >/dev/null 2>&1 && jupyter nbconvert --version >/dev/null 2>&1; then
  NBCONVERT=(jupyter nbconvert)
else
  die 4 "jupyter nbconvert is missing (on Debian: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib)"
fi
# The Python nbconvert is installed for (Debian's, not a pyenv or venv one earlier on the PATH) runs them.
PYTHON="$(head -n 1 "$(command -v "${NBCONVERT[0]}")" | sed -n 's/^#! *\([^ ]*python[0-9.]*\)$/\1/p')"
[[ -n "$PYTHON" && -x "$PYTHON" ]] || PYTHON="$(command -v python3)"

mkdir -p "$2"
DEST_DIR="$(cd "$2" && pwd)"

# Everything the kernel sees that could change its output between two runs is fixed here.
export LGSCO_OUTPUT="$OUTPUT_DIR"
export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
export PYDEVD_DISABLE_FILE_VALIDATION=1 # the kernel's debugger otherwise warns about frozen modules
# Build matplotlib's font cache now, so that no first-run "building the font cache" message lands in a notebook.
"$PYTHON" -c 'import matplotlib.pyplot' >/dev/null 2>&1 || true

# One process executes them all, side by side, and writes each cleaned notebook and its HTML copy.
"$PYTHON" "$PROJECT_DIR/jobs/lib/execute_notebooks.py" "$DEST_DIR" "${notebooks[@]}" ||
  die 1 "a notebook failed against $OUTPUT_DIR (the cell error is above)"
echo "Wrote ${#notebooks[@]} notebooks and their HTML copies to $DEST_DIR" >&2
