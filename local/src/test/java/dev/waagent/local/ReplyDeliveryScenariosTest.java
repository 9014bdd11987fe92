package dev.waagent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.context.ReplyComposer;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.handoff.HandoffDecision;
import dev.waagent.domain.handoff.Handoffs;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.routing.RouteReport;
import dev.waagent.domain.llm.routing.TurnComplexity;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.ConversationTimings;
import dev.waagent.domain.schedule.JobCheckpoints;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.turn.ChannelCapabilities;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ReplyBeingSentException;
import dev.waagent.domain.turn.ReplyDelivery;
import dev.waagent.domain.turn.ReplyGenerator;
import dev.waagent.domain.turn.TurnObserver;
import dev.waagent.domain.turn.TurnOutcome;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.domain.turn.TurnSettings;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.domain.turn.TypingPresence;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.scheduler.FollowUpsJob;
import dev.waagent.scheduler.JobMetrics;
import dev.waagent.scheduler.SchedulerSettings;
import dev.waagent.scheduler.TimelineSweep;
import dev.waagent.whatsapp.GraphApiClient;
import dev.waagent.whatsapp.GraphApiSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.waagent.local.PipelineDriver.customer;
import static dev.waagent.local.PipelineDriver.wamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sending half of a turn against the real stand-ins: the turn service records its parts in DynamoDB Local and
 * sends them through the Graph API client to the local Graph stand-in, which checks every request the way Meta would
 * and answers planned faults with Meta's error bodies. The clock is controlled: pacing and backoff are measured on it,
 * not waited for.
 */
class ReplyDeliveryScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A model answer too long for one WhatsApp text that ends with a choice: text parts, then reply buttons. */
    private static final String LONG_ANSWER_WITH_CHOICE = "Here is everything about our **rental terms**. "
            + "Rentals run per day of 24 hours, and the deposit is refunded when the gear comes back in good shape. ".repeat(60)
            + "\n\nWhich camera would you like to book?\n\n1. Sony FX3\n2. Canon R5\n3. Sony A7S III";

    @TempDir
    static Path dataDir;

    private static LocalRuntime runtime;
    private static ConversationStore store;
    private static GraphApiStandIn standIn;
    private static GraphFaults faults;
    private static Tenant tenant;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "delivery-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", "delivery-secret",
                "wa.secrets.meta-verify-token", "token",
                "llm.providers.openai.enabled", false)));
        store = runtime.context().getBean(ConversationStore.class);
        standIn = runtime.context().getBean(GraphApiStandIn.class);
        faults = runtime.context().getBean(GraphFaults.class);
        tenant = DemoTenants.TENANTS.get(0).withRichMessages(true);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aLongAnswerGoesOutAsSeveralPartsInOrderSpacedAndEveryOneAccepted() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("What are your rental terms?");

        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.REPLIED);

        List<JsonNode> sent = s.acceptedMessages();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(3);
        assertThat(sent.subList(0, sent.size() - 1)).allSatisfy(m -> assertThat(m.path("type").asText()).isEqualTo("text"));
        JsonNode last = sent.get(sent.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("interactive");
        assertThat(last.at("/interactive/type").asText()).isEqualTo("button");
        assertThat(last.at("/interactive/action/buttons")).hasSize(3);
        // In order: the text parts read as the answer, from its start.
        assertThat(sent.get(0).at("/text/body").asText()).startsWith("Here is everything about our *rental terms*.");
        // Spaced on the clock: never two parts to the customer within the pacer's 1 s gap.
        List<Instant> at = s.sendTimes;
        for (int i = 1; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 1), at.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        // Recorded under stable keys, all sent.
        List<StoredMessage> outbound = s.outbound();
        assertThat(outbound).extracting(StoredMessage::messageId).allMatch(id -> id.matches("out\\.[0-9a-f-]+#\\d+"));
        assertThat(outbound).extracting(StoredMessage::deliveryState).containsOnly(DeliveryState.SENT);
        assertThat(outbound).hasSize(sent.size());
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void pairRateAndThroughputLimitsAreWaitedOutWithoutSendingAnyPartTwice() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("What are your rental terms?");
        faults.plan(s.customer, new GraphFaults.Fault(400, 131056, "pair rate limit hit"),
                new GraphFaults.Fault(400, 130429, "Rate limit hit"));

        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.REPLIED);

        List<JsonNode> accepted = s.acceptedMessages();
        assertThat(accepted).hasSize(s.outbound().size());
        assertThat(accepted.stream().map(JsonNode::toString).distinct().count()).isEqualTo(accepted.size());
        assertThat(s.refusedStatuses()).containsExactly(400, 400);
        // Meta's advice for 131056: wait 4^0 = 1 s before the next try (on the controlled clock).
        assertThat(s.clock.slept()).anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void aPairRateLimitThatOutlastsTheRetriesFailsTheTurnAndItsRetrySendsEachPartOnce() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("What are your rental terms?");
        TurnService turns = s.turnService(s.graph());
        turns.take(s.trigger());
        int parts = s.acceptedMessages().size();
        Scenario t = new Scenario();
        t.customerWrites("What are your rental terms?");
        GraphFaults.Fault pairRate = new GraphFaults.Fault(400, 131056, "pair rate limit hit");
        // Part 0 goes; part 1 meets the pair rate limit on every one of the client's 4 attempts.
        TurnService failing = t.turnService(new CrashingChannel(t.graph(), Integer.MAX_VALUE) {
            @Override
            public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
                if (part.index() == 1 && t.acceptedMessages().size() == 1 && t.refusedStatuses().isEmpty()) {
                    faults.plan(t.customer, pairRate, pairRate, pairRate, pairRate);
                }
                return super.sendReply(tenant, customerId, part, replyToMessageId);
            }
        });

        assertThatThrownBy(() -> failing.take(t.trigger())).isInstanceOfSatisfying(ChannelSendException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("131056");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(t.acceptedMessages()).hasSize(1);
        assertThat(t.refusedStatuses()).hasSize(4);

        // The queue redelivers at once: the lease was given back, the rest goes, nothing twice.
        assertThat(t.turnService(t.graph()).take(t.trigger())).isEqualTo(TurnOutcome.RESENT_PENDING);
        List<JsonNode> accepted = t.acceptedMessages();
        assertThat(accepted).hasSize(parts);
        assertThat(accepted.stream().map(JsonNode::toString).distinct().count()).isEqualTo(parts);
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void outsideTheWindowWithoutAnApprovedTemplateNothingIsSentAndTheMessageCountsAsAnswered() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("Do you rent drones?");
        s.clock.advance(Duration.ofHours(25));

        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.UNDELIVERED);

        assertThat(s.acceptedMessages()).isEmpty();
        assertThat(store.load(s.key(), 10).unansweredInbound()).isEmpty();
        assertThat(s.outbound()).isEmpty();
    }

    @Test
    void aCrashBetweenPartsIsRetriedWithOnlyTheUnsentParts() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("What are your rental terms?");
        OutboundChannel crashesOnSecondPart = new CrashingChannel(s.graph(), 1);

        assertThatThrownBy(() -> s.turnService(crashesOnSecondPart).take(s.trigger())).isInstanceOf(SimulatedCrash.class);
        assertThat(s.acceptedMessages()).hasSize(1);
        List<StoredMessage> recorded = s.outbound();
        assertThat(recorded).extracting(StoredMessage::deliveryState).startsWith(DeliveryState.SENT)
                .filteredOn(state -> state == DeliveryState.PENDING).hasSize(recorded.size() - 1);

        // Redelivered while the crashed worker's lease still runs: nobody may send (and nobody breaks the lease).
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> s.turnService(s.graph()).take(s.trigger())).isInstanceOf(ReplyBeingSentException.class);
        }
        assertThat(s.acceptedMessages()).hasSize(1);

        // The queue redelivers the trigger after the crashed worker's lease ran out.
        s.clock.advance(Duration.ofMinutes(5));
        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.RESENT_PENDING);

        List<JsonNode> accepted = s.acceptedMessages();
        assertThat(accepted).hasSize(recorded.size());
        assertThat(accepted.stream().map(JsonNode::toString).distinct().count()).isEqualTo(accepted.size());
        assertThat(accepted.get(accepted.size() - 1).path("type").asText()).isEqualTo("interactive");
        assertThat(s.outbound()).extracting(StoredMessage::deliveryState).containsOnly(DeliveryState.SENT);
        // A third delivery of the trigger finds nothing to send or answer.
        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.NOTHING_TO_ANSWER);
        assertThat(s.acceptedMessages()).hasSize(recorded.size());
    }

    @Test
    void keyFactsOfATurnWhoseReplyIsNotSentAreStillSaved() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("Hi, my name is Ravi. Do you rent drones?");
        s.clock.advance(Duration.ofHours(25));

        // The composed path: its key facts normally travel in the reply's record, and no reply is recorded here.
        assertThat(s.composedTurnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.UNDELIVERED);

        assertThat(s.outbound()).isEmpty();
        assertThat(store.load(s.key(), 10).conversation().memory().keyFacts()).contains("name: Ravi");
    }

    @Test
    void aClosedWindowMarksTheReplyUndeliveredAndRemembersWhen() throws Exception {
        Scenario s = new Scenario();
        s.customerWrites("Still there?");
        s.model = "Yes! How can I help you today?";
        faults.plan(s.customer, new GraphFaults.Fault(400, 131047, "Re-engagement message"));

        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.UNDELIVERED);

        assertThat(s.acceptedMessages()).isEmpty();
        assertThat(s.outbound()).extracting(StoredMessage::deliveryState).containsOnly(DeliveryState.FAILED);
        ConversationSnapshot snapshot = store.load(s.key(), 20);
        assertThat(snapshot.conversation().windowClosedAt()).isEqualTo(s.clock.now());
        assertThat(snapshot.pendingOutbound()).isEmpty();
        // The trigger is done: a redelivery sends nothing.
        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.NOTHING_TO_ANSWER);
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void aReplyRefusedWith131047IsFollowedUpLaterWithTheApprovedTemplate() throws Exception {
        Scenario s = new Scenario();
        s.tenant = withFollowUpTemplate(tenant);
        s.customerWrites("Is the FX3 free on Friday?");
        s.model = "It is free on Friday. Shall I book it for you?";
        faults.plan(s.customer, new GraphFaults.Fault(400, 131047, "Re-engagement message"));
        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.UNDELIVERED);
        assertThat(s.outbound()).extracting(StoredMessage::deliveryState).containsOnly(DeliveryState.FAILED);

        // Four hours later the follow-up job finds our question unanswered; Meta said the window is closed.
        s.clock.advance(Duration.ofHours(4).plusMinutes(1));
        FollowUpsJob job = new FollowUpsJob(new TimelineSweep(new FixedTenants(s.tenant),
                runtime.context().getBean(ActivityTimeline.class), runtime.context().getBean(JobCheckpoints.class),
                runtime.context().getBean(SchedulerSettings.class), s.clock),
                runtime.context().getBean(ConversationMaintenance.class), s.graph(), id -> ConversationTimings.defaults(),
                runtime.context().getBean(JobMetrics.class), s.clock);

        assertThat(job.run(Duration.ofMinutes(1))).contains("followed-up-template=1");
        List<JsonNode> accepted = s.acceptedMessages();
        assertThat(accepted).singleElement().satisfies(m -> {
            assertThat(m.path("type").asText()).isEqualTo("template");
            assertThat(m.at("/template/name").asText()).isEqualTo("follow_up_question");
        });
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void outsideTheWindowOnlyTheApprovedTemplateGoesAndTheStandInAcceptsIt() throws Exception {
        Scenario s = new Scenario();
        s.tenant = withFollowUpTemplate(tenant);
        s.customerWrites("Do you rent drones?");
        // The turn runs more than a day late (a long outage): the window has closed meanwhile.
        s.clock.advance(Duration.ofHours(25));

        assertThat(s.turnService(s.graph()).take(s.trigger())).isEqualTo(TurnOutcome.REPLIED);

        List<JsonNode> accepted = s.acceptedMessages();
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).path("type").asText()).isEqualTo("template");
        assertThat(accepted.get(0).at("/template/name").asText()).isEqualTo("follow_up_question");
        assertThat(accepted.get(0).at("/template/components/0/parameters/1/text").asText()).isEqualTo(tenant.name());
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void aTenantWithoutRichMessagesGetsTheChoiceAsNumberedText() throws Exception {
        Scenario s = new Scenario();
        s.tenant = tenant.withRichMessages(false);
        s.model = "We have three cameras free tomorrow.\n\nWhich one would you like?\n\n1. Sony FX3\n2. Canon R5\n3. Sony A7S III";
        s.customerWrites("Which cameras are free tomorrow?");

        s.turnService(s.graph()).take(s.trigger());

        List<JsonNode> accepted = s.acceptedMessages();
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).path("type").asText()).isEqualTo("text");
        assertThat(accepted.get(0).at("/text/body").asText()).contains("1. Sony FX3");
    }

    // ------------------------------------------------------------------------------------------------ support

    private static Tenant withFollowUpTemplate(Tenant t) {
        return new Tenant(t.id(), t.name(), t.channel(), t.businessNumberId(), t.displayPhoneNumber(), t.appSecretRef(),
                t.accessTokenRef(), t.agentName(), t.persona(), t.businessFacts(), t.timezone(), t.languages(),
                t.providerOrder(), true, List.of(), t.openingHours(),
                List.of(new ApprovedTemplate(ApprovedTemplate.FOLLOW_UP, "follow_up_question", "en_US",
                        List.of("customer_name", "business_name"))), true);
    }

    /** One customer's conversation with the Pune demo tenant, on its own controlled clock. */
    private static final class Scenario {
        final String customer = customer();
        final ManualClock clock = new ManualClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        final List<Instant> sendTimes = Collections.synchronizedList(new ArrayList<>());
        Tenant tenant = ReplyDeliveryScenariosTest.tenant;
        String model = LONG_ANSWER_WITH_CHOICE;
        String lastInbound;

        ConversationKey key() {
            return new ConversationKey(tenant.id(), customer);
        }

        void customerWrites(String text) {
            lastInbound = wamid();
            store.recordInbound(tenant.id(), new InboundMessage("whatsapp", tenant.businessNumberId(), lastInbound, customer,
                    "Ravi", MessageType.TEXT, "text", text, clock.now(), null, Map.of()), clock.now());
            // The turn starts a moment after the message arrived.
            clock.advance(Duration.ofSeconds(1));
        }

        TurnTrigger trigger() {
            return new TurnTrigger(tenant.id(), customer, lastInbound);
        }

        OutboundChannel graph() {
            GraphApiClient client = new GraphApiClient(GraphApiSettings.defaults().withBaseUrl(runtime.baseUri().resolve("/graph")),
                    GraphApiClient.newHttpClient(GraphApiSettings.defaults().withBaseUrl(runtime.baseUri().resolve("/graph"))),
                    reference -> Optional.of(LocalOptions.DEFAULT_ACCESS_TOKEN), clock, () -> 0.0);
            return new TimedChannel(client, clock, sendTimes);
        }

        TurnService turnService(OutboundChannel channel) {
            TenantDirectory directory = new FixedTenants(tenant);
            ReplyGenerator generator = (t, request) -> new ReplyGenerator.GeneratedReply(
                    new LlmResponse("stub", "stub-model", model, List.of(), new TokenUsage(10, 10, false), Duration.ofMillis(5), false),
                    0, new RouteReport(TurnComplexity.SIMPLE, List.of("stub:OK"), false, BigDecimal.ZERO));
            TurnSettings settings = new TurnSettings(Duration.ZERO, 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
            return new TurnService(directory, store, generator, clock, settings, TurnObserver.NONE,
                    new ReplyDelivery(store, channel, clock, settings.sendLease()), new TypingPresence(channel, Duration.ofSeconds(20), 0));
        }

        /** As the worker wires it: the runtime's composer (context, tools, memory), the plain turn's stub model. */
        TurnService composedTurnService(OutboundChannel channel) {
            TurnSettings settings = new TurnSettings(Duration.ZERO, 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
            return new TurnService(new FixedTenants(tenant), store, (t, request) -> { throw new AssertionError("composed path only"); },
                    clock, settings, TurnObserver.NONE, new ReplyDelivery(store, channel, clock, settings.sendLease()),
                    new TypingPresence(channel, Duration.ofSeconds(20), 0), runtime.context().getBean(ReplyComposer.class),
                    null, new Handoffs(new HandoffDecision(), null, store, null, clock));
        }

        List<JsonNode> acceptedMessages() {
            return outbox().stream().filter(e -> e.status() == 200).map(e -> read(e.body()))
                    .filter(body -> customer.equals(body.path("to").asText()))
                    .toList();
        }

        List<Integer> refusedStatuses() {
            return outbox().stream().filter(e -> e.status() != 200)
                    .filter(e -> customer.equals(read(e.body()).path("to").asText()))
                    .map(LocalOutbox.Entry::status).toList();
        }

        List<StoredMessage> outbound() {
            return store.load(key(), 50).recentMessages().stream().filter(m -> !m.isInbound()).toList();
        }

        private static List<LocalOutbox.Entry> outbox() {
            return runtime.context().getBean(LocalOutbox.class).entries();
        }

        private static JsonNode read(String body) {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record FixedTenants(Tenant tenant) implements TenantDirectory {
        @Override
        public Optional<Tenant> findByBusinessNumber(String channel, String businessNumberId) {
            return Optional.of(tenant);
        }

        @Override
        public Optional<Tenant> findById(String tenantId) {
            return Optional.of(tenant);
        }

        @Override
        public List<Tenant> findAll() {
            return List.of(tenant);
        }

        @Override
        public void save(Tenant tenant) {
            throw new UnsupportedOperationException();
        }
    }

    /** The real client, noting on the controlled clock when each part went. */
    private record TimedChannel(GraphApiClient client, ManualClock clock, List<Instant> sendTimes) implements OutboundChannel {
        @Override
        public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
            sendTimes.add(clock.now());
            return client.sendText(tenant, customerId, text, replyToMessageId);
        }

        @Override
        public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
            sendTimes.add(clock.now());
            return client.sendReply(tenant, customerId, part, replyToMessageId);
        }

        @Override
        public void markRead(Tenant tenant, String messageId, boolean showTyping) {
            client.markRead(tenant, messageId, showTyping);
        }

        @Override
        public ChannelCapabilities capabilities(Tenant tenant) {
            return client.capabilities(tenant);
        }
    }

    /** The worker dies (no exception handling runs) when it is about to send part {@code crashAt}. */
    private static class CrashingChannel implements OutboundChannel {
        private final OutboundChannel delegate;
        private final int crashAt;
        private final AtomicInteger parts = new AtomicInteger();

        CrashingChannel(OutboundChannel delegate, int crashAt) {
            this.delegate = delegate;
            this.crashAt = crashAt;
        }

        @Override
        public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
            throw new UnsupportedOperationException("parts go through sendReply");
        }

        @Override
        public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
            if (parts.getAndIncrement() == crashAt) {
                throw new SimulatedCrash();
            }
            return delegate.sendReply(tenant, customerId, part, replyToMessageId);
        }

        @Override
        public void markRead(Tenant tenant, String messageId, boolean showTyping) {
            delegate.markRead(tenant, messageId, showTyping);
        }

        @Override
        public ChannelCapabilities capabilities(Tenant tenant) {
            return delegate.capabilities(tenant);
        }
    }

    /** An Error, like the JVM dying: nothing in the turn catches it, so no lease is given back. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("worker crashed between two parts");
        }
    }

    /** A clock the test moves; sleeping moves it too (and is noted). */
    static final class ManualClock implements TimeSource {
        private Instant now;
        private final List<Duration> slept = new ArrayList<>();

        ManualClock(Instant start) {
            this.now = start;
        }

        @Override
        public synchronized Instant now() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            slept.add(duration);
            now = now.plus(duration);
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        synchronized List<Duration> slept() {
            return List.copyOf(slept);
        }
    }
}
