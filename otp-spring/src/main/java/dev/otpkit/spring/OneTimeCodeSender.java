package dev.otpkit.spring;

import dev.otpkit.core.IssuedCode;

/**
 * Delivers an email or SMS code to the signed-in user; the application's part of the email-code
 * factor (otpkit sends no mail). Called on the request thread; should hand the message to a
 * queue or mail server and return. Must not log the code.
 */
@FunctionalInterface
public interface OneTimeCodeSender {
    /**
     * Sends a code.
     *
     * @param accountId the signed-in account, as {@code Authentication.getName()} names it
     * @param code the code and when it expires
     */
    void send(String accountId, IssuedCode code);
}
