package dev.otpkit.spring.boot;

import dev.otpkit.core.SecretSealer;
import dev.otpkit.core.SecurityEventListener;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Keys from configuration: decoded, checked, or made up in development mode. */
final class Keys {
    private static final Log LOG = LogFactory.getLog(OtpkitAutoConfiguration.class);

    private Keys() {
    }

    static SecretSealer sealer(OtpkitProperties properties, SecurityEventListener events) {
        Map<String, String> keys = properties.sealing().keys();
        if (keys == null || keys.isEmpty()) {
            if (!properties.devMode()) {
                throw new IllegalStateException("otpkit has no sealing key, so it cannot store TOTP secrets in the"
                        + " database: set otpkit.sealing.keys.<id>=<Base64 of 32 random bytes>"
                        + " (e.g. `openssl rand -base64 32`), or otpkit.dev-mode=true in development");
            }
            LOG.warn("otpkit.dev-mode: sealing TOTP secrets with a throwaway key; they will not open after a restart");
            return SecretSealer.builder().key("dev", SecretSealer.generateKey()).eventListener(events).build();
        }
        String current = properties.sealing().currentKeyId();
        if (current == null && keys.size() > 1) {
            throw new IllegalStateException("otpkit.sealing.keys holds " + keys.size()
                    + " keys: set otpkit.sealing.current-key-id to the id of the one that seals");
        }
        if (current != null && !keys.containsKey(current)) {
            throw new IllegalStateException("otpkit.sealing.current-key-id names no key of otpkit.sealing.keys");
        }
        SecretSealer.Builder sealer = SecretSealer.builder().eventListener(events);
        // The builder seals with the last key added: the current one goes last.
        keys.forEach((id, key) -> {
            if (!id.equals(current)) {
                sealer.key(id, decode("otpkit.sealing.keys." + id, key));
            }
        });
        if (current != null) {
            sealer.key(current, decode("otpkit.sealing.keys." + current, keys.get(current)));
        }
        return sealer.build();
    }

    static byte[] emailHashKey(OtpkitProperties properties) {
        String key = properties.emailCode().hashKey();
        if (key == null || key.isBlank()) {
            if (!properties.devMode()) {
                throw new IllegalStateException("otpkit has no email-code hash key, so it cannot store email codes in"
                        + " the database: set otpkit.email-code.hash-key=<Base64 of 32 random bytes>"
                        + " (e.g. `openssl rand -base64 32`), or otpkit.dev-mode=true in development");
            }
            LOG.warn("otpkit.dev-mode: hashing email codes with a throwaway key");
            return SecretSealer.generateKey();
        }
        return decode("otpkit.email-code.hash-key", key);
    }

    private static byte[] decode(String property, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // Not the decoder's message: it could quote part of the key.
            throw new IllegalStateException(property + " is not Base64");
        }
    }
}
