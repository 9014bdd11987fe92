package dev.waagent.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Entry point: {@code java -jar load-harness/target/wa-agent-load-harness.jar [options]} or
 * {@code mvn -q -pl load-harness exec:java -Dexec.args="[options]"}. See {@link HarnessOptions#USAGE} and the module
 * README. Exit 0 when nothing was lost, duplicated, misrouted or unacknowledged; 1 otherwise; 2 on a usage or set-up
 * error.
 */
public final class LoadHarness {

    public static final int EXIT_PASS = 0;
    public static final int EXIT_FAIL = 1;
    public static final int EXIT_ERROR = 2;

    private LoadHarness() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** Everything but {@link System#exit}, for callers that embed the harness. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (HarnessOptions.HelpRequested e) {
            out.print(HarnessOptions.USAGE);
            return EXIT_PASS;
        } catch (IllegalArgumentException e) {
            err.println("load harness: " + e.getMessage());
            err.println();
            err.print(HarnessOptions.USAGE);
            return EXIT_ERROR;
        }
        try {
            LoadReport report = options.startLocal() == null ? againstRunning(options, err) : withStartedRuntime(options, err);
            out.println();
            out.print(report.render());
            report.write(options.report());
            out.println("report written to " + options.report().toAbsolutePath());
            return report.passed() ? EXIT_PASS : EXIT_FAIL;
        } catch (IOException | IllegalStateException e) {
            err.println("load harness: " + e.getMessage());
            return EXIT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("load harness: interrupted");
            return EXIT_ERROR;
        }
    }

    private static LoadReport againstRunning(HarnessOptions options, PrintStream err)
            throws IOException, InterruptedException {
        RuntimeClient client = new RuntimeClient(options.url(), options.requestTimeout());
        if (!client.healthy()) {
            throw new IOException("GET " + options.url() + "/health did not answer 200: is the runtime up? "
                    + "(java -jar local/target/wa-agent-local.jar, or use --start-local)");
        }
        err.printf("[load] against %s (burst window as configured there)%n", options.url());
        return new LoadRun(options, client, "external runtime at " + options.url()
                + " (burst window as configured there)", () -> true, err).run();
    }

    private static LoadReport withStartedRuntime(HarnessOptions options, PrintStream err)
            throws IOException, InterruptedException {
        Path reportDir = options.report().toAbsolutePath().getParent();
        Path log = (reportDir == null ? Path.of(".") : reportDir).resolve("local-runtime.log");
        err.printf("[load] starting %s (log: %s)%n", options.startLocal(), log);
        long start = System.nanoTime();
        try (LocalRuntimeProcess runtime = LocalRuntimeProcess.start(options.startLocal(), options, log)) {
            Duration startup = Duration.ofNanos(System.nanoTime() - start);
            err.printf("[load] runtime healthy at %s after %.1f s (WA_DATA_DIR %s)%n", runtime.url(),
                    startup.toMillis() / 1000.0, runtime.dataDir());
            HarnessOptions bound = options.withUrl(runtime.url());
            RuntimeClient client = new RuntimeClient(runtime.url(), options.requestTimeout());
            String description = String.format(java.util.Locale.ROOT,
                    "started by the harness: %s, WA_TURN_BURST_WINDOW=%s, fresh WA_DATA_DIR, no LLM key (local responder), "
                            + "healthy after %.1f s, log %s",
                    options.startLocal(), options.burstWindow(), startup.toMillis() / 1000.0, log);
            LoadReport report = new LoadRun(bound, client, description, runtime::alive, err).run();
            err.println("[load] stopping the runtime");
            runtime.close();
            if (runtime.killed()) {
                err.printf("[load] the runtime did not stop within %d s of SIGTERM and was killed%n",
                        LocalRuntimeProcess.GRACE.toSeconds());
            }
            return report;
        }
    }
}
