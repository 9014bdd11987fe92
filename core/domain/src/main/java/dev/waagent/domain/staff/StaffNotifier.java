package dev.waagent.domain.staff;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.schedule.StaffNotices;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.OutboundChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a tenant's staff something on WhatsApp, through the business number: handoffs, conversations given back
 * to the bot, the owner's morning briefing. Free text may only go to a staff number inside its 24-hour window (the
 * staff member wrote to the business number in the last 24 hours); outside it the notice is logged and counted
 * (the approved-template path comes with the templates work). Best effort: a failed send never fails the caller.
 */
public final class StaffNotifier implements StaffNotices {

    private static final Logger LOG = LoggerFactory.getLogger(StaffNotifier.class);

    /** What happened to one notice to one staff member. */
    public enum Delivery {
        SENT,
        /** The staff number has not written in 24 hours: WhatsApp only allows an approved template. */
        OUTSIDE_WINDOW,
        /** The staff member said STOP to the business number. */
        OPTED_OUT,
        FAILED
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

    public StaffNotifier(OutboundChannel channel, ConversationStore conversations, TimeSource time, Observer observer) {
        this.channel = channel;
        this.conversations = conversations;
        this.time = time;
        this.observer = observer;
    }

    /** Tells every staff member (owners and staff) about a customer's conversation, naming the customer's number. */
    @Override
    public void notify(Tenant tenant, ConversationKey conversation, String notice) {
        sendToAll(tenant, tenant.staff(), "Customer +" + conversation.customerId() + ": " + notice, conversation.customerId());
    }

    /** Sends {@code text} to each of {@code recipients} (never to {@code except}, e.g. a staff member who is the customer). */
    public Map<Delivery, Integer> sendToAll(Tenant tenant, List<StaffContact> recipients, String text, String except) {
        Map<Delivery, Integer> outcome = new EnumMap<>(Delivery.class);
        for (StaffContact member : recipients) {
            if (member.waId().equals(except)) {
                continue;
            }
            outcome.merge(send(tenant, member, text), 1, Integer::sum);
        }
        if (recipients.isEmpty()) {
            LOG.info("staff notice for tenant={} not sent: the tenant has no staff numbers", tenant.id());
        }
        return outcome;
    }

    public Delivery send(Tenant tenant, StaffContact member, String text) {
        Instant now = time.now();
        Delivery delivery;
        try {
            Conversation own = conversations.load(new ConversationKey(tenant.id(), member.waId()), 1).conversation();
            if (own.optedOut()) {
                delivery = Delivery.OPTED_OUT;
            } else if (!own.insideServiceWindow(now)) {
                delivery = Delivery.OUTSIDE_WINDOW;
            } else {
                channel.sendText(tenant, member.waId(), text, null);
                delivery = Delivery.SENT;
            }
        } catch (RuntimeException e) {
            LOG.warn("staff notice to tenant={} staff={} failed: {}", tenant.id(), Masking.phone(member.waId()), e.toString());
            delivery = Delivery.FAILED;
        }
        if (delivery != Delivery.SENT && delivery != Delivery.FAILED) {
            LOG.info("staff notice to tenant={} staff={} not sent ({}): {}", tenant.id(), Masking.phone(member.waId()),
                    delivery, Masking.text(text));
        }
        observer.staffNotice(tenant.id(), delivery);
        return delivery;
    }
}
