package dev.waagent.infra.config;

import java.util.Locale;

/** Deployment stage. Every physical name is derived from it; prod keeps stateful resources on delete. */
public enum Stage {
    DEV,
    PROD;

    /** Lower-case form used in names ({@code wa-agent-dev-…}) and in the {@code stage} context value. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isProd() {
        return this == PROD;
    }

    public static Stage fromId(String value) {
        for (Stage stage : values()) {
            if (stage.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return stage;
            }
        }
        throw new IllegalArgumentException("stage must be one of dev, prod; got '" + value + "'");
    }
}
