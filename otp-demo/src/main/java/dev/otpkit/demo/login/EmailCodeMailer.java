package dev.otpkit.demo.login;

import dev.otpkit.core.IssuedCode;
import dev.otpkit.demo.account.Users;
import dev.otpkit.spring.OneTimeCodeSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails a sign-in code to the account's address through Spring's {@link JavaMailSender}: the
 * embedded SMTP server by default, real SMTP with {@code spring.mail.host}. Logs nothing.
 */
@Component
public class EmailCodeMailer implements OneTimeCodeSender {
    /** The sender of every message of the demo. */
    public static final String FROM = "otpkit demo <no-reply@otp-demo.localhost>";

    private final JavaMailSender mail;
    private final Users users;

    EmailCodeMailer(JavaMailSender mail, Users users) {
        this.mail = mail;
        this.users = users;
    }

    @Override
    public void send(String accountId, IssuedCode code) {
        users.find(accountId).ifPresent(account -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(FROM);
            message.setTo(account.email());
            message.setSubject("Your otpkit demo sign-in code");
            message.setText("Your sign-in code is " + code.code() + ".\n"
                    + "It expires at " + Texts.TIME.format(code.expiresAt()) + ".\n"
                    + "If you did not try to sign in, change your password.\n");
            mail.send(message);
        });
    }
}
