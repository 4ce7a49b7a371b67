package dev.otpkit.demo.account;

import dev.otpkit.backup.BackupCodes;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}, {@code /account} and {@code /account/security}. */
@Controller
class AccountPages {
    private final Users users;
    private final SecurityEvents events;
    private final BackupCodes backupCodes;

    AccountPages(Users users, SecurityEvents events, BackupCodes backupCodes) {
        this.users = users;
        this.events = events;
        this.backupCodes = backupCodes;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        model.addAttribute("signedIn", user != null && dev.otpkit.demo.login.LoginPages.hasSecondFactor(user));
        return "home";
    }

    @GetMapping("/account")
    String account(Authentication user, @RequestParam Map<String, String> parameters, Model model) {
        Users.Account account = users.find(user.getName()).orElseThrow();
        model.addAttribute("account", account);
        if (parameters.containsKey("email-changed")) {
            model.addAttribute("info", "Your email address is now " + account.email() + ".");
        }
        return "account";
    }

    @GetMapping("/account/security")
    String security(Authentication user, Model model) {
        int left = backupCodes.remaining(user.getName());
        model.addAttribute("backupCodesLeft", left == 0 ? "No backup codes left."
                : left == 1 ? "1 backup code left." : left + " backup codes left.");
        model.addAttribute("events", events.latest(user.getName()));
        return "security";
    }
}
