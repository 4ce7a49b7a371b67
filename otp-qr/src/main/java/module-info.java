/** otpkit's qr module; see the package documentation. */
module dev.otpkit.qr {
    requires dev.otpkit.core;
}
