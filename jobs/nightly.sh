#!/usr/bin/env bash
# The scheduled run on this machine (Spark local mode): incremental, locked, published atomically under ROOT.
# On a cluster, the same command goes through jobs/submit.sh nightly --master URL ... (see README).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

usage() {
  cat <<USAGE
Usage: jobs/nightly.sh --landing PATH --root DIR [--keep N] [--max-quarantined-share SHARE]
                       [--master local[N]] [--councils CSV] [--min-investigations N] [--population-year YEAR]
                       [--year-basis financial|calendar] [--lgsco-council-data CSV]
                       [--fetch [--site URL] [--rate R] [--contact TEXT] [--max-time D]] [--conf KEY=VALUE]...
                       [--verbose] [--quiet]

  --landing PATH     folder the decisions arrive in, read recursively (local path or Hadoop URI: hdfs://,
                     s3a://, the S3A connector added by itself)
  --fetch            first fetch new decisions from the Ombudsman's website into the landing folder (local), as
                     jobs/fetch.sh --out PATH does; a failed fetch publishes nothing and exits with its code
  --site, --rate, --contact, --max-time
                     for --fetch, as in jobs/fetch.sh
  --root DIR         local folder for runs/<UTC time>/, latest (a link to the newest good run), logs/, .lock
  --keep N           runs to keep (default 7)
  --max-quarantined-share SHARE
                     above this share of quarantined files (default 0.05) the run is not published (exit 6)
  --master URL       Spark master (default: local[*])
  --conf KEY=VALUE   a Spark setting, repeatable (Hadoop's as spark.hadoop.*), as in jobs/run-local.sh
  --councils, --min-investigations, --population-year, --year-basis, --lgsco-council-data
                     as in jobs/run-local.sh
Each run carries the analyst notebooks, executed with Jupyter (skipped with a warning where it is absent).
Environment: DRIVER_MEMORY (default 4g).
Exit codes: 0 published or nothing new, 1 failed, 2 bad options, 3 landing missing, 4 root not writable,
5 another run holds the lock, 6 quarantined share over the threshold, 7 --fetch: the site refused or has changed,
8 --fetch: published, but the fetch is incomplete.
USAGE
}

args=()
master="local[*]"
landing=""
fetch=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --landing|--root|--keep|--max-quarantined-share|--councils|--min-investigations|--population-year|\
    --year-basis|--lgsco-council-data|--site|--rate|--contact|--max-time|--conf)
      [[ $# -ge 2 && "$2" != --* ]] || die 2 "$1 needs a value (see --help)"
      [[ "$1" == --landing ]] && landing="$2"
      args+=("$1" "$2"); shift 2 ;;
    --master) [[ $# -ge 2 ]] || die 2 "--master needs a value"; master="$2"; shift 2 ;;
    --fetch) fetch=1; args+=("$1"); shift ;;
    --verbose|--quiet) args+=("$1"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) die 2 "unknown option '$1' (see --help)" ;;
  esac
done
# With --fetch the landing folder is made by the fetch; without, it must be there already.
if [[ -z "$fetch" && -n "$landing" ]] && is_local_path "$landing" && [[ ! -e "$landing" ]]; then
  die 3 "landing folder not found: $landing"
fi
[[ "$master" == local* ]] || die 2 "--master must be local[N] here; use jobs/submit.sh nightly for a cluster"

ensure_jar
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
run_local_java "${DRIVER_MEMORY:-4g}" "$(local_classpath ${args[@]+"${args[@]}"})" "$MAIN_CLASS" nightly --master "$master" \
  --notebooks-command "$PROJECT_DIR/jobs/lib/execute-notebooks.sh" ${args[@]+"${args[@]}"}
