package dev.waagent.whatsapp;

import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.ChannelNotice;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Meta webhook delivery, normalized. A delivery can mix several business numbers of one WhatsApp Business
 * Account, so callers resolve tenants from {@link #businessNumberIds()} (or {@link #phoneNumberIds()}) before acting
 * on the events, and verify the signature with the app secret of the tenant(s) found.
 *
 * @param events         every message, status and notice, in delivery order
 * @param phoneNumberIds the {@code metadata.phone_number_id} values the delivery named, in order of appearance
 * @param accountIds     the {@code entry[].id} values (WhatsApp Business Account ids), in order of appearance
 */
public record ParsedDelivery(List<ChannelEvent> events, Set<String> phoneNumberIds, Set<String> accountIds) {

    public ParsedDelivery {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        phoneNumberIds = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(phoneNumberIds, "phoneNumberIds")));
        accountIds = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(accountIds, "accountIds")));
    }

    /** The business number of every event (phone number id, or the account id for account-level notices). */
    public Set<String> businessNumberIds() {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.businessNumberId()));
        return Collections.unmodifiableSet(ids);
    }

    public List<InboundMessage> messages() {
        return ofType(InboundMessage.class);
    }

    public List<DeliveryStatusUpdate> statuses() {
        return ofType(DeliveryStatusUpdate.class);
    }

    public List<ChannelNotice> notices() {
        return ofType(ChannelNotice.class);
    }

    /** The events that belong to one business number. */
    public List<ChannelEvent> eventsFor(String businessNumberId) {
        return events.stream().filter(event -> event.businessNumberId().equals(businessNumberId)).toList();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    private <T extends ChannelEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
