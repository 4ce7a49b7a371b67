package dev.otpkit.spring.boot;

import dev.otpkit.core.HmacAlgorithm;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * otpkit's settings, under {@code otpkit.*}. Every default is otpkit's secure default.
 *
 * @param issuer the service name authenticator apps show beside the account
 * @param devMode development only: start without sealing or hash keys, making throwaway ones
 *     at each start (sealed secrets then do not survive a restart)
 * @param totp TOTP code parameters and the verification window
 * @param attempts the attempt limit shared by TOTP and backup codes
 * @param emailCode email/SMS codes
 * @param enrollment enrolment of authenticators
 * @param backupCodes backup codes
 * @param sealing the keys that seal TOTP secrets in the database
 * @param jdbc the database stores, used when the application has a {@code DataSource}
 */
@ConfigurationProperties("otpkit")
public record OtpkitProperties(@DefaultValue("otpkit") String issuer, @DefaultValue("false") boolean devMode,
        @DefaultValue Totp totp, @DefaultValue Attempts attempts, @DefaultValue EmailCode emailCode,
        @DefaultValue Enrollment enrollment, @DefaultValue BackupCodes backupCodes, @DefaultValue Sealing sealing,
        @DefaultValue Jdbc jdbc) {

    /**
     * TOTP settings.
     *
     * @param algorithm the HMAC algorithm
     * @param digits code length, 6 to 10
     * @param period the time step
     * @param windowBehind steps before the current one that are accepted, 0 to 10
     * @param windowAhead steps after the current one that are accepted, 0 to 10
     */
    public record Totp(@DefaultValue("SHA1") HmacAlgorithm algorithm, @DefaultValue("6") int digits,
            @DefaultValue("30s") Duration period, @DefaultValue("1") int windowBehind,
            @DefaultValue("1") int windowAhead) {
    }

    /**
     * The attempt limit.
     *
     * @param failuresBeforeLock consecutive failures that lock an account
     * @param firstLock how long the first lock lasts; each next one doubles
     * @param maxLock the longest lock
     */
    public record Attempts(@DefaultValue("5") int failuresBeforeLock, @DefaultValue("15m") Duration firstLock,
            @DefaultValue("24h") Duration maxLock) {
    }

    /**
     * Email/SMS codes.
     *
     * @param ttl how long a code is valid
     * @param digits code length, 4 to 10
     * @param maxAttempts wrong tries a code survives
     * @param hashKey Base64 of 32 random bytes that key the codes' hashes in the database;
     *     required with a {@code DataSource}, unless in development mode
     */
    public record EmailCode(@DefaultValue("10m") Duration ttl, @DefaultValue("6") int digits,
            @DefaultValue("5") int maxAttempts, String hashKey) {
        /**
         * Describes the settings without the key.
         *
         * @return the settings
         */
        @Override
        public String toString() {
            return "EmailCode[ttl=" + ttl + ", digits=" + digits + ", maxAttempts=" + maxAttempts + "]";
        }
    }

    /**
     * Enrolment.
     *
     * @param ttl how long a pending enrolment can be confirmed
     */
    public record Enrollment(@DefaultValue("10m") Duration ttl) {
    }

    /**
     * Backup codes.
     *
     * @param count codes in a set, 1 to 100
     */
    public record BackupCodes(@DefaultValue("10") int count) {
    }

    /**
     * Sealing keys.
     *
     * @param keys key id to Base64 of 32 random bytes; every key opens, the current one seals
     * @param currentKeyId the id of the key that seals; may be left out when there is one key
     */
    public record Sealing(Map<String, String> keys, String currentKeyId) {
        /**
         * Describes the settings without the keys.
         *
         * @return the key ids
         */
        @Override
        public String toString() {
            return "Sealing[keys=" + (keys == null ? "[]" : keys.keySet()) + ", currentKeyId=" + currentKeyId + "]";
        }
    }

    /**
     * The database stores.
     *
     * @param initializeSchema create otpkit's tables at start-up if missing (otherwise the
     *     application's Flyway runs otp-jdbc's migrations)
     * @param tablePrefix the prefix of otpkit's table names
     */
    public record Jdbc(@DefaultValue("false") boolean initializeSchema, @DefaultValue("otpkit_") String tablePrefix) {
    }
}
