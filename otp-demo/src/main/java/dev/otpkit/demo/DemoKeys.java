package dev.otpkit.demo;

import dev.otpkit.core.SecretSealer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Environment;

/**
 * Development keys, so that the demo starts with one command: unless the configuration gives
 * {@code otpkit.sealing.keys.*} and {@code otpkit.email-code.hash-key}, they come from
 * {@code keys.properties} in the data directory ({@code otp-demo.data-dir}), made with fresh
 * random keys on first start (owner-only permissions). Secrets sealed then still open after a
 * restart, and instances started from the same data directory share the keys. A real
 * deployment gives the keys from its secret manager, kept out of the database. The added
 * properties come last, so any configured value wins. A bean factory post-processor rather than
 * an environment post-processor: it sees the final configuration (tests add theirs late), and
 * still runs before any bean reads the keys.
 */
final class DemoKeys implements BeanFactoryPostProcessor {
    static final String FILE_NAME = "keys.properties";
    private static final String SEALING_KEY = "otpkit.sealing.keys.demo";
    private static final String HASH_KEY = "otpkit.email-code.hash-key";

    private final ConfigurableEnvironment environment;

    DemoKeys(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        boolean sealingKeysGiven = !binder.bind("otpkit.sealing.keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()).isEmpty();
        boolean hashKeyGiven = environment.containsProperty(HASH_KEY);
        if (sealingKeysGiven && hashKeyGiven) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("otp-demo.data-dir", "./otp-demo-data"));
        Properties keys = loadOrCreate(dataDir.resolve(FILE_NAME));
        Map<String, Object> added = new HashMap<>();
        if (!sealingKeysGiven) {
            added.put(SEALING_KEY, keys.getProperty(SEALING_KEY));
        }
        if (!hashKeyGiven) {
            added.put(HASH_KEY, keys.getProperty(HASH_KEY));
        }
        environment.getPropertySources().addLast(new MapPropertySource("otpDemoKeys", added));
    }

    private static Properties loadOrCreate(Path file) {
        try {
            createOwnerOnly(file.getParent());
            if (!Files.exists(file)) {
                create(file);
            }
            Properties keys = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in);
            }
            if (keys.getProperty(SEALING_KEY) == null || keys.getProperty(HASH_KEY) == null) {
                throw new IllegalStateException(file + " lacks " + SEALING_KEY + " or " + HASH_KEY
                        + ": delete it to have new keys made (secrets sealed with the old ones are then lost)");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the demo's keys in " + file, e);
        }
    }

    /** Writes the keys to a temporary file, then renames it: a reader never sees half a file. */
    private static void create(Path file) throws IOException {
        Properties keys = new Properties();
        keys.setProperty(SEALING_KEY, Base64.getEncoder().encodeToString(SecretSealer.generateKey()));
        keys.setProperty(HASH_KEY, Base64.getEncoder().encodeToString(SecretSealer.generateKey()));
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            ownerOnly(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                keys.store(out, "otpkit demo: development keys, made on first start. Keep out of the database;"
                        + " a real deployment takes them from its secret manager.");
            }
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // Another instance made them first: use those.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates the data directory, if missing, readable by its owner only: it holds the keys and
     * the H2 file (password hashes, sealed secrets), and H2 creates its files with the default
     * mode. A directory that exists already is left as it is: its owner chose its mode.
     */
    private static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(directory); // Not a POSIX file system (Windows): the parent's permissions apply.
        } catch (FileAlreadyExistsException e) {
            // Another instance made it first: use it.
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's permissions apply.
        }
    }
}
