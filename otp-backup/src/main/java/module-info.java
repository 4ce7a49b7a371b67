/** otpkit's backup module; see the package documentation. */
module dev.otpkit.backup {
    requires dev.otpkit.core;
}
