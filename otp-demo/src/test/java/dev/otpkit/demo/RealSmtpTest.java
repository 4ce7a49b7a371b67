package dev.otpkit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code spring.mail.host} set, mail goes there: no embedded server, no mailbox page. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=2525"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RealSmtpTest {
    @TempDir
    static Path dataDir;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("otp-demo.data-dir", () -> dataDir.toString());
    }

    @Test
    void startsNoEmbeddedSmtpServerAndHasNoMailbox() throws Exception {
        assertThat(context.getBeanProvider(GreenMail.class).getIfAvailable()).isNull();
        assertThat(mvc.perform(get("/dev/mailbox")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/dev/phone")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void madeTheDevelopmentKeysInTheDataDirectory() {
        assertThat(dataDir.resolve("keys.properties")).exists();
        assertThat(dataDir.resolve("otp-demo.mv.db")).exists();
    }
}
