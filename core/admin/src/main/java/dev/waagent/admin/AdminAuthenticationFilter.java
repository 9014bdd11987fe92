package dev.waagent.admin;

import dev.waagent.backoffice.ApiKeyService;
import dev.waagent.domain.tenant.SecretStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Authenticates every {@code /admin} request ({@code Authorization: Bearer <key>}: the operator key or a tenant
 * API key) and applies the {@link AccessPolicy} before any controller runs: 401 without a valid key, 403 when the
 * key may not do this, both as {@link AdminError} JSON. Keys are never logged.
 */
@ServerFilter(AdminAuthenticationFilter.PATTERN)
public class AdminAuthenticationFilter {

    static final String PATTERN = "/admin/**";
    /** Served without a key: the API description says nothing secret. */
    static final String OPEN_API_PATH = "/admin/openapi.yml";

    private final ApiKeyService keys;
    private final SecretStore secrets;
    private final AdminSettings settings;

    public AdminAuthenticationFilter(ApiKeyService keys, SecretStore secrets, AdminSettings settings) {
        this.keys = keys;
        this.secrets = secrets;
        this.settings = settings;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals(OPEN_API_PATH)) {
            return null;
        }
        Optional<String> presented = bearer(request);
        if (presented.isEmpty()) {
            return unauthorized("missing_credentials", "send Authorization: Bearer <admin or tenant API key>");
        }
        AdminCaller caller;
        if (isOperatorKey(presented.get())) {
            caller = AdminCaller.operatorCaller();
        } else {
            caller = keys.authenticate(presented.get()).map(AdminCaller::tenantKey).orElse(null);
            if (caller == null) {
                return unauthorized("invalid_credentials", "the API key is unknown or revoked");
            }
        }
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(request.getMethod(), path);
        if (requirement.operatorOnly() && !caller.operator()) {
            return forbidden("operator_only", "only the operator key may do this");
        }
        if (requirement.tenantId() != null && !caller.actsFor(requirement.tenantId())) {
            return forbidden("other_tenant", "this key belongs to another tenant");
        }
        if (requirement.scope() != null && !caller.may(requirement.scope())) {
            return forbidden("missing_scope", "this key lacks the " + requirement.scope().wireName() + " scope");
        }
        request.setAttribute(AdminCaller.ATTRIBUTE, caller);
        return null;
    }

    private boolean isOperatorKey(String presented) {
        Optional<String> operatorKey = secrets.secret(settings.getOperatorKeyRef());
        // Digests have equal length whatever the inputs, so the comparison time says nothing about the key.
        return operatorKey.isPresent() && MessageDigest.isEqual(sha256(presented), sha256(operatorKey.get()));
    }

    private static Optional<String> bearer(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .filter(value -> !value.isEmpty());
    }

    private static MutableHttpResponse<AdminError> unauthorized(String error, String message) {
        return HttpResponse.<AdminError>status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(AdminError.of(error, message));
    }

    private static MutableHttpResponse<AdminError> forbidden(String error, String message) {
        return HttpResponse.<AdminError>status(HttpStatus.FORBIDDEN).body(AdminError.of(error, message));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
