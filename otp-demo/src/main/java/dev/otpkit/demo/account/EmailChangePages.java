package dev.otpkit.demo.account;

import dev.otpkit.core.IssuedCode;
import dev.otpkit.core.OneTimeCodes;
import dev.otpkit.core.Verification;
import dev.otpkit.demo.login.LoginPages;
import dev.otpkit.demo.login.ScopeProbe;
import dev.otpkit.demo.login.Texts;
import dev.otpkit.demo.sms.Sms;
import dev.otpkit.spring.boot.OtpkitProperties;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/email}: a sensitive action confirmed by a code sent by SMS for that action
 * only (scope {@value ScopeProbe#CHANGE_EMAIL}). The new address waits in the session from the
 * sending of the code to its confirmation: a new code replaces both.
 */
@Controller
class EmailChangePages {
    private static final String NEW_EMAIL = EmailChangePages.class.getName() + ".NEW_EMAIL";
    static final Map<String, String> ERRORS = Map.of(
            "email", "Enter a valid email address.",
            "invalid", "That code is wrong. Check the newest SMS from us and try again.",
            "malformed", "That is not a code. Enter the 6 digits from the SMS.",
            "expired", "That code has expired or was replaced by a newer one. Send a new code.",
            "replayed", "That code was already used.",
            "other_action", "That code was sent for another action (signing in), not for changing your email"
                    + " address. Use the code from the SMS.",
            "no_code", "Send yourself a code first.",
            "locked", Texts.LOCKED,
            "unavailable", Texts.UNAVAILABLE);

    private final Users users;
    private final OneTimeCodes codes;
    private final ScopeProbe probe;
    private final Sms sms;
    private final SecurityEvents events;
    private final OtpkitProperties properties;

    EmailChangePages(Users users, OneTimeCodes codes, ScopeProbe probe, Sms sms, SecurityEvents events,
            OtpkitProperties properties) {
        this.users = users;
        this.codes = codes;
        this.probe = probe;
        this.sms = sms;
        this.events = events;
        this.properties = properties;
    }

    @GetMapping("/account/email")
    String page(Authentication user, HttpSession session, @RequestParam(required = false) String error,
            @RequestParam(required = false) String until, @RequestParam Map<String, String> parameters, Model model) {
        Users.Account account = users.find(user.getName()).orElseThrow();
        String newEmail = (String) session.getAttribute(NEW_EMAIL);
        model.addAttribute("account", account);
        model.addAttribute("codeSent", newEmail != null);
        if (parameters.containsKey("sent") && newEmail != null) {
            String phone = account.phone();
            model.addAttribute("info", "We sent a code by SMS to your phone ending in "
                    + phone.substring(phone.length() - 2) + ". It confirms the change to " + newEmail
                    + " and expires in " + LoginPages.minutes(properties) + ".");
        }
        if (error != null) {
            model.addAttribute("error", Texts.error(ERRORS, error, until));
            model.addAttribute("addressError", error.equals("email"));
        }
        return "email";
    }

    @PostMapping("/account/email/code")
    String sendCode(Authentication user, HttpSession session, @RequestParam(name = "new_email", required = false)
            String newEmail) {
        if (!SignUpForm.isEmail(newEmail)) {
            return "redirect:/account/email?error=email";
        }
        Users.Account account = users.find(user.getName()).orElseThrow();
        String address = newEmail.strip();
        IssuedCode code = codes.issue(account.username(), ScopeProbe.CHANGE_EMAIL);
        session.setAttribute(NEW_EMAIL, address);
        sms.send(account.phone(), "otpkit demo: " + code.code() + " is your code to change your email address to "
                + address + ". It expires at " + Texts.TIME.format(code.expiresAt()) + ".");
        return "redirect:/account/email?sent";
    }

    @PostMapping("/account/email")
    String confirm(Authentication user, HttpSession session, @RequestParam(required = false) String code) {
        String newEmail = (String) session.getAttribute(NEW_EMAIL);
        if (newEmail == null) {
            return "redirect:/account/email?error=no_code";
        }
        Verification result = codes.verify(user.getName(), ScopeProbe.CHANGE_EMAIL, code == null ? "" : code);
        if (!result.isValid()) {
            return "redirect:/account/email?error=" + errorWord(user.getName(), result.status(), code)
                    + result.retryAfter().filter(until -> result.status() == Verification.Status.LOCKED)
                            .map(until -> "&until=" + until.getEpochSecond()).orElse("");
        }
        session.removeAttribute(NEW_EMAIL);
        users.changeEmail(user.getName(), newEmail);
        events.record(user.getName(), SecurityEvents.EMAIL_CHANGED);
        return "redirect:/account?email-changed";
    }

    private String errorWord(String username, Verification.Status status, String code) {
        if (probe.isOtherActionsCode(username, status, ScopeProbe.LOGIN, code)) {
            return "other_action";
        }
        return status.name().toLowerCase(Locale.ROOT);
    }
}
