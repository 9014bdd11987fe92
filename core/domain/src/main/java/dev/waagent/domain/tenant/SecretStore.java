package dev.waagent.domain.tenant;

import java.util.Optional;

/** Resolves a secret reference (as stored on a {@link Tenant}) to its value. Values are never logged. */
public interface SecretStore {

    Optional<String> secret(String reference);
}
