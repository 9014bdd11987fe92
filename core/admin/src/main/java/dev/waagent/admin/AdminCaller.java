package dev.waagent.admin;

import dev.waagent.backoffice.ApiKeyPrincipal;
import dev.waagent.backoffice.ApiScope;
import io.micronaut.core.annotation.Nullable;

/** Who is calling the admin API: the operator, or one tenant's key with its scopes. */
public record AdminCaller(boolean operator, @Nullable ApiKeyPrincipal key) {

    /** The request attribute the authentication filter stores the caller under. */
    public static final String ATTRIBUTE = "wa.admin.caller";

    public static AdminCaller operatorCaller() {
        return new AdminCaller(true, null);
    }

    public static AdminCaller tenantKey(ApiKeyPrincipal key) {
        return new AdminCaller(false, key);
    }

    public boolean actsFor(String tenantId) {
        return operator || (key != null && key.tenantId().equals(tenantId));
    }

    public boolean may(ApiScope scope) {
        return operator || (key != null && key.scopes().contains(scope));
    }
}
