package dev.waagent.worker;

import dev.waagent.whatsapp.GraphApiSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/** {@code wa.whatsapp.graph.*}: where and how the worker sends. The local runtime points it at its stand-in. */
@ConfigurationProperties("wa.whatsapp.graph")
public interface GraphApiConfiguration {

    @Bindable(defaultValue = "https://graph.facebook.com")
    @NotNull
    URI getBaseUrl();

    @Bindable(defaultValue = "v23.0")
    @NotBlank
    String getApiVersion();

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

    default GraphApiSettings toSettings() {
        return new GraphApiSettings(getBaseUrl(), getApiVersion(), getRequestTimeout(), getMaxAttempts(),
                getInitialBackoff(), getMaxBackoff());
    }
}
