package dev.waagent.domain.handoff;

import dev.waagent.domain.staff.StaffLanguage;

/** Why a conversation went to a person. */
public enum HandoffReason {
    /** The customer asked for a person. */
    CUSTOMER_REQUEST("customer asked for a person", "pelanggan minta bicara dengan staf",
            "customer ne staff se baat maangi", "HANDOFF"),
    /** A complaint or an angry customer. */
    COMPLAINT("complaint", "komplain", "shikayat", "HANDOFF:complaint"),
    /** A topic the tenant wants people to handle (price negotiation, refunds, damage…). */
    HUMAN_ONLY_TOPIC("human-only topic", "topik khusus staf", "sirf staff wala topic", "HANDOFF:topic"),
    /** Consecutive answers below the tenant's confidence threshold. */
    LOW_CONFIDENCE("no confident answer", "jawaban bot kurang yakin", "bot ko pakka jawab nahi mila",
            "HANDOFF:low-confidence"),
    /** The model asked for a person through the {@code hand_off} tool. */
    MODEL_REQUEST("assistant asked for a person", "asisten meminta bantuan staf", "assistant ne staff ko bulaya",
            "HANDOFF:assistant");

    private final String label;
    private final String bahasa;
    private final String hinglish;
    private final String route;

    HandoffReason(String label, String bahasa, String hinglish, String route) {
        this.label = label;
        this.bahasa = bahasa;
        this.hinglish = hinglish;
        this.route = route;
    }

    /** The label in the language the business's staff read (Bahasa Indonesia, Hinglish or English). */
    public String label(StaffLanguage language) {
        return language.pick(label, bahasa, hinglish);
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
