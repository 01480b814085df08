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
# The Python that runs nbconvert also runs the small clean-up step below (it needs only json).
PYTHON="$(head -n 1 "$(command -v "${NBCONVERT[0]}")" | sed -n 's/^#! *\([^ ]*python[0-9.]*\)$/\1/p')"
[[ -n "$PYTHON" && -x "$PYTHON" ]] || PYTHON="$(command -v python3)"

mkdir -p "$2"
DEST_DIR="$(cd "$2" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Everything the kernel sees that could change its output between two runs is fixed here.
export LGSCO_OUTPUT="$OUTPUT_DIR"
export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
export PYDEVD_DISABLE_FILE_VALIDATION=1 # the kernel's debugger otherwise warns about frozen modules
# Build matplotlib's font cache now, so that no first-run "building the font cache" message lands in a notebook.
"$PYTHON" -c 'import matplotlib.pyplot' >/dev/null 2>&1 || true

for notebook in "${notebooks[@]}"; do
  name="$(basename "$notebook" .ipynb)"
  echo "Executing $name.ipynb against $OUTPUT_DIR" >&2
  # The kernel starts in the notebook's own folder, as it does in Jupyter; the notebook reads LGSCO_OUTPUT.
  if ! (cd "$NOTEBOOKS_DIR" && "${NBCONVERT[@]}" --to notebook --execute --log-level=WARN \
        --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
        --ExecutePreprocessor.record_timing=False \
        --output-dir "$WORK/$name/executed" "$notebook"); then
    die 1 "$name.ipynb failed against $OUTPUT_DIR (the cell error is above)"
  fi
  "$PYTHON" - "$WORK/$name/executed/$name.ipynb" "$DEST_DIR/$name.ipynb" <<'PY'
import json
import sys

source, dest = sys.argv[1], sys.argv[2]
with open(source, encoding='utf-8') as f:
    nb = json.load(f)
# Notebook metadata: the kernel's own (versions, debugger flags) is replaced by the fixed one of the source.
language_info = {k: v for k, v in nb['metadata'].get('language_info', {}).items() if k != 'version'}
nb['metadata']['language_info'] = language_info
nb['metadata']['kernelspec'] = {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}
nb['metadata'].pop('widgets', None)
for cell in nb['cells']:
    cell.get('metadata', {}).pop('execution', None)  # timestamps of each execution
    outputs = []
    for output in cell.get('outputs', []):
        text = ''.join(output.get('text', '')) if output.get('output_type') == 'stream' else ''
        if output.get('name') == 'stderr' and 'font cache' in text:
            continue  # matplotlib's first-run message, present on one run and not the next
        outputs.append(output)
    if cell['cell_type'] == 'code':
        cell['outputs'] = outputs
with open(dest, 'w', encoding='utf-8', newline='\n') as f:
    json.dump(nb, f, indent=1, sort_keys=True, ensure_ascii=False)
    f.write('\n')
PY
  "${NBCONVERT[@]}" --to html --log-level=WARN --output-dir "$DEST_DIR" "$DEST_DIR/$name.ipynb" \
    || die 1 "could not convert $name.ipynb to HTML"
done
echo "Wrote ${#notebooks[@]} notebooks and their HTML copies to $DEST_DIR" >&2
