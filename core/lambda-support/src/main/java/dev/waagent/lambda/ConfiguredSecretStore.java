package dev.waagent.lambda;

import dev.waagent.domain.tenant.SecretStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Secrets from configuration: {@code wa.secrets.<reference>} (set from environment variables such as
 * {@code WA_SECRETS_LOCAL_APP_SECRET}, never from a file in the repository). The local runtime and tests use it;
 * a deployment sets {@code WA_SECRETS_PREFIX} and gets the {@link SecretsManagerSecretStore} instead.
 */
@Singleton
@Requires(missingProperty = SecretsManagerSecretStore.PREFIX_PROPERTY)
public class ConfiguredSecretStore implements SecretStore {

    private final Environment environment;

    public ConfiguredSecretStore(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> secret(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return environment.getProperty("wa.secrets." + reference, String.class).filter(value -> !value.isBlank());
    }
}
