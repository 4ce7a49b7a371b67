package dev.otpkit.demo.sms;

/**
 * Sends a text message: the demo's one point of contact with an SMS gateway. Without a bean of
 * this type the demo "sends" to its development phone page ({@link DevPhone}); declare one to
 * use a real gateway (see otp-demo/README.md). Called on the request thread; an implementation
 * must not log the text, which holds a code.
 */
@FunctionalInterface
public interface SmsSender {
    /**
     * Sends a message.
     *
     * @param phoneNumber the recipient, {@code +} and 8 to 15 digits (E.164)
     * @param text the message, at most a few hundred characters
     */
    void send(String phoneNumber, String text);
}
