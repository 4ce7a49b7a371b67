package dev.otpkit.bench;

import dev.otpkit.core.OtpAuthUri;
import dev.otpkit.core.OtpSecret;
import dev.otpkit.qr.QrCode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** How long an enrolment QR code takes: encoding the URI into a symbol, and each rendering. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QrCodeBenchmark {
    private OtpAuthUri uri;
    private QrCode qr;

    /** Builds a typical enrolment URI and its symbol. */
    @Setup
    public void setUp() {
        uri = OtpAuthUri.builder()
                .secret(OtpSecret.fromBytes(Scenario.SECRET))
                .issuer("Example Bank")
                .account("alice@example.com")
                .build();
        qr = QrCode.from(uri);
    }

    /** Made by JMH, once per trial (or per thread, for thread-scoped state). */
    public QrCodeBenchmark() {
    }

    /**
     * Encodes the URI and renders the PNG, as an enrolment page does.
     *
     * @return the PNG bytes
     */
    @Benchmark
    public byte[] encodeAndPng() {
        return QrCode.from(uri).png();
    }

    /**
     * Renders the PNG of a symbol already encoded.
     *
     * @return the PNG bytes
     */
    @Benchmark
    public byte[] png() {
        return qr.png();
    }

    /**
     * Renders the SVG of a symbol already encoded.
     *
     * @return the SVG text
     */
    @Benchmark
    public String svg() {
        return qr.svg();
    }
}
