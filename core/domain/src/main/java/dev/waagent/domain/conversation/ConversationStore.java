package dev.waagent.domain.conversation;

import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;

import java.time.Instant;
import java.util.List;

/** Where conversations and their messages live. Every call is scoped by tenant. */
public interface ConversationStore {

    /**
     * Persists an inbound message once: a replay of the same message id writes nothing and says what the stored
     * copy's state is.
     */
    InboundRecordResult recordInbound(String tenantId, InboundMessage message, Instant receivedAt);

    /** Moves an outbound message's delivery state forward (never backward: statuses arrive out of order). */
    void recordDeliveryStatus(String tenantId, DeliveryStatusUpdate update);

    /** The conversation and its newest {@code historyLimit} messages. */
    ConversationSnapshot load(ConversationKey key, int historyLimit);

    /**
     * Atomically records the reply as pending and marks every message it answers as answered by its turn. The
     * recording worker holds the reply's send lease until {@code sendLeaseUntil}.
     *
     * @return false when another turn already answered any of them (nothing written)
     */
    boolean recordReply(ConversationKey key, OutboundReply reply, Instant at, Instant sendLeaseUntil);

    /**
     * The parts recorded for {@code turnId} by a reply recorded once ({@link OutboundReply#recordOnce}), in sending
     * order, found through the turn's marker rather than the history, so a retry finds them however many messages
     * arrived meanwhile.
     *
     * @return empty when no such reply was recorded for {@code turnId}
     */
    List<StoredMessage> recordedParts(ConversationKey key, String turnId);

    /**
     * Takes the send lease of a pending reply, so that only one worker sends it: another worker may still be
     * sending it when a trigger is redelivered.
     *
     * @param recordedAt when the reply was recorded (part of its key)
     * @return false when the reply is no longer pending or another worker holds an unexpired lease
     */
    boolean claimPendingSend(ConversationKey key, String outboundId, Instant recordedAt, Instant now, Instant leaseUntil);

    /**
     * Marks messages answered without a reply (opted out, spam, a person owns the conversation), so no later
     * trigger answers them.
     *
     * @param by why no reply was sent, recorded in place of a turn id ({@code spam}, {@code opted-out}, {@code human})
     * @return false when another turn answered any of them first
     */
    boolean markAnsweredWithoutReply(ConversationKey key, List<StoredMessage> messages, String by, Instant at);

    /** Changes the conversation's status, consent and handoff reason (null arguments leave a field as it is). */
    void updateState(ConversationKey key, ConversationStatus status, Boolean optedOut, String handoffReason, Instant at);

    /** Gives the send lease back after a failed send, so a retry may send at once. */
    void releasePendingSend(ConversationKey key, String outboundId, Instant recordedAt);

    /**
     * Records that the platform accepted a pending reply under {@code platformMessageId}.
     *
     * @param recordedAt when {@link #recordReply} recorded it (part of its key)
     */
    void markSent(ConversationKey key, String outboundId, Instant recordedAt, String platformMessageId, Instant at);

    /**
     * Records that an outbound message will never be delivered: the platform refused it for good (its delivery state
     * becomes {@code FAILED} with {@code errorCode}, and its send lease ends). With Meta's 131047 the conversation also
     * remembers {@code at} as the moment its 24-hour window was found closed, so later messages take the template path
     * until the customer writes again.
     *
     * @param recordedAt when the message was recorded (part of its key)
     */
    default void markUndelivered(ConversationKey key, String outboundId, Instant recordedAt, String errorCode, Instant at) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not record undelivered messages");
    }
}
