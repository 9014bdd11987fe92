package dev.waagent.local;

import dev.waagent.backoffice.CatalogService;
import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.staff.CustomerFinder;
import dev.waagent.domain.staff.StaffCommand;
import dev.waagent.domain.staff.StaffCommands;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.local.ReplyDeliveryScenariosTest.ManualClock;
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
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.bodyOf;
import static dev.waagent.local.PipelineDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff commands and handoffs through the whole pipeline (signed webhook, queue, worker, Graph stand-in), on the
 * demo tenants' back office: Pune's owner 919822000001 and staff 919822000002, Jakarta's owner 6281200000001.
 */
class StaffCommandsScenarioTest {

    private static final String SECRET = "staff-secret";
    private static final String PUNE = "pune-camera-rentals";
    private static final String JAKARTA = "jakarta-used-cars";
    private static final String PUNE_OWNER = "919822000001";
    private static final String PUNE_STAFF = "919822000002";
    private static final String JAKARTA_OWNER = "6281200000001";

    @TempDir
    static Path dataDir;
    private static LocalRuntime runtime;
    private static PipelineDriver pune;
    private static PipelineDriver jakarta;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "staff-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", SECRET,
                "wa.turn.burst-window", "0s",
                "wa.sqs.delivery-delay", "0s",
                "wa.scheduler.enabled", false,
                "llm.providers.openai.enabled", false)));
        pune = new PipelineDriver(runtime, SECRET, DemoTenants.PUNE_NUMBER_ID);
        jakarta = new PipelineDriver(runtime, SECRET, DemoTenants.JAKARTA_NUMBER_ID);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void helpListsTheCommandsAndAnUnknownCommandGetsHelp() throws Exception {
        assertThat(command(pune, PUNE_OWNER, "/help")).contains("Staff commands:").contains("/inventory")
                .contains("cek stok").contains("/reply <customer> <text>");
        assertThat(command(pune, PUNE_OWNER, "/upload foto")).contains("unknown command \"/upload\"").contains("Staff commands:");
        assertThat(command(jakarta, JAKARTA_OWNER, "bantuan")).as("an Indonesian business's staff are answered in Bahasa")
                .contains("Perintah staf:").contains("cek stok");
    }

    @Test
    void inventoryListsTheCatalogInEnglishAndBahasa() throws Exception {
        assertThat(command(pune, PUNE_STAFF, "/inventory")).startsWith("Stock (").contains("Sony FX3 [CAM-FX3]");
        String filtered = command(pune, PUNE_STAFF, "cek stok fx6");
        assertThat(filtered).contains("Sony FX6").doesNotContain("Sony FX3");
        assertThat(command(jakarta, JAKARTA_OWNER, "cek stok innova")).startsWith("Stok (").contains("Toyota Innova Reborn")
                .contains("IDR").contains("tersedia");
    }

    @Test
    void statusAndPriceChangeTheCatalogAsAnAdminEditWould() throws Exception {
        CatalogService catalog = runtime.context().getBean(CatalogService.class);
        long revisionBefore = catalog.catalogRevision(PUNE);
        CatalogItem before = item(PUNE, "CAM-A7S3");

        assertThat(command(pune, PUNE_OWNER, "/status a7s3 sold")).isEqualTo("Sony A7S III is now sold out / not available (was available).");
        CatalogItem sold = item(PUNE, "CAM-A7S3");
        assertThat(sold.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(sold.version()).isEqualTo(before.version() + 1);
        assertThat(catalog.catalogRevision(PUNE)).isGreaterThan(revisionBefore);

        assertThat(command(pune, PUNE_OWNER, "/price eos r5 3,400")).isEqualTo("Canon EOS R5 now costs INR 3,400/day (was INR 3,200/day).");
        assertThat(item(PUNE, "CAM-R5").price()).isEqualByComparingTo("3400");

        assertThat(command(jakarta, JAKARTA_OWNER, "ubah harga avanza veloz 240jt"))
                .startsWith("Harga Toyota Avanza Veloz 1.5 Q AT 2021 sekarang IDR 240,000,000");
        assertThat(item(JAKARTA, "TYT-VLZ-21").price()).isEqualByComparingTo(new BigDecimal("240000000"));
        assertThat(command(jakarta, JAKARTA_OWNER, "/status fortuner terjual"))
                .isEqualTo("Toyota Fortuner 2.4 VRZ AT 2019 sekarang terjual / tidak tersedia (sebelumnya tersedia).");

        assertThat(command(pune, PUNE_OWNER, "/status unicorn camera sold")).startsWith("No item matches \"unicorn camera\"");
        assertThat(command(pune, PUNE_OWNER, "/price FX3")).contains("Usage: /price <item> <price>");
    }

    @Test
    void statsReadTheLatestRolledUpDay() throws Exception {
        LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).minusDays(1);
        runtime.context().getBean(RollupStore.class).saveIfAbsent(new DailyRollup(JAKARTA, yesterday, "Asia/Jakarta", 31, 29,
                9, 2, Map.of("customer asked for a person", 2), 0, List.of(new DailyRollup.QuestionCount("Avanza masih ada?", 4)),
                0, List.of(), 1, List.of(), Map.of(), 3_100, 20, false, Instant.now()));
        assertThat(command(jakarta, JAKARTA_OWNER, "laporan")).startsWith("Laporan " + yesterday + ":")
                .contains("31 messages in, 29 out, 9 conversations").contains("\"Avanza masih ada?\" (4)");
    }

    @Test
    void pauseSilencesTheBotReplyReachesTheCustomerAndResumeHandsBack() throws Exception {
        String customer = customer();
        String last4 = customer.substring(customer.length() - 4);
        pune.sendAs(customer, "Meera Joshi", "hi, do you have the FX3 this weekend?");
        await(() -> pune.textsTo(customer), 1);

        assertThat(command(pune, PUNE_OWNER, "/pause " + last4)).startsWith("Paused: the bot stays silent for Meera Joshi (+" + customer + ")");
        pune.sendAs(customer, "Meera Joshi", "hello? anyone there");
        awaitAnswered(PUNE, customer, 2);
        assertThat(pune.textsTo(customer)).as("silence while a person owns the conversation").hasSize(1);

        assertThat(command(pune, PUNE_OWNER, "/reply " + last4 + " Yes, the FX3 is free on Saturday, Rohan here."))
                .startsWith("Sent to Meera Joshi");
        List<Map<String, Object>> texts = await(() -> pune.textsTo(customer), 2);
        assertThat(bodyOf(texts.get(1))).isEqualTo("Yes, the FX3 is free on Saturday, Rohan here.");
        assertThat(store().load(new ConversationKey(PUNE, customer), 20).recentMessages()).filteredOn(m -> !m.isInbound())
                .last().satisfies(m -> assertThat(m.accounting().provider()).isEqualTo("staff"));

        assertThat(command(pune, PUNE_STAFF, "/resume meera")).isEqualTo("Meera Joshi (+" + customer + ") is back with the bot: it answers their next message.");
        assertThat(store().load(new ConversationKey(PUNE, customer), 1).conversation().handedOff()).isFalse();
        pune.sendAs(customer, "Meera Joshi", "thanks! and the FX6?");
        assertThat(await(() -> pune.textsTo(customer), 3)).as("the bot answers again").hasSize(3);

        String masked = dev.waagent.domain.Masking.phone(customer);
        assertThat(command(pune, PUNE_OWNER, "/pause " + masked)).startsWith("Paused: the bot stays silent for Meera Joshi");
        assertThat(command(pune, PUNE_OWNER, "/resume +" + customer)).startsWith("Meera Joshi (+" + customer + ") is back with the bot");
        String national = customer.substring(2, 7) + " " + customer.substring(7);
        assertThat(command(pune, PUNE_OWNER, "/pause " + national)).as("a national number without +91")
                .startsWith("Paused: the bot stays silent for Meera Joshi");
    }

    @Test
    void aStaffReplyGoesOutLikeTheBotsRepliesFormattedForWhatsApp() throws Exception {
        long refusedBefore = runtime.context().getBean(GraphApiStandIn.class).refusedRequests();
        String customer = customer();
        String last4 = customer.substring(customer.length() - 4);
        pune.sendAs(customer, "Tara", "is the FX3 free this weekend?");
        await(() -> pune.textsTo(customer), 1);

        assertThat(command(pune, PUNE_OWNER, "/reply " + last4 + " **Yes**, the FX3 is *free*:\\n- Saturday\\n- Sunday"))
                .startsWith("Sent to Tara (+" + customer + "). The bot stays silent");

        List<Map<String, Object>> texts = await(() -> pune.textsTo(customer), 2);
        assertThat(bodyOf(texts.get(1))).as("Markdown to WhatsApp; the staff member's own *bold* stays bold")
                .isEqualTo("*Yes*, the FX3 is *free*:\n• Saturday\n• Sunday");
        assertThat(store().load(new ConversationKey(PUNE, customer), 20).recentMessages())
                .filteredOn(m -> m.turnId() != null && m.turnId().startsWith("staff:")).singleElement()
                .satisfies(part -> {
                    assertThat(part.messageId()).isEqualTo("out." + part.turnId() + "#0");
                    assertThat(part.deliveryState()).isEqualTo(dev.waagent.domain.channel.DeliveryState.SENT);
                    assertThat(part.accounting().provider()).isEqualTo("staff");
                });
        assertThat(runtime.context().getBean(GraphApiStandIn.class).refusedRequests()).isEqualTo(refusedBefore);
    }

    @Test
    void aStaffReplyLongerThanWhatsAppTakesIsSentInPacedPartsOnce() throws Exception {
        long refusedBefore = runtime.context().getBean(GraphApiStandIn.class).refusedRequests();
        String customer = customer();
        pune.send(customer, "can you send me the full rental terms?");
        await(() -> pune.textsTo(customer), 1);
        Tenant tenant = runtime.context().getBean(TenantDirectory.class).findById(PUNE).orElseThrow();
        String text = longTerms();
        ManualClock clock = new ManualClock(Instant.now());
        RecordingChannel graph = new RecordingChannel(clock);
        StaffCommands commands = staffCommands(graph, clock);
        var owner = tenant.staffMember(PUNE_OWNER).orElseThrow();
        StaffCommand reply = new StaffCommand.Reply(customer, text);

        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-long")).startsWith("Sent to Ravi (+" + customer + ") in 2 messages.");
        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-long")).as("a redelivered command sends nothing more")
                .isEqualTo("Sent to Ravi (+" + customer + ").");

        List<Map<String, Object>> texts = pune.textsTo(customer);
        assertThat(texts).hasSize(3);
        assertThat(bodyOf(texts.get(1)).length()).isLessThanOrEqualTo(4_096);
        assertThat(bodyOf(texts.get(1)) + " " + bodyOf(texts.get(2))).isEqualTo(text);
        // Paced on the clock, not waited for: the second part went at least the pacer's 1 s after the first.
        assertThat(graph.sends).hasSize(2);
        assertThat(Duration.between(graph.sends.get(0).at(), graph.sends.get(1).at())).as("paced: a second apart at least")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(clock.slept()).as("the wait was a sleep on the clock").isNotEmpty();
        assertThat(store().load(new ConversationKey(PUNE, customer), 20).recentMessages())
                .filteredOn(m -> "staff:wamid.cmd-long".equals(m.turnId()))
                .extracting(StoredMessage::messageId).containsExactly("out.staff:wamid.cmd-long#0", "out.staff:wamid.cmd-long#1");
        assertThat(runtime.context().getBean(GraphApiStandIn.class).refusedRequests()).isEqualTo(refusedBefore);
    }

    @Test
    void aReplyRetriedAfterMoreThanTwentyNewerMessagesSendsOnlyItsUnsentPartOnce() throws Exception {
        String customer = customer();
        ConversationKey key = new ConversationKey(PUNE, customer);
        pune.send(customer, "can you send me the full rental terms?");
        await(() -> pune.textsTo(customer), 1);
        Tenant tenant = runtime.context().getBean(TenantDirectory.class).findById(PUNE).orElseThrow();
        ManualClock clock = new ManualClock(Instant.now());
        RecordingChannel graph = new RecordingChannel(clock);
        graph.failAt = 1; // the first attempt dies on its second part (a Graph 5xx: the queue redelivers the command)
        StaffCommands commands = staffCommands(graph, clock);
        var owner = tenant.staffMember(PUNE_OWNER).orElseThrow();
        StaffCommand reply = new StaffCommand.Reply(customer, longTerms());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.execute(tenant, owner, reply, "wamid.cmd-late"))
                .isInstanceOf(ChannelSendException.class);
        // The customer keeps writing before the redelivery: the parts fall out of the newest 20 messages.
        for (int i = 0; i < 25; i++) {
            clock.advance(Duration.ofSeconds(2));
            store().recordInbound(PUNE, new dev.waagent.domain.channel.InboundMessage("whatsapp", DemoTenants.PUNE_NUMBER_ID,
                    "wamid.late-" + i + "-" + customer, customer, "Ravi", dev.waagent.domain.channel.MessageType.TEXT, "text",
                    "hello? " + i, clock.now(), null, Map.of()), clock.now());
        }
        assertThat(store().load(key, 20).recentMessages()).as("the parts are no longer among the newest 20")
                .noneMatch(m -> "staff:wamid.cmd-late".equals(m.turnId()));

        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-late")).isEqualTo("Sent to Ravi (+" + customer + ").");
        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-late")).isEqualTo("Sent to Ravi (+" + customer + ").");

        List<StoredMessage> parts = store().recordedParts(key, "staff:wamid.cmd-late");
        assertThat(parts).extracting(StoredMessage::messageId, StoredMessage::deliveryState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("out.staff:wamid.cmd-late#0", DeliveryState.SENT),
                        org.assertj.core.groups.Tuple.tuple("out.staff:wamid.cmd-late#1", DeliveryState.SENT));
        assertThat(graph.sends).extracting(Sent::text).as("each part once: the retry sent only the unsent one")
                .containsExactly(parts.get(0).text(), parts.get(1).text());
        assertThat(pune.textsTo(customer)).hasSize(3);
    }

    @Test
    void aReplyWhoseWindowClosesWhileItIsComposedIsNotSentAndNoTemplateGoesInstead() throws Exception {
        String customer = customer();
        ConversationKey key = new ConversationKey(PUNE, customer);
        ManualClock clock = new ManualClock(Instant.now());
        // Our window closes 2 min (the margin) before Meta's: the customer wrote so long ago that 5 s of it are left.
        Instant wrote = clock.now().minus(Duration.ofHours(24)).plus(Duration.ofMinutes(2)).plusSeconds(5);
        store().recordInbound(PUNE, new dev.waagent.domain.channel.InboundMessage("whatsapp", DemoTenants.PUNE_NUMBER_ID,
                "wamid.edge-" + customer, customer, "Edge Customer", dev.waagent.domain.channel.MessageType.TEXT, "text",
                "is the FX3 free?", wrote, null, Map.of()), wrote);
        store().markAnsweredWithoutReply(key, store().load(key, 5).unansweredInbound(), "human", wrote);
        Tenant current = runtime.context().getBean(TenantDirectory.class).findById(PUNE).orElseThrow();
        Tenant tenant = new Tenant(current.id(), current.name(), current.channel(), current.businessNumberId(),
                current.displayPhoneNumber(), current.appSecretRef(), current.accessTokenRef(), current.agentName(),
                current.persona(), current.businessFacts(), current.timezone(), current.languages(), current.providerOrder(),
                current.active(), current.staff(), current.openingHours(),
                List.of(new ApprovedTemplate(ApprovedTemplate.FOLLOW_UP, "follow_up_question", "en_US",
                        List.of("customer_name", "business_name"))), current.richMessages());
        RecordingChannel graph = new RecordingChannel(clock);
        graph.onCapabilities = () -> clock.advance(Duration.ofSeconds(10)); // the window closes while the reply is composed
        StaffCommands commands = staffCommands(graph, clock);

        assertThat(commands.execute(tenant, tenant.staffMember(PUNE_OWNER).orElseThrow(),
                new StaffCommand.Reply(customer, "Yes, the FX3 is free."), "wamid.cmd-edge"))
                .isEqualTo("Edge Customer (+" + customer + ") last wrote more than 24 hours ago: WhatsApp allows only an "
                        + "approved template now, so nothing was sent.");

        assertThat(graph.capabilityCalls).as("the clock crossed the window's end after the command's own check").isPositive();
        assertThat(graph.sends).as("neither the text nor the follow_up template").isEmpty();
        assertThat(templatesTo(pune, customer)).isEmpty();
        assertThat(pune.textsTo(customer)).isEmpty();
        assertThat(store().recordedParts(key, "staff:wamid.cmd-edge")).isEmpty();
    }

    @Test
    void aReplyWhatsAppRefusesForGoodIsToldToTheStaffAndNotRetried() throws Exception {
        String customer = customer();
        pune.send(customer, "hello, FX3 tomorrow?");
        await(() -> pune.textsTo(customer), 1);
        Tenant tenant = runtime.context().getBean(TenantDirectory.class).findById(PUNE).orElseThrow();
        int[] attempts = {0};
        OutboundChannel refusing = new OutboundChannel() {
            @Override
            public String sendText(Tenant t, String to, String text, String replyTo) {
                attempts[0]++;
                throw new ChannelSendException("Re-engagement message", "131047", false, null);
            }

            @Override
            public void markRead(Tenant t, String messageId, boolean showTyping) {
            }
        };
        ConversationStore conversations = store();
        StaffCommands commands = new StaffCommands(conversations, new CustomerFinder(conversations,
                runtime.context().getBean(ActivityTimeline.class)), null, null, null, null, refusing,
                new ManualClock(Instant.now()), Duration.ofSeconds(60));
        var owner = tenant.staffMember(PUNE_OWNER).orElseThrow();
        StaffCommand reply = new StaffCommand.Reply(customer, "Yes it is.");

        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-refused"))
                .isEqualTo("WhatsApp refused the message to Ravi (+" + customer + ") (error 131047): it was not delivered.");
        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-refused")).as("a redelivered command sends nothing")
                .isEqualTo("WhatsApp refused the message to Ravi (+" + customer + "): it was not delivered.");
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(conversations.load(new ConversationKey(PUNE, customer), 20).recentMessages())
                .filteredOn(m -> "staff:wamid.cmd-refused".equals(m.turnId())).singleElement()
                .satisfies(m -> assertThat(m.awaitsSending()).isFalse());
    }

    @Test
    void aReplyToACustomerWhoLastWroteMoreThanADayAgoIsNotSent() throws Exception {
        String customer = customer();
        ConversationKey key = new ConversationKey(PUNE, customer);
        Instant yesterday = Instant.now().minus(Duration.ofHours(30));
        store().recordInbound(PUNE, new dev.waagent.domain.channel.InboundMessage("whatsapp", DemoTenants.PUNE_NUMBER_ID,
                "wamid.old-" + customer, customer, "Old Customer", dev.waagent.domain.channel.MessageType.TEXT, "text",
                "is the FX3 free?", yesterday, null, Map.of()), yesterday);
        store().markAnsweredWithoutReply(key, store().load(key, 5).unansweredInbound(), "human", yesterday);

        assertThat(command(pune, PUNE_OWNER, "/reply " + customer + " yes it is"))
                .isEqualTo("Old Customer (+" + customer + ") last wrote more than 24 hours ago: WhatsApp allows only an "
                        + "approved template now, so nothing was sent.");
        assertThat(pune.textsTo(customer)).isEmpty();
    }

    @Test
    void aCustomerReferenceMatchingSeveralCustomersAsksForMore() throws Exception {
        String first = customer();
        String second = customer();
        pune.sendAs(first, "Arjun Rao", "hi");
        pune.sendAs(second, "Arjun Mehta", "hello");
        await(() -> pune.textsTo(first), 1);
        await(() -> pune.textsTo(second), 1);
        assertThat(command(pune, PUNE_OWNER, "/pause arjun")).contains("could be").contains("+" + first).contains("+" + second);
        assertThat(command(pune, PUNE_OWNER, "/pause 0000000")).startsWith("No customer matches");
    }

    @Test
    void aCustomerCannotCommand() throws Exception {
        String customer = customer();
        pune.send(customer, "/status FX3 sold");
        List<Map<String, Object>> replies = await(() -> pune.textsTo(customer), 1);
        assertThat(bodyOf(replies.get(0))).startsWith("Sorry, commands like this are only for the Pune Camera Rentals team")
                .doesNotContain("is now sold out").doesNotContain("Staff commands");
        assertThat(item(PUNE, "CAM-FX3").availability()).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void aHandoffIsNotifiedToStaffInsideTheirWindowOnly() throws Exception {
        command(pune, PUNE_OWNER, "/help");
        int staffTextsBefore = pune.textsTo(PUNE_STAFF).size();
        int ownerTextsBefore = pune.textsTo(PUNE_OWNER).size();
        String customer = customer();
        pune.sendAs(customer, "Kabir", "I want to talk to a human please");
        assertThat(bodyOf(await(() -> pune.textsTo(customer), 1).get(0))).contains("team");
        List<Map<String, Object>> ownerTexts = await(() -> pune.textsTo(PUNE_OWNER), ownerTextsBefore + 1);
        String notice = bodyOf(ownerTexts.get(ownerTexts.size() - 1));
        assertThat(notice.split("\n")).hasSize(3);
        assertThat(notice).startsWith("Handoff at Pune Camera Rentals: Kabir +" + customer + ", customer asked for a person.")
                .contains("/reply " + customer.substring(customer.length() - 4));
        if (!windowOpen(PUNE, PUNE_STAFF)) {
            assertThat(pune.textsTo(PUNE_STAFF)).as("outside the staff member's 24-hour window").hasSize(staffTextsBefore);
        }
        assertThat(store().load(new ConversationKey(PUNE, customer), 1).conversation().handoffReason())
                .isEqualTo("customer asked for a person");
    }

    @Test
    void aStaffNumberOutsideItsWindowGetsTheApprovedStaffAlertTemplateAndWithoutOneTheNoticeIsHeld() throws Exception {
        long refusedBefore = runtime.context().getBean(GraphApiStandIn.class).refusedRequests();
        String quietStaff = customer();
        String staffId = idOf(admin("POST", "/admin/tenants/" + PUNE + "/staff",
                "{\"wa_id\":\"" + quietStaff + "\",\"name\":\"Nikhil\",\"role\":\"staff\"}", 201));
        try {
            String first = customer();
            pune.sendAs(first, "Kabir", "I want to talk to a human please");
            await(() -> pune.textsTo(first), 1);
            assertThat(templatesTo(pune, quietStaff)).as("no staff_alert template yet: held").isEmpty();

            admin("PUT", "/admin/tenants/" + PUNE + "/templates/staff_alert", "{\"name\":\"staff_handoff_alert\","
                    + "\"language\":\"en\",\"parameters\":[\"staff_name\",\"business_name\",\"customer\",\"reason\","
                    + "\"summary\"]}", 200);
            String second = customer();
            pune.sendAs(second, "Meera", "can I speak to the owner please? It is about the\\n\\nlens I rented");
            await(() -> pune.textsTo(second), 1);
            List<Map<String, Object>> templates = await(() -> templatesTo(pune, quietStaff), 1);

            assertThat(templates).hasSize(1);
            Map<?, ?> template = (Map<?, ?>) templates.get(0).get("template");
            assertThat(template.get("name")).isEqualTo("staff_handoff_alert");
            assertThat(((Map<?, ?>) template.get("language")).get("code")).isEqualTo("en");
            assertThat(bodyParameters(template)).containsExactly("Nikhil", "Pune Camera Rentals", "Meera +" + second,
                    "customer asked for a person", "can I speak to the owner please? It is about the lens I rented");
            assertThat(pune.textsTo(quietStaff)).as("no free text outside the window").isEmpty();

            // Inside our record of the owner's window, but WhatsApp says it closed (131047): the template goes instead.
            command(pune, PUNE_OWNER, "/help");
            int ownerTemplates = templatesTo(pune, PUNE_OWNER).size();
            runtime.context().getBean(GraphFaults.class).plan(PUNE_OWNER, new GraphFaults.Fault(400, 131047, "Re-engagement message"));
            String third = customer();
            pune.sendAs(third, "Dev", "please call me back");
            await(() -> pune.textsTo(third), 1);
            List<Map<String, Object>> toOwner = await(() -> templatesTo(pune, PUNE_OWNER), ownerTemplates + 1);
            assertThat(bodyParameters((Map<?, ?>) toOwner.get(toOwner.size() - 1).get("template")))
                    .containsExactly("Rohan (owner)", "Pune Camera Rentals", "Dev +" + third, "customer asked for a person",
                            "please call me back");
            assertThat(runtime.context().getBean(GraphApiStandIn.class).refusedRequests()).as("refused by the schema check")
                    .isEqualTo(refusedBefore);
        } finally {
            admin("DELETE", "/admin/tenants/" + PUNE + "/templates/staff_alert", null, 204);
            admin("DELETE", "/admin/tenants/" + PUNE + "/staff/" + staffId, null, 204);
        }
    }

    @Test
    void topicsTheTenantMarksHumanOnlyAndComplaintsGoToAPerson() throws Exception {
        String refund = customer();
        pune.send(refund, "I need a refund for the broken lens");
        assertThat(bodyOf(await(() -> pune.textsTo(refund), 1).get(0))).startsWith("Our team handles this personally");
        assertThat(store().load(new ConversationKey(PUNE, refund), 1).conversation().handoffReason())
                .isEqualTo("human-only topic: refund");

        String angry = customer();
        pune.send(angry, "this is the worst service, total scam");
        assertThat(bodyOf(await(() -> pune.textsTo(angry), 1).get(0))).startsWith("I'm sorry about this.");
        assertThat(store().load(new ConversationKey(PUNE, angry), 1).conversation().handoffReason()).isEqualTo("complaint");
        pune.send(angry, "hello??");
        awaitAnswered(PUNE, angry, 2);
        assertThat(pune.textsTo(angry)).as("silent after the handoff").hasSize(1);
    }

    @Test
    void aHandoffOutsideOpeningHoursTellsTheCustomerWhenAPersonReplies() throws Exception {
        TenantDirectory tenants = runtime.context().getBean(TenantDirectory.class);
        Tenant current = tenants.findById(JAKARTA).orElseThrow();
        // Closed every day but one, two days from now: whatever the time of the run, the showroom is closed now.
        ZonedDateTime now = ZonedDateTime.now(current.timezone());
        DayOfWeek openDay = now.plusDays(2).getDayOfWeek();
        Map<String, String> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT),
                    day == openDay ? "09:00-10:00" : "closed");
        }
        tenants.save(new Tenant(current.id(), current.name(), current.channel(), current.businessNumberId(),
                current.displayPhoneNumber(), current.appSecretRef(), current.accessTokenRef(), current.agentName(),
                current.persona(), current.businessFacts(), current.timezone(), current.languages(), current.providerOrder(),
                current.active(), current.staff(), OpeningHours.parse(hours), current.templates()));
        try {
            String customer = "6281" + customer().substring(4);
            jakarta.sendAs(customer, "Budi", "saya mau bicara dengan admin");
            String notice = bodyOf(await(() -> jakarta.textsTo(customer), 1).get(0));
            String dayName = openDay.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("id"));
            assertThat(notice).startsWith("Baik, saya sambungkan dengan tim kami. Tim kami sedang tutup sekarang")
                    .endsWith("pukul 09.00.").containsAnyOf("hari " + dayName, "besok");
            assertThat(store().load(new ConversationKey(JAKARTA, customer), 1).conversation().handedOff()).isTrue();
        } finally {
            tenants.save(current);
        }
    }

    @Test
    void onTheEnglishFirstPuneBusinessStaffAreAnsweredInTheLanguageTheyWrote() throws Exception {
        String customer = customer();
        String last4 = customer.substring(customer.length() - 4);
        pune.sendAs(customer, "Anil", "is the gimbal free tomorrow?");
        await(() -> pune.textsTo(customer), 1);

        assertThat(command(pune, PUNE_STAFF, "/ruko " + last4)).startsWith("Ruk gaya: Anil (+" + customer + ") ke liye bot chup rahega.");
        assertThat(command(pune, PUNE_STAFF, "/resume " + last4)).isEqualTo("Anil (+" + customer
                + ") is back with the bot: it answers their next message.");
        assertThat(command(pune, PUNE_STAFF, "stock dikhao fx6")).contains("Sony FX6", "/din");
        assertThat(command(pune, PUNE_STAFF, "/inventory fx6")).contains("Sony FX6", "/day");
    }

    @Test
    void staffOfAHindiFirstBusinessCommandInHinglishAndAreAnsweredInHinglish() throws Exception {
        TenantDirectory tenants = runtime.context().getBean(TenantDirectory.class);
        Tenant current = tenants.findById(PUNE).orElseThrow();
        tenants.save(new Tenant(current.id(), current.name(), current.channel(), current.businessNumberId(),
                current.displayPhoneNumber(), current.appSecretRef(), current.accessTokenRef(), current.agentName(),
                current.persona(), current.businessFacts(), current.timezone(), List.of("hi", "en"), current.providerOrder(),
                current.active(), current.staff(), current.openingHours(), current.templates(), current.richMessages()));
        try {
            String customer = customer();
            String last4 = customer.substring(customer.length() - 4);
            pune.sendAs(customer, "Priya", "FX3 shanivar ko milega?");
            await(() -> pune.textsTo(customer), 1);

            assertThat(command(pune, PUNE_OWNER, "/madad")).startsWith("Staff ke commands:").contains("/daam", "/ruko", "/chalu");
            assertThat(command(pune, PUNE_OWNER, "/ruko " + last4)).isEqualTo("Ruk gaya: Priya (+" + customer
                    + ") ke liye bot chup rahega. /jawab " + last4 + " <text> se jawab dijiye, /chalu " + last4
                    + " se bot ko wapas dijiye.");
            assertThat(command(pune, PUNE_OWNER, "/jawab " + last4 + " Haan ji, FX3 shanivar ko free hai."))
                    .isEqualTo("Priya (+" + customer + ") ko bhej diya. /chalu " + last4 + " tak bot unke liye chup rahega.");
            assertThat(bodyOf(await(() -> pune.textsTo(customer), 2).get(1))).isEqualTo("Haan ji, FX3 shanivar ko free hai.");
            assertThat(command(pune, PUNE_OWNER, "stock dikhao fx6")).contains("Sony FX6", "/din");
            assertThat(command(pune, PUNE_OWNER, "/chalu " + last4)).isEqualTo("Priya (+" + customer
                    + ") wapas bot ke paas: unke agle message ka jawab bot dega.");
        } finally {
            tenants.save(current);
        }
    }

    @Test
    void aRetriedReplyCommandReachesTheCustomerExactlyOnce() throws Exception {
        String customer = customer();
        pune.send(customer, "hi, is the FX6 free tomorrow?");
        await(() -> pune.textsTo(customer), 1);
        Tenant tenant = runtime.context().getBean(TenantDirectory.class).findById(PUNE).orElseThrow();
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] attempts = {0};
        OutboundChannel flaky = new OutboundChannel() {
            @Override
            public String sendText(Tenant t, String to, String text, String replyTo) {
                if (attempts[0]++ == 0) {
                    throw new ChannelSendException("Graph API 500", "500", true, null);
                }
                delivered.add(to + ":" + text);
                return "wamid.staff." + attempts[0];
            }

            @Override
            public void markRead(Tenant t, String messageId, boolean showTyping) {
            }
        };
        ConversationStore conversations = store();
        StaffCommands commands = new StaffCommands(conversations, new CustomerFinder(conversations,
                runtime.context().getBean(ActivityTimeline.class)), null, null, null, null, flaky,
                new ManualClock(Instant.now()), Duration.ofSeconds(60));
        StaffCommand reply = new StaffCommand.Reply(customer, "Yes, the FX6 is free tomorrow.");
        var owner = tenant.staffMember(PUNE_OWNER).orElseThrow();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.execute(tenant, owner, reply, "wamid.cmd-1"))
                .isInstanceOf(ChannelSendException.class);
        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-1")).startsWith("Sent to");
        assertThat(commands.execute(tenant, owner, reply, "wamid.cmd-1")).startsWith("Sent to");

        assertThat(delivered).containsExactly(customer + ":Yes, the FX6 is free tomorrow.");
        assertThat(conversations.load(new ConversationKey(PUNE, customer), 20).recentMessages())
                .filteredOn(m -> "staff:wamid.cmd-1".equals(m.turnId())).singleElement()
                .satisfies(m -> assertThat(m.awaitsSending()).isFalse());
    }

    /** Staff commands on the demo back office's conversations, sending through {@code channel} on {@code clock}. */
    private static StaffCommands staffCommands(OutboundChannel channel, ManualClock clock) {
        ConversationStore conversations = store();
        return new StaffCommands(conversations, new CustomerFinder(conversations,
                runtime.context().getBean(ActivityTimeline.class)), null, null, null, null, channel, clock, Duration.ofSeconds(60));
    }

    /** Rental terms longer than one WhatsApp text takes (two parts). */
    private static String longTerms() {
        StringBuilder terms = new StringBuilder();
        for (int i = 1; terms.length() < 6_000; i++) {
            terms.append("Term ").append(i).append(": the renter returns the equipment clean and complete by 10:00. ");
        }
        return terms.toString().strip();
    }

    /** A part the channel accepted: its text, and when on the test's clock. */
    private record Sent(String text, Instant at) {
    }

    /**
     * The runtime's Graph API client (to the local stand-in), noting on the test's clock when each part went; it can fail
     * a send with a Graph 5xx, or run something when the delivery asks what the channel can send.
     */
    private static final class RecordingChannel implements OutboundChannel {
        private final OutboundChannel graph = runtime.context().getBean(OutboundChannel.class);
        private final ManualClock clock;
        final List<Sent> sends = new java.util.concurrent.CopyOnWriteArrayList<>();
        int failAt = -1;
        Runnable onCapabilities = () -> { };
        int capabilityCalls;
        private int attempts;

        RecordingChannel(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public String sendText(Tenant tenant, String to, String text, String replyTo) {
            throw new UnsupportedOperationException("parts go through sendReply");
        }

        @Override
        public String sendReply(Tenant tenant, String to, dev.waagent.domain.reply.OutboundPart part, String replyTo) {
            if (attempts++ == failAt) {
                throw new ChannelSendException("Graph API 500", "500", true, null);
            }
            String id = graph.sendReply(tenant, to, part, replyTo);
            sends.add(new Sent(part.asText(), clock.now()));
            return id;
        }

        @Override
        public void markRead(Tenant tenant, String messageId, boolean showTyping) {
        }

        @Override
        public dev.waagent.domain.turn.ChannelCapabilities capabilities(Tenant tenant) {
            capabilityCalls++;
            onCapabilities.run();
            return graph.capabilities(tenant);
        }
    }

    /** Approved-template messages the Graph stand-in accepted for {@code recipient}. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> templatesTo(PipelineDriver driver, String recipient) {
        io.micronaut.json.JsonMapper json = runtime.context().getBean(io.micronaut.json.JsonMapper.class);
        return runtime.context().getBean(LocalOutbox.class).entries().stream()
                .filter(entry -> entry.status() == 200)
                .map(entry -> {
                    try {
                        return (Map<String, Object>) json.readValue(entry.body(), Map.class);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(body -> "template".equals(body.get("type")) && recipient.equals(body.get("to")))
                .toList();
    }

    private static List<String> bodyParameters(Map<?, ?> template) {
        return ((List<?>) template.get("components")).stream().map(Map.class::cast)
                .filter(component -> "body".equals(component.get("type")))
                .flatMap(component -> ((List<?>) component.get("parameters")).stream().map(Map.class::cast))
                .map(parameter -> String.valueOf(parameter.get("text"))).toList();
    }

    /** Calls the local admin API with the operator key and checks the status. */
    private static String admin(String method, String path, String body, int expectedStatus) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(runtime.baseUri().resolve(path))
                .header("Authorization", "Bearer " + LocalOptions.DEFAULT_ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static String idOf(String json) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
        assertThat(id.find()).as(json).isTrue();
        return id.group(1);
    }

    /** Sends a staff command and returns the reply the staff member got. */
    private static String command(PipelineDriver driver, String staff, String text) throws Exception {
        int before = driver.textsTo(staff).size();
        driver.send(staff, text);
        List<Map<String, Object>> texts = await(() -> driver.textsTo(staff), before + 1);
        assertThat(texts).as("reply to " + text).hasSizeGreaterThan(before);
        return bodyOf(texts.get(texts.size() - 1));
    }

    private static CatalogItem item(String tenant, String sku) {
        return runtime.context().getBean(CatalogService.class).activeItems(tenant).stream()
                .filter(item -> sku.equals(item.sku())).findFirst().orElseThrow();
    }

    private static boolean windowOpen(String tenant, String waId) {
        return store().load(new ConversationKey(tenant, waId), 1).conversation().insideServiceWindow(Instant.now());
    }

    private static void awaitAnswered(String tenant, String customer, int inbound) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<StoredMessage> messages = store().load(new ConversationKey(tenant, customer), 50).recentMessages();
            if (messages.stream().filter(StoredMessage::isInbound).filter(m -> m.answeredBy() != null).count() >= inbound) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("messages of " + customer + " were not all handled in time");
    }

    private static ConversationStore store() {
        return runtime.context().getBean(ConversationStore.class);
    }
}
