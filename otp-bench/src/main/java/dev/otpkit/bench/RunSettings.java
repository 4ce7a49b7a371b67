package dev.otpkit.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The command-line settings every comparison program shares: {@code --quick} for one fork and
 * short iterations (a smoke run, wide errors) and {@code --log FILE} for where JMH's own logs go
 * (one file per JMH run, its name made from {@code FILE}).
 *
 * @param quick whether to run short
 * @param log the log file name the runs' log files are named after
 * @param rest the arguments that are not shared settings, in their order
 */
record RunSettings(boolean quick, String log, List<String> rest) {
    /**
     * Reads the shared settings from a program's arguments.
     *
     * @param args the arguments
     * @param defaultLog the log file when {@code --log} is not given
     * @return the settings, with the arguments that are not theirs (a {@code --log} without its
     *     file among them) in {@link #rest()}
     */
    static RunSettings parse(String[] args, String defaultLog) {
        boolean quick = false;
        String log = defaultLog;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--log") && i + 1 < args.length) {
                log = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        return new RunSettings(quick, log, List.copyOf(rest));
    }

    /**
     * Says where JMH's logs go: one file per run, named after the log file given.
     *
     * @return a file name pattern, such as {@code compare-jmh-*.log}
     */
    String logs() {
        return logOf("*");
    }

    /**
     * Starts JMH options with the run's log file, and for a quick run one fork and short
     * iterations. Each run has its log file because JMH empties the file it logs to.
     *
     * @param run names the run in its log file's name
     * @return options to add the benchmarks to
     */
    ChainedOptionsBuilder options(String run) {
        ChainedOptionsBuilder options = new OptionsBuilder().output(logOf(run));
        if (quick) {
            options.forks(1).warmupIterations(2).measurementIterations(3)
                    .warmupTime(TimeValue.milliseconds(500)).measurementTime(TimeValue.milliseconds(500));
        }
        return options;
    }

    private String logOf(String run) {
        int dot = log.lastIndexOf('.');
        return dot > log.lastIndexOf('/') && dot > 0 ? log.substring(0, dot) + "-" + run + log.substring(dot)
                : log + "-" + run;
    }
}
