package dev.waagent.domain.handoff;

/** Why a conversation went to a person. */
public enum HandoffReason {
    /** The customer asked for a person. */
    CUSTOMER_REQUEST("customer asked for a person", "pelanggan minta bicara dengan staf", "HANDOFF"),
    /** A complaint or an angry customer. */
    COMPLAINT("complaint", "komplain", "HANDOFF:complaint"),
    /** A topic the tenant wants people to handle (price negotiation, refunds, damage…). */
    HUMAN_ONLY_TOPIC("human-only topic", "topik khusus staf", "HANDOFF:topic"),
    /** Consecutive answers below the tenant's confidence threshold. */
    LOW_CONFIDENCE("no confident answer", "jawaban bot kurang yakin", "HANDOFF:low-confidence"),
    /** The model asked for a person through the {@code hand_off} tool. */
    MODEL_REQUEST("assistant asked for a person", "asisten meminta bantuan staf", "HANDOFF:assistant");

    private final String label;
    private final String bahasa;
    private final String route;

    HandoffReason(String label, String bahasa, String route) {
        this.label = label;
        this.bahasa = bahasa;
        this.route = route;
    }

    /** The label in Bahasa Indonesia, for staff of an Indonesian business. */
    public String labelBahasa() {
        return bahasa;
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
