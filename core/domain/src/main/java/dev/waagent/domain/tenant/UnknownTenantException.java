package dev.waagent.domain.tenant;

/** No tenant owns the id or number asked for. */
public class UnknownTenantException extends RuntimeException {
    public UnknownTenantException(String message) {
        super(message);
    }
}
