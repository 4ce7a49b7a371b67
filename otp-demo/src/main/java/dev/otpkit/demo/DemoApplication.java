package dev.otpkit.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The otpkit demo: {@code java -jar otp-demo/target/otp-demo.jar [--server.port=N]}. */
@SpringBootApplication
public class DemoApplication {
    /**
     * The development keys, unless configured (static: a bean factory post-processor).
     *
     * @param environment the application's configuration
     * @return the post-processor
     */
    @Bean
    static DemoKeys demoKeys(Environment environment) {
        return new DemoKeys(environment);
    }

    /**
     * Starts the demo.
     *
     * @param args Spring Boot's command-line arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
