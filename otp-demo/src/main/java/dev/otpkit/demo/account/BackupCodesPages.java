package dev.otpkit.demo.account;

import dev.otpkit.backup.BackupCodes;
import dev.otpkit.spring.OtpLoginConfigurer;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Backup codes, shown once: a new set (after an enrolment, or asked for) waits in the session
 * until the user says it is saved; the page and the download read it from there, and nothing
 * else keeps the codes (the database holds only their Argon2id hashes).
 */
@Controller
class BackupCodesPages {
    private static final String CODES = OtpLoginConfigurer.BACKUP_CODES_ATTRIBUTE;

    private final BackupCodes backupCodes;
    private final SecurityEvents events;

    BackupCodesPages(BackupCodes backupCodes, SecurityEvents events) {
        this.backupCodes = backupCodes;
        this.events = events;
    }

    @GetMapping("/account/backup-codes")
    String page(HttpSession session, Model model) {
        model.addAttribute("codes", codes(session));
        return "backup-codes";
    }

    @GetMapping("/account/backup-codes/download")
    ResponseEntity<String> download(Authentication user, HttpSession session) {
        List<String> codes = codes(session);
        if (codes == null) {
            return ResponseEntity.notFound().build();
        }
        String text = "otpkit demo backup codes for " + user.getName() + "\n\n" + String.join("\n", codes) + "\n";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("otp-demo-backup-codes.txt").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(text);
    }

    @PostMapping("/account/backup-codes/done")
    String done(HttpSession session) {
        session.removeAttribute(CODES);
        return "redirect:/account";
    }

    @PostMapping("/account/backup-codes/new")
    String renew(Authentication user, HttpSession session) {
        session.setAttribute(CODES, List.copyOf(backupCodes.generate(user.getName()).codes()));
        events.record(user.getName(), SecurityEvents.BACKUP_CODES_RENEWED);
        return "redirect:/account/backup-codes";
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(HttpSession session) {
        Object codes = session.getAttribute(CODES);
        return codes instanceof List<?> list && !list.isEmpty() ? (List<String>) list : null;
    }
}
