package dev.waagent.domain.handoff;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentConfigurations;
import dev.waagent.domain.knowledge.HandoffRules;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.staff.StaffNotifier;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.GenerationSignals;
import dev.waagent.domain.turn.ReplyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * The turn's handoff step: asks {@link HandoffDecision} with the tenant's rules (agent configuration: confidence
 * threshold, human-only topics, consecutive low-confidence answers, whether a customer's request counts), and on a
 * handoff marks the conversation {@code HANDED_OFF} with its reason, tells the staff (owners and staff, on
 * WhatsApp, three lines) and returns what the customer is told.
 */
public final class Handoffs {

    private static final Logger LOG = LoggerFactory.getLogger(Handoffs.class);

    private final HandoffDecision decision;
    private final AgentConfigurations configurations;
    private final ConversationStore conversations;
    private final StaffNotifier staff;
    private final TimeSource time;

    /**
     * @param configurations the tenants' agent configuration; null where the function has none (default rules)
     * @param staff          null: handoffs are only logged (no staff channel)
     */
    public Handoffs(HandoffDecision decision, AgentConfigurations configurations, ConversationStore conversations,
                    StaffNotifier staff, TimeSource time) {
        this.decision = decision;
        this.configurations = configurations;
        this.conversations = conversations;
        this.staff = staff;
        this.time = time;
    }

    /** What the customer is told, and why the conversation went to a person. */
    public record Notice(Handoff handoff, String text) {
        /** The route recorded on the notice (the Handoffs metric and the rollup's reasons read it). */
        public String route() {
            return handoff.reason().route();
        }

        /**
         * What to send instead of the generated answer: when the model itself asked for a person, its own words
         * (they answer the customer in context); otherwise the notice.
         */
        public String textInstead(String generated) {
            return handoff.reason() == HandoffReason.MODEL_REQUEST && generated != null && !generated.isBlank() ? generated : text;
        }
    }

    /** Before any model is asked: the customer's words. */
    public Optional<Notice> beforeReply(Tenant tenant, ConversationSnapshot snapshot, String customerTurn) {
        return decision.beforeReply(customerTurn, rules(tenant)).map(handoff -> handOff(tenant, snapshot, customerTurn, handoff));
    }

    /** After the answer is generated: a {@code hand_off} request or too many unsure answers in a row. */
    public Optional<Notice> afterReply(Tenant tenant, ConversationSnapshot snapshot, String customerTurn,
                                       ReplyGenerator.GeneratedReply generated) {
        return afterReply(tenant, snapshot, customerTurn, generated.response(), generated.signals());
    }

    /**
     * The same for a generation side with its own result type (tool rounds): its final response and what it knows,
     * e.g. {@code new GenerationSignals(confidence, composed.handoffRequested(), composed.handoffReason())}.
     */
    public Optional<Notice> afterReply(Tenant tenant, ConversationSnapshot snapshot, String customerTurn,
                                       LlmResponse response, GenerationSignals signals) {
        Optional<AgentConfiguration> configuration = configuration(tenant);
        return decision.afterReply(snapshot.recentMessages(), response, signals, threshold(configuration),
                        configuration.map(AgentConfiguration::handoffRules).orElse(HandoffRules.defaults()))
                .map(handoff -> handOff(tenant, snapshot, customerTurn, handoff));
    }

    /** Whether the generated answer counts as not confident (recorded on the reply, so the next turn sees the streak). */
    public boolean lowConfidence(Tenant tenant, ReplyGenerator.GeneratedReply generated) {
        return lowConfidence(tenant, generated.response(), generated.signals());
    }

    public boolean lowConfidence(Tenant tenant, LlmResponse response, GenerationSignals signals) {
        return response.needsHuman() || HandoffDecision.lowConfidence(signals, threshold(configuration(tenant)));
    }

    private Notice handOff(Tenant tenant, ConversationSnapshot snapshot, String customerTurn, Handoff handoff) {
        Instant now = time.now();
        conversations.updateState(snapshot.conversation().key(), ConversationStatus.HANDED_OFF, null, handoff.describe(), now);
        LOG.info("handoff tenant={} customer={} reason={}: a person takes over", tenant.id(),
                Masking.phone(snapshot.conversation().key().customerId()), handoff.reason());
        if (staff != null) {
            // Outside a staff number's window the notice goes as the staff-alert template: who, why, what they wrote.
            StaffNotifier.Notice notice = StaffNotifier.Notice.about(
                    decision.staffSummary(tenant, snapshot.conversation(), handoff, customerTurn), snapshot.conversation(),
                    decision.staffReason(tenant, handoff), customerTurn);
            staff.sendToAll(tenant, tenant.staff(), notice, snapshot.conversation().key().customerId());
        }
        return new Notice(handoff, decision.customerNotice(tenant, handoff,
                LanguageDetector.detect(customerTurn, snapshot, tenant.languages()), now));
    }

    private HandoffRules rules(Tenant tenant) {
        return configuration(tenant).map(AgentConfiguration::handoffRules).orElse(HandoffRules.defaults());
    }

    private static double threshold(Optional<AgentConfiguration> configuration) {
        return configuration.map(AgentConfiguration::confidenceThreshold).orElse(AgentConfiguration.DEFAULT_CONFIDENCE_THRESHOLD);
    }

    private Optional<AgentConfiguration> configuration(Tenant tenant) {
        if (configurations == null) {
            return Optional.empty();
        }
        try {
            return configurations.forTenant(tenant.id());
        } catch (RuntimeException e) {
            // The rules fall back to the defaults rather than failing the customer's turn.
            LOG.warn("agent configuration of tenant={} not readable, default handoff rules: {}", tenant.id(), e.toString());
            return Optional.empty();
        }
    }
}
