package dev.otpkit.demo.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.core.Totp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * One person of the tests, who signs up, signs in and enrols through the demo's pages as FLOWS.md
 * describes them, and remembers every secret value typed or shown on the way (password, TOTP
 * secret, {@code otpauth://} URI, codes submitted, backup codes) for the log scan.
 */
final class DemoAccount {
    private static final SecureRandom RANDOM = new SecureRandom();

    final String username;
    private final String password;
    /** Each secret value, with what it is ("password of ops-…"): a failure names the kind, never the value. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private OtpSecret secret;
    private Totp totp;

    private DemoAccount(String username, String password) {
        this.username = username;
        this.password = password;
        secrets.put(password, "password of " + username);
    }

    /** A new person with a random username and a random 24-character password. */
    static DemoAccount random() {
        byte[] id = new byte[5];
        RANDOM.nextBytes(id);
        byte[] password = new byte[18];
        RANDOM.nextBytes(password);
        return new DemoAccount("ops-" + HexFormat.of().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(password));
    }

    /** Every secret value this person typed or was shown so far, each with what it is. */
    Map<String, String> secrets() {
        return Map.copyOf(secrets);
    }

    /** Creates the account ({@code /signup}); checks that the demo asks to sign in next. */
    void signUp(DemoClient client) {
        Page done = client.submit(client.get("/signup"), "signup-form", Map.of("username", username,
                "email", username + "@example.com", "phone", "+15550100123", "password", password));
        assertEquals("Your account is ready. Sign in with your username and password.", done.text("login-info"),
                done.pathAndQuery());
    }

    /** Signs in with the password ({@code /login}): the page of the second factor comes next. */
    Page signInWithPassword(DemoClient client) {
        return client.submit(client.get("/login"), "login-form", Map.of("username", username, "password", password));
    }

    /**
     * Reads the enrolment page as a person with an authenticator app would: the secret from the
     * manual key; and the QR code's {@code otpauth://} URI from its image, for the log scan and
     * the TOTP parameters.
     *
     * @param enrolment the page {@code /login/totp/enroll}
     */
    void readEnrolment(Page enrolment) {
        assertEquals("/login/totp/enroll", enrolment.pathAndQuery());
        String manualKey = enrolment.text("manual-key");
        OtpAuthUri uri = OtpAuthUri.parse(qrText(enrolment.attribute("qr-code", "src")));
        secret = OtpSecret.fromBase32(manualKey);
        totp = uri.totp();
        assertEquals(secret.toBase32(), uri.secret().toBase32(), "the manual key is the QR code's secret");
        secrets.put(manualKey, "manual key of " + username);
        secrets.put(secret.toBase32(), "TOTP secret of " + username);
        secrets.put(uri.toUriString(), "otpauth URI of " + username);
    }

    /**
     * Confirms the enrolment read by {@link #readEnrolment} with the code of the given step, then
     * dismisses the backup codes it shows (they join the secrets).
     *
     * @param enrolment the page {@code /login/totp/enroll}
     * @param step the time step whose code confirms
     * @return the page the person ends on, {@code /account}
     */
    Page confirmEnrolment(DemoClient client, Page enrolment, long step) {
        Page backupCodes = submitCode(client, enrolment, "enroll-form", code(step));
        List<String> codes = backupCodes.listItems("backup-codes");
        assertEquals(10, codes.size(), backupCodes.pathAndQuery());
        codes.forEach(code -> secrets.put(code, "a backup code of " + username));
        return client.submit(backupCodes, "/account/backup-codes/done", Map.of());
    }

    /**
     * The current time step, after waiting for the next one to begin if less than
     * {@code margin} is left of it: a code of the step before stays right until the returned
     * step ends, so the caller has at least {@code margin} to use it.
     *
     * @param margin the time the caller needs, well below the period
     * @return the current time step of the authenticator read by {@link #readEnrolment}
     */
    long stepWithTimeLeft(Duration margin) throws InterruptedException {
        Instant now = Instant.now();
        Instant nextStep = totp.stepStart(totp.step(now) + 1);
        if (Duration.between(now, nextStep).compareTo(margin) < 0) {
            Thread.sleep(Duration.between(now, nextStep).toMillis() + 50);
        }
        return totp.step(Instant.now());
    }

    /** The TOTP code of a time step, from the secret the enrolment showed. */
    String code(long step) {
        return totp.generateForStep(secret, step);
    }

    /** The authenticator's TOTP parameters, known after {@link #readEnrolment}. */
    Totp totp() {
        return totp;
    }

    /**
     * A 6-digit code that is none of the codes of the steps {@code step - 2} to {@code step + 2}: surely wrong.
     *
     * @param step the current time step
     */
    String wrongCode(long step) {
        List<String> right = new ArrayList<>();
        for (long s = step - 2; s <= step + 2; s++) {
            right.add(code(s));
        }
        String wrong;
        do {
            wrong = String.format("%06d", RANDOM.nextInt(1_000_000));
        } while (right.contains(wrong));
        return wrong;
    }

    /** Types a code into the field {@code code} of a form and submits it; the code joins the secrets. */
    Page submitCode(DemoClient client, Page page, String form, String code) {
        secrets.put(code, "a code " + username + " submitted");
        return client.submit(page, form, Map.of("code", code));
    }

    private static String qrText(String dataUri) {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image)))).getText();
        } catch (IOException e) {
            throw new UncheckedIOException("the QR code's data: URI is no image", e);
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code in the enrolment page's image", e);
        }
    }
}
