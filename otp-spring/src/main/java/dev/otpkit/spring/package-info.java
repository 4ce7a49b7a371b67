/**
 * otpkit in Spring Security 7: TOTP (with backup codes as its fallback) and email/SMS codes as
 * authentication factors, checked for the signed-in user only and added to the existing
 * {@link org.springframework.security.core.Authentication} as
 * {@link org.springframework.security.core.authority.FactorGrantedAuthority factor authorities};
 * enrolment of authenticators; generated default pages. The entry point is
 * {@link dev.otpkit.spring.OtpLoginConfigurer}, used through {@code http.with(...)}.
 */
package dev.otpkit.spring;
