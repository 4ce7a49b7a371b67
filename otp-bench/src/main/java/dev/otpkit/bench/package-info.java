/**
 * JMH benchmarks, one class per question: {@link dev.otpkit.bench.VerifyBenchmark} (otpkit's
 * TOTP verification beside the peer libraries and two raw-JCA baselines),
 * {@link dev.otpkit.bench.GenerateBenchmark}, {@link dev.otpkit.bench.Base32Benchmark},
 * {@link dev.otpkit.bench.OtpAuthUriBenchmark}, {@link dev.otpkit.bench.QrCodeBenchmark},
 * {@link dev.otpkit.bench.BackupCodeBenchmark}, {@link dev.otpkit.bench.OneTimeCodeBenchmark}, and
 * {@link dev.otpkit.bench.Sha1HashBenchmark} (why otpkit hashes with the JDK);
 * {@link dev.otpkit.bench.JdbcVerifyBenchmark} (logins through otp-jdbc on H2 and PostgreSQL) beside
 * {@link dev.otpkit.bench.BareUpdateBaseline} (the database's own limit for as many statements).
 * {@link dev.otpkit.bench.Compare} runs the verification comparison and prints its tables,
 * {@link dev.otpkit.bench.JdbcCompare} the JDBC one.
 */
package dev.otpkit.bench;
