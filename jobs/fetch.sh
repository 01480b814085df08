#!/usr/bin/env bash
# Fetches the Ombudsman's published decisions from its website into a folder the job reads, politely and
# incrementally (see README, "Getting the corpus").
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/fetch.sh --out DIR [--site URL] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rate R] [--contact TEXT]
                     [--max-time D] [--probe]
                     [--verbose] [--quiet]

  --out DIR         pages go to DIR/decisions/<category>/<subcategory>/<ref>.html, the fetch's state to DIR/.fetch
  --site URL        the Ombudsman's website (default: https://www.lgo.org.uk)
  --from DATE       first decision date searched (default: 4 months before the last month a past run completed,
                    or 2016-01-01 on a first run)
  --to DATE         last decision date searched (default: today)
  --rate R          at most R requests a second (default: 1; robots.txt's Crawl-delay wins if slower).
                    Keep the default for the real site.
  --contact TEXT    how the site's operators can reach you, sent in the User-Agent
                    (default: \$OMBUDSMAN_FETCH_CONTACT)
  --max-time D      stop starting requests after D (45m, 2h, 90s) and exit 8; the next run goes on
  --probe           instead of fetching, check what the fetch assumes about the site (a dozen requests), keep
                    the raw answers and a report in DIR/.fetch/probe-<time>/; exit 7 if an assumption failed
  --verbose         full stack traces on failure
  --quiet           print nothing but errors
Exit codes: 0 done, 1 network failure or stopped (run again: it resumes), 2 bad options, 4 DIR not writable,
5 another fetch into DIR is running, 7 the site refused or has changed, 8 incomplete (a month not listed whole,
a decision page not kept, --max-time up: what was fetched is kept; run again).
USAGE
}

args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out|--site|--from|--to|--rate|--contact|--max-time)
      [[ $# -ge 2 && "$2" != --* ]] || die 2 "$1 needs a value (see --help)"
      args+=("$1" "$2"); shift 2 ;;
    --verbose|--quiet|--probe) args+=("$1"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
[[ " ${args[*]-} " == *" --out "* ]] || die 2 "--out is required (see --help)"

ensure_jar
# No Spark here: a small heap is plenty for a fetch.
exec java -Xmx256m -cp "$JOB_JAR:$(cat "$CLASSPATH_FILE")" "$MAIN_CLASS" fetch "${args[@]}"
