package dev.otpkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyed hash that stores keep for out-of-band codes, against the message layout in the
 * class documentation, computed here with the JDK's {@link Mac}: hashes written by one version
 * must verify under the next, in every database that holds them.
 */
class CodeHasherTest {
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @ParameterizedTest
    @CsvSource({
        "alice, login, 8hVb2Qm0pJx3aYc1Kq7LzA, 6, 123456",
        "bob@example.com, transfer, AAAAAAAAAAAAAAAAAAAAAA, 10, 9999999999",
        "jos\u00e9, c\u00f3digo, x, 4, 0",
        "\uD83D\uDE00, login, -_, 8, 42",
    })
    void hashesTheDocumentedMessageWithHmacSha256(String account, String scope, String issueId, int digits, long code)
            throws GeneralSecurityException, IOException {
        byte[] expected = hmacSha256(documentedMessage(account, scope, issueId, digits, code));
        byte[] actual = new CodeHasher(KEY).hash(account, scope, issueId, digits, code);
        assertEquals(32, actual.length, "an HMAC-SHA-256 is 32 bytes");
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @CsvSource({"ab, c, a, bc", "a, '', '', a", "alice, login, alic, elogin"})
    void movingCharactersBetweenAccountAndScopeChangesTheHash(String account1, String scope1, String account2,
            String scope2) {
        CodeHasher hasher = new CodeHasher(KEY);
        assertFalse(Arrays.equals(hasher.hash(account1, scope1, "id", 6, 123456),
                hasher.hash(account2, scope2, "id", 6, 123456)));
    }

    /** The domain tag, then each text as its length and UTF-16 chars, then digits and code. */
    private static byte[] documentedMessage(String account, String scope, String issueId, int digits, long code)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("otpkit one-time code v1");
        for (String text : new String[] {account, scope, issueId}) {
            out.writeInt(text.length());
            out.writeChars(text);
        }
        out.writeInt(digits);
        out.writeLong(code);
        return bytes.toByteArray();
    }

    private static byte[] hmacSha256(byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
