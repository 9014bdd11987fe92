package dev.waagent.lambda;

import dev.waagent.domain.tenant.SecretStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets from AWS Secrets Manager: reference {@code r} is the secret named {@code <WA_SECRETS_PREFIX>/r}
 * (e.g. {@code wa-agent/prod/tenants/pune/app-secret}). Values are cached for a few minutes, so a rotation is
 * picked up without a redeploy and a warm function makes no call per request. Values are never logged.
 */
@Singleton
@Requires(property = SecretsManagerSecretStore.PREFIX_PROPERTY)
public class SecretsManagerSecretStore implements SecretStore {

    static final String PREFIX_PROPERTY = "wa.secrets.prefix";
    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSecretStore.class);
    private static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String prefix;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SecretsManagerSecretStore(@Value("${" + PREFIX_PROPERTY + "}") String prefix,
                                     @Value("${aws.region:us-east-1}") String region) {
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.client = SecretsManagerClient.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .build();
    }

    @Override
    public Optional<String> secret(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Cached hit = cache.get(reference);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.value();
        }
        Optional<String> value;
        try {
            value = Optional.ofNullable(client.getSecretValue(b -> b.secretId(prefix + "/" + reference)).secretString())
                    .filter(v -> !v.isBlank());
        } catch (ResourceNotFoundException missing) {
            LOG.warn("secret {} does not exist", prefix + "/" + reference);
            value = Optional.empty();
        }
        cache.put(reference, new Cached(value, now.plus(CACHE_FOR)));
        return value;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private record Cached(Optional<String> value, Instant until) {
    }
}
