package dev.waagent.scheduler;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.turn.PromptBuilder;
import dev.waagent.domain.turn.TurnSettings;
import dev.waagent.dynamodb.DynamoDbSettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextExpiryJobTest implements TestPropertyProvider {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    ContextExpiryJob job;
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

    @Inject
    RecordingChannel channel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(SchedulerTestProperties.fresh());
        properties.put("test.recording-channel", "true");
        return properties;
    }

    @BeforeEach
    void setUp() {
        seed = new Seeder(store, tenants);
        clock.tickEachReading(Duration.ZERO);
    }

    @AfterEach
    void retireTenants() {
        seed.retireAll();
    }

    @Test
    void aConversationExpiresExactlyWhenItHasBeenQuietForTheContextExpiry() throws Exception {
        Tenant tenant = seed.tenant("Asia/Kolkata");
        String customer = Seeder.customer();
        Instant start = clock.peek();
        Instant activity = seed.turn(tenant, customer, "Is the FX3 available tomorrow?", "Yes, it is.", start,
                Duration.ofSeconds(3));

        clock.set(activity.plus(Duration.ofMinutes(30)).minusMillis(1));
        assertThat(job.run(HOUR)).contains("read=0").doesNotContain("expired=");
        assertThat(memoryOf(tenant, customer).conversation().memory().contextFrom()).isNull();

        clock.set(activity.plus(Duration.ofMinutes(30)));
        assertThat(job.run(HOUR)).contains("read=1").contains(" expired=1");
        ConversationSnapshot snapshot = memoryOf(tenant, customer);
        assertThat(snapshot.conversation().memory().contextFrom()).isEqualTo(activity.plus(Duration.ofMinutes(30)));

        // The expired turns leave the next prompt; the new question is still answered.
        StoredMessage next = seed.inbound(tenant, customer, "And the price for 2 days?", clock.peek().plusSeconds(5));
        LlmRequest prompt = new PromptBuilder(TurnSettings.defaults()).build(tenant,
                store.load(new ConversationKey(tenant.id(), customer), 12), List.of(next), clock.peek(), Duration.ofSeconds(5));
        assertThat(prompt.messages()).extracting(ChatMessage::content)
                .noneMatch(content -> content.contains("Is the FX3 available tomorrow?"))
                .anyMatch(content -> content.contains("And the price for 2 days?"));
    }

    @Test
    void aRerunInTheSameWindowDoesNothingTwiceEvenWithoutItsCheckpoint() {
        Tenant tenant = seed.tenant("UTC");
        Instant start = clock.peek();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String customer = Seeder.customer();
            customers.add(customer);
            seed.turn(tenant, customer, "hours?", "10 to 8.", start.plusSeconds(i), Duration.ofSeconds(2));
        }
        clock.set(start.plus(HOUR));
        assertThat(job.run(HOUR)).contains(" expired=5").contains("complete");
        assertThat(job.run(HOUR)).contains("read=0").doesNotContain("expired=");

        // As if the first run crashed before saving its checkpoint: the conditional writes still hold.
        dynamo.deleteItem(DeleteItemRequest.builder().tableName(tables.getConversationsTable())
                .key(Map.of("pk", AttributeValue.fromS("T#" + tenant.id() + "#JOBS"),
                        "sk", AttributeValue.fromS("JOB#" + ContextExpiryJob.NAME))).build());
        assertThat(job.run(HOUR)).contains("read=5").contains("already-expired=5").doesNotContain(" expired=");
    }

    @Test
    void newActivityAfterExpiryMakesTheConversationDueAgain() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        Instant first = seed.turn(tenant, customer, "hi", "Hello!", clock.peek(), Duration.ofSeconds(2));
        clock.set(first.plus(HOUR));
        assertThat(job.run(HOUR)).contains(" expired=1");

        Instant second = seed.turn(tenant, customer, "do you deliver?", "Yes, within Pune.", clock.peek(), Duration.ofSeconds(2));
        clock.set(second.plus(Duration.ofMinutes(29)));
        assertThat(job.run(HOUR)).contains("read=0");
        clock.set(second.plus(Duration.ofMinutes(31)));
        assertThat(job.run(HOUR)).contains("read=1").contains(" expired=1");
        assertThat(memoryOf(tenant, customer).conversation().memory().contextFrom()).isEqualTo(second.plus(Duration.ofMinutes(31)));
    }

    @Test
    void aHandedOffConversationQuietPastTheHandoffTimeoutReturnsToTheBotOnce() {
        Tenant tenant = seed.tenant("UTC");
        String customer = Seeder.customer();
        String other = Seeder.customer();
        Instant activity = seed.turn(tenant, customer, "talk to a person", "Passing you to our team.", clock.peek(),
                Duration.ofSeconds(2));
        seed.turn(tenant, other, "hours?", "10 to 8.", clock.peek(), Duration.ofSeconds(2));
        store.updateState(new ConversationKey(tenant.id(), customer), ConversationStatus.HANDED_OFF, null,
                "customer asked for a person", activity);

        clock.set(activity.plus(Duration.ofHours(23)));
        assertThat(job.run(HOUR)).doesNotContain("returned-to-bot");
        assertThat(memoryOf(tenant, customer).conversation().status()).isEqualTo(ConversationStatus.HANDED_OFF);

        clock.set(activity.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(job.run(HOUR)).contains("returned-to-bot=1").contains("skipped-not-handed-off=1");
        assertThat(memoryOf(tenant, customer).conversation().status()).isEqualTo(ConversationStatus.ACTIVE);
        assertThat(memoryOf(tenant, customer).conversation().handoffReason()).isEmpty();
        assertThat(job.run(HOUR)).doesNotContain("returned-to-bot");
    }

    @Test
    void staffWhoWroteInTheLast24HoursAreToldWhenAConversationGoesBackToTheBot() {
        Tenant seeded = seed.tenant("UTC");
        String reachable = "919811100001";
        String away = "919811100002";
        Tenant tenant = new Tenant(seeded.id(), seeded.name(), seeded.channel(), seeded.businessNumberId(),
                seeded.displayPhoneNumber(), null, null, "Asha", "", "", seeded.timezone(), List.of("en"), List.of(), true,
                List.of(new StaffContact(reachable, "Rohan", StaffContact.Role.OWNER), new StaffContact(away, "Sneha", StaffContact.Role.STAFF)),
                OpeningHours.UNKNOWN, List.of());
        tenants.save(tenant);
        String customer = Seeder.customer();
        Instant activity = seed.turn(tenant, customer, "talk to a person", "Passing you to our team.", clock.peek(),
                Duration.ofSeconds(2));
        store.updateState(new ConversationKey(tenant.id(), customer), ConversationStatus.HANDED_OFF, null,
                "customer asked for a person", activity);
        Instant returned = activity.plus(Duration.ofHours(24)).plusSeconds(1);
        seed.turn(tenant, reachable, "/help", "Staff commands: …", returned.minus(Duration.ofHours(2)), Duration.ofSeconds(1));

        clock.set(returned);
        assertThat(job.run(HOUR)).contains("returned-to-bot=1");
        assertThat(channel.to(reachable)).singleElement().satisfies(sent -> assertThat(sent.text())
                .isEqualTo("Customer +" + customer + ": " + ContextExpiryJob.NOTICE));
        assertThat(channel.to(away)).as("outside that staff number's 24-hour window").isEmpty();
    }

    @Test
    void aRunCutShortByItsBudgetResumesWhereItStopped() {
        Tenant tenant = seed.tenant("UTC");
        Instant start = clock.peek();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String customer = Seeder.customer();
            customers.add(customer);
            seed.turn(tenant, customer, "price?", "On request.", start.plusMillis(i), Duration.ofSeconds(1));
        }
        clock.set(start.plus(HOUR));
        clock.tickEachReading(Duration.ofMillis(10));
        String cut = job.run(Duration.ofMillis(200));
        clock.tickEachReading(Duration.ZERO);
        assertThat(cut).contains("stopped: budget");
        int first = expiredCount(cut);
        assertThat(first).isBetween(1, 29);

        String rest = job.run(HOUR);
        assertThat(rest).contains("complete");
        assertThat(first + expiredCount(rest)).isEqualTo(30);
        assertThat(customers).allSatisfy(c -> assertThat(memoryOf(tenant, c).conversation().memory().contextFrom()).isNotNull());
    }

    private ConversationSnapshot memoryOf(Tenant tenant, String customer) {
        return store.load(new ConversationKey(tenant.id(), customer), 12);
    }

    static int expiredCount(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" expired=(\\d+)").matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
