# Shared by the jobs/ scripts: where things are, building the jar when needed, one-line errors.
# shellcheck shell=bash

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JOB_JAR="$PROJECT_DIR/job/target/ombudsman-analytics.jar"
CLASSPATH_FILE="$PROJECT_DIR/job/target/runtime-classpath.txt"
SPARK_CLASSPATH_FILE="$PROJECT_DIR/job/target/spark-classpath.txt"
# Hadoop's S3A connector and the AWS SDK modules it needs: added to a local run that touches s3a://.
S3A_CLASSPATH_FILE="$PROJECT_DIR/job/target/s3a-classpath.txt"
# SC2034 (assigned, never used) is wrong for the three below: the scripts that source this file use them.
# shellcheck disable=SC2034
MAIN_CLASS="uk.ombudsman.analytics.cli.Main"
# The developers' tools (generator, benchmark, training; the tools/ module) run from the build's classes, with the
# job's classes under them (not its jar, whose libraries are relocated).
# shellcheck disable=SC2034
TOOLS_CLASSES="$PROJECT_DIR/tools/target/classes:$PROJECT_DIR/job/target/classes"
# shellcheck disable=SC2034
TOOLS_MAIN="uk.ombudsman.analytics.tools.ToolsMain"

die() { # die EXIT_CODE MESSAGE
  echo "$(basename "$0"): $2" >&2
  exit "$1"
}

# Builds the job jar, the tools' classes and the classpath files local runs need, when any is missing or older than
# the sources.
ensure_jar() {
  if [[ -f "$JOB_JAR" && -f "$CLASSPATH_FILE" && -f "$SPARK_CLASSPATH_FILE" && -f "$S3A_CLASSPATH_FILE" &&
        -d "$PROJECT_DIR/tools/target/classes" ]] &&
     [[ -z "$(find "$PROJECT_DIR/job/src/main" "$PROJECT_DIR/tools/src/main" "$PROJECT_DIR/pom.xml" \
                   "$PROJECT_DIR/job/pom.xml" "$PROJECT_DIR/tools/pom.xml" -newer "$JOB_JAR" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die 1 "Maven (mvn) is needed to build the job jar; install it or build elsewhere"
  echo "Building the job jar (first run, or sources changed)..." >&2
  (cd "$PROJECT_DIR" && mvn -q -B -ntp -DskipTests package) >&2 || die 1 "the build failed (see above)"
}

# A Java 25 to run local drivers on, where one is installed (LGSCO_JAVA25 names it; LGSCO_JAVA25=none turns it
# off): with an ahead-of-time cache of loaded classes and method profiles (JEP 483/514/515), a small run starts in
# two thirds of the time. The job jar itself stays Java 17 bytecode, which is what clusters run.
java25() {
  local candidate
  if [[ "${LGSCO_JAVA25:-}" == none ]]; then
    return 1
  fi
  for candidate in "${LGSCO_JAVA25:-}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/java-25-openjdk-amd64/bin/java; do
    if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" -version 2>&1 | grep -q 'version "25'; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Every JVM the scripts start goes through here. It replaces the shell (so a signal reaches the JVM) with
#   java <Spark's JVM options> <quiet logging> -XmxHEAP [JVM_OPTION...] -cp CLASSPATH MAIN_CLASS ARGS...
# on Java 25 with its AOT cache where there is a Java 25, else on Java 17 (the default java). A cache pays only for a
# command that is run again: recording what a run loads makes that run about twice as slow, and so does assembling
# the cache in the run after it, while a run from the cache takes two thirds of a Java 17 run. So the first run of a
# command runs plainly on Java 17 and leaves a mark; the second records (a training run); the third assembles the
# cache from the record (once) and every later run starts from it. A record is kept only if its run exited 0 having
# done a command's work, not only printed help (the main class then creates CONFIG.ok); else the next run records
# again. A new jar, classpath, JVM option, heap or JDK gives a new cache, since the old would not match. JVM options
# (-D...) come before the main class. --java17 keeps to the default java (the benchmark's driver, whose own timings
# and child JVMs are measured on it).
launch_java() { # launch_java [--java17] HEAP CLASSPATH [-DKEY=VALUE...] MAIN_CLASS ARGS...
  local java17=false j25 key aot config name
  if [[ "$1" == --java17 ]]; then
    java17=true
    shift
  fi
  local heap="$1" cp="$2"
  shift 2
  local opts=("-Dlog4j2.configurationFile=$PROJECT_DIR/jobs/log4j2.properties" "-Xmx$heap")
  while [[ $# -gt 0 && "$1" == -* ]]; do
    opts+=("$1")
    shift
  done
  if $java17 || ! j25="$(java25)"; then
    exec java "@$PROJECT_DIR/jobs/spark-jvm.options" "${opts[@]}" -cp "$cp" "$@"
  fi
  # Java 25 warns of what Spark and Hadoop do (sun.misc.Unsafe, native libraries): allowed, quietly. Its unified
  # log (the cache's notes, a benign warning on linking adapters) would otherwise land in the user's terminal.
  local j25opts=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Xlog:disable
    -Xlog:all=error:stderr)
  # Spark's list of --add-opens names a package Java 25 no longer has; it would warn at every start.
  mapfile -t -O ${#j25opts[@]} j25opts < <(grep -v 'sun.security.action' "$PROJECT_DIR/jobs/spark-jvm.options")
  j25opts+=("${opts[@]}")
  key="$({ "$j25" -version 2>&1; echo "${opts[*]} $cp"; cat "$PROJECT_DIR/jobs/spark-jvm.options";
           for jar in ${cp//:/ }; do stat -c '%n %s %Y' "$jar" 2>/dev/null; done; } | sha256sum | cut -c1-16)"
  # One cache per command (run, nightly, fetch, generate...): they load different classes.
  name="${2:-main}"
  name="${name//[^a-z-]/}"
  aot="$PROJECT_DIR/job/target/aot/${name:-main}-$key.aot"
  config="$aot.config"
  if [[ ! -s "$aot" && -s "$config" && ! -e "$config.ok" ]]; then
    # Recorded by a run that did not do its whole work (refused at the lock, failed, killed: the main class marks
    # a run that exits 0): a cache of the classes of its first seconds would be kept for good. Record again.
    rm -f "$config"
  fi
  if [[ ! -s "$aot" && -s "$config" ]]; then
    echo "Preparing a start-up cache from the last run (Java 25, once)..." >&2
    # Assembled under this shell's own name and moved into place whole: two runs may do this at once.
    if "$j25" "${j25opts[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$config" "-XX:AOTCache=$aot.$$" -cp "$cp" \
        >"$PROJECT_DIR/job/target/aot/create.log" 2>&1; then
      mv -f "$aot.$$" "$aot"
    fi
    rm -f "$config" "$config.ok" "$aot.$$"
  fi
  if [[ -s "$aot" ]]; then
    exec "$j25" "${j25opts[@]}" "-XX:AOTCache=$aot" -cp "$cp" "$@"
  fi
  mkdir -p "$PROJECT_DIR/job/target/aot"
  if [[ ! -e "$aot.seen" ]]; then
    : >"$aot.seen"
    exec java "@$PROJECT_DIR/jobs/spark-jvm.options" "${opts[@]}" -cp "$cp" "$@"
  fi
  # Caches of other builds or heaps: the two newest of each command are kept (a job's cache is about 200 MB).
  { ls -t "$PROJECT_DIR/job/target/aot/${name:-main}"-*.aot 2>/dev/null || true; } | tail -n +3 | xargs -r rm -f
  { ls -t "$PROJECT_DIR/job/target/aot/${name:-main}"-*.aot.seen 2>/dev/null || true; } | tail -n +3 | xargs -r rm -f
  rm -f "$config.ok"
  # The recording JVM says where it wrote, among the command's own lines: that line is dropped.
  exec "$j25" "${j25opts[@]}" -XX:AOTMode=record "-XX:AOTConfiguration=$config" "-Dlgsco.aot.recorded=$config.ok" \
    -cp "$cp" "$@" \
    > >(grep --line-buffered -v 'AOTConfiguration recorded') 2> >(grep --line-buffered -v 'AOTConfiguration recorded' >&2)
}

# The value an option has in ARGS (--name VALUE or --name=VALUE), printed; status 1 when it is not there. The
# scripts look only at the few options the shell itself needs; the Java command checks every option.
option_value() { # option_value --NAME ARGS...
  local name="$1"
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      "$name") [[ $# -ge 2 ]] && { echo "$2"; return 0; }; return 1 ;;
      "$name"=*) echo "${1#*=}"; return 0 ;;
    esac
    shift
  done
  return 1
}

# Whether ARGS hold an option without a value (a flag), as a whole argument.
has_option() { # has_option --NAME ARGS...
  local name="$1" arg
  shift
  for arg in "$@"; do
    [[ "$arg" == "$name" ]] && return 0
  done
  return 1
}

# Whether ARGS ask for help: the Java command's help is the only help; a script adds a line about itself.
wants_help() { # wants_help ARGS...
  has_option -h "$@" || has_option --help "$@"
}

# The classpath of a local driver: the job jar and Spark, and the S3A connector when any argument (a path, or a
# --conf value) names s3a://, so reading or writing S3 needs no option of its own.
local_classpath() { # local_classpath ARGS...
  local cp arg
  cp="$JOB_JAR:$(cat "$CLASSPATH_FILE")"
  for arg in "$@"; do
    if [[ "$arg" == *s3a://* ]]; then
      cp="$cp:$(cat "$S3A_CLASSPATH_FILE")"
      break
    fi
  done
  echo "$cp"
}

# A path with no URI scheme is local: it must exist before Spark is started for it.
is_local_path() {
  [[ "$1" != *://* && "$1" != file:* ]]
}
