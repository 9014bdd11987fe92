package dev.waagent.dynamodb;

import dev.waagent.domain.conversation.ConversationKey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Key layout of the conversations table. Every key starts with the tenant id, so one tenant's items can never
 * be read through another tenant's keys.
 * <ul>
 *   <li>{@code pk = T#<tenant>#C#<customer>}: one item collection per conversation</li>
 *   <li>{@code sk = CONV}: the conversation's state</li>
 *   <li>{@code sk = M#<epoch seconds, 10 digits>#<message id>}: a message, so a reverse query gives the newest first
 *       and the same platform message always maps to the same key (that is the deduplication)</li>
 *   <li>{@code sk = W#<platform message id>}: delivery record of an outbound message, found from a status webhook
 *       that only knows the platform id</li>
 *   <li>{@code sk = I#<platform message id>}: marks an inbound message as seen, written with it in one transaction;
 *       this is the deduplication, since a platform that sends no timestamp (Twilio) cannot give a stable M# key</li>
 *   <li>{@code sk = S#<turn id>}: marks a reply recorded once per turn (a staff {@code /reply}: {@code staff:<command
 *       message id>}), written with its parts in one transaction and listing their keys: the parts' M# keys hold the
 *       recording time, so this is what makes a retry find them (and record nothing twice) however many messages came
 *       after</li>
 * </ul>
 * Scheduler items (not conversations, same table, still tenant-first):
 * <ul>
 *   <li>{@code pk = T#<tenant>#JOBS, sk = JOB#<job>[#<pass>]}: where a job stopped on the tenant's activity timeline</li>
 *   <li>{@code pk = T#<tenant>#ROLLUP, sk = D#<yyyy-MM-dd>}: one tenant-local day's rollup (a range query serves
 *       {@code GET /admin/tenants/{id}/analytics?from&to})</li>
 * </ul>
 * The sparse GSI {@value #DUE_INDEX} ({@code dueBucket} S, {@code dueAt} N = epoch millis, projection ALL) is how
 * the scheduler finds due work without scanning. Only five kinds of item carry the attributes:
 * <ul>
 *   <li>conversation items: {@code dueBucket = T#<tenant>#ACT}, {@code dueAt} = last activity (a turn answered or
 *       silenced, a state change). Access pattern: "conversations of tenant T quiet since before X and active after
 *       the job's cursor" = {@code Query dueBucket = T#t#ACT AND dueAt BETWEEN cursor AND now - delay}; each job
 *       reads only the stretch that became due since its last run</li>
 *   <li>message items: {@code dueBucket = T#<tenant>#DAY#<yyyy-MM-dd, UTC>}, {@code dueAt} = receive time. Access
 *       pattern: "every message of tenant T in [from, to)" for the daily rollup = one Query per UTC day touched</li>
 *   <li>lead and booking request items ({@code sk = L#...}): {@code dueBucket = T#<tenant>#LEADS#<yyyy-MM-dd, UTC>},
 *       {@code dueAt} = creation time. Access pattern: "leads and booking requests of tenant T created in [from, to)"
 *       for the daily rollup = one Query per UTC day touched (a separate bucket, so the message log never reads them)</li>
 *   <li>summary marks ({@code sk = SUMMARY_DUE} in the conversation's collection, written when the worker had to drop
 *       conversation turns from a prompt): {@code dueBucket = T#<tenant>#SUM}, {@code dueAt} = when marked. Access
 *       pattern: "conversations of tenant T whose history outgrew the prompt" = {@code Query dueBucket = T#t#SUM AND
 *       dueAt <= now}; the summaries job deletes a mark once handled, so the query reads only pending ones</li>
 *   <li>booking reminders ({@code sk = R#<booking day>#<item key>}, written when a booking request names a concrete day):
 *       {@code dueBucket = T#<tenant>#REMIND}, {@code dueAt} = the booking day (midnight UTC, a date key). Access
 *       pattern: "reminders of tenant T for bookings up to tomorrow" = {@code Query dueBucket = T#t#REMIND AND
 *       dueAt <= tomorrow}; claiming one removes both attributes, so the query reads only unclaimed ones</li>
 * </ul>
 * All partitions take one tenant's write rate at most (well under a GSI partition's 1,000 writes/s); a tenant
 * beyond that would add a shard suffix and query each shard.
 */
final class Keys {

    static final String CONVERSATION_SK = "CONV";
    static final String SUMMARY_DUE_SK = "SUMMARY_DUE";
    static final String MESSAGE_PREFIX = "M#";
    static final String DELIVERY_PREFIX = "W#";
    static final String DUE_INDEX = "due-index";
    static final String DUE_BUCKET = "dueBucket";
    static final String DUE_AT = "dueAt";

    private Keys() {
    }

    static String partition(ConversationKey key) {
        return "T#" + key.tenantId() + "#C#" + key.customerId();
    }

    static String message(Instant sentAt, String messageId) {
        return MESSAGE_PREFIX + zeroPadded(sentAt.getEpochSecond(), 10) + "#" + messageId;
    }

    /** {@code value} in at least {@code digits} digits, zeros first ({@code String.format("%0<digits>d")}, cheaper). */
    static String zeroPadded(long value, int digits) {
        if (value < 0) {
            return String.format("%0" + digits + "d", value);
        }
        String plain = Long.toString(value);
        return plain.length() >= digits ? plain : "0".repeat(digits - plain.length()) + plain;
    }

    static String delivery(String platformMessageId) {
        return DELIVERY_PREFIX + platformMessageId;
    }

    static String seen(String messageId) {
        return "I#" + messageId;
    }

    static String replyOnce(String turnId) {
        return "S#" + turnId;
    }

    /** GSI partition: the tenant's conversations by last activity. */
    static String activityTimeline(String tenantId) {
        return "T#" + tenantId + "#ACT";
    }

    /** GSI partition: the tenant's messages received on one UTC day. */
    static String messageDay(String tenantId, LocalDate utcDay) {
        return "T#" + tenantId + "#DAY#" + utcDay;
    }

    static String messageDay(String tenantId, Instant receivedAt) {
        return messageDay(tenantId, LocalDate.ofInstant(receivedAt, ZoneOffset.UTC));
    }

    /** GSI partition: the tenant's leads and booking requests created on one UTC day. */
    static String followUpDay(String tenantId, LocalDate utcDay) {
        return "T#" + tenantId + "#LEADS#" + utcDay;
    }

    static String followUpDay(String tenantId, Instant createdAt) {
        return followUpDay(tenantId, LocalDate.ofInstant(createdAt, ZoneOffset.UTC));
    }

    /** GSI partition: the tenant's conversations marked due for a summary (one {@value #SUMMARY_DUE_SK} item each). */
    static String summaryDue(String tenantId) {
        return "T#" + tenantId + "#SUM";
    }

    /** GSI partition: the tenant's booking reminders not yet claimed, by booking day ({@link DynamoDbBookingReminders}). */
    static String bookingReminders(String tenantId) {
        return "T#" + tenantId + "#REMIND";
    }

    static String schedulerState(String tenantId) {
        return "T#" + tenantId + "#JOBS";
    }

    static String jobCheckpoint(String job) {
        return "JOB#" + job;
    }

    static String rollups(String tenantId) {
        return "T#" + tenantId + "#ROLLUP";
    }

    static String rollupDay(LocalDate day) {
        return "D#" + day;
    }

    static String tenant(String tenantId) {
        return "TENANT#" + tenantId;
    }

    static String route(String channel, String businessNumberId) {
        return "ROUTE#" + channel + "#" + businessNumberId;
    }
}
