package dev.otpkit.demo.sms;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends through the application's {@link SmsSender} bean if it declares one, else to the {@link DevPhone}. */
@Component
public class Sms {
    private final SmsSender sender;

    Sms(ObjectProvider<SmsSender> senders, DevPhone phone) {
        this.sender = senders.getIfUnique(() -> phone::receive);
    }

    /**
     * Sends a message.
     *
     * @param phoneNumber the recipient
     * @param text the message
     */
    public void send(String phoneNumber, String text) {
        sender.send(phoneNumber, text);
    }

    /** {@code /dev/phone}: the development phone's messages. */
    @Controller
    static class PhonePage {
        private final DevPhone phone;

        PhonePage(DevPhone phone) {
            this.phone = phone;
        }

        @GetMapping("/dev/phone")
        String phone(Model model) {
            model.addAttribute("messages", phone.messages());
            return "phone";
        }
    }
}
