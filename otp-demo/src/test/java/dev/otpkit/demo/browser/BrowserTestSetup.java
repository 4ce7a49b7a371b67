package dev.otpkit.demo.browser;

import dev.otpkit.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the browser tests change in the demo: its clock, which stands still until a test moves it,
 * and its data folder (H2 database and development keys), a fresh temporary one deleted when the
 * application stops.
 */
@TestConfiguration(proxyBeanMethods = false)
class BrowserTestSetup {
    /** The system property that carries the data folder into {@code otp-demo.data-dir}. */
    static final String DATA_DIR_PROPERTY = "otp-demo.browser-tests.data-dir";

    /**
     * The instant the demo's clock shows at start: a fixed one, far from the real time, so that
     * anything that reads the real time instead of the demo's clock shows up in the tests.
     */
    static final Instant START = Instant.parse("2031-03-14T09:00:00Z");

    private static final String DATA_DIR_BEAN = "browserTestDataDir";

    /**
     * Makes the data folder and names it in {@link #DATA_DIR_PROPERTY}, once per JVM: the demo
     * reads its folder while it prepares its environment, before any test property source but the
     * inlined {@code @SpringBootTest} properties, which refer to this system property.
     */
    static synchronized void createDataDir() {
        if (System.getProperty(DATA_DIR_PROPERTY) == null) {
            try {
                System.setProperty(DATA_DIR_PROPERTY, Files.createTempDirectory("otp-demo-browser-").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Bean
    @Primary
    MutableClock browserTestClock() {
        return new MutableClock(START);
    }

    @Bean(DATA_DIR_BEAN)
    DataDir browserTestDataDir() {
        return new DataDir(Path.of(System.getProperty(DATA_DIR_PROPERTY)));
    }

    /**
     * Makes each data source depend on the data folder, so that the folder is deleted only after
     * the database in it was closed.
     */
    @Bean
    static BeanFactoryPostProcessor dataSourcesCloseBeforeTheDataDirGoes() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition dataSource = beanFactory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>();
                if (dataSource.getDependsOn() != null) {
                    dependsOn.addAll(Arrays.asList(dataSource.getDependsOn()));
                }
                dependsOn.add(DATA_DIR_BEAN);
                dataSource.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }

    /** The temporary data folder, deleted with everything in it when the application stops. */
    static final class DataDir implements DisposableBean {
        private final Path root;

        DataDir(Path root) {
            this.root = root;
        }

        @Override
        public void destroy() throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
