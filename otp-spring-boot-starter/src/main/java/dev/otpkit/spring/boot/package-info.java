/**
 * Spring Boot auto-configuration of otpkit: {@link dev.otpkit.spring.boot.OtpkitAutoConfiguration}
 * and its {@code otpkit.*} properties ({@link dev.otpkit.spring.boot.OtpkitProperties}).
 */
package dev.otpkit.spring.boot;
