#!/usr/bin/env python3
"""Split page openings into sentences.csv rows with empty labels (the reading set's splitter, as its README states).
usage: split-sentences.py PASSAGES_DIR FILE... > sentences.csv   (FILE relative to PASSAGES_DIR, e.g. housing/allocations/24-001-234.txt)"""
import csv, re, sys
TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "No", "para", "e.g", "i.e")
def sentences(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        line = re.sub(r"^(?:\d{1,3}[.)]|[a-z][.)]|\([a-z0-9]{1,4}\)|[•\-*])\s+", "", line)  # list markers
        if not line:
            continue
        start = 0
        for m in re.finditer(r"[.?!]+['\"’”)]?\s+(?=[A-Z0-9'\"‘“(\[£])", line):
            before = line[start:m.start() + 1]
            word = re.search(r"(\S+)[.?!]+$", line[:m.start() + 1])
            if word and word.group(1).rstrip(".") in TITLES:
                continue
            out.append(line[start:m.end()].strip())
            start = m.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out
if __name__ == "__main__":
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["file", "n", "text", "remedies", "money", "delay", "complaint_date", "verdict", "note"])
    base = sys.argv[1]
    for f in sys.argv[2:]:
        with open(f"{base}/{f}", encoding="utf-8") as fh:
            for i, s in enumerate(sentences(fh.read()), 1):
                w.writerow([f, i, s, "", "", "", "", "", ""])
