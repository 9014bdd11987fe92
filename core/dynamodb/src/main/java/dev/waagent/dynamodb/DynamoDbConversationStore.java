package dev.waagent.dynamodb;

import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.Direction;
import dev.waagent.domain.conversation.InboundRecordResult;
import dev.waagent.domain.conversation.OutboundReply;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.turn.TurnSideCalls;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations on DynamoDB. See {@link Keys} for the layout. Deduplication of inbound messages is the
 * conditional put; "answered" marks and the pending reply are written in one transaction.
 */
@Singleton
public class DynamoDbConversationStore implements ConversationStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConversationStore.class);

    /** A reply's confidence attribute when the reply was not judged (support is in [0, 1], so never negative). */
    static final double NOT_JUDGED = -1.0;
    private static final double LEGACY_CONFIDENCE = 1.0;

    /** Items of a kind other than messages that a newest-first page may contain (conversation state, deliveries). */
    private static final int NON_MESSAGE_SLACK = 4;
    static final String NO_REPLY_NEEDED = "-";

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<ConversationTableItem> table;
    /** How long messages are kept (read once: the settings bean is a configuration proxy, this is per write). */
    private final Duration retention;
    /**
     * Runs the second of two independent calls of one operation while the caller makes the first, so the operation
     * costs one round trip: the process's {@link TurnSideCalls} (not this store's to shut down).
     */
    private final Executor sideCalls;

    /** Both calls of an operation one after the other (tools, tests, functions without turns). */
    public DynamoDbConversationStore(DynamoDbEnhancedClient client, DynamoDbSettings settings) {
        this(client, settings, null);
    }

    /** @param sideCalls the process's {@link TurnSideCalls}; null (a function that runs no turns): calls in sequence */
    @Inject
    public DynamoDbConversationStore(DynamoDbEnhancedClient client, DynamoDbSettings settings,
                                     @Nullable @Named(TurnSideCalls.NAME) Executor sideCalls) {
        this.client = client;
        this.table = client.table(settings.getConversationsTable(), ItemSchemas.CONVERSATION);
        this.retention = settings.getMessageRetention();
        this.sideCalls = sideCalls == null ? Runnable::run : sideCalls;
    }

    @Override
    public InboundRecordResult recordInbound(String tenantId, InboundMessage message, Instant receivedAt) {
        ConversationKey key = new ConversationKey(tenantId, message.customerId());
        ConversationTableItem item = new ConversationTableItem();
        item.setPk(Keys.partition(key));
        item.setSk(Keys.message(message.sentAt(), message.messageId()));
        item.setKind("MSG");
        item.setTenantId(tenantId);
        item.setCustomerId(message.customerId());
        item.setCustomerName(message.customerName());
        item.setMessageId(message.messageId());
        item.setPlatformId(message.messageId());
        item.setDirection(Direction.INBOUND.name());
        item.setType(message.type().name());
        item.setRawType(message.rawType());
        item.setText(message.text());
        item.setSentAt(message.sentAt().toEpochMilli());
        item.setReceivedAt(receivedAt.toEpochMilli());
        item.setReplyTo(message.replyToMessageId());
        item.setAttributes(message.attributes().isEmpty() ? null : message.attributes());
        item.setAnsweredBy(message.expectsReply() ? null : NO_REPLY_NEEDED);
        item.setExpiresAt(receivedAt.plus(retention).getEpochSecond());
        // due-index: the tenant's messages of the day, for the daily rollup (see Keys).
        item.setDueBucket(Keys.messageDay(tenantId, receivedAt));
        item.setDueAt(receivedAt.toEpochMilli());
        ConversationTableItem seen = new ConversationTableItem();
        seen.setPk(item.getPk());
        seen.setSk(Keys.seen(message.messageId()));
        seen.setKind("SEEN");
        seen.setMessageSk(item.getSk());
        seen.setExpiresAt(item.getExpiresAt());
        Expression absent = Expression.builder().expression("attribute_not_exists(pk)").build();
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(ConversationTableItem.class)
                            .item(item).conditionExpression(absent).build())
                    .addPutItem(table, TransactPutItemEnhancedRequest.builder(ConversationTableItem.class)
                            .item(seen).conditionExpression(absent).build())
                    .build());
            return InboundRecordResult.STORED;
        } catch (TransactionCanceledException duplicate) {
            ConversationTableItem marker = getConsistent(item.getPk(), seen.getSk());
            ConversationTableItem stored = getConsistent(item.getPk(), marker == null ? item.getSk() : marker.getMessageSk());
            boolean waiting = stored != null && stored.getAnsweredBy() == null;
            return waiting ? InboundRecordResult.DUPLICATE_PENDING : InboundRecordResult.DUPLICATE_DONE;
        }
    }

    private ConversationTableItem getConsistent(String pk, String sk) {
        return table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(pk).sortValue(sk).build())
                .consistentRead(true).build());
    }

    @Override
    public void recordDeliveryStatus(String tenantId, DeliveryStatusUpdate update) {
        if (update.state() == DeliveryState.UNKNOWN || update.recipientId() == null) {
            return;
        }
        ConversationKey key = new ConversationKey(tenantId, update.recipientId());
        ConversationTableItem delivery = new ConversationTableItem();
        delivery.setPk(Keys.partition(key));
        delivery.setSk(Keys.delivery(update.messageId()));
        delivery.setKind("DLV");
        delivery.setTenantId(tenantId);
        delivery.setCustomerId(update.recipientId());
        delivery.setPlatformId(update.messageId());
        delivery.setDelivery(update.state().name());
        delivery.setDeliveryRank(update.state().rank());
        Instant at = update.at() == null ? Instant.now() : update.at();
        delivery.setDeliveryAt(at.toEpochMilli());
        if (!update.errors().isEmpty()) {
            delivery.setErrorCode(update.errors().get(0).code());
            delivery.setErrorTitle(update.errors().get(0).title());
        }
        delivery.setExpiresAt(at.plus(retention).getEpochSecond());
        ConversationTableItem updated;
        try {
            updated = table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(delivery)
                    .ignoreNulls(true)
                    .conditionExpression(forwardOnly(update.state()))
                    .build());
        } catch (ConditionalCheckFailedException olderStatus) {
            return; // statuses arrive out of order: a later state is already recorded
        }
        if (updated.getMessageSk() != null) {
            advanceMessageDelivery(updated.getPk(), updated.getMessageSk(), update.state(), delivery);
        }
        if (update.state() == DeliveryState.FAILED && update.errors().stream()
                .anyMatch(error -> ServiceWindow.closedByPlatform(error.code()))) {
            recordWindowClosed(key, at);
        }
    }

    @Override
    public ConversationSnapshot load(ConversationKey key, int historyLimit) {
        String pk = Keys.partition(key);
        long now = Instant.now().getEpochSecond();
        // The state item and the newest messages are independent reads: one round trip instead of two.
        Future<ConversationTableItem> stateRead = onSideCall(() -> table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(pk).sortValue(Keys.CONVERSATION_SK).build())
                .consistentRead(true).build()));
        List<StoredMessage> messages = new ArrayList<>();
        String[] profileName = new String[1];
        table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(Keys.MESSAGE_PREFIX).build()))
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(historyLimit + NON_MESSAGE_SLACK)
                        .build())
                .stream().findFirst().ifPresent(page -> page.items().stream()
                        // TTL deletes lazily: an expired item may still be returned.
                        .filter(item -> item.getExpiresAt() == null || item.getExpiresAt() > now)
                        .limit(historyLimit)
                        .forEach(item -> {
                            if (profileName[0] == null && item.getCustomerName() != null && !item.getCustomerName().isBlank()) {
                                profileName[0] = item.getCustomerName();
                            }
                            messages.add(toMessage(key, item));
                        }));
        ConversationTableItem state = join(stateRead);
        if (profileName[0] != null && (state == null || !profileName[0].equals(state.getCustomerName()))) {
            // The profile name arrives on the messages; the conversation item keeps the newest, so staff can name the
            // customer (/pause Ravi) and the activity timeline lists it. Not activity: the timeline place stays.
            ConversationTableItem named = conversationState(key);
            named.setCustomerName(profileName[0]);
            // Only a conversation whose every message still waits for its first answer is new for sure; an older one
            // (data of a release before the list, a first turn that crashed after a request) is left to the query.
            boolean brandNew = state == null && messages.stream().allMatch(StoredMessage::awaitsReply);
            if (!brandNew || !listNothingOpen(named)) {
                table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class).item(named).ignoreNulls(true).build());
            }
            state = state == null ? named : state;
            state.setCustomerName(profileName[0]);
        }
        // The open leads and bookings come with the conversation once listed on it (see OpenRequestList).
        List<FollowUpRequest> openRequests = null;
        if (state != null && state.getOpenRequests() != null) {
            try {
                openRequests = OpenRequestList.read(key, state.getOpenRequests(), Instant.ofEpochSecond(now), retention);
            } catch (RuntimeException unreadable) {
                // An entry this release cannot read (a newer kind after a rollback, a hand edit): the turn queries the
                // requests instead of failing the customer's every turn.
                LOG.warn("open requests listed on a conversation of tenant {} unreadable, queried instead: {}",
                        key.tenantId(), unreadable.toString());
            }
        }
        return new ConversationSnapshot(toConversation(key, state), messages, openRequests);
    }

    /**
     * Writes a new conversation's item ({@code named}) listing no open requests, so its turns never need to query
     * them ({@link OpenRequestList}): a request is stored with the list on this item, so there is none before the
     * item exists. Not over a list a request wrote meanwhile (then false, and nothing is written).
     */
    private boolean listNothingOpen(ConversationTableItem named) {
        named.setOpenRequests(List.of());
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class).item(named).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(" + OpenRequestList.ATTRIBUTE + ")").build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException listedMeanwhile) {
            named.setOpenRequests(null);
            return false;
        }
    }

    @Override
    public boolean recordReply(ConversationKey key, OutboundReply reply, Instant at, Instant sendLeaseUntil) {
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
        Expression absent = Expression.builder().expression("attribute_not_exists(pk)").build();
        List<String> partKeys = new ArrayList<>();
        if (reply.parts().isEmpty()) {
            ConversationTableItem outbound = outboundItem(key, reply, reply.outboundId(), reply.text(), null, at, sendLeaseUntil);
            partKeys.add(outbound.getSk());
            tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(outbound).conditionExpression(absent).build());
        } else {
            // One item per part, under its stable key, a millisecond apart so they sort in sending order.
            for (OutboundPart part : reply.parts()) {
                Instant partAt = at.plusMillis(part.index());
                ConversationTableItem outbound = outboundItem(key, reply, part.key(reply.outboundId()), part.asText(),
                        part.content(), partAt, sendLeaseUntil);
                partKeys.add(outbound.getSk());
                tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(ConversationTableItem.class)
                        .item(outbound).conditionExpression(absent).build());
            }
        }
        if (reply.recordOnce()) {
            // The parts' keys hold the recording time, so a retry's parts never collide with them: this marker, under
            // the turn id alone, does (the same idea as the I# mark of an inbound message).
            ConversationTableItem marker = new ConversationTableItem();
            marker.setPk(Keys.partition(key));
            marker.setSk(Keys.replyOnce(reply.turnId()));
            marker.setKind("ONCE");
            marker.setTurnId(reply.turnId());
            marker.setPartKeys(partKeys);
            marker.setExpiresAt(at.plus(retention).getEpochSecond());
            tx.addPutItem(table, TransactPutItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(marker).conditionExpression(absent).build());
        }
        ConversationTableItem state = activeState(key, at);
        state.setLastOutboundAt(at.toEpochMilli());
        if (reply.keyFacts() != null) {
            // What the turn learned goes in the same write as its reply (see DynamoDbTurnMemory#saveKeyFacts).
            state.setKeyFacts(reply.keyFacts());
            state.setKeyFactsAt(at.toEpochMilli());
        }
        return markAnsweredTogether(tx, key, reply.answers(), reply.turnId(), state);
    }

    @Override
    public List<StoredMessage> recordedParts(ConversationKey key, String turnId) {
        String pk = Keys.partition(key);
        ConversationTableItem marker = getConsistent(pk, Keys.replyOnce(turnId));
        if (marker == null || marker.getPartKeys() == null) {
            return List.of();
        }
        List<StoredMessage> parts = new ArrayList<>();
        for (String sk : marker.getPartKeys()) {
            ConversationTableItem part = getConsistent(pk, sk);
            if (part != null) {
                parts.add(toMessage(key, part));
            }
        }
        return parts;
    }

    private ConversationTableItem outboundItem(ConversationKey key, OutboundReply reply, String outboundId, String text,
                                               Reply content, Instant at, Instant sendLeaseUntil) {
        ConversationTableItem outbound = new ConversationTableItem();
        outbound.setPk(Keys.partition(key));
        outbound.setSk(Keys.message(at, outboundId));
        outbound.setKind("MSG");
        outbound.setTenantId(key.tenantId());
        outbound.setCustomerId(key.customerId());
        outbound.setMessageId(outboundId);
        outbound.setDirection(Direction.OUTBOUND.name());
        outbound.setType(MessageType.TEXT.name());
        outbound.setText(text);
        outbound.setContent(ReplyContentCodec.encode(content));
        outbound.setSentAt(at.toEpochMilli());
        outbound.setReceivedAt(at.toEpochMilli());
        outbound.setTurnId(reply.turnId());
        outbound.setReplyTo(reply.replyToMessageId());
        outbound.setDelivery(DeliveryState.PENDING.name());
        outbound.setDeliveryRank(DeliveryState.PENDING.rank());
        outbound.setSendingUntil(sendLeaseUntil.toEpochMilli());
        ReplyAccounting accounting = reply.accounting();
        outbound.setProvider(accounting.provider());
        outbound.setModel(accounting.model());
        outbound.setPromptTokens(accounting.promptTokens());
        outbound.setCompletionTokens(accounting.completionTokens());
        outbound.setLatencyMs(accounting.latencyMillis());
        outbound.setFallbacks(accounting.fallbacks());
        outbound.setNeedsHuman(accounting.needsHuman());
        outbound.setCostUsd(accounting.costUsd());
        outbound.setConfidence(accounting.judged() ? accounting.confidence() : NOT_JUDGED);
        outbound.setCacheHit(accounting.cacheHit());
        outbound.setComplexity(accounting.complexity());
        outbound.setRoute(accounting.route());
        outbound.setExpiresAt(at.plus(retention).getEpochSecond());
        outbound.setDueBucket(Keys.messageDay(key.tenantId(), at));
        outbound.setDueAt(at.toEpochMilli());
        return outbound;
    }

    @Override
    public void markUndelivered(ConversationKey key, String outboundId, Instant recordedAt, String errorCode, Instant at) {
        ConversationTableItem failed = new ConversationTableItem();
        failed.setPk(Keys.partition(key));
        failed.setSk(Keys.message(recordedAt, outboundId));
        failed.setDelivery(DeliveryState.FAILED.name());
        failed.setDeliveryRank(DeliveryState.FAILED.rank());
        failed.setDeliveryAt(at.toEpochMilli());
        failed.setErrorCode(errorCode);
        failed.setSendingUntil(0L);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(failed).ignoreNulls(true)
                    .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build())
                    .build());
        } catch (ConditionalCheckFailedException gone) {
            // Expired meanwhile: nothing to mark.
        }
        if (ServiceWindow.closedByPlatform(errorCode)) {
            recordWindowClosed(key, at);
        }
    }

    /** Meta said the customer's 24-hour window is closed: remembered until they write again. */
    private void recordWindowClosed(ConversationKey key, Instant at) {
        ConversationTableItem state = conversationState(key);
        state.setWindowClosedAt(at.toEpochMilli());
        table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class).item(state).ignoreNulls(true).build());
    }

    @Override
    public boolean markAnsweredWithoutReply(ConversationKey key, List<StoredMessage> messages, String by, Instant at) {
        if (messages.isEmpty()) {
            return true;
        }
        // The customer still wrote: the 24-hour window moves even when nobody replies.
        return markAnsweredTogether(TransactWriteItemsEnhancedRequest.builder(), key, messages, by, activeState(key, at));
    }

    /**
     * Adds to {@code tx} the "answered by" mark of every message (each conditional on not being answered yet) and
     * the conversation state with the newest inbound time, then writes it all or nothing.
     *
     * @return false when another turn answered any of the messages first (nothing written)
     */
    private boolean markAnsweredTogether(TransactWriteItemsEnhancedRequest.Builder tx, ConversationKey key,
                                         List<StoredMessage> messages, String by, ConversationTableItem state) {
        String pk = Keys.partition(key);
        long newestInbound = 0;
        for (StoredMessage message : messages) {
            ConversationTableItem mark = new ConversationTableItem();
            mark.setPk(pk);
            mark.setSk(Keys.message(message.sentAt(), message.messageId()));
            mark.setAnsweredBy(by);
            tx.addUpdateItem(table, TransactUpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(mark).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk) AND attribute_not_exists(answeredBy)").build())
                    .build());
            newestInbound = Math.max(newestInbound, message.receivedAt().toEpochMilli());
        }
        if (!messages.isEmpty()) {
            state.setLastInboundAt(newestInbound);
        }
        tx.addUpdateItem(table, TransactUpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                .item(state).ignoreNulls(true).build());
        try {
            client.transactWriteItems(tx.build());
            return true;
        } catch (TransactionCanceledException raced) {
            return false;
        }
    }

    @Override
    public void updateState(ConversationKey key, ConversationStatus status, Boolean optedOut, String handoffReason, Instant at) {
        ConversationTableItem state = activeState(key, at);
        state.setStatus(status == null ? null : status.name());
        state.setOptedOut(optedOut);
        state.setHandoffReason(status == ConversationStatus.ACTIVE ? "" : handoffReason);
        table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class).item(state).ignoreNulls(true).build());
    }

    /**
     * The conversation item of a write that counts as activity: it moves the conversation to {@code at} on the
     * tenant's activity timeline (GSI {@code due-index}), where the scheduler's jobs find it once it is quiet.
     */
    private static ConversationTableItem activeState(ConversationKey key, Instant at) {
        ConversationTableItem state = conversationState(key);
        state.setDueBucket(Keys.activityTimeline(key.tenantId()));
        state.setDueAt(at.toEpochMilli());
        return state;
    }

    private static ConversationTableItem conversationState(ConversationKey key) {
        ConversationTableItem state = new ConversationTableItem();
        state.setPk(Keys.partition(key));
        state.setSk(Keys.CONVERSATION_SK);
        state.setKind("CONV");
        state.setTenantId(key.tenantId());
        state.setCustomerId(key.customerId());
        return state;
    }

    @Override
    public boolean claimPendingSend(ConversationKey key, String outboundId, Instant recordedAt, Instant now, Instant leaseUntil) {
        ConversationTableItem lease = new ConversationTableItem();
        lease.setPk(Keys.partition(key));
        lease.setSk(Keys.message(recordedAt, outboundId));
        lease.setSendingUntil(leaseUntil.toEpochMilli());
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(lease).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk) AND delivery = :pending"
                                    + " AND (attribute_not_exists(sendingUntil) OR sendingUntil < :now)")
                            .putExpressionValue(":pending", AttributeValue.fromS(DeliveryState.PENDING.name()))
                            .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))
                            .build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException heldOrSent) {
            return false;
        }
    }

    @Override
    public void releasePendingSend(ConversationKey key, String outboundId, Instant recordedAt) {
        ConversationTableItem lease = new ConversationTableItem();
        lease.setPk(Keys.partition(key));
        lease.setSk(Keys.message(recordedAt, outboundId));
        lease.setSendingUntil(0L);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(lease).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk) AND delivery = :pending")
                            .putExpressionValue(":pending", AttributeValue.fromS(DeliveryState.PENDING.name()))
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException alreadySent) {
            // Nothing to release.
        }
    }

    @Override
    public void markSent(ConversationKey key, String outboundId, Instant recordedAt, String platformMessageId, Instant at) {
        String pk = Keys.partition(key);
        String messageSk = Keys.message(recordedAt, outboundId);
        ConversationTableItem delivery = new ConversationTableItem();
        delivery.setPk(pk);
        delivery.setSk(Keys.delivery(platformMessageId));
        delivery.setKind("DLV");
        delivery.setTenantId(key.tenantId());
        delivery.setCustomerId(key.customerId());
        delivery.setPlatformId(platformMessageId);
        delivery.setMessageSk(messageSk);
        delivery.setExpiresAt(at.plus(retention).getEpochSecond());
        // Usually one call: the pointer and the message's SENT mark in one transaction, both or neither (no sent
        // message whose statuses could not find it). It is cancelled when a status webhook beat us to the pointer, or
        // the message is gone or already further along: then the two writes below sort it out.
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addUpdateItem(table, TransactUpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                            .item(delivery).ignoreNulls(true)
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(delivery)").build())
                            .build())
                    .addUpdateItem(table, TransactUpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                            .item(sentMark(pk, messageSk, platformMessageId, DeliveryState.SENT, null, at)).ignoreNulls(true)
                            .conditionExpression(behind(DeliveryState.SENT))
                            .build())
                    .build());
            return;
        } catch (TransactionCanceledException statusFirstOrMessageAhead) {
            // Nothing written: as below.
        }
        // The pointer and the message's SENT mark go at once (one round trip). A status webhook may have beaten us to
        // the pointer item: the state it recorded is then carried to the message after.
        Future<ConversationTableItem> pointer = onSideCall(() -> table.updateItem(
                UpdateItemEnhancedRequest.builder(ConversationTableItem.class).item(delivery).ignoreNulls(true).build()));
        markMessage(pk, messageSk, platformMessageId, DeliveryState.SENT, null, at);
        ConversationTableItem recorded = join(pointer);
        DeliveryState state = recorded.getDelivery() == null ? DeliveryState.SENT : DeliveryState.valueOf(recorded.getDelivery());
        if (state.rank() > DeliveryState.SENT.rank()) {
            markMessage(pk, messageSk, platformMessageId, state, recorded, at);
        }
    }

    /** Moves the message forward to {@code state} (never back), with the error a status carried, if any. */
    private void markMessage(String pk, String messageSk, String platformMessageId, DeliveryState state,
                             ConversationTableItem status, Instant at) {
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(sentMark(pk, messageSk, platformMessageId, state, status, at)).ignoreNulls(true)
                    .conditionExpression(behind(state))
                    .build());
        } catch (ConditionalCheckFailedException alreadyAhead) {
            // A later status already moved it forward.
        }
    }

    /** The message's delivery state {@code state}, with the error a status carried, if any. */
    private static ConversationTableItem sentMark(String pk, String messageSk, String platformMessageId,
                                                  DeliveryState state, ConversationTableItem status, Instant at) {
        ConversationTableItem sent = new ConversationTableItem();
        sent.setPk(pk);
        sent.setSk(messageSk);
        sent.setPlatformId(platformMessageId);
        sent.setDelivery(state.name());
        sent.setDeliveryRank(state.rank());
        sent.setDeliveryAt(at.toEpochMilli());
        if (status != null) {
            sent.setErrorCode(status.getErrorCode());
            sent.setErrorTitle(status.getErrorTitle());
        }
        return sent;
    }

    /** The condition of a move forward to {@code state}: the message exists and is not there yet. */
    private static Expression behind(DeliveryState state) {
        return Expression.builder()
                .expression("attribute_exists(pk) AND deliveryRank < :rank")
                .putExpressionValue(":rank", AttributeValue.fromN(Integer.toString(state.rank())))
                .build();
    }

    /** The result of a call made on {@link #sideCalls}; its failure as the caller's own. */
    private static <T> T join(Future<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new IllegalStateException("interrupted waiting for DynamoDB", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private <T> Future<T> onSideCall(Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        sideCalls.execute(task);
        return task;
    }

    private void advanceMessageDelivery(String pk, String messageSk, DeliveryState state, ConversationTableItem from) {
        ConversationTableItem message = new ConversationTableItem();
        message.setPk(pk);
        message.setSk(messageSk);
        message.setDelivery(state.name());
        message.setDeliveryRank(state.rank());
        message.setDeliveryAt(from.getDeliveryAt());
        message.setErrorCode(from.getErrorCode());
        message.setErrorTitle(from.getErrorTitle());
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(ConversationTableItem.class)
                    .item(message).ignoreNulls(true)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_exists(pk) AND (attribute_not_exists(deliveryRank) OR deliveryRank < :rank)")
                            .putExpressionValue(":rank", AttributeValue.fromN(Integer.toString(state.rank())))
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException olderStatus) {
            // Already at or past this state.
        }
    }

    private static Expression forwardOnly(DeliveryState state) {
        return Expression.builder()
                .expression("attribute_not_exists(deliveryRank) OR deliveryRank < :rank")
                .putExpressionValue(":rank", AttributeValue.fromN(Integer.toString(state.rank())))
                .build();
    }

    /**
     * The stored judgement of a reply. Not judged is stored as {@link #NOT_JUDGED}; a reply stored before replies
     * carried a judgement has no attribute and reads as judged and confident, as the low-confidence streak treated
     * every answer that did not need a person then (so a deploy cannot lengthen a streak across older answers).
     */
    private static double confidenceOf(ConversationTableItem item) {
        Double stored = item.getConfidence();
        if (stored == null) {
            return LEGACY_CONFIDENCE;
        }
        return stored < 0 ? Double.NaN : stored;
    }

    static StoredMessage toMessage(ConversationKey key, ConversationTableItem item) {
        Direction direction = Direction.valueOf(item.getDirection());
        ReplyAccounting accounting = direction == Direction.OUTBOUND
                ? new ReplyAccounting(item.getProvider(), item.getModel(), orZero(item.getPromptTokens()),
                orZero(item.getCompletionTokens()), item.getLatencyMs() == null ? 0 : item.getLatencyMs(),
                orZero(item.getFallbacks()), Boolean.TRUE.equals(item.getNeedsHuman()),
                item.getCostUsd() == null ? 0 : item.getCostUsd(), Boolean.TRUE.equals(item.getCacheHit()),
                item.getComplexity(), item.getRoute(), confidenceOf(item))
                : ReplyAccounting.NONE;
        return new StoredMessage(key, item.getMessageId(), item.getPlatformId(), direction,
                MessageType.valueOf(item.getType()), item.getText(),
                Instant.ofEpochMilli(item.getSentAt()), Instant.ofEpochMilli(item.getReceivedAt()),
                NO_REPLY_NEEDED.equals(item.getAnsweredBy()) ? NO_REPLY_NEEDED : item.getAnsweredBy(),
                item.getTurnId(),
                item.getDelivery() == null ? null : DeliveryState.valueOf(item.getDelivery()),
                item.getReplyTo(), accounting,
                item.getContent() == null ? null : ReplyContentCodec.decode(item.getContent(), item.getText()));
    }

    static Conversation toConversation(ConversationKey key, ConversationTableItem item) {
        if (item == null) {
            return Conversation.start(key);
        }
        return new Conversation(key, item.getCustomerName(),
                item.getStatus() == null ? ConversationStatus.ACTIVE : ConversationStatus.valueOf(item.getStatus()),
                item.getLastInboundAt() == null ? null : Instant.ofEpochMilli(item.getLastInboundAt()),
                item.getLastOutboundAt() == null ? null : Instant.ofEpochMilli(item.getLastOutboundAt()),
                Boolean.TRUE.equals(item.getOptedOut()), item.getHandoffReason(), toMemory(item),
                item.getWindowClosedAt() == null ? null : Instant.ofEpochMilli(item.getWindowClosedAt()));
    }

    /** Summary, key facts and context cut written by the scheduler's jobs. */
    static ConversationMemory toMemory(ConversationTableItem item) {
        if (item.getSummary() == null && item.getKeyFacts() == null && item.getSummarizedThrough() == null
                && item.getContextFrom() == null) {
            return ConversationMemory.NONE;
        }
        return new ConversationMemory(item.getSummary(), item.getKeyFacts(),
                item.getSummarizedThrough() == null ? null : Instant.ofEpochMilli(item.getSummarizedThrough()),
                item.getContextFrom() == null ? null : Instant.ofEpochMilli(item.getContextFrom()));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
