#!/usr/bin/env bash
# Builds otp-bench/target/benchmarks.jar, then runs the TOTP verification comparison
# (dev.otpkit.bench.Compare): otpkit, the peer libraries and two JCA baselines in one JMH run
# with the GC profiler, then otpkit by window size and by thread count, and prints the tables.
#
# With --jdbc first, it runs the JDBC comparison instead (dev.otpkit.bench.JdbcCompare): logins
# through otp-jdbc on H2 and PostgreSQL at 1, 8 and 32 threads, taking turns in one JVM with the
# database's own limit for as many single-row UPDATEs, with latency percentiles and round trips.
#
# Usage: otp-bench/compare.sh [--quick] [--log FILE]
#        otp-bench/compare.sh --jdbc [--threads 1,8,32] [--databases h2,postgresql] [--cycles 8] [--quick]
#   --quick     a smoke run: one fork and short iterations (--jdbc: short slices, 3 cycles), wide errors
#   --log FILE  where JMH's own log goes (default: compare-jmh.log)
#   --cycles N  --jdbc: measured cycles per point, each giving one ratio (default 8)
# The JDK is the one on the PATH, or $JAVA_HOME's if set. A full run takes about 6 minutes
# (--jdbc: about 12; it starts one embedded PostgreSQL and H2 files, all in one temporary folder
# that is deleted, the server stopped, on any exit).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# JDK 24 and later warn when JMH (or Maven) uses sun.misc.Unsafe; older JDKs lack the option.
jvm_options=()
if "$java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  jvm_options=(--sun-misc-unsafe-memory-access=allow)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

build_log=$(mktemp)
# Every temporary file of the run (H2's files, PostgreSQL's binaries and data folders) goes into
# one folder of its own: JMH's forks inherit java.io.tmpdir. On any exit the servers a killed
# fork left running are stopped by the process id in their postmaster.pid, and the folder goes.
work=$(mktemp -d "${TMPDIR:-/tmp}/otpkit-bench.XXXXXX")
chmod 1777 "$work"   # zonky's PostgreSQL runs as an unprivileged user when this runs as root
cleanup() {
  local pid_file pid
  while IFS= read -r -d '' pid_file; do
    pid=$(head -n 1 "$pid_file" 2>/dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      echo "stopping PostgreSQL $pid, left by a killed JVM" >&2
      kill -INT "$pid" 2>/dev/null || true   # fast shutdown
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done < <(find "$work" -name postmaster.pid -print0 2>/dev/null)
  rm -rf "$work" "$build_log"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if ! mvn -B -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip package -pl otp-bench -am >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 1
fi
main=dev.otpkit.bench.Compare
if [[ "${1:-}" == --jdbc ]]; then
  main=dev.otpkit.bench.JdbcCompare
  shift
fi
"$java" "${jvm_options[@]}" "-Djava.io.tmpdir=$work" -cp otp-bench/target/benchmarks.jar "$main" "$@"
