package dev.otpkit.spring;

import dev.otpkit.backup.BackupCodes;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.StoreException;
import dev.otpkit.core.TotpVerifier;
import dev.otpkit.core.Verification;
import java.util.Optional;

/**
 * Checks a code of one kind for one account through otpkit's services: TOTP through the
 * account-aware verifier (replay guard and attempt limiter as the verifier was built), backup
 * codes, and email codes of the {@link #EMAIL_SCOPE} scope. A missing service or credential
 * refuses the code.
 */
final class SecondFactorChecks {
    /** The scope of email/SMS codes issued for signing in. */
    static final String EMAIL_SCOPE = "login";

    private final TotpVerifier totpVerifier;
    private final TotpCredentialRepository credentials;
    private final BackupCodes backupCodes;
    private final OneTimeCodes oneTimeCodes;

    SecondFactorChecks(TotpVerifier totpVerifier, TotpCredentialRepository credentials, BackupCodes backupCodes,
            OneTimeCodes oneTimeCodes) {
        this.totpVerifier = totpVerifier;
        this.credentials = credentials;
        this.backupCodes = backupCodes;
        this.oneTimeCodes = oneTimeCodes;
    }

    /**
     * Checks a code.
     *
     * @return the verification, or empty if there was nothing to check it against (no
     *     credential, service not configured)
     * @throws StoreException if a store fails
     */
    Optional<Verification> check(SecondFactor factor, String accountId, String code) {
        switch (factor) {
            case TOTP:
                if (totpVerifier == null || credentials == null) {
                    return Optional.empty();
                }
                return credentials.credential(accountId).map(credential -> totpVerifier.verify(credential, code));
            case BACKUP_CODE:
                return backupCodes == null ? Optional.empty() : Optional.of(backupCodes.verify(accountId, code));
            case EMAIL_CODE:
                return oneTimeCodes == null ? Optional.empty()
                        : Optional.of(oneTimeCodes.verify(accountId, EMAIL_SCOPE, code));
            default:
                throw new IllegalStateException("unknown factor " + factor);
        }
    }

    /** Whether the account has an active TOTP credential. */
    boolean hasCredential(String accountId) {
        return credentials != null && credentials.credential(accountId).isPresent();
    }

    boolean emailCodesEnabled() {
        return oneTimeCodes != null;
    }

    boolean backupCodesEnabled() {
        return backupCodes != null;
    }

    OneTimeCodes oneTimeCodes() {
        return oneTimeCodes;
    }
}
