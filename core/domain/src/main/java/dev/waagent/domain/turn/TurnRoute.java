package dev.waagent.domain.turn;

/** What a customer turn is, decided before any model is asked (DESIGN §1 c). */
public enum TurnRoute {
    /** STOP / UNSUBSCRIBE / berhenti …: opt out, confirm once. */
    OPT_OUT,
    /** START / mulai …: opt back in, confirm. */
    OPT_IN,
    /** The customer opted out earlier: record, never reply. */
    OPTED_OUT_SILENT,
    /** Promotional junk (pulsa, voucher, hadiah …): record, count, never reply. */
    SPAM,
    /** A person owns the conversation: record, the bot stays silent. */
    HANDED_OFF_SILENT,
    /** The customer asks for a person or is angry: hand off, tell them honestly. */
    HANDOFF,
    /** Everything else: the reply chain answers. */
    ANSWER
}
