package dev.waagent.scheduler;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.dynamodb.DynamoDbSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpsJobTest implements TestPropertyProvider {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DELAY = Duration.ofHours(4);

    @Inject
    FollowUpsJob job;
    @Inject
    RecordingChannel channel;
    @Inject
    ManualClock clock;
    @Inject
    ConversationStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    DynamoDbSettings tables;

    private Seeder seed;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SchedulerTestProperties.fresh());
        properties.put("test.recording-channel", "true");
        return properties;
    }

    @BeforeEach
    void setUp() {
        seed = new Seeder(store, tenants);
    }

    @AfterEach
    void retire() {
        seed.retireAll();
    }

    @Test
    void anUnansweredQuestionGetsExactlyOneFollowUp() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant asked = seed.turn(tenant, customer, "Is the FX3 free on Friday?", "Yes! Shall I book it for you?",
                clock.peek(), Duration.ofSeconds(2));

        clock.set(asked.plus(DELAY).minusSeconds(1));
        assertThat(job.run(HOUR)).doesNotContain(" followed-up");
        clock.set(asked.plus(DELAY));
        assertThat(job.run(HOUR)).contains("followed-up=1");
        assertThat(channel.to(customer)).singleElement()
                .satisfies(sent -> assertThat(sent.text()).startsWith("Hi, just following up"));
        List<StoredMessage> history = store.load(new ConversationKey(tenant.id(), customer), 12).recentMessages();
        assertThat(history.get(history.size() - 1).turnId()).isEqualTo("follow-up");

        // Re-runs, even without the checkpoint, never send it again.
        assertThat(job.run(HOUR)).doesNotContain(" followed-up");
        dropCheckpoint(tenant);
        clock.advance(HOUR);
        assertThat(job.run(HOUR)).contains("already-followed-up=1").doesNotContain(" followed-up=");
        assertThat(channel.to(customer)).hasSize(1);
    }

    @Test
    void aCustomerWhoOptedOutIsNeverFollowedUp() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant asked = seed.turn(tenant, customer, "price?", "Rs 2500 a day. Want me to reserve it?", clock.peek(),
                Duration.ofSeconds(2));
        StoredMessage stop = seed.inbound(tenant, customer, "STOP", asked.plusSeconds(60));
        Instant optedOut = asked.plusSeconds(62);
        seed.reply(tenant, customer, List.of(stop), "Done: you won't get any more messages.", optedOut,
                dev.waagent.domain.conversation.ReplyAccounting.NONE.withRoute("OPT_OUT"));
        store.updateState(new ConversationKey(tenant.id(), customer), null, Boolean.TRUE, null, optedOut);

        clock.set(optedOut.plus(DELAY).plus(HOUR));
        assertThat(job.run(HOUR)).contains("skipped-opted-out=1").doesNotContain(" followed-up");
        assertThat(channel.to(customer)).isEmpty();
    }

    @Test
    void onlyOurOwnUnansweredQuestionsAreFollowedUp() {
        Tenant tenant = seed.tenant("UTC");
        String statement = Seeder.customer();
        String replied = Seeder.customer();
        Instant start = clock.peek();
        seed.turn(tenant, statement, "hours?", "We are open 10 to 8.", start, Duration.ofSeconds(2));
        Instant asked = seed.turn(tenant, replied, "FX3?", "Available. Shall I book it?", start, Duration.ofSeconds(2));
        seed.inbound(tenant, replied, "let me think", asked.plusSeconds(30));

        clock.set(start.plus(DELAY).plus(HOUR));
        assertThat(job.run(HOUR)).contains("skipped-no-question=1").contains("skipped-customer-replied=1")
                .doesNotContain(" followed-up");
        assertThat(channel.to(statement)).isEmpty();
        assertThat(channel.to(replied)).isEmpty();
    }

    @Test
    void outsideTheServiceWindowTheIntentIsRecordedForTheTemplatePath() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant asked = seed.turn(tenant, customer, "deposit?", "Rs 10000, refundable. Shall I book?", clock.peek(),
                Duration.ofSeconds(2));
        // The run that would have followed up inside the window did not happen: now the window is closed.
        clock.set(asked.plus(Duration.ofHours(25)));
        assertThat(job.run(HOUR)).contains("intent-recorded-outside-window=1");
        assertThat(channel.to(customer)).isEmpty();
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tables.getConversationsTable())
                .key(Map.of("pk", AttributeValue.fromS("T#" + tenant.id() + "#C#" + customer),
                        "sk", AttributeValue.fromS("CONV"))).build()).item();
        assertThat(item.get("followUpIntent").m().get("reason").s()).contains("template");
        dropCheckpoint(tenant);
        assertThat(job.run(HOUR)).contains("already-followed-up=1");
    }

    @Test
    void outsideTheServiceWindowTheApprovedTemplateIsSent() {
        Tenant tenant = withFollowUpTemplate(seed.tenant("UTC"));
        String customer = Seeder.customer();
        Instant asked = seed.turn(tenant, customer, "deposit?", "Rs 10000, refundable. Shall I book?", clock.peek(),
                Duration.ofSeconds(2));
        clock.set(asked.plus(Duration.ofHours(25)));

        assertThat(job.run(HOUR)).contains("followed-up-template=1");
        assertThat(channel.to(customer)).singleElement().satisfies(sent -> {
            assertThat(sent.form()).isEqualTo("template");
            assertThat(sent.text()).contains("follow_up_question").contains(tenant.name());
        });
        List<StoredMessage> history = store.load(new ConversationKey(tenant.id(), customer), 12).recentMessages();
        assertThat(history.get(history.size() - 1).turnId()).isEqualTo("follow-up");
        dropCheckpoint(tenant);
        clock.advance(HOUR);
        assertThat(job.run(HOUR)).contains("already-followed-up=1");
        assertThat(channel.to(customer)).hasSize(1);
    }

    @Test
    void aWindowMetaClosedEarlySwitchesTheFollowUpToTheTemplate() {
        Tenant tenant = withFollowUpTemplate(seed.tenant("UTC"));
        String customer = Seeder.customer();
        Instant asked = seed.turn(tenant, customer, "FX3 on Friday?", "Free on Friday. Shall I book it?", clock.peek(),
                Duration.ofSeconds(2));
        channel.closeWindowOf(customer);
        clock.set(asked.plus(DELAY));

        assertThat(job.run(HOUR)).contains("followed-up-template=1");
        assertThat(channel.to(customer)).singleElement().satisfies(sent -> assertThat(sent.form()).isEqualTo("template"));
    }

    @Test
    void aWindowRecordedClosedByA131047TakesTheTemplatePathInsideThe24Hours() {
        Tenant tenant = withFollowUpTemplate(seed.tenant("UTC"));
        String customer = Seeder.customer();
        ConversationKey key = new ConversationKey(tenant.id(), customer);
        Instant asked = seed.turn(tenant, customer, "Lens?", "We have the 24-70. Shall I reserve it?", clock.peek(),
                Duration.ofSeconds(2));
        StoredMessage ours = store.load(key, 12).recentMessages().stream().filter(m -> !m.isInbound()).findFirst().orElseThrow();
        store.markUndelivered(key, ours.messageId(), ours.sentAt(), "131047", asked.plusSeconds(5));
        clock.set(asked.plus(DELAY));

        assertThat(job.run(HOUR)).contains("followed-up-template=1");
        assertThat(channel.to(customer)).singleElement().satisfies(sent -> assertThat(sent.form()).isEqualTo("template"));
    }

    private Tenant withFollowUpTemplate(Tenant t) {
        Tenant tenant = new Tenant(t.id(), t.name(), t.channel(), t.businessNumberId(), t.displayPhoneNumber(),
                t.appSecretRef(), t.accessTokenRef(), t.agentName(), t.persona(), t.businessFacts(), t.timezone(),
                t.languages(), t.providerOrder(), true, List.of(), t.openingHours(),
                List.of(new dev.waagent.domain.tenant.ApprovedTemplate(dev.waagent.domain.tenant.ApprovedTemplate.FOLLOW_UP,
                        "follow_up_question", "en_US", List.of("customer_name", "business_name"))), false);
        tenants.save(tenant);
        return tenant;
    }

    private void dropCheckpoint(Tenant tenant) {
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(tables.getConversationsTable())
                .key(Map.of("pk", AttributeValue.fromS("T#" + tenant.id() + "#JOBS"),
                        "sk", AttributeValue.fromS("JOB#" + FollowUpsJob.NAME))).build());
    }
}
