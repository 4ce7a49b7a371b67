package dev.otpkit.core;

import dev.otpkit.core.internal.KeyBytes;
import dev.otpkit.core.internal.SecurityEvents;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals OTP secrets for storage (encryption at rest) with AES-256-GCM, so that a database dump
 * alone reveals no secret. Immutable and thread-safe; build one and share it.
 *
 * <p>A sealed secret is the text {@code v1.<keyId>.<payload>}, where the payload is the
 * unpadded URL-safe Base64 (RFC 4648 section 5) of a fresh random 96-bit nonce, the ciphertext
 * and the 128-bit tag. The associated data is the ASCII header {@code v1.<keyId>.} followed by
 * the UTF-8 context, so a sealed secret opens only under the context it was sealed for (for
 * example the account id): one account's sealed secret copied to another account's row is
 * refused.
 *
 * <p>Keys rotate: give every key still in use, oldest first; the last one seals, and any of
 * them opens the texts that name it. Re-seal old texts when convenient
 * ({@link #sealedWithCurrentKey(String)} tells which), then drop the old key.
 *
 * <pre>{@code
 * SecretSealer sealer = SecretSealer.builder().key("2026-11", keyFromVault).build();
 * String stored = sealer.seal(secret, accountId);
 * OtpSecret secret = sealer.unseal(stored, accountId);   // throws UnsealException if tampered
 * }</pre>
 */
public final class SecretSealer {
    /** Bytes of a key: 32 (AES-256). */
    public static final int KEY_BYTES = 32;
    /** Longest key id: 32 characters. */
    public static final int MAX_KEY_ID_LENGTH = 32;
    /** Longest sealed text read at all, in chars; anything longer is malformed. */
    public static final int MAX_SEALED_LENGTH = 4096;

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '.';
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final Clock clock;
    private final SecurityEventListener eventListener;

    private SecretSealer(Map<String, SecretKey> keys, String currentKeyId, Builder builder) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
        this.clock = builder.clock;
        this.eventListener = builder.eventListener;
    }

    /**
     * Starts a builder; add at least one key.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes a new random 256-bit key from {@link SecureRandom}, for a key vault or configuration.
     *
     * @return a new array of {@value #KEY_BYTES} random bytes
     */
    public static byte[] generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * Seals a secret with the current (last added) key and a fresh random nonce, so that two
     * seals of one secret differ.
     *
     * @param secret the secret to seal
     * @param context what the secret belongs to, such as the account id; not empty, and the
     *     same text must be given to {@link #unseal(String, String)}
     * @return the sealed text, {@code v1.<keyId>.<payload>}, URL-safe ASCII
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code context} is empty or not valid Unicode
     *     (an unpaired surrogate)
     */
    public String seal(OtpSecret secret, String context) {
        Objects.requireNonNull(secret, "secret");
        byte[] encodedContext = encodeContext(context);
        String header = header(currentKeyId);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plaintext = secret.revealBytes();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, encodedContext));
            byte[] payload = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            cipher.doFinal(plaintext, 0, plaintext.length, payload, NONCE_BYTES);
            return header + BASE64.encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + TRANSFORMATION, e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Opens a sealed secret with whichever configured key its text names.
     *
     * @param sealed the text made by {@link #seal(OtpSecret, String)}
     * @param context the context given when sealing
     * @return the secret
     * @throws UnsealException if the text is malformed, names an unknown key, or fails
     *     authentication (altered, or another context or key); a failed authentication is
     *     first reported to the {@linkplain Builder#eventListener(SecurityEventListener) event
     *     listener}. Also, as {@link UnsealException.Reason#MALFORMED}, if it is authentic but
     *     holds a secret longer than {@value OtpSecret#MAX_BITS} bits, which earlier versions
     *     could seal and no secret may be now (enrol the account again)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code context} is empty or not valid Unicode
     */
    public OtpSecret unseal(String sealed, String context) throws UnsealException {
        Objects.requireNonNull(sealed, "sealed");
        byte[] encodedContext = encodeContext(context);
        String keyId = keyIdOf(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnsealException(UnsealException.Reason.UNKNOWN_KEY,
                    "sealed secret names key id '" + keyId + "', which this sealer was not given");
        }
        String header = header(keyId);
        byte[] payload = decodePayload(sealed.substring(header.length()));
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(header, encodedContext));
            plaintext = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            SecurityEvents.report(eventListener, SecurityEvent.Kind.SEALED_SECRET_REJECTED, context, clock);
            throw new UnsealException(UnsealException.Reason.NOT_AUTHENTIC, "sealed secret failed"
                    + " authentication: it was altered, or sealed for another context or with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + TRANSFORMATION, e);
        }
        return secretOf(plaintext);
    }

    /**
     * The secret of an authentic plaintext, which is wiped. Earlier versions sealed secrets of
     * any length: one longer than today's cap is refused like a text that holds no secret.
     */
    private static OtpSecret secretOf(byte[] plaintext) throws UnsealException {
        try {
            if (plaintext.length > OtpSecret.MAX_BITS / Byte.SIZE) {
                throw new UnsealException(UnsealException.Reason.MALFORMED, "the sealed secret is authentic but"
                        + " longer than " + OtpSecret.MAX_BITS + " bits, which no secret may be:"
                        + " enrol the account again");
            }
            return OtpSecret.fromBytesLegacy(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Tells whether a sealed text names the key that {@link #seal(OtpSecret, String)} uses now,
     * to find texts to re-seal after a key rotation. Reads only the header: it neither decrypts
     * nor authenticates.
     *
     * @param sealed a sealed text
     * @return {@code true} if the text has the current format and names the current key
     * @throws NullPointerException if {@code sealed} is null
     */
    public boolean sealedWithCurrentKey(String sealed) {
        return Objects.requireNonNull(sealed, "sealed").startsWith(header(currentKeyId));
    }

    /**
     * Describes the sealer by its key ids; never key material.
     *
     * @return for example {@code "SecretSealer[keys [2026-05, 2026-11], sealing with 2026-11]"}
     */
    @Override
    public String toString() {
        return "SecretSealer[keys " + keys.keySet() + ", sealing with " + currentKeyId + "]";
    }

    private static String header(String keyId) {
        return VERSION + SEPARATOR + keyId + SEPARATOR;
    }

    /** Reads and checks the header; the key id returned is safe to quote in a message. */
    private static String keyIdOf(String sealed) throws UnsealException {
        if (sealed.length() > MAX_SEALED_LENGTH) {
            throw malformed("longer than " + MAX_SEALED_LENGTH + " characters");
        }
        int versionEnd = sealed.indexOf(SEPARATOR);
        int keyIdEnd = versionEnd < 0 ? -1 : sealed.indexOf(SEPARATOR, versionEnd + 1);
        if (keyIdEnd < 0) {
            throw malformed("not of the form v1.<keyId>.<payload>");
        }
        if (!sealed.substring(0, versionEnd).equals(VERSION)) {
            throw malformed("not format version " + VERSION);
        }
        String keyId = sealed.substring(versionEnd + 1, keyIdEnd);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw malformed("the key id is not 1 to " + MAX_KEY_ID_LENGTH + " characters of A-Z, a-z, 0-9, '-', '_'");
        }
        return keyId;
    }

    private static byte[] decodePayload(String text) throws UnsealException {
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("the payload is not URL-safe Base64");
        }
        // The decoder ignores unused low bits and accepts padding: insist on the one canonical
        // text, so that every change to a sealed text is refused.
        if (!BASE64.encodeToString(payload).equals(text)) {
            throw malformed("the payload is not canonical unpadded URL-safe Base64");
        }
        if (payload.length <= NONCE_BYTES + TAG_BYTES) {
            throw malformed("the payload is too short to hold a nonce, a secret and a tag");
        }
        return payload;
    }

    private static UnsealException malformed(String what) {
        return new UnsealException(UnsealException.Reason.MALFORMED, "not a sealed secret: " + what);
    }

    /** The context as strict UTF-8: an unpaired surrogate would otherwise become '?'. */
    private static byte[] encodeContext(String context) {
        Objects.requireNonNull(context, "context");
        if (context.isEmpty()) {
            throw new IllegalArgumentException("context must not be empty: give what the secret belongs to,"
                    + " such as the account id");
        }
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(context));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("context is not valid Unicode: it has an unpaired surrogate", e);
        }
    }

    /** The header, which is self-delimiting since key ids have no '.', then the context. */
    private static byte[] associatedData(String header, byte[] encodedContext) {
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        byte[] associatedData = Arrays.copyOf(headerBytes, headerBytes.length + encodedContext.length);
        System.arraycopy(encodedContext, 0, associatedData, headerBytes.length, encodedContext.length);
        return associatedData;
    }

    /** Builds {@link SecretSealer} instances; not thread-safe. */
    public static final class Builder {
        private final Map<String, byte[]> keys = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private SecurityEventListener eventListener = SecurityEventListener.none();

        private Builder() {
        }

        /**
         * Adds a key. Add keys oldest first: the last one added seals, and all of them unseal.
         *
         * @param keyId a name for the key, written into every text it seals: 1 to 32 characters
         *     of {@code A-Z a-z 0-9 - _}, such as {@code "2026-11"}; not secret
         * @param key {@value SecretSealer#KEY_BYTES} random bytes (AES-256), such as from
         *     {@link SecretSealer#generateKey()}; copied
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the key id is malformed or already added, or the
         *     key is not 32 bytes or is all zeros
         */
        public Builder key(String keyId, byte[] key) {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(key, "key");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("keyId must be 1 to " + MAX_KEY_ID_LENGTH
                        + " characters of A-Z, a-z, 0-9, '-' and '_'");
            }
            if (keys.containsKey(keyId)) {
                throw new IllegalArgumentException("key id '" + keyId + "' is added twice; each key needs its own id");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes (AES-256), was " + key.length);
            }
            if (KeyBytes.isAllZeros(key)) {
                throw new IllegalArgumentException("key is all zeros: make it with SecretSealer.generateKey()"
                        + " or another SecureRandom source");
            }
            keys.put(keyId, key.clone());
            return this;
        }

        /**
         * Sets the clock that times the sealer's events; default {@link Clock#systemUTC()}.
         * Sealing itself reads no time.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets who is told when {@link SecretSealer#unseal} refuses a text that fails
         * authentication ({@link SecurityEvent.Kind#SEALED_SECRET_REJECTED}, with the context
         * as the event's account): a stored secret was altered or moved to another row. Timed
         * by {@link #clock(Clock)}. Default {@link SecurityEventListener#none()}, with which no
         * event is made. The listener is called before the {@link UnsealException} is thrown: it
         * must be fast and must not throw (what it throws reaches the caller instead).
         *
         * @param eventListener the listener
         * @return this builder
         * @throws NullPointerException if {@code eventListener} is null
         */
        public Builder eventListener(SecurityEventListener eventListener) {
            this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
            return this;
        }

        /**
         * Builds the sealer.
         *
         * @return the sealer, sealing with the last key added
         * @throws IllegalArgumentException if no key was added
         */
        public SecretSealer build() {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a sealer needs at least one key: call key(keyId, key)");
            }
            Map<String, SecretKey> specs = new LinkedHashMap<>();
            String last = null;
            for (Map.Entry<String, byte[]> entry : keys.entrySet()) {
                specs.put(entry.getKey(), new SecretKeySpec(entry.getValue(), "AES"));
                last = entry.getKey();
            }
            return new SecretSealer(Collections.unmodifiableMap(specs), last, this);
        }
    }
}
