package dev.otpkit.demo.login;

import dev.otpkit.core.OtpSecret;
import dev.otpkit.qr.QrCode;
import dev.otpkit.spring.OtpFactors;
import dev.otpkit.spring.TotpCredentialRepository;
import dev.otpkit.spring.TotpEnrollmentService;
import dev.otpkit.spring.boot.OtpkitProperties;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages (GET): password, then the code page, the email-code page or the enrolment.
 * Their forms post to Spring Security ({@code /login}) and to otp-spring's processing URLs.
 */
@Controller
public class LoginPages {
    /** The TOTP code page, also where codes are posted. */
    public static final String CODE_PAGE = "/login/totp";
    /** The email-code page, also where email codes are posted. */
    public static final String EMAIL_PAGE = "/login/email-code";
    /** The enrolment page, also where its first code is posted. */
    public static final String ENROLL_PAGE = "/login/totp/enroll";

    private final TotpCredentialRepository credentials;
    private final TotpEnrollmentService enrollment;
    private final OtpkitProperties properties;

    LoginPages(TotpCredentialRepository credentials, TotpEnrollmentService enrollment, OtpkitProperties properties) {
        this.credentials = credentials;
        this.enrollment = enrollment;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(@RequestParam Map<String, String> parameters, Model model) {
        if (parameters.containsKey("error")) {
            model.addAttribute("error", "Wrong username or password.");
        } else if (parameters.containsKey("logout")) {
            model.addAttribute("info", "You are signed out.");
        } else if (parameters.containsKey("registered")) {
            model.addAttribute("info", "Your account is ready. Sign in with your username and password.");
        }
        return "login";
    }

    @GetMapping(CODE_PAGE)
    String codePage(Authentication user, @RequestParam(required = false) String error,
            @RequestParam(required = false) String until, Model model) {
        if (credentials.credential(user.getName()).isEmpty()) {
            return "redirect:" + ENROLL_PAGE;
        }
        model.addAttribute("error", Texts.error(Texts.CODE_PAGE, error, until));
        return "code";
    }

    @GetMapping(EMAIL_PAGE)
    String emailPage(@RequestParam(required = false) String error, @RequestParam(required = false) String until,
            @RequestParam Map<String, String> parameters, Model model) {
        model.addAttribute("error", Texts.error(Texts.EMAIL_PAGE, error, until));
        if (parameters.containsKey("sent")) {
            model.addAttribute("info", "We sent a code to your email address. It expires in "
                    + minutes(properties) + ".");
        }
        return "email-code";
    }

    @GetMapping(ENROLL_PAGE)
    String enrollPage(Authentication user, @RequestParam(required = false) String error,
            @RequestParam(required = false) String until, Model model) {
        boolean reEnrolment = hasAuthority(user, OtpFactors.TOTP_AUTHORITY);
        // As otp-spring's confirmation: with the password alone, only a first authenticator.
        if (!reEnrolment && credentials.credential(user.getName()).isPresent()) {
            return "redirect:" + CODE_PAGE;
        }
        TotpEnrollmentService.Start start = enrollment.start(user.getName(), user.getName());
        QrCode qr = QrCode.from(start.pending().uri());
        model.addAttribute("qrDataUri", qr.dataUri());
        model.addAttribute("qrSize", qr.pixelSize());
        model.addAttribute("manualKey", grouped(start.pending().secret()));
        model.addAttribute("reEnrolment", reEnrolment);
        model.addAttribute("error", Texts.error(Texts.ENROLL_PAGE, error, until));
        return "enroll";
    }

    /** The Base32 secret in groups of 4, for typing. */
    private static String grouped(OtpSecret secret) {
        return secret.toBase32().replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The lifetime of email and SMS codes, in words: "10 minutes". */
    public static String minutes(OtpkitProperties properties) {
        long minutes = properties.emailCode().ttl().toMinutes();
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    static boolean hasAuthority(Authentication user, String authority) {
        return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /** Whether the authentication completed the second step: the authenticator, a backup code or an email code. */
    public static boolean hasSecondFactor(Authentication user) {
        return hasAuthority(user, OtpFactors.TOTP_AUTHORITY) || hasAuthority(user, OtpFactors.EMAIL_CODE_AUTHORITY);
    }
}
