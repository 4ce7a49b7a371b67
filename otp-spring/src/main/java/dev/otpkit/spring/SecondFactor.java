package dev.otpkit.spring;

/** What a submitted code is checked as, and which factor authority it grants. */
public enum SecondFactor {
    /** A TOTP code of the account's active credential. */
    TOTP("code", OtpFactors.TOTP_AUTHORITY),
    /** One of the account's backup codes: the fallback of the TOTP factor, granting the same authority. */
    BACKUP_CODE("backup_code", OtpFactors.TOTP_AUTHORITY),
    /** An email or SMS code issued to the signed-in account. */
    EMAIL_CODE("code", OtpFactors.EMAIL_CODE_AUTHORITY);

    private final String parameter;
    private final String authority;

    SecondFactor(String parameter, String authority) {
        this.parameter = parameter;
        this.authority = authority;
    }

    /** The form parameter that carries the code. */
    String parameter() {
        return parameter;
    }

    /**
     * The factor authority a valid code adds.
     *
     * @return one of {@link OtpFactors}' authorities
     */
    public String authority() {
        return authority;
    }
}
