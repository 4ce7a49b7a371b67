package dev.otpkit.spring;

/** The URLs an {@link OtpLoginConfigurer} ends up with; {@code backupCodesPage} is null for the generated one. */
record Urls(String codePage, String codeProcessing, String emailPage, String emailProcessing, String emailSend,
        String enrollPage, String enrollConfirm, String afterEnroll, String backupCodesPage) {
}
