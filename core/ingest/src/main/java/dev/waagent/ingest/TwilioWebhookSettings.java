package dev.waagent.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code wa.twilio.*} for receiving Twilio webhooks. Secrets are references resolved by the SecretStore.
 * <p>
 * Twilio signs the URL it called. Behind API Gateway (or any proxy) the scheme, host and stage prefix the application
 * sees are not that URL, so the signed URL is rebuilt from {@link #getPublicBaseUrl()} plus the request path (and
 * query string, if Twilio's configured URL has one).
 */
@ConfigurationProperties("wa.twilio")
public interface TwilioWebhookSettings {

    /**
     * The public base URL Twilio is configured with, without the {@code /webhooks/twilio} path: e.g.
     * {@code https://abc123.execute-api.ap-south-1.amazonaws.com/prod} (stage included) or
     * {@code https://hooks.example.com} behind a custom domain; {@code http://localhost:8080} locally. When unset,
     * Twilio deliveries cannot be verified and are answered 503 {@code twilio_not_configured}.
     */
    @Nullable
    String getPublicBaseUrl();

    /**
     * The platform's own Twilio auth token (or {@code AccountSid:AuthToken}): verifies deliveries for numbers no
     * tenant owns, so they can be acknowledged and dropped without telling strangers which numbers are served.
     */
    @Bindable(defaultValue = "twilio-auth-token")
    @NotBlank
    String getAuthTokenRef();

    /** Twilio's form bodies are a few kilobytes; anything much larger is not from Twilio. */
    @Bindable(defaultValue = "262144")
    @Min(1024)
    int getMaxBodyBytes();
}
