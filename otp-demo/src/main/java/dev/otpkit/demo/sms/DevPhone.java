package dev.otpkit.demo.sms;

import dev.otpkit.demo.login.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.stereotype.Component;

/**
 * The development stand-in for a phone: keeps the last 100 messages "sent" in this JVM, newest
 * first, for the page {@code /dev/phone}. It is the {@link SmsSender} only when the application
 * declares none.
 */
@Component
public class DevPhone {
    private static final int KEPT = 100;

    private final Deque<Sms> messages = new ConcurrentLinkedDeque<>();
    private final Clock clock;

    DevPhone(Clock clock) {
        this.clock = clock;
    }

    /**
     * A message the phone received.
     *
     * @param to the phone number
     * @param date when, as the page shows it
     * @param text the message
     */
    public record Sms(String to, String date, String text) {
        /**
         * Describes the message without its text, which holds a code.
         *
         * @return the recipient and the date
         */
        @Override
        public String toString() {
            return "Sms[to " + to + ", " + date + "]";
        }
    }

    /** Receives a message, as a gateway would deliver it. */
    void receive(String phoneNumber, String text) {
        messages.addFirst(new Sms(phoneNumber, Texts.DATE_TIME.format(clock.instant()), text));
        while (messages.size() > KEPT) {
            messages.pollLast();
        }
    }

    /**
     * The messages received, newest first.
     *
     * @return a copy
     */
    public List<Sms> messages() {
        return new ArrayList<>(messages);
    }
}
