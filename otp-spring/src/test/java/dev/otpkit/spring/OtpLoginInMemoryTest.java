package dev.otpkit.spring;

import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;

/** The sign-in flows with every store in memory. */
@SpringJUnitWebConfig({TestApp.class, TestApp.InMemory.class})
class OtpLoginInMemoryTest extends OtpLoginFlows {
}
