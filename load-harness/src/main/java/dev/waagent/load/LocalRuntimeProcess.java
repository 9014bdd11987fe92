package dev.waagent.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local runtime started as a child process for one benchmark: a free port on 127.0.0.1, a fresh temporary
 * {@code WA_DATA_DIR}, the given burst window, and no LLM key (so the in-process 0 ms responder answers). Closing it
 * stops the process (and only it and its own children) and deletes the data directory.
 */
public final class LocalRuntimeProcess implements AutoCloseable {

    /** Environment variables that would select a real LLM provider; removed so the stub responder answers. */
    private static final List<String> LLM_ENV_PREFIXES = List.of("OPENAI_", "GROQ_", "GEMINI_", "ANTHROPIC_", "DEEPSEEK_",
            "TOGETHER_", "OLLAMA_", "BEDROCK_", "WA_LLM_");

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI url;
    private final boolean keepData;
    private final Thread shutdownHook;
    private boolean closed;
    private volatile boolean killed;

    /** How long the runtime gets to stop on SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private LocalRuntimeProcess(Process process, Path dataDir, Path log, URI url, boolean keepData) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.url = url;
        this.keepData = keepData;
        this.shutdownHook = new Thread(this::stop, "load-stop-local-runtime");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the jar and waits for {@code GET /health} to answer 200.
     *
     * @param log where the child's output goes (kept after the run, beside the report)
     * @throws IOException when the jar is missing, the process exits, or health does not come up in time
     */
    public static LocalRuntimeProcess start(Path jar, HarnessOptions options, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no runtime jar at " + jar.toAbsolutePath()
                    + " (build it with: mvn -q -pl local -am package -DskipTests)");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("wa-agent-load-");
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.localJvmArgs());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> LLM_ENV_PREFIXES.stream().anyMatch(name::startsWith) || name.endsWith("_API_KEY"));
        env.put("PORT", Integer.toString(port));
        env.put("WA_DATA_DIR", dataDir.toString());
        env.put("WA_TURN_BURST_WINDOW", options.burstWindow());
        // Disk-backed DynamoDB Local (SQLite behind one thread) would measure the laptop's disk, not the pipeline.
        env.put("WA_DYNAMODB_IN_MEMORY", "true");
        env.put("WA_META_APP_SECRET", options.appSecret());
        env.putIfAbsent("AWS_EMF_ENVIRONMENT", "Local");
        env.putIfAbsent("AWS_REGION", "us-east-1");

        URI url = URI.create("http://127.0.0.1:" + port);
        LocalRuntimeProcess runtime = new LocalRuntimeProcess(builder.start(), dataDir, log, url, options.keepData());
        try {
            runtime.awaitHealthy(options.startupTimeout());
        } catch (IOException | InterruptedException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    public URI url() {
        return url;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        RuntimeClient probe = new RuntimeClient(url, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the runtime exited with code " + process.exitValue() + " before /health answered; "
                        + "last lines of " + log + ":\n" + tail(log, 30));
            }
            if (probe.healthy()) {
                return;
            }
            if (mainThreadDied()) {
                throw new IOException("the runtime's main thread died during start-up (the process lingers on its other "
                        + "threads); last lines of " + log + ":\n" + tail(log, 30));
            }
            Thread.sleep(250);
        }
        throw new IOException("GET " + url + "/health did not answer 200 within " + timeout.toSeconds() + "s; last lines of "
                + log + ":\n" + tail(log, 30));
    }

    /** An uncaught exception in {@code main}: start-up failed even if non-daemon threads keep the JVM up. */
    private boolean mainThreadDied() {
        try {
            long size = Files.size(log);
            if (size == logSizeChecked) {
                return false;
            }
            logSizeChecked = size;
            return Files.readString(log, StandardCharsets.ISO_8859_1).contains("Exception in thread \"main\"");
        } catch (IOException e) {
            return false;
        }
    }

    private long logSizeChecked = -1;

    /** Stops the runtime (idempotent). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs stop() again, which is harmless.
        }
    }

    /** Whether the runtime ignored SIGTERM for {@link #GRACE} and had to be killed. */
    public boolean killed() {
        return killed;
    }

    private synchronized void stop() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    killed = true;
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        if (!keepData) {
            deleteRecursively(dataDir);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: a temp directory left behind is not worth failing the report for.
                }
            });
        } catch (IOException e) {
            // Same.
        }
    }
}
