package dev.waagent.local;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.context.ContextBuilder;
import dev.waagent.domain.context.ContextSettings;
import dev.waagent.domain.context.ReplyComposer;
import dev.waagent.domain.context.TurnContext;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.knowledge.AgentConfigurations;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.TurnOutcome;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.domain.turn.TurnSettings;
import dev.waagent.domain.turn.TurnSideCalls;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.dynamodb.DynamoDbTurnMemory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.llm.TokenCounter;

import dev.waagent.domain.handoff.Handoffs;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.staff.StaffCommandStep;
import dev.waagent.domain.turn.ChannelCapabilities;
import dev.waagent.domain.turn.ReplyDelivery;
import dev.waagent.domain.turn.TypingPresence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figures of the generation half of a turn, apart from any model's time: prompt tokens per turn on a scripted
 * 20-turn conversation per demo tenant (counted with the project's token counter, tool definitions included; one
 * model call per turn), the context build time (knowledge search with query embedding, catalog match, key facts,
 * customer history; apart from any model call it makes) and the worker's whole non-LLM overhead per turn (turn time
 * minus the time of every model call the turn made).
 * Runs the local runtime in-process (in-memory DynamoDB Local, seeded H2 back office, ONNX embedder) with the model
 * a loopback server speaking OpenAI's wire format that answers at once with a realistic-length reply.
 * <p>
 * Per turn it also breaks the overhead down: every DynamoDB call (operation, caller, latency, through a recording
 * client), the Graph API calls, the wall time spent waiting on those stand-ins, the rest, and the turn thread's CPU
 * time. The customer pauses 20 s between messages on a virtual clock, so Meta's pair-rate pacing does not make
 * back-to-back turns wait (any pacing wait left is printed apart, never counted as overhead).
 * <p>
 * Model time is every provider call the turn made through the reply chain ({@link ModelCallRecorder}): the reply's
 * rounds and the intent classification of an ambiguous turn ({@code LlmIntentStage}) alike, each timed as the reply's
 * latency always was: by the provider around its HTTP call ({@code ProviderCall#modelLatency}), so the request and
 * response mapping (and any token counting in it) stays our overhead. (Until 2026-12 only the reply's own latency was
 * subtracted: with the intent LLM stage on, the classification call counted as overhead. The run prints a check: on
 * one-call turns, the recorded time against the reply's accounting, which truncates to whole milliseconds.)
 * <p>
 * Run: {@code mvn -B -o -q -pl local -am package -DskipTests && mvn -B -o -q -pl local -am test-compile &&
 * AWS_EMF_ENVIRONMENT=Local java -cp local/target/wa-agent-local.jar:local/target/test-classes
 * dev.waagent.local.ContextBenchmark 3 [provider-usage]}; {@code -Dbench.samples=<file>} also appends one CSV line per measured
 * turn (to pool several runs' percentiles).
 */
public final class ContextBenchmark {

    private static final List<String> PUNE = List.of(
            "hi", "do you have the Sony FX3?", "is it available this saturday?", "price for 2 days?",
            "my name is Ravi, I am in Baner", "do you also have the a7s3?", "what is the deposit?",
            "kya ID proof chahiye?", "what are your timings on sunday?", "can you deliver to Kothrud?",
            "which lens goes well with the FX3?", "price of fx3 for 3 days?", "book the fx3 for saturday and sunday",
            "my budget is 8000 rs", "do you have a gimbal?", "DJI RS 3 ka rate kya hai?", "can I pay by UPI?",
            "what time can I pick up on saturday?", "did you forget my question?", "ok thanks, see you saturday");
    private static final List<String> JAKARTA = List.of(
            "halo", "ada Innova Reborn 2019?", "berapa harganya?", "bisa test drive besok?",
            "nama saya Budi, saya di Bekasi", "ada Avanza juga?", "bisa kredit? DP berapa?", "jam buka hari minggu?",
            "kilometernya berapa untuk innova?", "warnanya apa?", "budget saya maksimal 300 juta", "ada yang diesel?",
            "bisa tukar tambah?", "surat-surat lengkap?", "lokasi showroom dimana?",
            "saya mau booking test drive innova sabtu", "pajaknya sudah bayar?", "ada garansi mesin?",
            "pertanyaan saya tadi belum dijawab", "oke terima kasih");
    /** A reply of typical length (about 60 tokens), so the recent turns weigh what real replies weigh. */
    private static final String REPLY = "Sure! Happy to help with that. Here is what I can tell you right now, and a team "
            + "member will confirm the details that depend on the day. Is there anything else you would like to know "
            + "before you decide, like pick-up times or what comes in the kit?";

    private ContextBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dataDir = Files.createTempDirectory("wa-context-bench");
        try (OpenAiWireStub model = new OpenAiWireStub("bench")) {
            // Without usage in the answers the client counts the prompt with the project's token counter (the prompt
            // tokens figure); that count then runs inside the turn. "provider-usage": answers carry usage, as
            // OpenAI, Groq, Gemini and Bedrock do (prompt tokens then read the stub's fixed 120).
            model.reportUsage(args.length > 1 && "provider-usage".equals(args[1]));
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "wa.turn.burst-window", "0s",
                    "wa.sqs.delivery-delay", "0s",
                    "llm.default-order", "bench",
                    "llm.providers.openai.enabled", false,
                    "llm.providers.bench.base-url", model.baseUrl().toString(),
                    "llm.providers.bench.model", "stub-model",
                    "llm.providers.bench.timeout", "5s",
                    "llm.routing.cache-ttl", "1ms",
                    // A few recent query vectors: a turn's knowledge and catalog lookups share one, but the next round
                    // of the same script does not find its texts cached (the turn pays for its query embedding).
                    "wa.knowledge.query-cache-size", 4,
                    "bench.record-dynamodb-calls", true));
            properties.put("bench.record-model-calls", true);
            LocalRuntime runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                    "bench-" + UUID.randomUUID().toString().substring(0, 8), properties, true));
            try {
                run(runtime, model, rounds);
            } finally {
                runtime.close();
            }
        }
        System.exit(0);
    }

    /** A call to a stand-in: when it started, how long it took (nanos), on which thread. */
    private record Interval(long start, long nanos, String thread) {
    }

    /** What one replied turn cost, apart from the model. */
    private record Sample(int turn, long promptTokens, long tookMicros, long modelMicros, long replyLatencyMicros,
                          List<ModelCallRecorder.Call> modelCalls, long pacedMicros, long cpuMicros,
                          List<DynamoDbCallRecorder.Call> dynamoDb, List<Interval> graph, String turnThread) {
        long overheadMicros() {
            return tookMicros - modelMicros - pacedMicros;
        }

        /** Calls × their latency (what the turn would wait if it made them one after another). */
        long dynamoDbSumMicros() {
            return dynamoDb.stream().mapToLong(DynamoDbCallRecorder.Call::nanos).sum() / 1_000;
        }

        long graphSumMicros() {
            return graph.stream().mapToLong(Interval::nanos).sum() / 1_000;
        }

        /**
         * Wall time the turn spent waiting on stand-ins: the union of the DynamoDB calls made on the turn thread or
         * beside one of its own (a store's side call) and the Graph calls made on the turn thread. Calls running while
         * the turn thread computes (a context lookup, the first read receipt) are not waited for; a wait for them
         * at the end shows as "rest".
         */
        long waitingMicros() {
            List<long[]> spans = new ArrayList<>();
            List<DynamoDbCallRecorder.Call> own = dynamoDb.stream().filter(c -> c.thread().equals(turnThread)).toList();
            own.forEach(c -> spans.add(new long[]{c.startNanos(), c.startNanos() + c.nanos()}));
            // A store's side call runs beside one of the turn thread's own calls (a context lookup, on the same pool,
            // runs beside the turn's CPU work instead, and is not waited for).
            dynamoDb.stream().filter(c -> c.thread().startsWith(TurnSideCalls.NAME) && own.stream().anyMatch(o ->
                            o.startNanos() < c.startNanos() + c.nanos() && c.startNanos() < o.startNanos() + o.nanos()))
                    .forEach(c -> spans.add(new long[]{c.startNanos(), c.startNanos() + c.nanos()}));
            graph.stream().filter(g -> g.thread().equals(turnThread))
                    .forEach(g -> spans.add(new long[]{g.start(), g.start() + g.nanos()}));
            spans.sort((a, b) -> Long.compare(a[0], b[0]));
            long total = 0;
            long end = Long.MIN_VALUE;
            for (long[] span : spans) {
                if (span[1] <= end) {
                    continue;
                }
                total += span[1] - Math.max(span[0], end);
                end = span[1];
            }
            return total / 1_000;
        }
    }

    private static void run(LocalRuntime runtime, OpenAiWireStub model, int rounds) throws InterruptedException {
        var context = runtime.context();
        ConversationStore conversations = context.getBean(ConversationStore.class);
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        // The customer waits for each reply and types the next message: the clock moves on between turns instead of
        // the pair-rate pacer making back-to-back turns wait (those waits are Meta's limit, not our overhead; any
        // that remain are counted apart).
        VirtualClock time = new VirtualClock(context.getBean(TimeSource.class));
        List<ReplyAccounting> accountings = new ArrayList<>();
        List<Long> tookMicros = new ArrayList<>();
        TurnSettings settings = new TurnSettings(Duration.ZERO, 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
        dev.waagent.domain.turn.TurnObserver observer = (tenantId, outcome, accounting, took) -> {
            if (outcome == TurnOutcome.REPLIED) {
                accountings.add(accounting);
                tookMicros.add(took.toNanos() / 1_000);
            }
        };
        TimedChannel channel = new TimedChannel(context.getBean(OutboundChannel.class));
        // As the worker wires it (WorkerFactory): staff commands and the tenant's handoff rules included.
        StaffCommandStep staff = context.getBean(StaffCommandStep.class);
        Handoffs handoffs = context.getBean(Handoffs.class);
        TurnService composed = new TurnService(tenants, conversations, context.getBean(LlmRouter.class), time, settings,
                observer, new ReplyDelivery(conversations, channel, time, settings.sendLease()), new TypingPresence(channel),
                context.getBean(ReplyComposer.class), staff, handoffs);
        // The same turns without the composer (plain prompt, no retrieval, tools or memory): the pipeline's own cost.
        TurnService plain = new TurnService(tenants, conversations, context.getBean(LlmRouter.class), time, settings,
                observer, new ReplyDelivery(conversations, channel, time, settings.sendLease()), new TypingPresence(channel),
                null, staff, handoffs);
        DynamoDbTurnMemory memory = context.getBean(DynamoDbTurnMemory.class);
        ContextBuilder builder = new ContextBuilder(context.getBean(TokenCounter.class), context.getBean(KnowledgeBase.class),
                context.getBean(CatalogLookup.class), memory, ContextSettings.defaults(), TurnSettings.defaults(),
                context.getBean(IntentRouter.class));
        AgentTools tools = new AgentTools(context.getBean(CatalogLookup.class), memory, (t, k, n) -> { });
        AgentConfigurations configurations = context.getBean(AgentConfigurations.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<DynamoDbCallRecorder.Call>> typicalTurn = new TreeMap<>();
        Map<String, List<Sample>> pooled = new TreeMap<>();

        for (TurnService turns : List.of(plain, composed)) {
        String path = turns == plain ? "plain" : "composer";
        System.out.println(turns == plain ? "== plain prompt path (baseline, no composer)" : "== with the composer");
        System.out.println("round | tenant | turns replied | prompt tokens p50 / p95 / max | non-LLM overhead p50 / p95 ms"
                + " | context build p50 / p95 ms | DynamoDB calls/turn mean (max) | DynamoDB calls x latency ms p50 / p95"
                + " | Graph calls/turn | Graph calls x latency ms p50 / p95 | waiting on stand-ins (wall) ms p50 / p95"
                + " | rest (overhead - waiting) ms p50 / p95 | turn thread CPU ms p50 / p95 | paced ms total");
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> script : new TreeMap<>(Map.of(
                    DemoTenants.PUNE_NUMBER_ID, PUNE, DemoTenants.JAKARTA_NUMBER_ID, JAKARTA)).entrySet()) {
                Tenant tenant = tenants.findByBusinessNumber("whatsapp", script.getKey()).orElseThrow();
                List<Sample> samples = new ArrayList<>();
                List<Long> buildMicros = new ArrayList<>();
                String customer = "9199" + String.format("%08d", (long) (Math.random() * 100_000_000L));
                ConversationKey key = new ConversationKey(tenant.id(), customer);
                int n = 0;
                for (String text : script.getValue()) {
                    time.advance(Duration.ofSeconds(20));
                    String id = "wamid.bench." + UUID.randomUUID();
                    Instant at = time.now();
                    conversations.recordInbound(tenant.id(), new InboundMessage("whatsapp", script.getKey(), id, customer,
                            "Bench", MessageType.TEXT, "text", text, at, null, Map.of()), at);
                    model.script(OpenAiWireStub.say(REPLY + " (" + (++n) + ")"));
                    accountings.clear();
                    tookMicros.clear();
                    DynamoDbCallRecorder.drain();
                    ModelCallRecorder.drain();
                    channel.drain();
                    long paced = time.drainSlept();
                    long cpu = threads.getCurrentThreadCpuTime();
                    turns.take(new TurnTrigger(tenant.id(), customer, id));
                    cpu = threads.getCurrentThreadCpuTime() - cpu;
                    paced = time.drainSlept();
                    List<DynamoDbCallRecorder.Call> calls = DynamoDbCallRecorder.drain();
                    List<Interval> graph = channel.drain();
                    List<ModelCallRecorder.Call> modelCalls = ModelCallRecorder.drain();
                    if (!accountings.isEmpty()) {
                        long modelMicros = modelCalls.stream().mapToLong(ModelCallRecorder.Call::nanos).sum() / 1_000;
                        samples.add(new Sample(n, accountings.get(0).promptTokens(), tookMicros.get(0), modelMicros,
                                accountings.get(0).latencyMillis() * 1_000, modelCalls, paced / 1_000, cpu / 1_000, calls,
                                graph, Thread.currentThread().getName()));
                        typicalTurn.putIfAbsent(path + " " + tenant.id() + " turn " + n + " (" + text + ")", calls);
                    }
                    // The context build alone, on the snapshot the next turn would see (its query embedding is
                    // cached by now: the turn above paid for it).
                    ConversationSnapshot snapshot = conversations.load(key, 12);
                    long started = System.nanoTime();
                    TurnContext built = builder.build(tenant, configurations.forTenant(tenant.id()), snapshot,
                            snapshot.recentMessages().stream().filter(m -> m.messageId().equals(id)).toList(), at,
                            Duration.ofSeconds(20), tools.definitions());
                    long buildModelNanos = ModelCallRecorder.drain().stream().mapToLong(ModelCallRecorder.Call::nanos).sum();
                    buildMicros.add((System.nanoTime() - started - buildModelNanos) / 1_000);
                    if (built.report().promptTokens() < 0) {
                        throw new IllegalStateException();
                    }
                }
                if (round == 0) {
                    typicalTurn.clear();
                    continue; // warm-up: JIT, model load, first-call class init
                }
                appendCsv(path, tenant.id(), samples);
                pooled.computeIfAbsent(path + " | " + tenant.id(), p -> new ArrayList<>()).addAll(samples);
                pooled.computeIfAbsent(path + " | both tenants", p -> new ArrayList<>()).addAll(samples);
                List<Long> tokens = sorted(samples, Sample::promptTokens);
                System.out.printf("%d | %s | %d | %d / %d / %d | %s | %s | %.1f (%d) | %s | %.1f | %s | %s | %s | %s | %.0f%n", round, tenant.id(),
                        samples.size(), pct(tokens, 50), pct(tokens, 95), tokens.get(tokens.size() - 1), ms(sorted(samples, Sample::overheadMicros)), ms(buildMicros.stream().sorted().toList()),
                        samples.stream().mapToInt(s -> s.dynamoDb().size()).average().orElse(0),
                        samples.stream().mapToInt(s -> s.dynamoDb().size()).max().orElse(0),
                        ms(sorted(samples, Sample::dynamoDbSumMicros)),
                        samples.stream().mapToInt(s -> s.graph().size()).average().orElse(0),
                        ms(sorted(samples, Sample::graphSumMicros)),
                        ms(sorted(samples, Sample::waitingMicros)),
                        ms(sorted(samples, s -> s.overheadMicros() - s.waitingMicros())),
                        ms(sorted(samples, Sample::cpuMicros)),
                        samples.stream().mapToLong(Sample::pacedMicros).sum() / 1000.0);
            }
        }
        }
        System.out.println("== all measured rounds pooled");
        System.out.println("path | tenant | turns | non-LLM overhead p50 / p95 / max ms | model calls/turn mean"
                + " | model ms subtracted p50 / p95 | DynamoDB calls/turn mean"
                + " | DynamoDB round trips on the turn thread mean | DynamoDB calls x latency ms p50 / p95"
                + " | waiting on stand-ins (wall) ms p50 / p95 | rest ms p50 / p95 | turn thread CPU ms p50 / p95"
                + " | first turns' overhead p50 / p95 ms (DynamoDB calls mean) | later turns' overhead p50 / p95 ms"
                + " | turns with more than one model call: count, overhead p50 / p95 ms, CPU p50 / p95 ms");
        pooled.forEach((name, samples) -> {
            List<Long> overhead = sorted(samples, Sample::overheadMicros);
            List<Sample> first = samples.stream().filter(s -> s.turn() == 1).toList();
            List<Sample> later = samples.stream().filter(s -> s.turn() > 1).toList();
            List<Sample> multi = samples.stream().filter(s -> s.modelCalls().size() > 1).toList();
            System.out.printf("%s | %d | %s / %.1f | %.2f | %s | %.2f | %.2f | %s | %s | %s | %s | %s (%.1f) | %s | %d, %s, %s%n", name, samples.size(), ms(overhead),
                    overhead.get(overhead.size() - 1) / 1000.0,
                    samples.stream().mapToInt(s -> s.modelCalls().size()).average().orElse(0),
                    ms(sorted(samples, Sample::modelMicros)),
                    samples.stream().mapToInt(s -> s.dynamoDb().size()).average().orElse(0),
                    samples.stream().mapToLong(s -> s.dynamoDb().stream().filter(c -> c.thread().equals(s.turnThread())).count())
                            .average().orElse(0),
                    ms(sorted(samples, Sample::dynamoDbSumMicros)), ms(sorted(samples, Sample::waitingMicros)),
                    ms(sorted(samples, s -> s.overheadMicros() - s.waitingMicros())), ms(sorted(samples, Sample::cpuMicros)),
                    ms(sorted(first, Sample::overheadMicros)), first.stream().mapToInt(s -> s.dynamoDb().size()).average().orElse(0),
                    ms(sorted(later, Sample::overheadMicros)), multi.size(), ms(sorted(multi, Sample::overheadMicros)),
                    ms(sorted(multi, Sample::cpuMicros)));
        });
        // The check promised in the javadoc: on turns with one model call (the reply's), the recorded time against the
        // reply's accounting (the same clock, truncated to whole milliseconds there: expect 0 to 1 ms).
        List<Sample> single = pooled.entrySet().stream().filter(e -> e.getKey().endsWith("both tenants"))
                .flatMap(e -> e.getValue().stream()).filter(s -> s.modelCalls().size() == 1).toList();
        System.out.printf("model time check: %d one-call turns, recorded minus accounted mean %.2f ms (accounting"
                        + " truncates to whole ms)%n", single.size(),
                single.stream().mapToLong(s -> s.modelMicros() - s.replyLatencyMicros()).average().orElse(0) / 1000.0);
        System.out.println("== DynamoDB calls of sample turns (operation, caller, ms)");
        typicalTurn.entrySet().stream().filter(e -> e.getKey().contains(" turn 1 ") || e.getKey().contains(" turn 2 ") || e.getKey().contains(" turn 5 ")
                        || e.getKey().contains(" turn 13 "))
                .forEach(e -> {
                    System.out.println(e.getKey() + ": " + e.getValue().size() + " calls");
                    e.getValue().forEach(call -> System.out.printf("    %-22s %-55s %6.2f %s%n", call.operation(), call.caller(),
                            call.nanos() / 1e6, call.thread()));
                });
    }

    /** With {@code -Dbench.samples=<file>}: path, tenant, turn, overhead µs, CPU µs, DynamoDB calls, of them on the turn thread, model calls. */
    private static void appendCsv(String path, String tenant, List<Sample> samples) {
        String file = System.getProperty("bench.samples");
        if (file == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Sample s : samples) {
            lines.append(path).append(',').append(tenant).append(',').append(s.turn()).append(',')
                    .append(s.overheadMicros()).append(',').append(s.cpuMicros()).append(',').append(s.dynamoDb().size())
                    .append(',').append(s.dynamoDb().stream().filter(c -> c.thread().equals(s.turnThread())).count())
                    .append(',').append(s.modelCalls().size()).append('\n');
        }
        try {
            Files.writeString(Path.of(file), lines, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Long> sorted(List<Sample> samples, java.util.function.ToLongFunction<Sample> value) {
        return samples.stream().map(value::applyAsLong).sorted().toList();
    }

    private static String ms(List<Long> sortedMicros) {
        return String.format("%.1f / %.1f", pct(sortedMicros, 50) / 1000.0, pct(sortedMicros, 95) / 1000.0);
    }

    /** The system clock plus an offset: {@link #advance} and sleeps move it without waiting. Sleeps are tallied. */
    private static final class VirtualClock implements TimeSource {
        private final TimeSource real;
        private final AtomicLong offsetNanos = new AtomicLong();
        private final AtomicLong sleptNanos = new AtomicLong();

        VirtualClock(TimeSource real) {
            this.real = real;
        }

        @Override
        public Instant now() {
            return real.now().plusNanos(offsetNanos.get());
        }

        @Override
        public void sleep(Duration duration) {
            if (!duration.isNegative()) {
                offsetNanos.addAndGet(duration.toNanos());
                sleptNanos.addAndGet(duration.toNanos());
            }
        }

        void advance(Duration duration) {
            offsetNanos.addAndGet(duration.toNanos());
        }

        long drainSlept() {
            return sleptNanos.getAndSet(0);
        }
    }

    /** The Graph API client with its calls timed. */
    private static final class TimedChannel implements OutboundChannel {
        private final OutboundChannel delegate;
        private final List<Interval> calls = new ArrayList<>();

        TimedChannel(OutboundChannel delegate) {
            this.delegate = delegate;
        }

        private <T> T timed(java.util.function.Supplier<T> call) {
            long started = System.nanoTime();
            try {
                return call.get();
            } finally {
                synchronized (calls) {
                    calls.add(new Interval(started, System.nanoTime() - started, Thread.currentThread().getName()));
                }
            }
        }

        @Override
        public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
            return timed(() -> delegate.sendText(tenant, customerId, text, replyToMessageId));
        }

        @Override
        public void markRead(Tenant tenant, String messageId, boolean showTyping) {
            timed(() -> {
                delegate.markRead(tenant, messageId, showTyping);
                return null;
            });
        }

        @Override
        public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
            return timed(() -> delegate.sendReply(tenant, customerId, part, replyToMessageId));
        }

        @Override
        public ChannelCapabilities capabilities(Tenant tenant) {
            return delegate.capabilities(tenant);
        }

        /** The calls since the last drain. */
        List<Interval> drain() {
            synchronized (calls) {
                List<Interval> copy = List.copyOf(calls);
                calls.clear();
                return copy;
            }
        }
    }

    private static long pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
