"""Executes notebooks against one job output and writes each, cleaned, with an HTML copy (see execute-notebooks.sh).

One Python process for all of them, the notebooks run side by side (one kernel per core): starting nbconvert for
every notebook and every HTML copy cost more than most notebooks take to run.

    python3 execute_notebooks.py DEST_DIR NOTEBOOK...
"""
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter, NotebookExporter
from traitlets.config import Config


def clean(nb):
    """Drops what changes between two executions of the same notebook on the same output."""
    # Notebook metadata: the kernel's own (versions, debugger flags) is replaced by the fixed one of the source.
    language_info = {k: v for k, v in nb['metadata'].get('language_info', {}).items() if k != 'version'}
    nb['metadata']['language_info'] = language_info
    nb['metadata']['kernelspec'] = {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}
    nb['metadata'].pop('widgets', None)
    for cell in nb['cells']:
        cell.get('metadata', {}).pop('execution', None)  # timestamps of each execution
        if cell['cell_type'] != 'code':
            continue
        outputs = []
        for output in cell.get('outputs', []):
            text = ''.join(output.get('text', '')) if output.get('output_type') == 'stream' else ''
            if output.get('name') == 'stderr' and 'font cache' in text:
                continue  # matplotlib's first-run message, present on one run and not the next
            outputs.append(output)
        cell['outputs'] = outputs
    return nb


def execute(source, dest_dir):
    """Runs one notebook in a fresh kernel started in the notebook's own folder, as Jupyter does."""
    name = os.path.splitext(os.path.basename(source))[0]
    print(f"Executing {name}.ipynb against {os.environ['LGSCO_OUTPUT']}", file=sys.stderr, flush=True)
    nb = nbformat.read(source, as_version=4)
    # The kernel talks over Unix sockets in a folder of its own, not TCP ports: a port is chosen free and bound
    # later by the kernel, and kernels started at once (here, or by another execution beside this one) took the
    # same port ("Address already in use", a kernel that died before replying).
    with tempfile.TemporaryDirectory(prefix='lgsco-kernel-') as sockets:
        sockets_only = Config({'KernelManager': {'transport': 'ipc', 'ip': os.path.join(sockets, 'k')}})
        client = NotebookClient(nb, config=sockets_only, kernel_name='python3', timeout=600, record_timing=False,
                                resources={'metadata': {'path': os.path.dirname(os.path.abspath(source))}})
        try:
            client.execute()
        except Exception as e:  # a cell error: say which notebook, with the error nbclient reports
            return f"{name}.ipynb failed against {os.environ['LGSCO_OUTPUT']}:\n{e}"
    # Through nbconvert's notebook export (as `--to notebook` does: streams coalesced), then cleaned and written as
    # JSON by hand, keys sorted, so that the file is the same byte for byte on every run.
    exported, _ = NotebookExporter().from_notebook_node(nb)
    data = clean(json.loads(exported))
    with open(os.path.join(dest_dir, name + '.ipynb'), 'w', encoding='utf-8', newline='\n') as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write('\n')
    html, _ = HTMLExporter().from_notebook_node(nbformat.reads(json.dumps(data), as_version=4))
    with open(os.path.join(dest_dir, name + '.html'), 'w', encoding='utf-8') as f:
        f.write(html)
    return None


def main():
    dest_dir, notebooks = sys.argv[1], sys.argv[2:]
    workers = max(1, min(len(notebooks), os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        errors = [e for e in pool.map(execute, notebooks, [dest_dir] * len(notebooks)) if e]
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
