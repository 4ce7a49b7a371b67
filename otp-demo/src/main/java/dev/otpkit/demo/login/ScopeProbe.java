package dev.otpkit.demo.login;

import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.Verification;
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
        // No account limiter here: the refusal that led to the probe already counted this try
        // against the account; the probe costs only a try of the other scope's code.
        this.codes = OneTimeCodes.builder().clock(clock).store(store).hashKey(Base64.getDecoder().decode(hashKey.strip()))
                .digits(email.digits()).ttl(email.ttl()).maxAttempts(email.maxAttempts())
                .attemptLimiter(AttemptLimiter.none()).build();
    }

    /**
     * Whether a refused code is the account's pending code of another scope; if it is, that code is
     * used up. Only a code refused as wrong or expired is probed: any other refusal (locked,
     * replayed, malformed, unavailable) already says more than "another action" would.
     *
     * @param accountId the signed-in account
     * @param refusal the status the code was refused with in its own scope
     * @param otherScope the scope to probe
     * @param code the code as typed, any content
     * @return true if the code was issued for {@code otherScope}
     */
    public boolean isOtherActionsCode(String accountId, Verification.Status refusal, String otherScope, String code) {
        boolean probed = refusal == Verification.Status.INVALID || refusal == Verification.Status.EXPIRED;
        return probed && code != null && codes.verify(accountId, otherScope, code).isValid();
    }
}
