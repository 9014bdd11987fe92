package dev.waagent.backoffice;

import java.util.Set;

/** Who a valid tenant API key speaks for, and what it may do. */
public record ApiKeyPrincipal(String keyId, String tenantId, Set<ApiScope> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }
}
