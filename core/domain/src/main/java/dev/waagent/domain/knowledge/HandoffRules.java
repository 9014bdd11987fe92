package dev.waagent.domain.knowledge;

import java.util.List;

/**
 * When the agent hands a conversation to a person.
 *
 * @param topics                      words or phrases that always hand off (e.g. "refund", "damage", "complaint")
 * @param maxConsecutiveLowConfidence hand off after this many answers in a row below the confidence threshold
 * @param onCustomerRequest           hand off when the customer asks for a person
 */
public record HandoffRules(List<String> topics, int maxConsecutiveLowConfidence, boolean onCustomerRequest) {

    public HandoffRules {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public static HandoffRules defaults() {
        return new HandoffRules(List.of(), 2, true);
    }
}
