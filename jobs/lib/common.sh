# Shared by the jobs/ scripts: where things are, building the jar when needed, one-line errors.
# shellcheck shell=bash

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JOB_JAR="$PROJECT_DIR/target/ombudsman-analytics.jar"
CLASSPATH_FILE="$PROJECT_DIR/target/runtime-classpath.txt"
SPARK_CLASSPATH_FILE="$PROJECT_DIR/target/spark-classpath.txt"
MAIN_CLASS="uk.ombudsman.analytics.cli.Main"

die() { # die EXIT_CODE MESSAGE
  echo "$(basename "$0"): $2" >&2
  exit "$1"
}

# Builds the job jar (and the classpath file local runs need) when it is missing or older than the sources.
ensure_jar() {
  if [[ -f "$JOB_JAR" && -f "$CLASSPATH_FILE" && -f "$SPARK_CLASSPATH_FILE" ]] &&
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

# A path with no URI scheme is local: it must exist before Spark is started for it.
is_local_path() {
  [[ "$1" != *://* && "$1" != file:* ]]
}
