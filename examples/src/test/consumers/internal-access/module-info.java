module consumer {
    requires dev.otpkit.core;
}
