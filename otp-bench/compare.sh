#!/usr/bin/env bash
# Builds otp-bench/target/benchmarks.jar, then runs the TOTP verification comparison
# (dev.otpkit.bench.Compare): otpkit, the peer libraries and two JCA baselines in one JMH run
# with the GC profiler, then otpkit by window size and by thread count, and prints the tables.
#
# Usage: otp-bench/compare.sh [--quick] [--log FILE]
#   --quick     one fork and short iterations: a smoke run, with wide errors
#   --log FILE  where JMH's own log goes (default: compare-jmh.log)
# The JDK is the one on the PATH, or $JAVA_HOME's if set. A full run takes about 6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip package -pl otp-bench -am
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp otp-bench/target/benchmarks.jar dev.otpkit.bench.Compare "$@"
