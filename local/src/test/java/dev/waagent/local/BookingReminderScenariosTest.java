package dev.waagent.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.ConversationTimings;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.tools.ToolScope;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.routing.RouteReport;
import dev.waagent.domain.llm.routing.TurnComplexity;
import dev.waagent.domain.reply.PairPacer;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ThrottledChannel;
import dev.waagent.worker.DeliveryConfiguration;
import dev.waagent.domain.turn.ReplyDelivery;
import dev.waagent.domain.turn.ReplyGenerator;
import dev.waagent.domain.turn.TurnObserver;
import dev.waagent.domain.turn.TurnOutcome;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.domain.turn.TurnSettings;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.domain.turn.TypingPresence;
import dev.waagent.dynamodb.DynamoDbTurnMemory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.local.ReplyDeliveryScenariosTest.FixedTenants;
import dev.waagent.local.ReplyDeliveryScenariosTest.ManualClock;
import dev.waagent.scheduler.BookingRemindersJob;
import dev.waagent.scheduler.JobMetrics;
import dev.waagent.scheduler.SchedulerSettings;
import dev.waagent.whatsapp.GraphApiClient;
import dev.waagent.whatsapp.GraphApiSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.waagent.local.PipelineDriver.customer;
import static dev.waagent.local.PipelineDriver.wamid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking reminders end to end against the real stand-ins: the {@code request_booking} tool stores the request and its
 * reminder in DynamoDB Local, the real {@link BookingRemindersJob} finds it on the due-index the day before and sends
 * through the Graph API client to the local Graph stand-in, which checks every request against Meta's OpenAPI schema.
 * Each scenario has its own tenant (so its job reads only its own reminders) and its own controlled clock, starting on
 * a Wednesday at 10:00 in Pune. The runtime also shows the worker's delivery settings as bound.
 */
class BookingReminderScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PUNE = ZoneId.of("Asia/Kolkata");
    private static final AtomicInteger TENANTS = new AtomicInteger();

    @TempDir
    static Path dataDir;

    private static LocalRuntime runtime;
    private static ConversationStore store;
    private static GraphApiStandIn standIn;
    private static GraphFaults faults;
    private static BookingReminders reminders;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "reminders-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", "reminder-secret",
                "wa.secrets.meta-verify-token", "token",
                "wa.local.scheduler.enabled", false,
                "wa.delivery.sending-instances", 4,
                "llm.providers.openai.enabled", false)));
        store = runtime.context().getBean(ConversationStore.class);
        standIn = runtime.context().getBean(GraphApiStandIn.class);
        faults = runtime.context().getBean(GraphFaults.class);
        reminders = runtime.context().getBean(BookingReminders.class);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void insideTheWindowTheCustomerGetsATextTheDayBefore() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("Can I book the Sony FX3 for Friday?");
        FollowUpRequest booking = s.books("Sony FX3", "friday");
        assertThat(booking.bookingDate()).isEqualTo(s.wednesday.plusDays(2));
        s.writesAgainOnThursdayMorning();

        s.at(s.wednesday.plusDays(1), 11, 0);
        assertThat(s.runJob()).contains("reminded-text=1");

        assertThat(s.acceptedMessages()).singleElement().satisfies(m -> {
            assertThat(m.path("type").asText()).isEqualTo("text");
            assertThat(m.at("/text/body").asText()).contains("Sony FX3", "tomorrow", "Friday", s.tenant.name());
        });
        // In the conversation's history under the reminder's stable id, as sent.
        assertThat(s.outbound()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("out.reminder." + booking.id());
            assertThat(m.deliveryState()).isEqualTo(DeliveryState.SENT);
        });
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void outsideTheWindowTheApprovedBookingReminderTemplateGoesWithItsParameters() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("Saturday ko Canon R5 chahiye");
        s.books("Canon R5", "shanivar ko");

        // Friday 10:30: the customer last wrote on Wednesday, so only a template may go.
        s.at(s.wednesday.plusDays(2), 10, 30);
        assertThat(s.runJob()).contains("reminded-template=1");

        assertThat(s.acceptedMessages()).singleElement().satisfies(m -> {
            assertThat(m.path("type").asText()).isEqualTo("template");
            assertThat(m.at("/template/name").asText()).isEqualTo("booking_reminder_v1");
            JsonNode parameters = m.at("/template/components/0/parameters");
            assertThat(parameters).extracting(p -> p.path("text").asText())
                    .containsExactly("Ravi", "Canon R5", "Saturday " + s.wednesday.plusDays(3).getDayOfMonth() + " "
                            + s.wednesday.plusDays(3).getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                            java.util.Locale.ENGLISH), s.tenant.name());
        });
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingIsSentAndItIsCountedOnce() throws Exception {
        Scenario s = new Scenario(false);
        s.customerWrites("sabtu bisa sewa?");
        s.books("Sony A7S III", "sabtu");

        s.at(s.wednesday.plusDays(2), 10, 30);
        assertThat(s.runJob()).contains("not-sent-no-template=1");
        assertThat(s.acceptedMessages()).isEmpty();

        // Never reconsidered: the next run reads nothing.
        s.at(s.wednesday.plusDays(2), 11, 30);
        assertThat(s.runJob()).contains("read=0").doesNotContain("not-sent");
        assertThat(s.acceptedMessages()).isEmpty();
    }

    @Test
    void aReplayedScheduleOrASecondJobNeverSendsASecondReminder() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("Book the FX3 for Friday please");
        FollowUpRequest booking = s.books("Sony FX3", "friday");
        s.writesAgainOnThursdayMorning();
        s.at(s.wednesday.plusDays(1), 11, 0);
        assertThat(s.runJob()).contains("reminded-text=1");

        // The schedule fires again, a second scheduler instance runs, the tool call is replayed: nothing new goes.
        reminders.schedule(new BookingReminder(s.key(), booking.id(), booking.item(), booking.bookingDate(),
                booking.dates(), booking.createdAt()));
        assertThat(s.runJob()).contains("read=0");
        s.at(s.wednesday.plusDays(1), 12, 0);
        assertThat(s.runJob()).contains("read=0");
        assertThat(reminders.claim(new BookingReminder(s.key(), booking.id(), booking.item(), booking.bookingDate(),
                booking.dates(), booking.createdAt()), s.clock.now())).isFalse();

        assertThat(s.acceptedMessages()).hasSize(1);
        assertThat(s.outbound()).hasSize(1);
    }

    @Test
    void aCustomerWhoOptedOutIsNeverReminded() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("besok mau sewa kamera");
        s.books("Sony FX3", "besok");
        s.customerOptsOut();

        s.at(s.wednesday, 11, 0);
        assertThat(s.runJob()).contains("skipped-opted-out=1");
        s.at(s.wednesday, 12, 0);
        assertThat(s.runJob()).contains("read=0");

        assertThat(s.acceptedMessages()).isEmpty();
        assertThat(s.outbound()).isEmpty();
    }

    @Test
    void whenMetaSaysTheWindowClosedTheTemplateGoesInsteadOfTheText() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("parso FX3 milega?");
        s.books("Sony FX3", "parso");
        s.writesAgainOnThursdayMorning();
        faults.plan(s.customer, new GraphFaults.Fault(400, 131047, "Re-engagement message"));

        s.at(s.wednesday.plusDays(1), 11, 0);
        assertThat(s.runJob()).contains("reminded-template=1");

        assertThat(s.acceptedMessages()).singleElement()
                .satisfies(m -> assertThat(m.path("type").asText()).isEqualTo("template"));
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void aTenantsOwnReminderHoursReplaceTheDefaultOnes() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("Can I book the Sony FX3 for Friday?");
        s.books("Sony FX3", "friday");
        s.writesAgainOnThursdayMorning();
        ConversationTimings defaults = ConversationTimings.defaults();
        TenantTimings lateDesk = tenantId -> new ConversationTimings(defaults.contextExpiry(), defaults.handoffTimeout(),
                defaults.summaryIdle(), defaults.summaryMinMessages(), defaults.followUpDelay(), defaults.briefingHour(), 12, 22);

        s.at(s.wednesday.plusDays(1), 11, 0);
        assertThat(s.runJob(lateDesk)).contains("skipped-outside-reminder-hours=1");
        s.at(s.wednesday.plusDays(1), 21, 0);
        assertThat(s.runJob()).contains("skipped-outside-reminder-hours=1");
        assertThat(s.runJob(lateDesk)).contains("reminded-text=1");
        assertThat(s.acceptedMessages()).hasSize(1);
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void remindersWaitForTheTenantsReminderHoursAndABookingTakenTooLateIsNotReminded() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("tomorrow morning the FX3");
        s.books("Sony FX3", "tomorrow");

        s.at(s.wednesday, 21, 0);
        assertThat(s.runJob()).contains("skipped-outside-reminder-hours=1").contains("read=0");
        // The booking day itself: too late for "the day before".
        s.at(s.wednesday.plusDays(1), 10, 30);
        assertThat(s.runJob()).contains("skipped-too-late=1");

        assertThat(s.acceptedMessages()).isEmpty();
    }

    @Test
    void aCustomerWhoBooksTomorrowTodayIsNotRemindedAnHourLater() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("Can I book the Sony FX3 for tomorrow?");
        s.books("Sony FX3", "tomorrow");

        s.at(s.wednesday, 14, 15);
        assertThat(s.runJob()).contains("skipped-just-booked=1");
        s.at(s.wednesday, 15, 0);
        assertThat(s.runJob()).contains("read=0");

        assertThat(s.acceptedMessages()).isEmpty();
        assertThat(s.outbound()).isEmpty();
    }

    @Test
    void theSameBookingRequestedAgainGetsOneReminder() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("Can I book the Sony FX3 for Friday?");
        s.books("Sony FX3", "friday");
        // The turn is retried after the tool ran, the model asks again in a later round, the customer confirms.
        s.books("Sony FX3", "friday");
        s.books("sony fx3", "this friday");
        s.writesAgainOnThursdayMorning();

        s.at(s.wednesday.plusDays(1), 11, 0);
        assertThat(s.runJob()).contains("read=1").contains("reminded-text=1");
        assertThat(s.acceptedMessages()).hasSize(1);
        assertThat(s.outbound()).hasSize(1);
    }

    @Test
    void whenTheCustomerMovesTheBookingOnlyTheNewDayIsReminded() throws Exception {
        Scenario s = new Scenario(true);
        s.customerWrites("FX3 for Thursday?");
        s.books("Sony FX3", "thursday");
        s.customerWrites("sorry, make it Saturday");
        s.books("Sony FX3", "saturday");

        s.at(s.wednesday, 11, 0);
        assertThat(s.runJob()).contains("read=0");
        s.at(s.wednesday.plusDays(2), 10, 30);
        assertThat(s.runJob()).contains("read=1").contains("reminded-template=1");

        assertThat(s.acceptedMessages()).singleElement().satisfies(m -> assertThat(
                m.at("/template/components/0/parameters/2/text").asText()).startsWith("Saturday"));
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void aTemplateForACustomerWithoutANameGreetsThemNeutrallyAndNamesTheItemAsItsTopic() throws Exception {
        Scenario s = new Scenario(List.of(new ApprovedTemplate(ApprovedTemplate.BOOKING_REMINDER, "pengingat_booking",
                "id", List.of("customer_name", "topic", "date"))), null);
        s.customerWrites("sabtu bisa sewa Sony A7S III?");
        s.books("Sony A7S III", "sabtu");

        s.at(s.wednesday.plusDays(2), 10, 30);
        assertThat(s.runJob()).contains("reminded-template=1");

        assertThat(s.acceptedMessages()).singleElement().satisfies(m -> {
            assertThat(m.at("/template/language/code").asText()).isEqualTo("id");
            assertThat(m.at("/template/components/0/parameters")).extracting(p -> p.path("text").asText())
                    .containsExactly("Kak", "Sony A7S III", "Sabtu " + s.wednesday.plusDays(3).getDayOfMonth() + " "
                            + s.wednesday.plusDays(3).getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                            new java.util.Locale("id")));
        });
        assertThat(standIn.refusedRequests()).isZero();
    }

    @Test
    void remindersAnotherRunClaimedFirstDoNotUseUpTheTenantsShare() throws Exception {
        Scenario s = new Scenario(true);
        // Five bookings for Friday from customers the agent never spoke to (no conversation: counted, not sent).
        List<BookingReminder> friday = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BookingReminder reminder = new BookingReminder(new ConversationKey(s.tenant.id(), customer()), "share-" + i,
                    "Sony FX3", s.wednesday.plusDays(2), "friday", s.clock.now());
            reminders.schedule(reminder);
            friday.add(reminder);
        }
        s.at(s.wednesday.plusDays(1), 11, 0);
        // An overlapping run read the same index and claimed two of them just before this run's first page was read.
        List<BookingReminders.Due> claimedByTheOtherRun = friday.subList(0, 2).stream()
                .peek(reminder -> assertThat(reminders.claim(reminder, s.clock.now())).isTrue())
                .map(reminder -> new BookingReminders.Due(reminder, null)).toList();

        String report = s.runJob(new StaleFirstPage(reminders, claimedByTheOtherRun), settings(1, 3),
                runtime.context().getBean(TenantTimings.class));

        assertThat(report).contains("already-reminded=2").contains("skipped-no-conversation=3");
    }

    /** The job's settings with another page size and per-tenant limit. */
    private static SchedulerSettings settings(int pageSize, int maxPerTenant) {
        SchedulerSettings bound = runtime.context().getBean(SchedulerSettings.class);
        return (SchedulerSettings) java.lang.reflect.Proxy.newProxyInstance(SchedulerSettings.class.getClassLoader(),
                new Class<?>[]{SchedulerSettings.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPageSize" -> pageSize;
                    case "getMaxPerTenant" -> maxPerTenant;
                    default -> method.invoke(bound, args);
                });
    }

    /**
     * The real reminders, with the first page also listing reminders another run claimed a moment before: what
     * DynamoDB's eventually consistent due-index returns right after a claim (DynamoDB Local's index is never behind,
     * so the lag is replayed here; the claims themselves still go to DynamoDB Local and fail there).
     */
    private static final class StaleFirstPage implements BookingReminders {
        private final BookingReminders real;
        private List<Due> stale;

        StaleFirstPage(BookingReminders real, List<Due> stale) {
            this.real = real;
            this.stale = stale;
        }

        @Override
        public void schedule(BookingReminder reminder) {
            real.schedule(reminder);
        }

        @Override
        public DuePage due(String tenantId, LocalDate through, int limit, String after) {
            DuePage page = real.due(tenantId, through, limit, after);
            List<Due> items = new java.util.ArrayList<>(stale);
            items.addAll(page.items());
            stale = List.of();
            return new DuePage(items, page.next(), page.readUnits());
        }

        @Override
        public boolean claim(BookingReminder reminder, Instant now) {
            return real.claim(reminder, now);
        }

        @Override
        public void finish(BookingReminder reminder, String outcome, String platformMessageId, Instant at) {
            real.finish(reminder, outcome, platformMessageId, at);
        }
    }

    @Test
    void theLocalSchedulerRunsTheJobLikeEventBridgeDoes() {
        LocalScheduler scheduler = runtime.context().getBean(LocalScheduler.class);

        assertThat(scheduler.jobs()).contains(BookingRemindersJob.NAME, "follow-ups");
        assertThat(scheduler.run(BookingRemindersJob.NAME)).startsWith("booking-reminders: tenants=").endsWith("complete");
    }

    @Test
    void theWorkersDeliverySettingsKeepTodaysDefaultsAndGiveEachInstanceItsShareOfTheNumber() {
        DeliveryConfiguration delivery = runtime.context().getBean(DeliveryConfiguration.class);

        assertThat(delivery.getPairInterval()).isEqualTo(PairPacer.META_INTERVAL);
        assertThat(delivery.getPairBurst()).isEqualTo(3);
        assertThat(delivery.getPartGap()).isEqualTo(Duration.ofSeconds(1));
        assertThat(delivery.getTypingRefresh()).isEqualTo(Duration.ofSeconds(20));
        assertThat(delivery.getTypingMaxRefreshes()).isEqualTo(6);
        // Meta's 80 messages/s per number, shared by the 4 instances this runtime was told may send at once.
        assertThat(delivery.numberThroughput(new ManualClock(Instant.EPOCH)).perSecond()).isEqualTo(20.0);
        Instant now = Instant.parse("2026-12-09T04:30:00Z");
        assertThat(delivery.pairPacer().schedule(List.of(), now, 4))
                .isEqualTo(PairPacer.metaDefaults().schedule(List.of(), now, 4));
        // Every send of the runtime goes through the per-number limiter.
        assertThat(runtime.context().getBean(OutboundChannel.class)).isInstanceOf(ThrottledChannel.class);
    }

    // ------------------------------------------------------------------------------------------------ support

    /** One customer of a tenant of its own (a copy of the Pune demo tenant), on its own clock. */
    private static final class Scenario {
        final String customer = customer();
        final LocalDate wednesday = LocalDate.now(PUNE).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        final ManualClock clock = new ManualClock(wednesday.atTime(10, 0).atZone(PUNE).toInstant());
        final Tenant tenant;
        int repliesBeforeReminders;

        final String customerName;

        Scenario(boolean withTemplate) {
            this(withTemplate ? List.of(new ApprovedTemplate(ApprovedTemplate.BOOKING_REMINDER, "booking_reminder_v1",
                    "en_US", List.of("customer_name", "item", "date", "business_name"))) : List.of(), "Ravi");
        }

        Scenario(List<ApprovedTemplate> templates, String customerName) {
            this.customerName = customerName;
            Tenant demo = DemoTenants.TENANTS.get(0);
            tenant = new Tenant(demo.id() + "-reminders-" + TENANTS.incrementAndGet(), demo.name(), demo.channel(),
                    demo.businessNumberId(), demo.displayPhoneNumber(), demo.appSecretRef(), demo.accessTokenRef(),
                    demo.agentName(), demo.persona(), demo.businessFacts(), PUNE, demo.languages(), demo.providerOrder(),
                    true, List.of(), demo.openingHours(), templates, false);
        }

        ConversationKey key() {
            return new ConversationKey(tenant.id(), customer);
        }

        /** The customer writes and the agent answers in a real turn (its reply goes to the stand-in too). */
        void customerWrites(String text) throws InterruptedException {
            String messageId = wamid();
            store.recordInbound(tenant.id(), new InboundMessage("whatsapp", tenant.businessNumberId(), messageId, customer,
                    customerName, MessageType.TEXT, "text", text, clock.now(), null, Map.of()), clock.now());
            clock.advance(Duration.ofSeconds(1));
            ReplyGenerator generator = (t, request) -> new ReplyGenerator.GeneratedReply(
                    new LlmResponse("stub", "stub-model", "Noted! A team member will confirm your booking.", List.of(),
                            new TokenUsage(10, 10, false), Duration.ofMillis(5), false),
                    0, new RouteReport(TurnComplexity.SIMPLE, List.of("stub:OK"), false, BigDecimal.ZERO));
            TurnSettings settings = new TurnSettings(Duration.ZERO, 12, Duration.ofSeconds(20), 400, 0.3, Duration.ofSeconds(60));
            OutboundChannel channel = graph();
            TurnService turns = new TurnService(new FixedTenants(tenant), store, generator, clock, settings,
                    TurnObserver.NONE, new ReplyDelivery(store, channel, clock, settings.sendLease()),
                    new TypingPresence(channel, Duration.ofSeconds(20), 0));
            assertThat(turns.take(new TurnTrigger(tenant.id(), customer, messageId))).isEqualTo(TurnOutcome.REPLIED);
            clock.advance(Duration.ofMinutes(1));
            markRepliesSoFar();
        }

        void customerOptsOut() {
            store.updateState(key(), null, true, null, clock.now());
        }

        /** The model calls request_booking: the real tool, the real stores. */
        FollowUpRequest books(String item, String dates) {
            AgentTools tools = new AgentTools(runtime.context().getBean(CatalogLookup.class),
                    runtime.context().getBean(DynamoDbTurnMemory.class), (t, conversation, notice) -> { },
                    reminders);
            ToolResult result = tools.execute(new ToolScope(tenant, key(), clock.now()), new ToolCall("call-1",
                    AgentTools.REQUEST_BOOKING, "{\"item\":\"" + item + "\",\"dates\":\"" + dates + "\"}"));
            assertThat(result.content()).contains("\"recorded\":true");
            markRepliesSoFar();
            return runtime.context().getBean(DynamoDbTurnMemory.class).open(key(), clock.now(), 5).get(0);
        }

        /** The customer writes again on Thursday at 09:00 (a real turn), so the window is open the day before Friday. */
        void writesAgainOnThursdayMorning() throws InterruptedException {
            at(wednesday.plusDays(1), 9, 0);
            customerWrites("ok, see you then");
        }

        /** What the stand-in accepted for this customer so far are turn replies, not reminders. */
        void markRepliesSoFar() {
            repliesBeforeReminders = runtime.context().getBean(LocalOutbox.class).entries().stream()
                    .filter(e -> e.status() == 200).map(e -> read(e.body()))
                    .filter(body -> customer.equals(body.path("to").asText()) && body.has("type")).toList().size();
        }

        /** Moves the clock forward to {@code hour:minute} of {@code day} in Pune. */
        void at(LocalDate day, int hour, int minute) {
            Instant target = ZonedDateTime.of(day.atTime(hour, minute), PUNE).toInstant();
            assertThat(target).isAfterOrEqualTo(clock.now());
            clock.advance(Duration.between(clock.now(), target));
        }

        String runJob() {
            return runJob(runtime.context().getBean(TenantTimings.class));
        }

        String runJob(TenantTimings timings) {
            return runJob(reminders, runtime.context().getBean(SchedulerSettings.class), timings);
        }

        String runJob(BookingReminders from, SchedulerSettings settings, TenantTimings timings) {
            return new BookingRemindersJob(new FixedTenants(tenant), from,
                    runtime.context().getBean(ConversationMaintenance.class), graph(), settings, timings,
                    runtime.context().getBean(JobMetrics.class), clock).run(Duration.ofMinutes(1));
        }

        OutboundChannel graph() {
            GraphApiSettings settings = GraphApiSettings.defaults().withBaseUrl(runtime.baseUri().resolve("/graph"));
            return new GraphApiClient(settings, GraphApiClient.newHttpClient(settings),
                    reference -> Optional.of(LocalOptions.DEFAULT_ACCESS_TOKEN), clock, () -> 0.0);
        }

        /** What the stand-in accepted for this customer after the turns: the reminders. */
        List<JsonNode> acceptedMessages() {
            List<JsonNode> accepted = runtime.context().getBean(LocalOutbox.class).entries().stream()
                    .filter(e -> e.status() == 200).map(e -> read(e.body()))
                    .filter(body -> customer.equals(body.path("to").asText()))
                    .filter(body -> body.has("type"))
                    .toList();
            return accepted.subList(Math.min(repliesBeforeReminders, accepted.size()), accepted.size());
        }

        /** Reminders in the conversation's history. */
        List<StoredMessage> outbound() {
            return store.load(key(), 50).recentMessages().stream()
                    .filter(m -> !m.isInbound() && m.messageId().startsWith("out.reminder.")).toList();
        }

        private static JsonNode read(String body) {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
