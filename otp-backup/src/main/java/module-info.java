/**
 * otpkit backup codes: single-use recovery codes stored only as Argon2id hashes (computed by
 * BouncyCastle). Only {@code dev.otpkit.backup} is exported.
 */
module dev.otpkit.backup {
    requires transitive dev.otpkit.core;
    requires org.bouncycastle.provider;

    exports dev.otpkit.backup;
}
