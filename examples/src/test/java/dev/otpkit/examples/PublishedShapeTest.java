package dev.otpkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otpkit.core.OtpSecret;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests the shape of the installed otpkit artifacts as a consumer meets them: named modules
 * that export their API package and nothing else to applications, so that code reaching into an
 * internal package does not compile.
 */
class PublishedShapeTest {
    private static final Path CONSUMERS = Path.of("src", "test", "consumers");
    /**
     * What each module exports: its API package to everyone; the core also its internal package
     * to the otpkit modules that make results through it, and to no other module.
     */
    private static final Map<String, Set<String>> EXPORTS = Map.of(
            "dev.otpkit.core", Set.of("dev.otpkit.core", "dev.otpkit.core.internal to [dev.otpkit.backup]"),
            "dev.otpkit.qr", Set.of("dev.otpkit.qr"),
            "dev.otpkit.backup", Set.of("dev.otpkit.backup"));

    @Test
    void otpkitComesFromAnInstalledJar() {
        Path core = installedCoreJar();
        // Repository layout .../dev/otpkit/otp-core/VERSION/otp-core-VERSION.jar, not target/.
        assertTrue(core.getFileName().toString().matches("otp-core-.*\\.jar"), core.toString());
        assertTrue(core.getParent().getParent().endsWith(Path.of("dev", "otpkit", "otp-core")),
                core.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.otpkit.core", "dev.otpkit.qr", "dev.otpkit.backup"})
    void libraryIsANamedModuleExportingNothingButItsApiPackageToApplications(String module) {
        ModuleDescriptor descriptor = ModuleFinder.of(installedOtpkitJars()).find(module)
                .orElseThrow(() -> new AssertionError(module + " is in no installed otpkit jar"))
                .descriptor();

        assertFalse(descriptor.isAutomatic(), module + " must have a module-info, not a jar name");
        // Exactly the expected exports: an empty set, another package, or a qualified export
        // ("pkg to [m]") to another module or to everyone all fail here.
        Set<String> exports = descriptor.exports().stream()
                .map(exported -> exported.isQualified()
                        ? exported.source() + " to " + new TreeSet<>(exported.targets())
                        : exported.source())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EXPORTS.get(module), exports, "packages exported by " + module);
    }

    @Test
    void coreExportsItsApiPackageButNotItsInternalOne() {
        Module core = OtpSecret.class.getModule();

        assertTrue(core.isExported("dev.otpkit.core"));
        assertTrue(core.getPackages().contains("dev.otpkit.core.internal"));
        assertFalse(core.isExported("dev.otpkit.core.internal"));
    }

    @Test
    void consumerOfTheExportedApiCompiles(@TempDir Path classes) {
        Compilation compilation = compileConsumer("public-api", classes);

        assertEquals(0, compilation.exitCode, compilation.diagnostics);
        assertTrue(Files.exists(classes.resolve("consumer/UsesApi.class")));
    }

    @Test
    void consumerReachingIntoTheInternalPackageFailsToCompile(@TempDir Path classes) {
        Compilation compilation = compileConsumer("internal-access", classes);

        assertNotEquals(0, compilation.exitCode, "javac accepted an import of an internal package");
        // The refusal must be the module system's, not some other error of the set-up.
        assertTrue(compilation.diagnostics.contains(
                "compiler.err.package.not.visible: dev.otpkit.core.internal"), compilation.diagnostics);
    }

    /** Compiles one consumer module against the installed otp-core jar, with raw diagnostics. */
    private static Compilation compileConsumer(String name, Path classes) {
        List<String> args = new ArrayList<>(List.of(
                "-XDrawDiagnostics", "--release", "17",
                "--module-path", installedCoreJar().toString(),
                "-d", classes.toString()));
        try (Stream<Path> sources = Files.walk(CONSUMERS.resolve(name))) {
            sources.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("javac is not available in this JDK"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter writer = new PrintWriter(diagnostics);
        int exitCode = javac.run(writer, writer, args.toArray(String[]::new));
        writer.flush();
        return new Compilation(exitCode, diagnostics.toString());
    }

    private static Path installedCoreJar() {
        try {
            return Path.of(OtpSecret.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The otpkit jars this test runs with. Surefire puts the modules the example requires on the
     * module path and the other dependencies (otp-qr, otp-backup so far) on the class path.
     */
    private static Path[] installedOtpkitJars() {
        String paths = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path", "");
        return Arrays.stream(paths.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of)
                .filter(path -> path.getFileName().toString().matches("otp-[a-z]+-.*\\.jar"))
                .toArray(Path[]::new);
    }

    private record Compilation(int exitCode, String diagnostics) {
    }
}
