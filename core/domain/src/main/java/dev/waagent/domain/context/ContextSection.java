package dev.waagent.domain.context;

import java.util.Locale;

/** The parts of a prompt in priority order: what does not fit is dropped from the bottom of this list first. */
public enum ContextSection {
    SYSTEM, MEMORY, RECENT_TURNS, KNOWLEDGE, CATALOG, CUSTOMER_HISTORY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
