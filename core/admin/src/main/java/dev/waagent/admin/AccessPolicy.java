package dev.waagent.admin;

import dev.waagent.backoffice.ApiScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call what, in one place (the filter applies it before any controller runs; anything not listed is for
 * the operator only, so a new endpoint is closed until it is added here):
 * <ul>
 *   <li>tenants list/create, tenant update/suspend/republish, API keys: operator</li>
 *   <li>reading anything of tenant {@code T}: operator or any key of {@code T}</li>
 *   <li>writing agent configuration, staff or approved templates of {@code T}: {@code config:write}</li>
 *   <li>writing knowledge of {@code T}: {@code knowledge:write}; catalog: {@code catalog:write}</li>
 *   <li>analytics of {@code T}: {@code analytics:read}</li>
 * </ul>
 */
public final class AccessPolicy {

    private static final Pattern TENANT_PATH = Pattern.compile("^/admin/tenants/([^/]+)(/.*)?$");

    /** What a request needs. */
    public record Requirement(boolean operatorOnly, @Nullable String tenantId, @Nullable ApiScope scope) {
    }

    private AccessPolicy() {
    }

    public static Requirement requirementFor(HttpMethod method, String path) {
        Matcher tenantPath = TENANT_PATH.matcher(path);
        if (!tenantPath.matches()) {
            return new Requirement(true, null, null);
        }
        String tenantId = tenantPath.group(1);
        String rest = tenantPath.group(2) == null ? "" : tenantPath.group(2);
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (rest.isEmpty() || rest.equals("/")) {
            return read ? new Requirement(false, tenantId, null) : new Requirement(true, tenantId, null);
        }
        String section = rest.substring(1).split("[/:]", 2)[0];
        Optional<ApiScope> writeScope = switch (section) {
            case "agent-configuration", "staff", "templates" -> Optional.of(ApiScope.CONFIG_WRITE);
            case "knowledge" -> Optional.of(ApiScope.KNOWLEDGE_WRITE);
            case "catalog" -> Optional.of(ApiScope.CATALOG_WRITE);
            default -> Optional.empty();
        };
        if (section.equals("analytics")) {
            return new Requirement(false, tenantId, ApiScope.ANALYTICS_READ);
        }
        if (writeScope.isEmpty()) {
            return new Requirement(true, tenantId, null); // api-keys, publish, anything new
        }
        return read ? new Requirement(false, tenantId, null) : new Requirement(false, tenantId, writeScope.get());
    }
}
