package dev.waagent.local;

import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.routing.RouteReport;
import dev.waagent.domain.llm.routing.TurnComplexity;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.RepairKind;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.ReplyDraft;
import dev.waagent.domain.reply.ReplyOption;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ReplyDelivery;
import dev.waagent.domain.turn.ReplyGenerator;
import dev.waagent.domain.turn.TurnObserver;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.domain.turn.TurnSettings;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.domain.turn.TypingPresence;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.whatsapp.GraphApiClient;
import dev.waagent.whatsapp.GraphApiSettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Figures for the sending half, apart from the tests: every model reply of the scenario set goes through the real
 * pipeline (turn service or, for drafts with options or a card, the delivery's compose entry point → DynamoDB Local →
 * Graph API client → the local Graph stand-in's schema check). Prints how many needed repair (by kind), how many parts
 * and requests went out, and how many requests the stand-in refused (goal 0).
 * Not part of the test suite (the name matches no surefire pattern); run it on its own, through surefire so the
 * reactor's modules are on the class path (exec:java cannot resolve them offline without an install):
 * <pre>
 * mvn -B -o -pl local -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ReplyPipelineFigures test
 * </pre>
 * The figures are printed and written to {@code local/target/reply-pipeline-figures.txt}.
 */
public class ReplyPipelineFigures {

    @Test
    void printFigures() throws Exception {
        Path out = Path.of("target", "reply-pipeline-figures.txt");
        String figures = run(Path.of("../core/whatsapp/src/test/resources/reply-scenarios/model-replies.txt"));
        Files.writeString(out, figures, StandardCharsets.UTF_8);
        System.out.println(figures);
    }

    public static void main(String[] args) throws Exception {
        System.out.println(run(Path.of(args.length > 0 ? args[0] : "../core/whatsapp/src/test/resources/reply-scenarios/model-replies.txt")));
        System.exit(0);
    }

    static String run(Path file) throws Exception {
        StringBuilder report = new StringBuilder();
        List<Scenario> scenarios = load(Files.readString(file, StandardCharsets.UTF_8));
        Path data = Files.createTempDirectory("reply-figures");
        try (LocalRuntime runtime = LocalRuntime.start(new LocalOptions(0, data, EmbeddedDynamoDb.shared().endpoint(),
                "figures-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", "figures-secret",
                "wa.secrets.meta-verify-token", "token",
                "llm.providers.openai.enabled", false)))) {
            ConversationStore store = runtime.context().getBean(ConversationStore.class);
            GraphApiStandIn standIn = runtime.context().getBean(GraphApiStandIn.class);
            ReplyDeliveryScenariosTest.ManualClock clock = new ReplyDeliveryScenariosTest.ManualClock(
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            GraphApiSettings graph = GraphApiSettings.defaults().withBaseUrl(runtime.baseUri().resolve("/graph"));
            OutboundChannel channel = new GraphApiClient(graph, GraphApiClient.newHttpClient(graph),
                    reference -> Optional.of(LocalOptions.DEFAULT_ACCESS_TOKEN), clock, () -> 0.0);
            for (boolean rich : new boolean[]{true, false}) {
                Tenant tenant = DemoTenants.TENANTS.get(0).withRichMessages(rich);
                ReplyDelivery delivery = new ReplyDelivery(store, channel, clock, Duration.ofSeconds(60));
                long refusedBefore = standIn.refusedRequests();
                int repaired = 0;
                int parts = 0;
                int failedTurns = 0;
                Map<RepairKind, Integer> kinds = new TreeMap<>();
                for (Scenario scenario : scenarios) {
                    String customer = PipelineDriver.customer();
                    String wamid = PipelineDriver.wamid();
                    store.recordInbound(tenant.id(), new InboundMessage("whatsapp", tenant.businessNumberId(), wamid, customer,
                            "Ravi", MessageType.TEXT, "text", "question " + scenario.id(), clock.now(), null, Map.of()), clock.now());
                    clock.advance(Duration.ofSeconds(1));
                    RepairResult composed = delivery.compose(tenant, scenario.draft());
                    if (composed.repaired()) {
                        repaired++;
                        composed.repairs().forEach(kind -> kinds.merge(kind, 1, Integer::sum));
                    }
                    parts += composed.parts().size();
                    try {
                        if (scenario.draft().options().isEmpty() && scenario.draft().card() == null) {
                            turnService(store, channel, clock, tenant, delivery, scenario.draft().text())
                                    .take(new TurnTrigger(tenant.id(), customer, wamid));
                        } else {
                            ConversationSnapshot snapshot = store.load(new ConversationKey(tenant.id(), customer), 12);
                            delivery.deliver(tenant, snapshot, UUID.randomUUID().toString(), snapshot.unansweredInbound(),
                                    composed, ReplyAccounting.NONE);
                        }
                    } catch (RuntimeException e) {
                        failedTurns++;
                        report.append("  ").append(scenario.id()).append(" failed: ").append(e).append('\n');
                    }
                    clock.advance(Duration.ofMinutes(1));
                }
                report.append(String.format("rich messages %s: %d model replies, needed repair %d (%.0f %%), parts %d, failed turns %d,"
                                + " requests refused by the stand-in %d%n  repairs by kind: %s%n",
                        rich ? "allowed" : "off (text only)", scenarios.size(), repaired, 100.0 * repaired / scenarios.size(),
                        parts, failedTurns, standIn.refusedRequests() - refusedBefore, kinds));
            }
            long accepted = runtime.context().getBean(LocalOutbox.class).entries().stream().filter(e -> e.status() == 200).count();
            report.append(String.format("requests accepted by the stand-in (sends + read receipts): %d; refused in total: %d%n",
                    accepted, standIn.refusedRequests()));
        }
        return report.toString();
    }

    private static TurnService turnService(ConversationStore store, OutboundChannel channel,
                                           ReplyDeliveryScenariosTest.ManualClock clock, Tenant tenant,
                                           ReplyDelivery delivery, String text) {
        ReplyGenerator generator = (t, request) -> new ReplyGenerator.GeneratedReply(
                new LlmResponse("stub", "stub-model", text, List.of(), new TokenUsage(10, 10, false), Duration.ofMillis(5), false),
                0, new RouteReport(TurnComplexity.SIMPLE, List.of("stub:OK"), false, BigDecimal.ZERO));
        TurnSettings settings = new TurnSettings(Duration.ZERO, 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
        return new TurnService(new ReplyDeliveryScenariosTest.FixedTenants(tenant), store, generator, clock, settings,
                TurnObserver.NONE, delivery, new TypingPresence(channel, Duration.ofSeconds(20), 0));
    }

    record Scenario(String id, ReplyDraft draft) {
    }

    /** {@code === id tenant [options=a|b::description] [card=url|title]} headers, the text following each. */
    static List<Scenario> load(String all) {
        List<Scenario> scenarios = new ArrayList<>();
        String header = null;
        StringBuilder text = new StringBuilder();
        for (String line : all.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (header != null) {
                    scenarios.add(scenario(header, text.toString()));
                }
                header = line.substring(4);
                text.setLength(0);
            } else if (header != null) {
                text.append(line).append('\n');
            }
        }
        if (header != null) {
            scenarios.add(scenario(header, text.toString()));
        }
        return scenarios;
    }

    private static Scenario scenario(String header, String text) {
        String id = header.split(" ")[0];
        List<ReplyOption> options = new ArrayList<>();
        ReplyDraft.CardItem card = null;
        String optionList = attribute(header, "options=");
        if (optionList != null) {
            int n = 0;
            for (String option : optionList.split("\\|")) {
                String[] parts = option.split("::", 2);
                options.add(new ReplyOption("opt-" + (++n), parts[0], parts.length > 1 ? parts[1] : null));
            }
        }
        String cardValue = attribute(header, "card=");
        if (cardValue != null) {
            String[] parts = cardValue.split("\\|", 2);
            card = new ReplyDraft.CardItem(parts.length > 1 ? parts[1] : null, MediaRef.link(parts[0]));
        }
        return new Scenario(id, new ReplyDraft(text.strip(), options, card));
    }

    private static String attribute(String header, String key) {
        int start = header.indexOf(" " + key);
        if (start < 0) {
            return null;
        }
        start += key.length() + 1;
        int end = header.length();
        for (String other : List.of(" options=", " card=")) {
            int next = header.indexOf(other, start);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return header.substring(start, end);
    }
}
