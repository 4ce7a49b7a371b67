/**
 * JMH benchmarks, one class per question: {@link dev.otpkit.bench.VerifyBenchmark} (otpkit's
 * TOTP verification beside the peer libraries and two raw-JCA baselines),
 * {@link dev.otpkit.bench.GenerateBenchmark}, {@link dev.otpkit.bench.Base32Benchmark},
 * {@link dev.otpkit.bench.OtpAuthUriBenchmark}, {@link dev.otpkit.bench.QrCodeBenchmark},
 * {@link dev.otpkit.bench.BackupCodeBenchmark}, {@link dev.otpkit.bench.OneTimeCodeBenchmark}, and
 * {@link dev.otpkit.bench.Sha1HashBenchmark} (why otpkit hashes with the JDK).
 * {@link dev.otpkit.bench.Compare} runs the verification comparison and prints one table.
 */
package dev.otpkit.bench;
