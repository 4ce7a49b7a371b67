/** otpkit's cli module; see the package documentation. */
module dev.otpkit.cli {
    requires dev.otpkit.core;
    requires dev.otpkit.backup;
}
