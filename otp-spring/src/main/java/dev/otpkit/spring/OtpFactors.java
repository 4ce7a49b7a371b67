package dev.otpkit.spring;

/**
 * The factor authorities otpkit adds to an authentication, to name in
 * {@code @EnableMultiFactorAuthentication(authorities = ...)} or in per-factor rules beside
 * Spring Security's own ({@code FactorGrantedAuthority.PASSWORD_AUTHORITY}, ...).
 */
public final class OtpFactors {
    /** Granted by a valid TOTP code of the user's active credential, or by one of their backup codes. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    /** Granted by a valid email or SMS code issued to the signed-in user. */
    public static final String EMAIL_CODE_AUTHORITY = "FACTOR_EMAIL_CODE";

    private OtpFactors() {
    }
}
