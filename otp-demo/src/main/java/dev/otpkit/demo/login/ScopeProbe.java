package dev.otpkit.demo.login;

import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.spring.boot.OtpkitProperties;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells a user who typed a code of another action that it was one, instead of only "wrong": after
 * a refused code, checks it against the account's pending code of the other scope. If it is that
 * code, the code is used up (it was shown outside its purpose) and the page says so. The check
 * reports no security event: the refusal already did. A wrong code costs one try of the other
 * scope's code, as a guess there would.
 */
@Component
public class ScopeProbe {
    /** The scope of sign-in email codes (otp-spring's). */
    public static final String LOGIN = "login";
    /** The scope of the codes that confirm an email change. */
    public static final String CHANGE_EMAIL = "change-email";

    private final OneTimeCodes codes;

    ScopeProbe(OneTimeCodeStore store, OtpkitProperties properties, Clock clock,
            @Value("${otpkit.email-code.hash-key}") String hashKey) {
        OtpkitProperties.EmailCode email = properties.emailCode();
        this.codes = OneTimeCodes.builder().clock(clock).store(store).hashKey(Base64.getDecoder().decode(hashKey.strip()))
                .digits(email.digits()).ttl(email.ttl()).maxAttempts(email.maxAttempts()).build();
    }

    /**
     * Whether a code is the account's pending code of a scope; if it is, it is used up.
     *
     * @param accountId the signed-in account
     * @param scope the other scope
     * @param code the code as typed, any content
     * @return true if the code was issued for that scope
     */
    public boolean wasIssuedFor(String accountId, String scope, String code) {
        return code != null && codes.verify(accountId, scope, code).isValid();
    }
}
