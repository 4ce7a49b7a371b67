package dev.otpkit.spring;

/** The URLs an {@link OtpLoginConfigurer} ends up with. */
record Urls(String codePage, String codeProcessing, String emailPage, String emailProcessing, String emailSend,
        String enrollPage, String enrollConfirm, String afterEnroll) {
}
