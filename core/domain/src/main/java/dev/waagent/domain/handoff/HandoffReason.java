package dev.waagent.domain.handoff;

/** Why a conversation went to a person. */
public enum HandoffReason {
    /** The customer asked for a person. */
    CUSTOMER_REQUEST("customer asked for a person", "HANDOFF"),
    /** A complaint or an angry customer. */
    COMPLAINT("complaint", "HANDOFF:complaint"),
    /** A topic the tenant wants people to handle (price negotiation, refunds, damage…). */
    HUMAN_ONLY_TOPIC("human-only topic", "HANDOFF:topic"),
    /** Consecutive answers below the tenant's confidence threshold. */
    LOW_CONFIDENCE("no confident answer", "HANDOFF:low-confidence"),
    /** The model asked for a person through the {@code hand_off} tool. */
    MODEL_REQUEST("assistant asked for a person", "HANDOFF:assistant");

    private final String label;
    private final String route;

    HandoffReason(String label, String route) {
        this.label = label;
        this.route = route;
    }

    /** In staff notices, the conversation's stored handoff reason and the rollup's reasons. */
    public String label() {
        return label;
    }

    /** The route recorded on the notice's accounting (a customer's own request keeps the plain {@code HANDOFF}). */
    public String route() {
        return route;
    }

    /** The reason a recorded route names, if it is a handoff route. */
    public static java.util.Optional<HandoffReason> ofRoute(String route) {
        for (HandoffReason reason : values()) {
            if (reason.route.equals(route)) {
                return java.util.Optional.of(reason);
            }
        }
        return java.util.Optional.empty();
    }
}
