package consumer;

import dev.otpkit.core.OtpSecret;

public final class UsesApi {
    public static String newSecret() {
        return OtpSecret.generate().toBase32();
    }
}
