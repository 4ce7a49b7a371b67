package dev.otpkit.demo.account;

import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /signup}: a new account, its password hashed with Argon2id. */
@Controller
class SignUpPage {
    static final Map<String, String> ERRORS = Map.of(
            "taken", "That username is taken.",
            "username", "Choose a username of 3 to 32 characters: letters a-z, digits, '.', '_' or '-'.",
            "email", "Enter a valid email address.",
            "phone", "Enter your mobile number as + and 8 to 15 digits, e.g. +15550100123.",
            "password", "Choose a password of 12 to 128 characters.");

    private final Users users;
    private final PasswordEncoder passwords;

    SignUpPage(Users users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm("", "", "", ""));
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute SignUpForm form, Model model) {
        String error = form.firstError();
        if (error == null && !users.create(SignUpForm.normalizeUsername(form.username()), form.email().strip(),
                SignUpForm.normalizePhone(form.phone()), passwords.encode(form.password()))) {
            error = "taken";
        }
        if (error != null) {
            // The typed values come back, but never the password.
            model.addAttribute("form", new SignUpForm(form.username(), form.email(), form.phone(), ""));
            model.addAttribute("error", ERRORS.get(error));
            model.addAttribute("errorField", error.equals("taken") ? "username" : error);
            return "signup";
        }
        return "redirect:/login?registered";
    }
}
