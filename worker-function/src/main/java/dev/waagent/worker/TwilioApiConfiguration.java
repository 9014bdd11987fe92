package dev.waagent.worker;

import dev.waagent.twilio.TwilioApiSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/** {@code wa.twilio.api.*}: where and how the worker sends for tenants on Twilio. */
@ConfigurationProperties("wa.twilio.api")
public interface TwilioApiConfiguration {

    @Bindable(defaultValue = "https://api.twilio.com")
    @NotNull
    URI getBaseUrl();

    @Bindable(defaultValue = "10s")
    @NotNull
    Duration getRequestTimeout();

    @Bindable(defaultValue = "4")
    @Min(1)
    int getMaxAttempts();

    @Bindable(defaultValue = "500ms")
    @NotNull
    Duration getInitialBackoff();

    @Bindable(defaultValue = "8s")
    @NotNull
    Duration getMaxBackoff();

    /** Where Twilio posts delivery statuses: the public {@code /webhooks/twilio} URL, or unset for none. */
    @Nullable
    URI getStatusCallbackUrl();

    default TwilioApiSettings toSettings() {
        return new TwilioApiSettings(getBaseUrl(), getRequestTimeout(), getMaxAttempts(), getInitialBackoff(),
                getMaxBackoff(), getStatusCallbackUrl());
    }
}
