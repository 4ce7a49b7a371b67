package consumer;

import dev.otpkit.core.internal.Base32;

public final class ReachesIntoInternal {
    public static String encode(byte[] bytes) {
        return Base32.encode(bytes);
    }
}
