package dev.waagent.dynamodb;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.intent.IntentResolution;
import dev.waagent.domain.intent.IntentStage;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.SummaryMarks;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Key facts, follow-up requests and turn records against DynamoDB Local. */
class DynamoDbTurnMemoryTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static ApplicationContext context;
    private static ConversationStore store;
    private static DynamoDbTurnMemory memory;
    private static SummaryMarks marks;
    private final String tenant = "t-" + UUID.randomUUID();
    private final ConversationKey key = new ConversationKey(tenant, "919800000001");

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString(),
                "wa.dynamodb.create-tables", true,
                "wa.dynamodb.conversations-table", "memory-test-conversations",
                "wa.dynamodb.tenants-table", "memory-test-tenants"));
        store = context.getBean(ConversationStore.class);
        memory = context.getBean(DynamoDbTurnMemory.class);
        // The timeline's clock only stamps checkpoints; marks are read up to the time they are given.
        marks = new DynamoDbActivityTimeline(context.getBean(DynamoDbClient.class), context.getBean(DynamoDbSettings.class),
                TimeSource.system());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void keyFactsAreStoredOnTheConversationAndReplacedByTheNextSave() {
        store.recordInbound(tenant, new InboundMessage("whatsapp", "pn", "wamid.1", key.customerId(), "Ravi",
                MessageType.TEXT, "text", "fx3 on saturday?", T0, null, Map.of()), T0);
        memory.saveKeyFacts(key, List.of("item: Sony FX3", "dates: saturday"), T0);
        memory.saveKeyFacts(key, List.of("item: Sony FX3", "dates: sunday", "name: Ravi"), T0.plusSeconds(5));

        ConversationSnapshot snapshot = store.load(key, 10);
        assertThat(snapshot.conversation().memory().keyFacts()).containsExactly("item: Sony FX3", "dates: sunday", "name: Ravi");
        // Turn records and follow-ups live beside the messages, never among them.
        memory.recordTurn(key, "turn-1", new IntentResolution(List.of(Intent.PRICING), IntentStage.RULES, false),
                List.of("quote_price({}) -> {}"), List.of("catalog:1"), List.of(), T0);
        assertThat(store.load(key, 10).recentMessages()).hasSize(1);
    }

    @Test
    void aTurnRecordKeepsTheIntentsInOrderAndTheStageThatDecidedThem() {
        memory.recordTurn(key, "turn-2", new IntentResolution(List.of(Intent.GREETING, Intent.AVAILABILITY),
                IntentStage.LLM, true), List.of(), List.of(), List.of(), T0);

        var items = context.getBean(DynamoDbClient.class).query(q -> q.tableName("memory-test-conversations")
                .keyConditionExpression("pk = :pk AND begins_with(sk, :x)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partition(key)),
                        ":x", AttributeValue.fromS(DynamoDbTurnMemory.TURN_RECORD_PREFIX)))).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("intents").l()).extracting(AttributeValue::s).containsExactly("GREETING", "AVAILABILITY");
            assertThat(item.get("intentStage").s()).isEqualTo("llm");
            // Declared in the item schema: read through it, the record keeps both.
            ConversationTableItem read = ItemSchemas.CONVERSATION.mapToItem(item);
            assertThat(read.getIntents()).containsExactly("GREETING", "AVAILABILITY");
            assertThat(read.getIntentStage()).isEqualTo("llm");
        });
    }

    @Test
    void openFollowUpsAreTheCustomersOwnNewestFirst() {
        memory.record(new FollowUpRequest("r1", key, FollowUpRequest.Kind.LEAD, "Sony A7S III", "", "budget 5000", T0, "OPEN"));
        memory.record(new FollowUpRequest("r2", key, FollowUpRequest.Kind.BOOKING, "Sony FX3", "Saturday", "",
                T0.plusSeconds(60), "OPEN"));
        ConversationKey other = new ConversationKey(tenant, "919800000002");
        memory.record(new FollowUpRequest("r3", other, FollowUpRequest.Kind.LEAD, "Canon R5", "", "", T0, "OPEN"));

        assertThat(memory.open(key, T0.plusSeconds(120), 5)).extracting(FollowUpRequest::id).containsExactly("r2", "r1");
        assertThat(memory.open(new ConversationKey("another-tenant", key.customerId()), T0, 5)).isEmpty();
    }

    @Test
    void aListedEntryThisReleaseCannotReadMakesTheTurnQueryInsteadOfFailing() {
        memory.record(new FollowUpRequest("r1", key, FollowUpRequest.Kind.BOOKING, "Sony FX3", "Saturday", "", T0, "OPEN"));
        // As a later release (a new kind) or a hand edit might leave it.
        context.getBean(DynamoDbClient.class).updateItem(builder -> builder.tableName("memory-test-conversations")
                .key(Map.of("pk", AttributeValue.fromS(Keys.partition(key)), "sk", AttributeValue.fromS(Keys.CONVERSATION_SK)))
                .updateExpression("SET " + OpenRequestList.ATTRIBUTE + "[0].kind = :kind")
                .expressionAttributeValues(Map.of(":kind", AttributeValue.fromS("RETURN"))));

        assertThat(store.load(key, 10).openRequests()).as("not listed as far as the turn knows: it queries").isNull();
        assertThat(memory.open(key, T0.plusSeconds(60), 5)).extracting(FollowUpRequest::id).containsExactly("r1");
    }

    @Test
    void recordedRequestsComeWithTheConversationNewestFirstWithoutAQuery() {
        assertThat(store.load(key, 10).openRequests()).as("nothing listed yet: a turn must ask").isNull();
        memory.record(new FollowUpRequest("r1", key, FollowUpRequest.Kind.LEAD, "Sony A7S III", "", "budget 5000", T0, "OPEN"));
        memory.record(new FollowUpRequest("r2", key, FollowUpRequest.Kind.BOOKING, "Sony FX3", "Saturday", "",
                T0.plusSeconds(60), "OPEN", java.time.LocalDate.parse("2026-12-12")));

        List<FollowUpRequest> listed = store.load(key, 10).openRequests();
        assertThat(listed).extracting(FollowUpRequest::id).containsExactly("r2", "r1");
        assertThat(listed.get(0)).isEqualTo(new FollowUpRequest("r2", key, FollowUpRequest.Kind.BOOKING, "Sony FX3",
                "Saturday", "", T0.plusSeconds(60), "OPEN", java.time.LocalDate.parse("2026-12-12")));
        assertThat(listed).isEqualTo(memory.open(key, T0.plusSeconds(120), 5));
    }

    @Test
    void aConversationsFirstQueryListsWhatItFoundAndNeverReplacesAList() {
        // A request stored before conversations listed them: only the query finds it, and then lists it.
        DynamoDbClient client = context.getBean(DynamoDbClient.class);
        client.putItem(b -> b.tableName("memory-test-conversations").item(Map.of(
                "pk", AttributeValue.fromS(Keys.partition(key)), "sk", AttributeValue.fromS("L#" + T0.toEpochMilli() + "#old"),
                "kind", AttributeValue.fromS("FOLLOWUP"), "requestId", AttributeValue.fromS("old"),
                "requestKind", AttributeValue.fromS("LEAD"), "item", AttributeValue.fromS("Canon R5"),
                "createdAt", AttributeValue.fromN(Long.toString(T0.toEpochMilli())), "status", AttributeValue.fromS("OPEN"))));
        assertThat(store.load(key, 10).openRequests()).isNull();

        assertThat(memory.open(key, T0.plusSeconds(60), 3)).extracting(FollowUpRequest::id).containsExactly("old");
        assertThat(store.load(key, 10).openRequests()).extracting(FollowUpRequest::id).containsExactly("old");

        memory.record(new FollowUpRequest("new", key, FollowUpRequest.Kind.LEAD, "Sony FX3", "", "", T0.plusSeconds(90), "OPEN"));
        memory.open(key, T0.plusSeconds(120), 1);
        assertThat(store.load(key, 10).openRequests()).extracting(FollowUpRequest::id).containsExactly("new", "old");
    }

    @Test
    void aConversationWithNothingOpenIsListedEmptyAfterItsFirstQuery() {
        store.recordInbound(tenant, new InboundMessage("whatsapp", "pn", "wamid.5", key.customerId(), "Ravi",
                MessageType.TEXT, "text", "hi", T0, null, Map.of()), T0);
        assertThat(memory.open(key, T0, 3)).isEmpty();
        ConversationSnapshot snapshot = store.load(key, 10);
        assertThat(snapshot.openRequests()).isNotNull().isEmpty();
        assertThat(snapshot.recentMessages()).hasSize(1);
    }

    @Test
    void aNewConversationsFirstReadListsNothingOpenAndALaterRequestIsListedOverIt() {
        store.recordInbound(tenant, new InboundMessage("whatsapp", "pn", "wamid.6", key.customerId(), "Ravi",
                MessageType.TEXT, "text", "hi", T0, null, Map.of()), T0);
        ConversationSnapshot first = store.load(key, 10);
        assertThat(first.openRequests()).isNotNull().isEmpty();
        assertThat(first.conversation().customerName()).isEqualTo("Ravi");

        memory.record(new FollowUpRequest("r1", key, FollowUpRequest.Kind.LEAD, "Sony FX3", "", "", T0.plusSeconds(5), "OPEN"));
        assertThat(store.load(key, 10).openRequests()).extracting(FollowUpRequest::id).containsExactly("r1");
    }

    @Test
    void aListedRequestPastItsRetentionIsNotRead() {
        java.time.Duration retention = context.getBean(DynamoDbSettings.class).getMessageRetention();
        Instant longAgo = Instant.now().minus(retention).minusSeconds(60);
        memory.record(new FollowUpRequest("stale", key, FollowUpRequest.Kind.LEAD, "Sony FX3", "", "", longAgo, "OPEN"));
        assertThat(store.load(key, 10).openRequests()).isEmpty();
    }

    @Test
    void aSummaryMarkIsListedOnceDueAndOnlyTheMarkReadIsCleared() {
        store.recordInbound(tenant, new InboundMessage("whatsapp", "pn", "wamid.9", key.customerId(), "Ravi",
                MessageType.TEXT, "text", "fx3 on saturday?", T0, null, Map.of()), T0);
        memory.saveKeyFacts(key, List.of("item: Sony FX3"), T0);
        assertThat(marks.marked(tenant, T0.plusSeconds(60), 10).items()).isEmpty();

        memory.markSummaryDue(key, T0.plusSeconds(10));
        assertThat(marks.marked(tenant, T0.plusSeconds(5), 10).items()).isEmpty();
        List<ActiveConversation> due = marks.marked(tenant, T0.plusSeconds(60), 10).items();
        assertThat(due).extracting(d -> d.conversation().key()).containsExactly(key);
        assertThat(due.get(0).activityAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(due.get(0).conversation().memory().keyFacts()).containsExactly("item: Sony FX3");
        assertThat(marks.marked("another-tenant", T0.plusSeconds(60), 10).items()).isEmpty();

        // Overflowing again while the first mark is being handled: clearing the first mark keeps the new one.
        memory.markSummaryDue(key, T0.plusSeconds(20));
        assertThat(marks.clearMark(key, T0.plusSeconds(10))).isFalse();
        assertThat(marks.marked(tenant, T0.plusSeconds(60), 10).items()).singleElement()
                .satisfies(d -> assertThat(d.activityAt()).isEqualTo(T0.plusSeconds(20)));
        assertThat(marks.clearMark(key, T0.plusSeconds(20))).isTrue();
        assertThat(marks.marked(tenant, T0.plusSeconds(60), 10).items()).isEmpty();
        assertThat(marks.clearMark(key, T0.plusSeconds(20))).isFalse();
        // The mark is no message.
        assertThat(store.load(key, 10).recentMessages()).hasSize(1);
    }
}
