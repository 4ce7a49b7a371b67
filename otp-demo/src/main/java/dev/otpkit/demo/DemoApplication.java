package dev.otpkit.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The otpkit demo: {@code java -jar otp-demo/target/otp-demo.jar [--server.port=N]}. */
@SpringBootApplication
public class DemoApplication {
    /**
     * Starts the demo.
     *
     * @param args Spring Boot's command-line arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
