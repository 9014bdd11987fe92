package dev.waagent.scheduler;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.domain.reply.TextFit;
import dev.waagent.domain.reply.WhatsAppFormatter;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ReplyDelivery;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code follow-ups}: a conversation whose last message is our question, unanswered for the tenant's follow-up
 * delay (4 hours by default), gets one follow-up. Never to a customer who opted out, never while a person owns
 * the conversation, never twice for one question, never for a follow-up. Open leads do not exist yet: this is
 * the "asked something, got no answer" case.
 * <p>
 * Inside the 24-hour service window the follow-up is a text; outside it ({@link ServiceWindow}: 24 h from the
 * customer's last message, or closed early when Meta answered 131047) only the tenant's approved {@code follow_up}
 * template may go. A text refused with 131047 switches to the template at once. A tenant without such a template (or
 * a channel without templates) gets the intent recorded on the conversation ({@code followUpIntent}) instead.
 * <p>
 * Due work: the {@code follow-ups} checkpoint on the activity timeline at {@code now - followUpDelay}. At most
 * once: the follow-up is claimed with a conditional write (no activity since, not opted out, not handed off, not
 * claimed for this question) before it is sent; a crash between claim and send loses it rather than doubling it.
 */
@Singleton
public class FollowUpsJob implements ScheduledJob {

    public static final String NAME = "follow-ups";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpsJob.class);
    /** Messages of the last exchange read to decide. */
    private static final int LAST_EXCHANGE = 10;

    private final TimelineSweep sweep;
    private final ConversationMaintenance conversations;
    private final OutboundChannel channel;
    private final TenantTimings timings;
    private final JobMetrics metrics;
    private final TimeSource time;
    private final ServiceWindow window;
    private final ReplyRepair repair = new ReplyRepair();

    public FollowUpsJob(TimelineSweep sweep, ConversationMaintenance conversations, OutboundChannel channel,
                        TenantTimings timings, JobMetrics metrics, TimeSource time) {
        this.sweep = sweep;
        this.conversations = conversations;
        this.channel = channel;
        this.timings = timings;
        this.metrics = metrics;
        this.time = time;
        this.window = new ServiceWindow(time);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Duration budget) {
        Instant started = time.now();
        JobReport report = new JobReport(NAME);
        // A send may take the channel's retries: keep ten seconds in hand.
        sweep.sweep(NAME, started.plus(budget), Duration.ofSeconds(10),
                tenant -> timings.forTenant(tenant.id()).followUpDelay(), this::followUp, report);
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    private String followUp(Tenant tenant, ActiveConversation due, Instant now) {
        Conversation conversation = due.conversation();
        if (conversation.optedOut()) {
            return "skipped-opted-out";
        }
        if (conversation.handedOff()) {
            return "skipped-handed-off";
        }
        // The exchange around the last activity (our reply), and anything the customer wrote after it.
        List<StoredMessage> recent = conversations.messagesAfter(conversation.key(), due.activityAt().minusSeconds(1),
                now, LAST_EXCHANGE);
        if (recent.isEmpty()) {
            return "skipped-no-question";
        }
        StoredMessage last = recent.get(recent.size() - 1);
        if (last.isInbound()) {
            return "skipped-customer-replied";
        }
        if (ConversationMaintenance.FOLLOW_UP_TURN.equals(last.turnId())) {
            return "already-followed-up";
        }
        if (last.text() == null || !last.text().contains("?")) {
            return "skipped-no-question";
        }
        if (!conversations.claimFollowUp(conversation.key(), due.activityAt(), last.messageId(), now)) {
            return "already-followed-up";
        }
        String customer = Masking.phone(conversation.key().customerId());
        if (!window.status(conversation.lastInboundAt(), conversation.windowClosedAt()).open()) {
            return followUpWithTemplate(tenant, conversation, last, now, "outside-24h-window");
        }
        String text = followUpText(last.text());
        String outboundId = "out.follow-up." + UUID.randomUUID();
        String platformId;
        try {
            platformId = channel.sendText(tenant, conversation.key().customerId(), text, null);
        } catch (ChannelSendException e) {
            if (ServiceWindow.closedByPlatform(e.errorCode())) {
                // Meta closed the window early: the follow-up takes the template path.
                return followUpWithTemplate(tenant, conversation, last, time.now(), "window-closed-by-meta");
            }
            return failedSend(tenant, customer, e);
        } catch (RuntimeException e) {
            return failedSend(tenant, customer, e);
        }
        conversations.recordFollowUp(conversation.key(), outboundId, text, platformId, time.now());
        LOG.info("follow-up sent: tenant={} customer={}", tenant.id(), customer);
        return "followed-up";
    }

    /** Outside the window: the tenant's approved follow-up template, or the intent recorded when there is none. */
    private String followUpWithTemplate(Tenant tenant, Conversation conversation, StoredMessage question, Instant now,
                                        String why) {
        String customer = Masking.phone(conversation.key().customerId());
        Optional<OutboundPart> part = channel.capabilities(tenant).templates()
                ? ReplyDelivery.template(tenant, ApprovedTemplate.FOLLOW_UP, Map.of(
                        "customer_name", tenant.template(ApprovedTemplate.FOLLOW_UP)
                                .map(template -> template.customerName(conversation.customerName())).orElse(""),
                        "topic", TextFit.shorten(WhatsAppFormatter.plain(question.text()), 60)))
                .map(template -> repair.repair(template).parts())
                .filter(parts -> !parts.isEmpty())
                .map(parts -> parts.get(0))
                : Optional.empty();
        if (part.isEmpty()) {
            conversations.recordFollowUpIntent(conversation.key(), question.messageId(), why + ": template needed", now);
            LOG.info("follow-up for tenant={} customer={} needs an approved template ({}): intent recorded",
                    tenant.id(), customer, why);
            return "intent-recorded-outside-window";
        }
        String outboundId = "out.follow-up." + UUID.randomUUID();
        String platformId;
        try {
            platformId = channel.sendReply(tenant, conversation.key().customerId(), part.get(), null);
        } catch (RuntimeException e) {
            return failedSend(tenant, customer, e);
        }
        conversations.recordFollowUp(conversation.key(), outboundId, part.get().asText(), platformId, time.now());
        LOG.info("follow-up sent as template {}: tenant={} customer={} ({})",
                ((TemplateMessage) part.get().content()).name(), tenant.id(), customer, why);
        return "followed-up-template";
    }

    private static String failedSend(Tenant tenant, String customer, RuntimeException e) {
        LOG.warn("follow-up to tenant={} customer={} not sent (not retried: at most once): {}", tenant.id(), customer,
                e.toString());
        return "failed-send";
    }

    /** A short nudge in the language our question was in. */
    static String followUpText(String question) {
        Locale language = LanguageDetector.detect(question);
        if (language.getLanguage().equals(LanguageDetector.INDONESIAN.getLanguage())) {
            return "Halo, menindaklanjuti pesan kami sebelumnya: apakah masih ada yang bisa kami bantu?";
        }
        if (language.getLanguage().equals(LanguageDetector.HINDI.getLanguage())) {
            return "Hi, bas follow up kar rahe the: kya hum aapki aur madad kar sakte hain?";
        }
        return "Hi, just following up on my last message: is there anything else I can help you with?";
    }
}
