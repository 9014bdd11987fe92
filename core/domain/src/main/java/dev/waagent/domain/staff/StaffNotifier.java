package dev.waagent.domain.staff;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.domain.schedule.StaffNotices;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ReplyDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a tenant's staff something on WhatsApp, through the business number: handoffs, new leads, conversations given
 * back to the bot, the owner's morning briefing. Free text may only go to a staff number inside its 24-hour window
 * (the staff member wrote to the business number in the last 24 hours); outside it the notice goes as the tenant's
 * approved {@value ApprovedTemplate#STAFF_ALERT} template, and without one it is logged and counted (held). Best
 * effort: a failed send never fails the caller.
 */
public final class StaffNotifier implements StaffNotices {

    private static final Logger LOG = LoggerFactory.getLogger(StaffNotifier.class);
    /** Template parameters are one line each; the whole template body should stay well inside Meta's 1,024. */
    static final int MAX_REASON = 120;
    static final int MAX_SUMMARY = 300;

    /** What happened to one notice to one staff member. */
    public enum Delivery {
        SENT,
        /** Outside the staff number's 24-hour window: sent as the tenant's approved staff-alert template. */
        SENT_AS_TEMPLATE,
        /** The staff number has not written in 24 hours and the tenant has no staff-alert template: held. */
        OUTSIDE_WINDOW,
        /** The staff member said STOP to the business number. */
        OPTED_OUT,
        FAILED;

        /** Reached the staff member's phone (as text or as the template). */
        public boolean delivered() {
            return this == SENT || this == SENT_AS_TEMPLATE;
        }
    }

    /**
     * One notice: the free text (sent inside the window) and what fills the staff-alert template's parameters
     * outside it.
     *
     * @param text       the full notice (may span lines)
     * @param customerId the customer it is about, or {@code null}
     * @param customer   how the customer is named ("Kabir +919812345678"), or {@code null}
     * @param customerName the customer's profile name, or {@code null}
     * @param reason     why the staff are told, one short line ("customer asked for a person")
     * @param summary    what the customer wrote, or the notice's details, or {@code null}
     */
    public record Notice(String text, String customerId, String customer, String customerName, String reason,
                         String summary) {

        /** A notice that is only text (e.g. the morning briefing): its first line is the reason, the rest the summary. */
        public static Notice of(String text) {
            String[] lines = text.strip().split("\\s*\\n\\s*", 2);
            return new Notice(text, null, null, null, lines[0], lines.length > 1 ? lines[1] : null);
        }

        /** A notice about one customer. */
        public static Notice about(String text, Conversation customer, String reason, String summary) {
            String name = customer.customerName() == null || customer.customerName().isBlank() ? null : customer.customerName();
            String number = "+" + customer.key().customerId();
            return new Notice(text, customer.key().customerId(), name == null ? number : name + " " + number, name,
                    reason, summary);
        }

        /** The staff-alert template's values, by parameter name; business_name comes from the tenant. */
        Map<String, String> values(StaffContact recipient) {
            Map<String, String> values = new HashMap<>();
            values.put("customer", customer);
            values.put("customer_name", customerName);
            values.put("reason", clip(reason, MAX_REASON));
            values.put("summary", clip(summary, MAX_SUMMARY));
            values.put("staff_name", recipient.name());
            return values;
        }
    }

    /** Counts deliveries (metrics). */
    public interface Observer {
        void staffNotice(String tenantId, Delivery delivery);

        Observer NONE = (tenantId, delivery) -> { };
    }

    private final OutboundChannel channel;
    private final ConversationStore conversations;
    private final TimeSource time;
    private final Observer observer;
    private final ReplyRepair repair = new ReplyRepair();

    public StaffNotifier(OutboundChannel channel, ConversationStore conversations, TimeSource time, Observer observer) {
        this.channel = channel;
        this.conversations = conversations;
        this.time = time;
        this.observer = observer;
    }

    /** Tells every staff member (owners and staff) about a customer's conversation, naming the customer's number. */
    @Override
    public void notify(Tenant tenant, ConversationKey conversation, String notice) {
        String number = "+" + conversation.customerId();
        sendToAll(tenant, tenant.staff(), new Notice("Customer " + number + ": " + notice, conversation.customerId(),
                number, null, notice, null), conversation.customerId());
    }

    /** Sends {@code text} to each of {@code recipients} (never to {@code except}, e.g. a staff member who is the customer). */
    public Map<Delivery, Integer> sendToAll(Tenant tenant, List<StaffContact> recipients, String text, String except) {
        return sendToAll(tenant, recipients, Notice.of(text), except);
    }

    /** Sends {@code notice} to each of {@code recipients} (never to {@code except}). */
    public Map<Delivery, Integer> sendToAll(Tenant tenant, List<StaffContact> recipients, Notice notice, String except) {
        Map<Delivery, Integer> outcome = new EnumMap<>(Delivery.class);
        for (StaffContact member : recipients) {
            if (member.waId().equals(except)) {
                continue;
            }
            outcome.merge(send(tenant, member, notice), 1, Integer::sum);
        }
        if (recipients.isEmpty()) {
            LOG.info("staff notice for tenant={} not sent: the tenant has no staff numbers", tenant.id());
        }
        return outcome;
    }

    public Delivery send(Tenant tenant, StaffContact member, String text) {
        return send(tenant, member, Notice.of(text));
    }

    public Delivery send(Tenant tenant, StaffContact member, Notice notice) {
        Instant now = time.now();
        Delivery delivery;
        try {
            Conversation own = conversations.load(new ConversationKey(tenant.id(), member.waId()), 1).conversation();
            if (own.optedOut()) {
                delivery = Delivery.OPTED_OUT;
            } else if (!own.insideServiceWindow(now) || closedByMeta(own)) {
                delivery = asTemplate(tenant, member, notice);
            } else {
                delivery = asText(tenant, member, notice);
            }
        } catch (RuntimeException e) {
            LOG.warn("staff notice to tenant={} staff={} failed: {}", tenant.id(), Masking.phone(member.waId()), e.toString());
            delivery = Delivery.FAILED;
        }
        if (delivery == Delivery.OUTSIDE_WINDOW || delivery == Delivery.OPTED_OUT) {
            LOG.info("staff notice to tenant={} staff={} not sent ({}): {}", tenant.id(), Masking.phone(member.waId()),
                    delivery, Masking.text(notice.text()));
        }
        observer.staffNotice(tenant.id(), delivery);
        return delivery;
    }

    private Delivery asText(Tenant tenant, StaffContact member, Notice notice) {
        try {
            channel.sendText(tenant, member.waId(), notice.text(), null);
            return Delivery.SENT;
        } catch (ChannelSendException e) {
            if (!ServiceWindow.closedByPlatform(e.errorCode())) {
                throw e;
            }
            // Meta closed the staff number's window early (131047): the template still reaches them.
            LOG.info("staff notice to tenant={} staff={}: window closed by WhatsApp, trying the staff-alert template",
                    tenant.id(), Masking.phone(member.waId()));
            return asTemplate(tenant, member, notice);
        }
    }

    /** The approved staff-alert template, or held when the tenant has none (or the channel cannot send templates). */
    private Delivery asTemplate(Tenant tenant, StaffContact member, Notice notice) {
        Optional<TemplateMessage> template = channel.capabilities(tenant).templates()
                ? ReplyDelivery.template(tenant, ApprovedTemplate.STAFF_ALERT, notice.values(member))
                : Optional.empty();
        // The repair makes parameters one line each (Meta refuses line breaks in them) and drops an unusable name.
        List<OutboundPart> parts = template.map(repair::repair).map(result -> result.parts()).orElse(List.of());
        if (parts.isEmpty()) {
            return Delivery.OUTSIDE_WINDOW;
        }
        channel.sendReply(tenant, member.waId(), parts.get(0), null);
        return Delivery.SENT_AS_TEMPLATE;
    }

    /** Meta answered 131047 to this staff number after their last message. */
    private static boolean closedByMeta(Conversation own) {
        return own.windowClosedAt() != null && own.lastInboundAt() != null && !own.windowClosedAt().isBefore(own.lastInboundAt());
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
