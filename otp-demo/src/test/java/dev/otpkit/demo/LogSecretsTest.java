package dev.otpkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Nothing secret reaches the log at the default levels: one person signs up, enrols, signs in
 * with a TOTP code, a backup code and an email code, changes the email with an SMS code; then
 * every secret value used (password, TOTP secret, otpauth URI, codes, backup codes) is looked for
 * in everything the application wrote to stdout and stderr.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogSecretsTest extends DemoFlows {
    @Test
    void logsNoPasswordSecretOrCode(CapturedOutput output) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, "otpauth://"));
        Enrolled account = enrolled(visitor());
        secrets.add(account.secret().toBase32());
        secrets.addAll(account.backupCodes());
        account.backupCodes().forEach(code -> secrets.add(code.replace("-", "")));

        Visitor totp = againWithPassword(account);
        String code = code(account.secret());
        secrets.add(code);
        totp.post("/login/totp", "code", code);
        totp.post("/account/email/code", "new_email", "later@example.test");
        secrets.add(newestSmsCode());
        totp.post("/account/email", "code", secrets.get(secrets.size() - 1));

        Visitor email = againWithPassword(account);
        email.post("/login/email-code/send");
        secrets.add(newestMailedCode("later@example.test"));
        email.post("/login/email-code", "code", secrets.get(secrets.size() - 1));
        againWithPassword(account).post("/login/totp", "backup_code", account.backupCodes().get(1));
        againWithPassword(account).post("/login/totp", "code", "000000");

        String control = "control-" + account.secret().toBase32().substring(0, 8);
        LogFactory.getLog(LogSecretsTest.class).info("a deliberately logged value: " + control);
        assertThat(output.getOut()).contains(control);   // the scan sees what the application logs
        for (String secret : secrets) {
            assertThat(Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])")
                    .matcher(output.getAll()).find()).as("a secret value in the log").isFalse();
        }
    }
}
