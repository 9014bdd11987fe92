package dev.waagent.dynamodb;

import dev.waagent.domain.channel.ChannelError;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.InboundRecordResult;
import dev.waagent.domain.conversation.OutboundReply;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbConversationStoreTest {

    private static ApplicationContext context;
    private static ConversationStore store;
    private final String tenant = "t-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString(),
                "wa.dynamodb.create-tables", true,
                "wa.dynamodb.conversations-table", "store-test-conversations",
                "wa.dynamodb.tenants-table", "store-test-tenants"));
        store = context.getBean(ConversationStore.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void replaysOfTheSameMessageIdWriteNothingNew() {
        InboundMessage message = text("wamid.1", "hello", Instant.parse("2026-11-22T10:00:00Z"));
        Instant received = Instant.parse("2026-11-22T10:00:01Z");

        assertThat(store.recordInbound(tenant, message, received)).isEqualTo(InboundRecordResult.STORED);
        assertThat(store.recordInbound(tenant, message, received.plusSeconds(30))).isEqualTo(InboundRecordResult.DUPLICATE_PENDING);

        ConversationSnapshot snapshot = store.load(key(), 10);
        assertThat(snapshot.recentMessages()).hasSize(1);
        assertThat(snapshot.unansweredInbound()).extracting(StoredMessage::messageId).containsExactly("wamid.1");
        assertThat(snapshot.recentMessages().get(0).receivedAt()).isEqualTo(received);
    }

    @Test
    void aReplayWhoseTimestampDiffersIsStillTheSameMessage() {
        // Twilio sends no timestamp: the receive time stands in, so a replay a few seconds later differs in time only.
        InboundMessage first = text("SM0001", "hola", Instant.parse("2026-11-22T09:00:00Z"));
        InboundMessage replay = text("SM0001", "hola", Instant.parse("2026-11-22T09:00:07Z"));
        assertThat(store.recordInbound(tenant, first, first.sentAt())).isEqualTo(InboundRecordResult.STORED);
        assertThat(store.recordInbound(tenant, replay, replay.sentAt())).isEqualTo(InboundRecordResult.DUPLICATE_PENDING);
        assertThat(store.load(key(), 10).recentMessages()).hasSize(1);
    }

    @Test
    void aReplysJudgedConfidenceIsKeptAndAnUnjudgedOneReadsAsNotJudged() {
        Instant t0 = Instant.parse("2026-11-22T11:00:00Z");
        store.recordInbound(tenant, text("wamid.c1", "is the deposit refundable?", t0), t0);
        ReplyAccounting judged = new ReplyAccounting("openai", "m", 10, 5, 3, 0, true, 0, false, "SIMPLE", "openai:OK")
                .withConfidence(0.42);
        store.recordReply(key(), new OutboundReply("turn-c1", "out.turn-c1", "Not sure.", null,
                store.load(key(), 10).unansweredInbound(), judged), t0.plusSeconds(1), t0.plusSeconds(61));
        store.recordInbound(tenant, text("wamid.c2", "hi", t0.plusSeconds(2)), t0.plusSeconds(2));
        store.recordReply(key(), new OutboundReply("turn-c2", "out.turn-c2", "Hello!", null,
                store.load(key(), 10).unansweredInbound(), new ReplyAccounting("openai", "m", 10, 5, 3, 0, false, 0, false,
                "SIMPLE", "openai:OK")), t0.plusSeconds(3), t0.plusSeconds(63));

        List<StoredMessage> replies = store.load(key(), 10).recentMessages().stream().filter(m -> !m.isInbound()).toList();

        assertThat(replies).extracting(m -> m.accounting().confidence()).containsExactly(0.42, Double.NaN);
        assertThat(replies.get(0).accounting()).isEqualTo(judged);
        assertThat(replies.get(1).accounting().judged()).isFalse();
    }

    @Test
    void aReplyStoredBeforeRepliesWereJudgedReadsAsAJudgedAnswerSoItStillEndsAStreak() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00Z");
        store.recordInbound(tenant, text("wamid.l1", "do you rent drones?", t0), t0);
        store.recordReply(key(), new OutboundReply("turn-l1", "out.turn-l1", "Yes, the DJI Mini 4.", null,
                store.load(key(), 10).unansweredInbound(), new ReplyAccounting("openai", "m", 10, 5, 3, 0, false, 0, false,
                "SIMPLE", "openai:OK")), t0.plusSeconds(1), t0.plusSeconds(61));
        StoredMessage stored = store.load(key(), 10).recentMessages().stream().filter(m -> !m.isInbound()).findFirst().orElseThrow();
        assertThat(stored.accounting().judged()).isFalse();

        // What an item written by the previous release looks like: no confidence attribute at all.
        context.getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class).updateItem(update -> update
                .tableName("store-test-conversations")
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.partition(key())),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.message(t0.plusSeconds(1), stored.messageId()))))
                .updateExpression("REMOVE confidence")
                .conditionExpression("attribute_exists(confidence)"));

        StoredMessage legacy = store.load(key(), 10).recentMessages().stream().filter(m -> !m.isInbound()).findFirst().orElseThrow();
        assertThat(legacy.accounting().judged()).isTrue();
        assertThat(legacy.accounting().confidence()).isEqualTo(1.0);
    }

    @Test
    void aReplyMarksEveryAnsweredMessageAndAReplayOfThemIsDone() {
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        store.recordInbound(tenant, text("wamid.a", "hi", t0), t0);
        store.recordInbound(tenant, text("wamid.b", "do you have the FX3?", t0.plusSeconds(1)), t0.plusSeconds(1));
        List<StoredMessage> waiting = store.load(key(), 10).unansweredInbound();

        OutboundReply reply = new OutboundReply("turn-1", "out.turn-1", "Hello! Yes.", null, waiting,
                new ReplyAccounting("local", "m", 10, 5, 3, 0, false, 0.0001, false, "SIMPLE", "local:OK"));
        Instant at = t0.plusSeconds(4);
        assertThat(store.recordReply(key(), reply, at, at.plusSeconds(60))).isTrue();

        ConversationSnapshot after = store.load(key(), 10);
        assertThat(after.unansweredInbound()).isEmpty();
        assertThat(after.pendingOutbound()).extracting(StoredMessage::text).containsExactly("Hello! Yes.");
        assertThat(store.recordInbound(tenant, text("wamid.a", "hi", t0), t0)).isEqualTo(InboundRecordResult.DUPLICATE_DONE);

        // A second turn claiming the same messages writes nothing.
        OutboundReply second = new OutboundReply("turn-2", "out.turn-2", "again", null, waiting, ReplyAccounting.NONE);
        assertThat(store.recordReply(key(), second, at.plusSeconds(1), at.plusSeconds(1).plusSeconds(60))).isFalse();
        assertThat(store.load(key(), 10).recentMessages()).hasSize(3);
    }

    @Test
    void aReplyRecordedOnceIsFoundByItsTurnBehindAnyNumberOfNewerMessagesAndIsNeverRecordedTwice() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00Z");
        List<OutboundPart> parts = List.of(new OutboundPart(0, new Reply.Text("Yes, the FX3 is free.")),
                new OutboundPart(1, new Reply.Text("Pick it up from 10:00.")));
        OutboundReply reply = new OutboundReply("staff:wamid.cmd", "out.staff:wamid.cmd", "Yes, the FX3 is free.\n\nPick it up from 10:00.",
                null, List.of(), new ReplyAccounting("staff", null, 0, 0, 0, 0, false, 0, false, null, "STAFF_REPLY"), parts,
                null, true);
        assertThat(store.recordReply(key(), reply, t0, t0.plusSeconds(60))).isTrue();
        for (int i = 0; i < 25; i++) {
            store.recordInbound(tenant, text("wamid.n" + i, "hello? " + i, t0.plusSeconds(10 + i)), t0.plusSeconds(10 + i));
        }
        assertThat(store.load(key(), 20).recentMessages()).noneMatch(m -> "staff:wamid.cmd".equals(m.turnId()));

        assertThat(store.recordedParts(key(), "staff:wamid.cmd")).extracting(StoredMessage::messageId, StoredMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("out.staff:wamid.cmd#0", "Yes, the FX3 is free."),
                        org.assertj.core.groups.Tuple.tuple("out.staff:wamid.cmd#1", "Pick it up from 10:00."));
        // A retry recording the same turn later (its parts' keys hold the later time) writes nothing.
        Instant retry = t0.plusSeconds(120);
        assertThat(store.recordReply(key(), reply, retry, retry.plusSeconds(60))).isFalse();
        assertThat(store.load(key(), 50).recentMessages()).filteredOn(m -> "staff:wamid.cmd".equals(m.turnId())).hasSize(2);
        assertThat(store.recordedParts(key(), "staff:wamid.other")).isEmpty();
        // A bot reply is made idempotent by its "answered" marks: no marker, nothing found by its turn.
        store.recordReply(key(), new OutboundReply("turn-bot", "out.turn-bot", "Hi!", null,
                store.load(key(), 50).unansweredInbound(), ReplyAccounting.NONE), retry, retry.plusSeconds(60));
        assertThat(store.recordedParts(key(), "turn-bot")).isEmpty();
    }

    @Test
    void theKeyFactsOfATurnAreSavedWithItsReplyAndOnlyIfTheReplyIsRecorded() {
        Instant t0 = Instant.parse("2026-11-22T10:30:00Z");
        store.recordInbound(tenant, text("wamid.kf", "my name is Ravi, FX3 for saturday", t0), t0);
        List<StoredMessage> waiting = store.load(key(), 10).unansweredInbound();
        OutboundReply reply = new OutboundReply("turn-kf", "out.turn-kf", "Noted, Ravi.", null, waiting,
                ReplyAccounting.NONE, List.of(), List.of("name: Ravi", "item: Sony FX3", "dates: saturday"));

        assertThat(store.recordReply(key(), reply, t0.plusSeconds(2), t0.plusSeconds(62))).isTrue();
        assertThat(store.load(key(), 10).conversation().memory().keyFacts())
                .containsExactly("name: Ravi", "item: Sony FX3", "dates: saturday");

        // A turn that lost the race writes nothing, its facts included; a reply without facts leaves them as they are.
        OutboundReply raced = new OutboundReply("turn-kf2", "out.turn-kf2", "again", null, waiting,
                ReplyAccounting.NONE, List.of(), List.of("name: Someone else"));
        assertThat(store.recordReply(key(), raced, t0.plusSeconds(3), t0.plusSeconds(63))).isFalse();
        store.recordInbound(tenant, text("wamid.kf3", "thanks", t0.plusSeconds(10)), t0.plusSeconds(10));
        assertThat(store.recordReply(key(), new OutboundReply("turn-kf3", "out.turn-kf3", "You're welcome.", null,
                store.load(key(), 10).unansweredInbound(), ReplyAccounting.NONE), t0.plusSeconds(12), t0.plusSeconds(72))).isTrue();
        assertThat(store.load(key(), 10).conversation().memory().keyFacts())
                .containsExactly("name: Ravi", "item: Sony FX3", "dates: saturday");
    }

    @Test
    void deliveryStatusesOnlyMoveForwardEvenOutOfOrder() {
        Instant t0 = Instant.parse("2026-11-22T11:00:00Z");
        store.recordInbound(tenant, text("wamid.q", "price?", t0), t0);
        OutboundReply reply = new OutboundReply("turn-9", "out.turn-9", "A team member will confirm.", null,
                store.load(key(), 10).unansweredInbound(), ReplyAccounting.NONE);
        store.recordReply(key(), reply, t0.plusSeconds(3), t0.plusSeconds(63));
        // The read status beats our own record of the send.
        store.recordDeliveryStatus(tenant, status("wamid.out9", DeliveryState.READ));
        store.markSent(key(), "out.turn-9", t0.plusSeconds(3), "wamid.out9", t0.plusSeconds(4));
        store.recordDeliveryStatus(tenant, status("wamid.out9", DeliveryState.DELIVERED));

        StoredMessage sent = store.load(key(), 10).recentMessages().stream()
                .filter(m -> !m.isInbound()).findFirst().orElseThrow();
        assertThat(sent.platformMessageId()).isEqualTo("wamid.out9");
        assertThat(sent.deliveryState()).isEqualTo(DeliveryState.READ);
        assertThat(store.load(key(), 10).pendingOutbound()).isEmpty();
    }

    @Test
    void aFailedStatusIsRecordedOnTheOutboundMessage() {
        Instant t0 = Instant.parse("2026-11-22T12:00:00Z");
        store.recordInbound(tenant, text("wamid.f", "hi", t0), t0);
        store.recordReply(key(), new OutboundReply("turn-f", "out.turn-f", "Hello", null,
                store.load(key(), 10).unansweredInbound(), ReplyAccounting.NONE), t0.plusSeconds(2), t0.plusSeconds(62));
        store.markSent(key(), "out.turn-f", t0.plusSeconds(2), "wamid.outf", t0.plusSeconds(3));
        store.recordDeliveryStatus(tenant, new DeliveryStatusUpdate("whatsapp", "pn", "wamid.outf", "919800000001",
                DeliveryState.FAILED, "failed", t0.plusSeconds(5), List.of(new ChannelError("131047", "Re-engagement message", null))));

        StoredMessage sent = store.load(key(), 10).recentMessages().stream()
                .filter(m -> !m.isInbound()).findFirst().orElseThrow();
        assertThat(sent.deliveryState()).isEqualTo(DeliveryState.FAILED);
        // 131047: the conversation remembers when Meta said the 24-hour window was closed.
        assertThat(store.load(key(), 10).conversation().windowClosedAt()).isEqualTo(t0.plusSeconds(5));
    }

    @Test
    void everyPartOfAReplyIsRecordedUnderItsKeyWithTheAnsweredMarksAndSentOneByOne() {
        Instant t0 = Instant.parse("2026-11-22T13:00:00Z");
        store.recordInbound(tenant, text("wamid.p", "which camera?", t0), t0);
        List<OutboundPart> parts = List.of(new OutboundPart(0, new Reply.Text("We have three free tomorrow.")),
                new OutboundPart(1, new Reply.Buttons(null, "Which one?", null, List.of(
                        new ReplyButton("fx3", "Sony FX3"), new ReplyButton("r5", "Canon R5")))));
        OutboundReply reply = new OutboundReply("turn-p", "out.turn-p", "whole", null,
                store.load(key(), 10).unansweredInbound(), ReplyAccounting.NONE, parts);

        assertThat(store.recordReply(key(), reply, t0.plusSeconds(2), t0.plusSeconds(62))).isTrue();

        ConversationSnapshot recorded = store.load(key(), 10);
        assertThat(recorded.unansweredInbound()).isEmpty();
        assertThat(recorded.pendingOutbound()).extracting(StoredMessage::messageId).containsExactly("out.turn-p#0", "out.turn-p#1");
        assertThat(recorded.pendingOutbound().get(1).content()).isEqualTo(parts.get(1).content());
        store.markSent(key(), "out.turn-p#0", recorded.pendingOutbound().get(0).sentAt(), "wamid.p0", t0.plusSeconds(3));
        assertThat(store.load(key(), 10).pendingOutbound()).extracting(StoredMessage::messageId).containsExactly("out.turn-p#1");
        // Recorded again (a replayed turn): nothing is written twice.
        assertThat(store.recordReply(key(), reply, t0.plusSeconds(2), t0.plusSeconds(62))).isFalse();

        store.markUndelivered(key(), "out.turn-p#1", recorded.pendingOutbound().get(1).sentAt(), "131047", t0.plusSeconds(4));
        ConversationSnapshot after = store.load(key(), 10);
        assertThat(after.pendingOutbound()).isEmpty();
        assertThat(after.conversation().windowClosedAt()).isEqualTo(t0.plusSeconds(4));
    }

    @Test
    void onlyOneWorkerAtATimeMaySendAPendingReply() {
        Instant t0 = Instant.parse("2026-11-22T15:00:00Z");
        store.recordInbound(tenant, text("wamid.lease", "hi", t0), t0);
        Instant recorded = t0.plusSeconds(1);
        store.recordReply(key(), new OutboundReply("turn-l", "out.turn-l", "Hello", null,
                store.load(key(), 10).unansweredInbound(), ReplyAccounting.NONE), recorded, recorded.plusSeconds(60));

        // The recording worker holds the lease: a redelivered trigger may not resend yet.
        assertThat(store.claimPendingSend(key(), "out.turn-l", recorded, recorded.plusSeconds(5), recorded.plusSeconds(65))).isFalse();
        // Once it expires (the first worker died), one retry takes it, and only one.
        assertThat(store.claimPendingSend(key(), "out.turn-l", recorded, recorded.plusSeconds(61), recorded.plusSeconds(121))).isTrue();
        assertThat(store.claimPendingSend(key(), "out.turn-l", recorded, recorded.plusSeconds(62), recorded.plusSeconds(122))).isFalse();
        // A failed send gives it back at once.
        store.releasePendingSend(key(), "out.turn-l", recorded);
        assertThat(store.claimPendingSend(key(), "out.turn-l", recorded, recorded.plusSeconds(63), recorded.plusSeconds(123))).isTrue();
        // Once sent, nobody may send it again.
        store.markSent(key(), "out.turn-l", recorded, "wamid.sent-l", recorded.plusSeconds(64));
        store.releasePendingSend(key(), "out.turn-l", recorded);
        assertThat(store.claimPendingSend(key(), "out.turn-l", recorded, recorded.plusSeconds(200), recorded.plusSeconds(260))).isFalse();
    }

    @Test
    void reactionsAreStoredButWaitForNoReply() {
        Instant t0 = Instant.parse("2026-11-22T13:00:00Z");
        InboundMessage reaction = new InboundMessage("whatsapp", "pn", "wamid.r", "919800000001", null,
                MessageType.REACTION, "reaction", "👍", t0, null, Map.of("reaction.message_id", "wamid.x"));
        assertThat(store.recordInbound(tenant, reaction, t0)).isEqualTo(InboundRecordResult.STORED);
        assertThat(store.recordInbound(tenant, reaction, t0)).isEqualTo(InboundRecordResult.DUPLICATE_DONE);
        assertThat(store.load(key(), 10).unansweredInbound()).isEmpty();
    }

    @Test
    void oneTenantCannotReadAnotherTenantsConversation() {
        Instant t0 = Instant.parse("2026-11-22T14:00:00Z");
        store.recordInbound(tenant, text("wamid.iso", "secret plans", t0), t0);
        ConversationKey otherTenant = new ConversationKey("other-" + tenant, "919800000001");
        assertThat(store.load(otherTenant, 10).recentMessages()).isEmpty();
    }

    private ConversationKey key() {
        return new ConversationKey(tenant, "919800000001");
    }

    private static InboundMessage text(String id, String body, Instant sentAt) {
        return new InboundMessage("whatsapp", "pn", id, "919800000001", "Asha", MessageType.TEXT, "text", body,
                sentAt, null, Map.of());
    }

    private static DeliveryStatusUpdate status(String id, DeliveryState state) {
        return new DeliveryStatusUpdate("whatsapp", "pn", id, "919800000001", state, state.name().toLowerCase(),
                Instant.parse("2026-11-22T11:00:05Z"), List.of());
    }
}
