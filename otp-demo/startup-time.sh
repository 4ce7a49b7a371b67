#!/usr/bin/env bash
# Measures the demo's start-up to its first page served (StartupTime, a main class of the ops
# tests): the packaged jar on its embedded defaults, on a fresh and on an existing data directory,
# each RUNS times (default 7); prints every run, then median, min and max. Any further arguments
# are options for the demo's JVM. JAVA_HOME chooses the JDK that builds and runs it.
#   otp-demo/startup-time.sh [RUNS] [JVM OPTION...]
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# JDK 24 and later warn when Maven uses sun.misc.Unsafe; older JDKs lack the option.
if "$java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
mvn -B -q -DskipTests package -pl otp-demo -am
exec "$java" -cp otp-demo/target/test-classes dev.otpkit.demo.ops.StartupTime otp-demo/target/otp-demo.jar "$@"
