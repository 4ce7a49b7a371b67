package dev.otpkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.UnsealException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSealerTest {
    private static final byte[] KEY_1 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] KEY_2 = HexFormat.of().parseHex("f0e0d0c0b0a090807060504030201000ffeeddccbbaa99887766554433221100");
    /** Characters a tamper may put anywhere: the whole URL-safe Base64 alphabet, the separator, and others. */
    private static final String TAMPER_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9";

    private final SecretSealer sealer = SecretSealer.builder().key("k1", KEY_1).build();
    private final OtpSecret secret = OtpSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

    @ParameterizedTest
    @ValueSource(ints = {80, 128, 160, 256, 512, 1024})
    void unsealsWhatItSealed(int bits) throws UnsealException {
        OtpSecret original = bits < OtpSecret.MIN_BITS
                ? OtpSecret.fromBytesLegacy(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
                : OtpSecret.generate(bits);
        assertEquals(original, sealer.unseal(sealer.seal(original, "alice"), "alice"));
    }

    @Test
    void twoSealsOfOneSecretDiffer() {
        assertNotEquals(sealer.seal(secret, "alice"), sealer.seal(secret, "alice"));
    }

    @Test
    void sealedTextNamesVersionAndKeyAndIsUrlSafe() {
        String sealed = sealer.seal(secret, "alice");
        assertTrue(sealed.matches("v1\\.k1\\.[A-Za-z0-9_-]+"), sealed);
        assertFalse(sealed.contains(secret.toBase32()));
    }

    /**
     * Opens a sealed text with the JDK's AES-GCM directly, following only the format in the
     * class documentation, so the format is pinned for other languages and future versions.
     */
    @Test
    void sealedTextFollowsTheDocumentedFormat() throws Exception {
        String sealed = sealer.seal(secret, "alice@example.com");
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring("v1.k1.".length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY_1, "AES"), new GCMParameterSpec(128, payload, 0, 12));
        cipher.updateAAD("v1.k1.alice@example.com".getBytes(StandardCharsets.UTF_8));
        byte[] plaintext = cipher.doFinal(payload, 12, payload.length - 12);
        assertArrayEquals(secret.revealBytes(), plaintext);
        assertEquals(12 + 20 + 16, payload.length, "nonce, secret, tag");
    }

    @Test
    void everySingleCharacterTamperIsRefused() {
        String sealed = sealer.seal(secret, "alice");
        int tampers = 0;
        for (int position = 0; position < sealed.length(); position++) {
            for (char replacement : TAMPER_ALPHABET.toCharArray()) {
                if (replacement == sealed.charAt(position)) {
                    continue;
                }
                String tampered = sealed.substring(0, position) + replacement + sealed.substring(position + 1);
                assertThrows(UnsealException.class, () -> sealer.unseal(tampered, "alice"), tampered);
                tampers++;
            }
        }
        // Every character of a sealed text is in the alphabet, so each position got all the others.
        assertEquals((TAMPER_ALPHABET.length() - 1) * sealed.length(), tampers);
    }

    @Test
    void removingOrAddingACharacterIsRefused() {
        String sealed = sealer.seal(secret, "alice");
        for (int position = 0; position < sealed.length(); position++) {
            String shorter = sealed.substring(0, position) + sealed.substring(position + 1);
            assertThrows(UnsealException.class, () -> sealer.unseal(shorter, "alice"), shorter);
            String longer = sealed.substring(0, position) + "A" + sealed.substring(position);
            assertThrows(UnsealException.class, () -> sealer.unseal(longer, "alice"), longer);
        }
        assertThrows(UnsealException.class, () -> sealer.unseal(sealed + "A", "alice"));
    }

    @Test
    void wrongContextIsRefused() {
        String sealed = sealer.seal(secret, "alice");
        for (String other : new String[] {"bob", "Alice", "alice ", "alic", "k1.alice"}) {
            UnsealException refused = assertThrows(UnsealException.class, () -> sealer.unseal(sealed, other));
            assertEquals(Reason.NOT_AUTHENTIC, refused.reason());
        }
    }

    @Test
    void sameKeyIdWithAnotherKeyIsRefused() {
        String sealed = sealer.seal(secret, "alice");
        SecretSealer impostor = SecretSealer.builder().key("k1", KEY_2).build();
        assertEquals(Reason.NOT_AUTHENTIC,
                assertThrows(UnsealException.class, () -> impostor.unseal(sealed, "alice")).reason());
    }

    @Test
    void rotatesKeysSealingWithTheNewestAndUnsealingWithAny() throws UnsealException {
        String old = sealer.seal(secret, "alice");
        SecretSealer rotated = SecretSealer.builder().key("k1", KEY_1).key("k2", KEY_2).build();
        assertEquals(secret, rotated.unseal(old, "alice"));
        assertFalse(rotated.sealedWithCurrentKey(old));

        String resealed = rotated.seal(rotated.unseal(old, "alice"), "alice");
        assertTrue(resealed.startsWith("v1.k2."));
        assertTrue(rotated.sealedWithCurrentKey(resealed));

        SecretSealer retired = SecretSealer.builder().key("k2", KEY_2).build();
        assertEquals(secret, retired.unseal(resealed, "alice"));
        UnsealException unknown = assertThrows(UnsealException.class, () -> retired.unseal(old, "alice"));
        assertEquals(Reason.UNKNOWN_KEY, unknown.reason());
        assertTrue(unknown.getMessage().contains("'k1'"), unknown.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "v1.", "v1.k1", "v1.k1.", "v1.k1.AAAA", "v2.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "V1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1..AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "v1.k 1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAA+AAAAAAAAAAAAAAAAAAA", "v1.k1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAA",
        "\u0000", "v1.k1.\uD800"})
    void malformedTextIsACheckedRefusalNeverAnotherException(String text) {
        UnsealException refused = assertThrows(UnsealException.class, () -> sealer.unseal(text, "alice"));
        assertNotEquals(Reason.UNKNOWN_KEY, refused.reason());
    }

    @Test
    void hugeTextIsRefusedBeforeItIsDecoded() {
        String huge = "v1.k1." + "A".repeat(10_000_000);
        assertEquals(Reason.MALFORMED, assertThrows(UnsealException.class, () -> sealer.unseal(huge, "alice")).reason());
    }

    /**
     * A text at the limit is read, so a forged one fails authentication; one character more is
     * refused unread, as malformed. "v1.k1." leaves 4,090 characters for the payload: the
     * canonical Base64 of 3,067 bytes.
     */
    @Test
    void readsATextOfExactlyTheLongestLengthAndRefusesALongerOneUnread() {
        String longest = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[3067]);
        assertEquals(SecretSealer.MAX_SEALED_LENGTH, longest.length());
        assertEquals(Reason.NOT_AUTHENTIC,
                assertThrows(UnsealException.class, () -> sealer.unseal(longest, "alice")).reason());

        String tooLong = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[3068]);
        assertEquals(SecretSealer.MAX_SEALED_LENGTH + 1, tooLong.length());
        UnsealException refused = assertThrows(UnsealException.class, () -> sealer.unseal(tooLong, "alice"));
        assertEquals(Reason.MALFORMED, refused.reason());
        assertEquals("not a sealed secret: longer than 4096 characters", refused.getMessage());
    }

    /** An authentic payload with an empty plaintext, made with the JDK: no secret, so malformed. */
    @Test
    void refusesAnAuthenticPayloadThatHoldsNoSecret() throws Exception {
        String empty = sealWithTheJdk(new byte[0], "alice");

        UnsealException refused = assertThrows(UnsealException.class, () -> sealer.unseal(empty, "alice"));
        assertEquals(Reason.MALFORMED, refused.reason());
    }

    /**
     * Texts sealed before secrets were capped at {@link OtpSecret#MAX_BITS} may hold longer
     * ones, authentic as they are: a checked refusal, as malformed for this version, never the
     * {@code IllegalArgumentException} of a secret too long.
     */
    @Test
    void refusesAnAuthenticTextSealedBeforeTheCapWithASecretOverMaxBits() throws Exception {
        byte[] longest = new byte[OtpSecret.MAX_BITS / 8];
        Arrays.fill(longest, (byte) 7);
        assertArrayEquals(longest, sealer.unseal(sealWithTheJdk(longest, "alice"), "alice").revealBytes());

        String tooLong = sealWithTheJdk(Arrays.copyOf(longest, longest.length + 1), "alice");
        RecordingListener listener = new RecordingListener();
        SecretSealer listened = SecretSealer.builder().key("k1", KEY_1).eventListener(listener).build();
        UnsealException refused = assertThrows(UnsealException.class, () -> listened.unseal(tooLong, "alice"));
        assertEquals(Reason.MALFORMED, refused.reason());
        assertEquals("the sealed secret is authentic but longer than 8192 bits, which no secret may be:"
                + " enrol the account again", refused.getMessage());
        assertEquals(List.of(), listener.take(), "an authentic text is no forgery: no SEALED_SECRET_REJECTED");
    }

    /** Seals {@code plaintext} with the JDK's AES-GCM, zero nonce, as the class documentation says. */
    private static String sealWithTheJdk(byte[] plaintext, String context) throws Exception {
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY_1, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("v1.k1." + context).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext);
        byte[] payload = Arrays.copyOf(nonce, nonce.length + sealed.length);
        System.arraycopy(sealed, 0, payload, nonce.length, sealed.length);
        return "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    @Test
    void namesAnEmptyVersionAsTheWrongVersion() {
        UnsealException refused = assertThrows(UnsealException.class,
                () -> sealer.unseal(".k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "alice"));
        assertEquals(Reason.MALFORMED, refused.reason());
        assertEquals("not a sealed secret: not format version v1", refused.getMessage());
    }

    @Test
    void messagesAndDescriptionsHoldNoKeyOrSecret() {
        String sealed = sealer.seal(secret, "alice");
        String tampered = sealed.substring(0, sealed.length() - 1) + (sealed.endsWith("A") ? "B" : "A");
        String[] texts = {
            assertThrows(UnsealException.class, () -> sealer.unseal(tampered, "alice")).getMessage(),
            assertThrows(UnsealException.class, () -> sealer.unseal(sealed, "bob")).getMessage(),
            assertThrows(UnsealException.class, () -> sealer.unseal("v1.k1.!", "alice")).getMessage(),
            sealer.toString(),
        };
        String[] secrets = {secret.toBase32(), HexFormat.of().formatHex(KEY_1), Base64.getEncoder().encodeToString(KEY_1),
            sealed.substring(6)};
        for (String text : texts) {
            for (String material : secrets) {
                assertFalse(text.contains(material), text);
            }
        }
        assertEquals("SecretSealer[keys [k1], sealing with k1]", sealer.toString());
    }

    @Test
    void contextMustNameSomething() {
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(secret, ""));
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(secret, "alice\uD800"));
        assertThrows(NullPointerException.class, () -> sealer.seal(secret, null));
        assertThrows(NullPointerException.class, () -> sealer.unseal(null, "alice"));
        assertThrows(IllegalArgumentException.class, () -> sealer.unseal(sealer.seal(secret, "a"), ""));
    }

    @Test
    void unicodeContextsAreBoundExactly() throws UnsealException {
        String sealed = sealer.seal(secret, "jos\u00e9@example.com");
        assertEquals(secret, sealer.unseal(sealed, "jos\u00e9@example.com"));
        assertThrows(UnsealException.class, () -> sealer.unseal(sealed, "jose\u0301@example.com"));
    }

    @Test
    void builderRefusesUnusableKeys() {
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().key("k1", new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().key("k1", new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().key("k.1", KEY_1));
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().key("", KEY_1));
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().key("x".repeat(33), KEY_1));
        assertThrows(IllegalArgumentException.class, () -> SecretSealer.builder().key("k1", KEY_1).key("k1", KEY_2));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> SecretSealer.builder().key("k1", Arrays.copyOf(KEY_1, 31)));
        assertFalse(shortKey.getMessage().contains(HexFormat.of().formatHex(KEY_1, 0, 4)));
    }

    @Test
    void builderCopiesTheKey() throws UnsealException {
        byte[] key = SecretSealer.generateKey();
        SecretSealer copied = SecretSealer.builder().key("k", key).build();
        String sealed = copied.seal(secret, "alice");
        Arrays.fill(key, (byte) 1);
        assertEquals(secret, copied.unseal(sealed, "alice"));
    }

    @Test
    void generatesDistinctFullLengthKeys() {
        assertEquals(32, SecretSealer.generateKey().length);
        assertFalse(Arrays.equals(SecretSealer.generateKey(), SecretSealer.generateKey()));
    }
}
