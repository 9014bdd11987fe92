package dev.waagent.domain.knowledge;

import java.util.Locale;
import java.util.Optional;

/** How the agent sounds; part of the tenant's {@link AgentConfiguration}. */
public enum AgentTone {
    FRIENDLY, PROFESSIONAL, CASUAL, FORMAL, ENTHUSIASTIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AgentTone> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AgentTone tone : values()) {
            if (tone.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(tone);
            }
        }
        return Optional.empty();
    }
}
