package dev.waagent.backoffice;

import java.util.Optional;

/** What a tenant's API key may change. Reading the tenant's own data needs any valid key of the tenant. */
public enum ApiScope {
    CONFIG_WRITE("config:write"),
    KNOWLEDGE_WRITE("knowledge:write"),
    CATALOG_WRITE("catalog:write"),
    ANALYTICS_READ("analytics:read");

    private final String wireName;

    ApiScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiScope> parse(String value) {
        for (ApiScope scope : values()) {
            if (scope.wireName.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
