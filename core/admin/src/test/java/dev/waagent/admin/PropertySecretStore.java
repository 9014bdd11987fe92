package dev.waagent.admin;

import dev.waagent.domain.tenant.SecretStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@code wa.secrets.<reference>} from configuration, as the Lambda support module's store reads them. */
@Singleton
@Requires(env = "admin-test")
public class PropertySecretStore implements SecretStore {

    private final Environment environment;

    public PropertySecretStore(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> secret(String reference) {
        return environment.getProperty("wa.secrets." + reference, String.class);
    }
}
