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
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.dynamodb.DynamoDbTurnMemory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.llm.TokenCounter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figures of the generation half of a turn, apart from any model's time: prompt tokens per turn on a scripted
 * 20-turn conversation per demo tenant (counted with the project's token counter, tool definitions included; one
 * model call per turn), the context build time (knowledge search with query embedding, catalog match, key facts,
 * customer history) and the worker's whole non-LLM overhead per turn (turn time minus the model call's latency).
 * Runs the local runtime in-process (in-memory DynamoDB Local, seeded H2 back office, ONNX embedder) with the model
 * a loopback server speaking OpenAI's wire format that answers at once with a realistic-length reply.
 * <p>
 * Run (after {@code mvn -B -o -q -pl local -am test-compile}): see the report of issue 5 for the classpath command.
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
            model.reportUsage(false);
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "wa.turn.burst-window", "0s",
                    "wa.sqs.delivery-delay", "0s",
                    "llm.default-order", "bench",
                    "llm.providers.openai.enabled", false,
                    "llm.providers.bench.base-url", model.baseUrl().toString(),
                    "llm.providers.bench.model", "stub-model",
                    "llm.providers.bench.timeout", "5s",
                    "llm.routing.cache-ttl", "1ms"));
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

    private static void run(LocalRuntime runtime, OpenAiWireStub model, int rounds) throws InterruptedException {
        var context = runtime.context();
        ConversationStore conversations = context.getBean(ConversationStore.class);
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        TimeSource time = context.getBean(TimeSource.class);
        List<ReplyAccounting> accountings = new ArrayList<>();
        List<Long> tookMicros = new ArrayList<>();
        TurnSettings settings = new TurnSettings(Duration.ZERO, 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
        dev.waagent.domain.turn.TurnObserver observer = (tenantId, outcome, accounting, took) -> {
            if (outcome == TurnOutcome.REPLIED) {
                accountings.add(accounting);
                tookMicros.add(took.toNanos() / 1_000);
            }
        };
        TurnService composed = new TurnService(tenants, conversations, context.getBean(LlmRouter.class),
                context.getBean(OutboundChannel.class), time, settings, observer, context.getBean(ReplyComposer.class));
        // The same turns without the composer (plain prompt, no retrieval, tools or memory): the pipeline's own cost.
        TurnService plain = new TurnService(tenants, conversations, context.getBean(LlmRouter.class),
                context.getBean(OutboundChannel.class), time, settings, observer, null);
        DynamoDbTurnMemory memory = context.getBean(DynamoDbTurnMemory.class);
        ContextBuilder builder = new ContextBuilder(context.getBean(TokenCounter.class), context.getBean(KnowledgeBase.class),
                context.getBean(CatalogLookup.class), memory, ContextSettings.defaults(), TurnSettings.defaults(),
                context.getBean(IntentRouter.class));
        AgentTools tools = new AgentTools(context.getBean(CatalogLookup.class), memory, (t, k, n) -> { });
        AgentConfigurations configurations = context.getBean(AgentConfigurations.class);

        for (TurnService turns : List.of(plain, composed)) {
        System.out.println(turns == plain ? "== plain prompt path (baseline, no composer)" : "== with the composer");
        System.out.println("round | tenant | turns replied | prompt tokens p50 / p95 / max | non-LLM overhead p50 / p95 ms | context build p50 / p95 ms");
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> script : Map.of(
                    DemoTenants.PUNE_NUMBER_ID, PUNE, DemoTenants.JAKARTA_NUMBER_ID, JAKARTA).entrySet()) {
                Tenant tenant = tenants.findByBusinessNumber("whatsapp", script.getKey()).orElseThrow();
                accountings.clear();
                tookMicros.clear();
                List<Long> buildMicros = new ArrayList<>();
                String customer = "9199" + String.format("%08d", (long) (Math.random() * 100_000_000L));
                ConversationKey key = new ConversationKey(tenant.id(), customer);
                int n = 0;
                for (String text : script.getValue()) {
                    String id = "wamid.bench." + UUID.randomUUID();
                    Instant at = time.now();
                    conversations.recordInbound(tenant.id(), new InboundMessage("whatsapp", script.getKey(), id, customer,
                            "Bench", MessageType.TEXT, "text", text, at, null, Map.of()), at);
                    // The context build alone, on the same snapshot the turn will see (embedding included).
                    ConversationSnapshot snapshot = conversations.load(key, 12);
                    long started = System.nanoTime();
                    TurnContext built = builder.build(tenant, configurations.forTenant(tenant.id()), snapshot,
                            snapshot.unansweredInbound(), at, Duration.ofSeconds(20), tools.definitions());
                    buildMicros.add((System.nanoTime() - started) / 1_000);
                    if (built.report().promptTokens() < 0) {
                        throw new IllegalStateException();
                    }
                    model.script(OpenAiWireStub.say(REPLY + " (" + (++n) + ")"));
                    turns.take(new TurnTrigger(tenant.id(), customer, id));
                }
                if (round == 0) {
                    continue; // warm-up: JIT, model load, first-call class init
                }
                List<Long> tokens = accountings.stream().map(a -> (long) a.promptTokens()).sorted().toList();
                List<Long> overhead = new ArrayList<>();
                for (int i = 0; i < accountings.size(); i++) {
                    overhead.add(tookMicros.get(i) - accountings.get(i).latencyMillis() * 1_000);
                }
                overhead.sort(Long::compare);
                List<Long> builds = buildMicros.stream().sorted().toList();
                System.out.printf("%d | %s | %d | %d / %d / %d | %.1f / %.1f | %.1f / %.1f%n", round, tenant.id(),
                        accountings.size(), pct(tokens, 50), pct(tokens, 95), tokens.get(tokens.size() - 1),
                        pct(overhead, 50) / 1000.0, pct(overhead, 95) / 1000.0, pct(builds, 50) / 1000.0, pct(builds, 95) / 1000.0);
            }
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
