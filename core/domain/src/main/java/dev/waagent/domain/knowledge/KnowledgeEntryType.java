package dev.waagent.domain.knowledge;

import java.util.Locale;
import java.util.Optional;

/** What kind of knowledge an entry holds; the wire name is what the admin API and imports use. */
public enum KnowledgeEntryType {
    FAQ("faq"),
    POLICY("policy"),
    DOCUMENT_CHUNK("document_chunk");

    private final String wireName;

    KnowledgeEntryType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name or the enum name, any case; empty when the value names no type. */
    public static Optional<KnowledgeEntryType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (KnowledgeEntryType type : values()) {
            if (type.wireName.equals(wanted) || type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
