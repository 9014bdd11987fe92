package dev.waagent.scheduler;

import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.OutboundReply;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes tenants and conversations through the real store, as the webhook and the worker would. */
final class Seeder {

    private final ConversationStore store;
    private final TenantDirectory tenants;

    Seeder(ConversationStore store, TenantDirectory tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    Tenant tenant(String zone) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = new Tenant(id, "Shop " + id, "whatsapp", "pn-" + id, "910000000000", null, null, "Asha",
                "Friendly.", "Open 10-20.", ZoneId.of(zone), List.of("en"), List.of(), true);
        tenants.save(tenant);
        return tenant;
    }

    /** Deactivates every tenant, so the next test's runs see only its own. */
    void retireAll() {
        for (Tenant t : tenants.findAll()) {
            tenants.save(new Tenant(t.id(), t.name(), t.channel(), t.businessNumberId(), t.displayPhoneNumber(),
                    t.appSecretRef(), t.accessTokenRef(), t.agentName(), t.persona(), t.businessFacts(), t.timezone(),
                    t.languages(), t.providerOrder(), false));
        }
    }

    static String customer() {
        return "9198" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    StoredMessage inbound(Tenant tenant, String customer, String text, Instant at) {
        String id = "wamid." + UUID.randomUUID();
        InboundMessage message = new InboundMessage("whatsapp", tenant.businessNumberId(), id, customer, "Ravi",
                MessageType.TEXT, "text", text, at, null, Map.of());
        store.recordInbound(tenant.id(), message, at);
        return new StoredMessage(new ConversationKey(tenant.id(), customer), id, id,
                dev.waagent.domain.conversation.Direction.INBOUND, MessageType.TEXT, text, at, at, null, null, null, null,
                ReplyAccounting.NONE);
    }

    /** Records a reply to {@code answers} at {@code at}; this is the conversation's activity. */
    String reply(Tenant tenant, String customer, List<StoredMessage> answers, String text, Instant at,
                 ReplyAccounting accounting) {
        String turn = UUID.randomUUID().toString();
        ConversationKey key = new ConversationKey(tenant.id(), customer);
        boolean recorded = store.recordReply(key, new OutboundReply(turn, "out." + turn, text, null, answers, accounting),
                at, at.plusSeconds(60));
        if (!recorded) {
            throw new IllegalStateException("reply not recorded");
        }
        store.markSent(key, "out." + turn, at, "wamid.out." + turn, at);
        return turn;
    }

    /** One customer question answered {@code replyAfter} later. @return the reply's time (the activity) */
    Instant turn(Tenant tenant, String customer, String question, String answer, Instant at, Duration replyAfter) {
        StoredMessage in = inbound(tenant, customer, question, at);
        Instant replied = at.plus(replyAfter);
        reply(tenant, customer, List.of(in), answer, replied, new ReplyAccounting("stub", "stub-model", 100, 20,
                replyAfter.toMillis(), 0, false, 0.0001, false, "SIMPLE", "stub:OK"));
        return replied;
    }
}
