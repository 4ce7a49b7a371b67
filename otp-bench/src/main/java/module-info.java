/**
 * JMH benchmarks of otpkit beside peer Java OTP libraries; run as {@code otp-bench/target/benchmarks.jar}.
 * Not an API: nothing is exported.
 */
module dev.otpkit.bench {
    requires dev.otpkit.core;
    requires dev.otpkit.qr;
    requires dev.otpkit.backup;
    requires jmh.core;
    requires com.eatthepath.otp;
    requires googleauth;
    requires otp.java;
    requires totp;
}
