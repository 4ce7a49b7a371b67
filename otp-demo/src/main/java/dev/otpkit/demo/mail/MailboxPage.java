package dev.otpkit.demo.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.otpkit.demo.login.Texts;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mailbox}: what the embedded SMTP server received, newest first. A development
 * stand-in for an inbox, reachable without sign-in for that reason only; 404 with real SMTP.
 */
@Controller
class MailboxPage {
    private final ObjectProvider<GreenMail> greenMail;

    MailboxPage(ObjectProvider<GreenMail> greenMail) {
        this.greenMail = greenMail;
    }

    /** A received message as the page shows it. */
    record Message(String to, String subject, String date, String body) {
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) throws MessagingException {
        GreenMail server = greenMail.getIfAvailable();
        if (server == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Message> messages = new ArrayList<>();
        for (MimeMessage received : server.getReceivedMessages()) {
            messages.add(0, new Message(addresses(received.getAllRecipients()), received.getSubject(),
                    received.getSentDate() == null ? "" : Texts.DATE_TIME.format(received.getSentDate().toInstant()),
                    GreenMailUtil.getBody(received).replace("\r\n", "\n")));
        }
        model.addAttribute("messages", messages);
        return "mailbox";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
