package dev.waagent.domain.staff;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.schedule.ActiveConversation;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.schedule.TimelineCursor;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.domain.tenant.Tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the customer a staff member means: a full number ({@code 919812345678}, {@code +91 98123 45678}), the
 * masked form the bot shows ({@code 9198****5678}), the last digits ({@code 5678}, or a national number without its
 * country code: {@code 98123 45678}) or the name the customer's
 * WhatsApp profile gives ({@code Ravi}). Numbers other than a full one, and names, are looked up among the
 * tenant's recently active conversations (newest first), never another tenant's; staff numbers are not customers.
 */
public final class CustomerFinder {

    static final Duration LOOK_BACK = Duration.ofDays(14);
    static final int PAGE = 100;
    static final int MAX_READ = 2_000;

    private final ConversationStore conversations;
    private final ActivityTimeline timeline;

    public CustomerFinder(ConversationStore conversations, ActivityTimeline timeline) {
        this.conversations = conversations;
        this.timeline = timeline;
    }

    /** The outcome: exactly one customer, none, or several (the staff member must say more). */
    public record Found(List<Conversation> matches) {
        public boolean unique() {
            return matches.size() == 1;
        }

        public Conversation only() {
            return matches.get(0);
        }
    }

    public Found find(Tenant tenant, String reference, Instant now) {
        String written = reference.strip();
        String digits = written.replaceAll("[\\s+\\-()]", "");
        if (digits.matches("\\d{10,15}")) {
            Conversation conversation = conversations.load(new ConversationKey(tenant.id(), digits), 1).conversation();
            if (conversation.lastInboundAt() != null && !isStaff(tenant, digits)) {
                return new Found(List.of(conversation));
            }
            // Perhaps a national number without its country code ("98123 45678"): look for it as the last digits.
        }
        String prefix;
        String suffix;
        String name = null;
        if (digits.matches("\\d{0,6}\\*+\\d{3,}")) {
            prefix = digits.substring(0, digits.indexOf('*'));
            suffix = digits.substring(digits.lastIndexOf('*') + 1);
        } else if (digits.matches("\\d{3,15}")) {
            prefix = "";
            suffix = digits;
        } else {
            prefix = null;
            suffix = null;
            name = written.toLowerCase(Locale.ROOT);
        }
        Map<String, Conversation> exact = new LinkedHashMap<>();
        Map<String, Conversation> partial = new LinkedHashMap<>();
        for (Conversation conversation : recent(tenant, now)) {
            String customer = conversation.key().customerId();
            if (isStaff(tenant, customer)) {
                continue;
            }
            if (name == null) {
                if (customer.startsWith(prefix) && customer.endsWith(suffix)) {
                    exact.putIfAbsent(customer, conversation);
                }
            } else if (conversation.customerName() != null && !conversation.customerName().isBlank()) {
                String customerName = conversation.customerName().toLowerCase(Locale.ROOT).strip();
                if (customerName.equals(name)) {
                    exact.putIfAbsent(customer, conversation);
                } else if ((" " + customerName + " ").contains(" " + name + " ") || customerName.startsWith(name)) {
                    partial.putIfAbsent(customer, conversation);
                }
            }
        }
        return new Found(List.copyOf((exact.isEmpty() ? partial : exact).values()));
    }

    /** The tenant's conversations active in the look-back, newest activity first. */
    private List<Conversation> recent(Tenant tenant, Instant now) {
        List<ActiveConversation> read = new ArrayList<>();
        TimelineCursor cursor = null;
        TimelinePage page;
        do {
            page = timeline.read(tenant.id(), cursor, now.minus(LOOK_BACK), now, PAGE);
            read.addAll(page.items());
            if (!page.items().isEmpty()) {
                cursor = page.items().get(page.items().size() - 1).cursor();
            }
        } while (page.more() && !page.items().isEmpty() && read.size() < MAX_READ);
        List<Conversation> newestFirst = new ArrayList<>();
        for (int i = read.size() - 1; i >= 0; i--) {
            newestFirst.add(read.get(i).conversation());
        }
        return newestFirst;
    }

    private static boolean isStaff(Tenant tenant, String waId) {
        return tenant.staffMember(waId).isPresent();
    }
}
