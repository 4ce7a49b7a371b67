package dev.otpkit.demo.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Without {@code spring.mail.host}: an embedded SMTP server (GreenMail) on 127.0.0.1 and a mail
 * sender pointed at it, so that the demo sends real SMTP with nothing installed. Its messages
 * are on the development page {@code /dev/mailbox}. With {@code spring.mail.host}, Spring Boot's
 * own mail sender is used and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMail.NoMailHost.class)
class EmbeddedMail {
    /**
     * The server, listening on {@code otp-demo.greenmail.port} (0: a free port, so that instances
     * and parallel tests never collide).
     */
    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail(@Value("${otp-demo.greenmail.port:0}") int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return new GreenMail(smtp);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        // Read when the first message is sent: the server has started by then (0 would be no port).
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    /** Matches when {@code spring.mail.host} is not set. */
    static final class NoMailHost implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.mail.host");
        }
    }
}
