package dev.waagent.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Command-line options of the harness. Every figure is bounded, and the target must be a loopback address: the
 * harness only ever talks to a runtime on this machine.
 *
 * @param url                 base URL of a running local runtime (ignored with {@code startLocal}: a free port is used)
 * @param appSecret           Meta app secret the webhooks are signed with
 * @param customers           simulated customers, spread round-robin over the runtime's tenants
 * @param messagesPerCustomer messages each customer sends, one at a time (the next only after the previous reply)
 * @param rate                target webhook posts per second (open loop); 0 with {@code concurrency} for a closed loop
 * @param concurrency         closed loop: this many posts in flight, no pacing (0 = open loop)
 * @param maxInFlight         open loop: upper bound on posts in flight
 * @param warmup              first posts left out of the ack-latency figures
 * @param timeout             longest wait, from the first post, for every expected reply
 * @param replays             already-acknowledged messages posted again (same bytes, same signature) after the run
 * @param settle              how long to keep watching the outbox after the replays for extra replies
 * @param pollInterval        pause between two reads of {@code GET /local/outbox}
 * @param requestTimeout      timeout of one webhook post
 * @param postRetries         retries of a post answered non-200 or not at all (Meta retries too)
 * @param startLocal          path of {@code wa-agent-local.jar} to start as a child process, or {@code null}
 * @param startupTimeout      longest wait for the child's {@code /health}
 * @param burstWindow         {@code WA_TURN_BURST_WINDOW} given to a started runtime
 * @param localJvmArgs        JVM options for a started runtime
 * @param keepData            keep the started runtime's temporary data directory
 * @param report              where the JSON report is written
 * @param seed                seed of the shuffles and samples, so a run can be repeated
 * @param enforceBudgets      also exit non-zero when a DESIGN.md section 6 budget is missed
 */
public record HarnessOptions(
        URI url,
        String appSecret,
        int customers,
        int messagesPerCustomer,
        double rate,
        int concurrency,
        int maxInFlight,
        int warmup,
        Duration timeout,
        int replays,
        Duration settle,
        Duration pollInterval,
        Duration requestTimeout,
        int postRetries,
        Path startLocal,
        Duration startupTimeout,
        String burstWindow,
        List<String> localJvmArgs,
        boolean keepData,
        Path report,
        long seed,
        boolean enforceBudgets) {

    public static final String DEFAULT_REPORT_PROPERTY = "wa.load.default-report";

    public HarnessOptions {
        localJvmArgs = List.copyOf(localJvmArgs);
        requireRange("--customers", customers, 1, 99_999);
        requireRange("--messages-per-customer", messagesPerCustomer, 1, 1_000);
        requireRange("--concurrency", concurrency, 0, 1_024);
        requireRange("--max-in-flight", maxInFlight, 1, 1_024);
        requireRange("--warmup", warmup, 0, 1_000_000);
        requireRange("--replays", replays, 0, 10_000);
        requireRange("--post-retries", postRetries, 0, 10);
        if (rate < 0 || rate > 20_000 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("--rate must be between 0 and 20000 posts per second");
        }
        if (rate == 0 && concurrency == 0) {
            throw new IllegalArgumentException("give --rate (open loop) or --concurrency (closed loop)");
        }
        if (rate > 0 && concurrency > 0) {
            throw new IllegalArgumentException("--rate (open loop) and --concurrency (closed loop) exclude each other");
        }
        requireDuration("--timeout", timeout, Duration.ofSeconds(1), Duration.ofHours(2));
        requireDuration("--settle", settle, Duration.ZERO, Duration.ofMinutes(10));
        requireDuration("--poll-interval", pollInterval, Duration.ofMillis(10), Duration.ofSeconds(10));
        requireDuration("--request-timeout", requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(2));
        requireDuration("--startup-timeout", startupTimeout, Duration.ofSeconds(1), Duration.ofMinutes(30));
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("--app-secret must not be empty");
        }
        if (startLocal == null) {
            requireLoopback(url);
        }
    }

    /** Open loop (paced at {@link #rate}) or closed loop ({@link #concurrency} posts always in flight). */
    public boolean openLoop() {
        return concurrency == 0;
    }

    /** The bound on posts in flight, whichever the mode. */
    public int inFlightLimit() {
        return openLoop() ? maxInFlight : concurrency;
    }

    public int plannedMessages() {
        return customers * messagesPerCustomer;
    }

    public HarnessOptions withUrl(URI newUrl) {
        return new HarnessOptions(newUrl, appSecret, customers, messagesPerCustomer, rate, concurrency, maxInFlight,
                warmup, timeout, replays, settle, pollInterval, requestTimeout, postRetries, startLocal, startupTimeout,
                burstWindow, localJvmArgs, keepData, report, seed, enforceBudgets);
    }

    public static final String USAGE = """
            wa-agent load harness: signed WhatsApp webhooks from many simulated customers against the local runtime.

              --url URL                    running runtime (default http://127.0.0.1:8080; loopback only)
              --start-local JAR            start JAR (wa-agent-local.jar) on a free port with a fresh data dir and
                                           WA_TURN_BURST_WINDOW=0s, wait for /health, run, stop it
              --app-secret S               Meta app secret to sign with (default local-app-secret)
              --customers N                simulated customers (default 100)
              --messages-per-customer M    messages per customer, one outstanding at a time (default 5)
              --rate R                     open loop: webhook posts per second (default 200)
              --max-in-flight F            open loop: bound on posts in flight (default 64)
              --concurrency C              closed loop: C posts in flight, no pacing (instead of --rate)
              --warmup K                   first K posts excluded from the ack-latency figures (default 50)
              --timeout D                  longest wait for every reply, from the first post (default 120s)
              --replays N                  already-sent wamids posted again afterwards (default 20)
              --settle D                   watch for extra replies after the replays (default 3s)
              --poll-interval D            pause between outbox reads (default 200ms)
              --request-timeout D          timeout of one post (default 10s)
              --post-retries N             retries of a non-200 / failed post, same bytes (default 2)
              --startup-timeout D          --start-local: longest wait for /health (default 120s)
              --burst-window D             --start-local: WA_TURN_BURST_WINDOW (default 0s)
              --local-jvm-args "A B"       --start-local: JVM options of the runtime
              --keep-data                  --start-local: keep the temporary WA_DATA_DIR
              --report FILE                JSON report (default target/load-report.json)
              --seed N                     seed of shuffles and samples (default 42)
              --enforce-budgets            also exit 1 when a DESIGN.md section 6 budget is missed
              --help

            Durations: 250ms, 3s, 2m, or a number of seconds. Exit 0 = nothing lost, duplicated, misrouted or
            unacknowledged; 1 = something was (or a budget missed, with --enforce-budgets); 2 = usage or set-up error.
            """;

    /** @throws IllegalArgumentException with a message naming the bad option */
    public static HarnessOptions parse(String[] args) {
        Builder b = new Builder();
        Map<String, Consumer<String>> valued = Map.ofEntries(
                Map.entry("--url", v -> b.url = URI.create(stripSlash(v))),
                Map.entry("--app-secret", v -> b.appSecret = v),
                Map.entry("--customers", v -> b.customers = integer("--customers", v)),
                Map.entry("--messages-per-customer", v -> b.messagesPerCustomer = integer("--messages-per-customer", v)),
                Map.entry("--rate", v -> {
                    b.rate = number("--rate", v);
                    b.rateGiven = true;
                }),
                Map.entry("--concurrency", v -> b.concurrency = integer("--concurrency", v)),
                Map.entry("--max-in-flight", v -> b.maxInFlight = integer("--max-in-flight", v)),
                Map.entry("--warmup", v -> b.warmup = integer("--warmup", v)),
                Map.entry("--timeout", v -> b.timeout = duration("--timeout", v)),
                Map.entry("--replays", v -> b.replays = integer("--replays", v)),
                Map.entry("--settle", v -> b.settle = duration("--settle", v)),
                Map.entry("--poll-interval", v -> b.pollInterval = duration("--poll-interval", v)),
                Map.entry("--request-timeout", v -> b.requestTimeout = duration("--request-timeout", v)),
                Map.entry("--post-retries", v -> b.postRetries = integer("--post-retries", v)),
                Map.entry("--start-local", v -> b.startLocal = Path.of(v)),
                Map.entry("--startup-timeout", v -> b.startupTimeout = duration("--startup-timeout", v)),
                Map.entry("--burst-window", v -> {
                    duration("--burst-window", v);
                    b.burstWindow = v;
                }),
                Map.entry("--local-jvm-args", v -> b.localJvmArgs = v.isBlank() ? List.of()
                        : Arrays.asList(v.trim().split("\\s+"))),
                Map.entry("--report", v -> b.report = Path.of(v)),
                Map.entry("--seed", v -> b.seed = Long.parseLong(v)));
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--keep-data" -> b.keepData = true;
                case "--enforce-budgets" -> b.enforceBudgets = true;
                case "--help", "-h" -> throw new HelpRequested();
                default -> {
                    Consumer<String> setter = valued.get(name);
                    if (setter == null) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (value == null) {
                        if (i + 1 >= rest.size()) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = rest.get(++i);
                    }
                    try {
                        setter.accept(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + ": not a number: " + value, e);
                    }
                }
            }
        }
        if (b.concurrency > 0 && !b.rateGiven) {
            b.rate = 0;
        }
        return b.build();
    }

    /** Thrown by {@link #parse} for {@code --help}. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }

    /** {@code 250ms}, {@code 3s}, {@code 2m}, {@code 1h}, or a plain number of seconds. */
    static Duration duration(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return millis(Double.parseDouble(v.substring(0, v.length() - 1)) * 1_000);
            }
            if (v.endsWith("m")) {
                return millis(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000);
            }
            if (v.endsWith("h")) {
                return millis(Double.parseDouble(v.substring(0, v.length() - 1)) * 3_600_000);
            }
            return millis(Double.parseDouble(v) * 1_000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a duration: " + value + " (e.g. 250ms, 3s, 2m)", e);
        }
    }

    private static Duration millis(double ms) {
        if (ms < 0 || ms > Duration.ofDays(1).toMillis()) {
            throw new NumberFormatException("out of range");
        }
        return Duration.ofMillis(Math.round(ms));
    }

    private static int integer(String option, String value) {
        return Integer.parseInt(value.trim());
    }

    private static double number(String option, String value) {
        return Double.parseDouble(value.trim());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requireDuration(String option, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requireLoopback(URI url) {
        if (url == null || url.getHost() == null || !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("--url must be an http URL with a host, was " + url);
        }
        try {
            if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("--url must point at this machine (127.0.0.1), was " + url);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--url host does not resolve: " + url.getHost(), e);
        }
    }

    private static final class Builder {
        URI url = URI.create("http://127.0.0.1:8080");
        String appSecret = "local-app-secret";
        int customers = 100;
        int messagesPerCustomer = 5;
        double rate = 200;
        boolean rateGiven;
        int concurrency;
        int maxInFlight = 64;
        int warmup = 50;
        Duration timeout = Duration.ofSeconds(120);
        int replays = 20;
        Duration settle = Duration.ofSeconds(3);
        Duration pollInterval = Duration.ofMillis(200);
        Duration requestTimeout = Duration.ofSeconds(10);
        int postRetries = 2;
        Path startLocal;
        Duration startupTimeout = Duration.ofSeconds(120);
        String burstWindow = "0s";
        List<String> localJvmArgs = List.of();
        boolean keepData;
        Path report = Path.of(System.getProperty(DEFAULT_REPORT_PROPERTY, "target/load-report.json"));
        long seed = 42;
        boolean enforceBudgets;

        HarnessOptions build() {
            return new HarnessOptions(url, appSecret, customers, messagesPerCustomer, rate, concurrency, maxInFlight,
                    warmup, timeout, replays, settle, pollInterval, requestTimeout, postRetries, startLocal,
                    startupTimeout, burstWindow, localJvmArgs, keepData, report, seed, enforceBudgets);
        }
    }
}
