/** A small application that signs users in with otpkit; it reads only otpkit's exported API. */
module dev.otpkit.examples {
    requires dev.otpkit.core;
    requires dev.otpkit.qr;
    requires dev.otpkit.backup;
}
