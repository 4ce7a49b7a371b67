/** otpkit's bench module; see the package documentation. */
module dev.otpkit.bench {
    requires dev.otpkit.core;
}
