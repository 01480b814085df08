# Shared by the jobs/ scripts: where things are, building the jar when needed, one-line errors.
# shellcheck shell=bash

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JOB_JAR="$PROJECT_DIR/target/ombudsman-analytics.jar"
CLASSPATH_FILE="$PROJECT_DIR/target/runtime-classpath.txt"
SPARK_CLASSPATH_FILE="$PROJECT_DIR/target/spark-classpath.txt"
# Hadoop's S3A connector and the AWS SDK modules it needs: added to a local run that touches s3a://.
S3A_CLASSPATH_FILE="$PROJECT_DIR/target/s3a-classpath.txt"
MAIN_CLASS="uk.ombudsman.analytics.cli.Main"
# The developers' tools (generator, benchmark) run from the build's classes: they are not in the job jar.
TOOLS_CLASSES="$PROJECT_DIR/target/classes"
TOOLS_MAIN="uk.ombudsman.analytics.tools.ToolsMain"

die() { # die EXIT_CODE MESSAGE
  echo "$(basename "$0"): $2" >&2
  exit "$1"
}

# Builds the job jar (and the classpath file local runs need) when it is missing or older than the sources.
ensure_jar() {
  if [[ -f "$JOB_JAR" && -f "$CLASSPATH_FILE" && -f "$SPARK_CLASSPATH_FILE" && -f "$S3A_CLASSPATH_FILE" ]] &&
     [[ -z "$(find "$PROJECT_DIR/src/main" "$PROJECT_DIR/pom.xml" -newer "$JOB_JAR" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die 1 "Maven (mvn) is needed to build the job jar; install it or build elsewhere"
  echo "Building the job jar (first run, or sources changed)..." >&2
  (cd "$PROJECT_DIR" && mvn -q -B -ntp -DskipTests package) >&2 || die 1 "the build failed (see above)"
}

# The JVM options Spark needs on Java 17, plus quiet logging, for a driver started with plain java.
java_options() {
  echo "@$PROJECT_DIR/jobs/spark-jvm.options -Dlog4j2.configurationFile=$PROJECT_DIR/jobs/log4j2.properties"
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

# Runs a local driver with this heap and classpath, replacing the shell (so a signal reaches the JVM): on Java 25
# with its AOT cache where there is a Java 25, else on plain java. The first run records what the job loads (a
# training run); the next assembles the cache from that record (a few seconds, once) and every later run starts
# from the cache. A new jar, classpath, JVM option, heap or JDK gives a new cache, since the old would not match.
run_local_java() { # run_local_java HEAP CLASSPATH MAIN_CLASS ARGS...
  local heap="$1" cp="$2" j25 key aot config
  shift 2
  if ! j25="$(java25)"; then
    # shellcheck disable=SC2046
    exec java $(java_options) "-Xmx$heap" -cp "$cp" "$@"
  fi
  key="$({ "$j25" -version 2>&1; echo "$heap $cp"; cat "$PROJECT_DIR/jobs/spark-jvm.options";
           for jar in ${cp//:/ }; do stat -c '%n %s %Y' "$jar" 2>/dev/null; done; } | sha256sum | cut -c1-16)"
  aot="$PROJECT_DIR/target/aot/job-$key.aot"
  config="$aot.config"
  # Java 25 warns of what Spark and Hadoop do (sun.misc.Unsafe, native libraries): allowed, quietly. Its unified
  # log (the cache's notes, a benign warning on linking adapters) would otherwise land in the user's terminal.
  local opts=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Xlog:disable
    -Xlog:all=error:stderr)
  # Spark's list of --add-opens names a package Java 25 no longer has; it would warn at every start.
  mapfile -t -O ${#opts[@]} opts < <(grep -v 'sun.security.action' "$PROJECT_DIR/jobs/spark-jvm.options")
  opts+=("-Dlog4j2.configurationFile=$PROJECT_DIR/jobs/log4j2.properties" "-Xmx$heap")
  if [[ ! -s "$aot" && -s "$config" ]]; then
    echo "Preparing a start-up cache from the last run (Java 25, once)..." >&2
    # Assembled under this shell's own name and moved into place whole: two runs may do this at once.
    if "$j25" "${opts[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$config" "-XX:AOTCache=$aot.$$" -cp "$cp" \
        >"$PROJECT_DIR/target/aot/create.log" 2>&1; then
      mv -f "$aot.$$" "$aot"
    fi
    rm -f "$config" "$aot.$$"
  fi
  if [[ -s "$aot" ]]; then
    exec "$j25" "${opts[@]}" "-XX:AOTCache=$aot" -cp "$cp" "$@"
  fi
  mkdir -p "$PROJECT_DIR/target/aot"
  # Caches of other builds or heaps: the two newest are kept (a cache is about 200 MB).
  { ls -t "$PROJECT_DIR"/target/aot/job-*.aot 2>/dev/null || true; } | tail -n +3 | xargs -r rm -f
  # The recording JVM says where it wrote, among the job's own lines: that line is dropped.
  exec "$j25" "${opts[@]}" -XX:AOTMode=record "-XX:AOTConfiguration=$config" -cp "$cp" "$@" \
    > >(grep --line-buffered -v 'AOTConfiguration recorded') 2> >(grep --line-buffered -v 'AOTConfiguration recorded' >&2)
}

# The classpath of a local driver: the job jar and Spark, and the S3A connector when any argument (a path, or a
# --conf value) names s3a://, so reading or writing S3 needs no option of its own.
local_classpath() { # local_classpath ARGS...
  local cp="$JOB_JAR:$(cat "$CLASSPATH_FILE")" arg
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
