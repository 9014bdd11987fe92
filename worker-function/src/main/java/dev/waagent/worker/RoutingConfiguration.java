package dev.waagent.worker;

import dev.waagent.domain.llm.routing.RoutingSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** {@code llm.*}: provider order and how the chain routes, retries and caches. */
@ConfigurationProperties("llm")
public interface RoutingConfiguration {

    /** Comma-separated provider names tried in order when a tenant names none. */
    @Bindable(defaultValue = "")
    String getDefaultOrder();

    @ConfigurationProperties("routing")
    interface Routing {
        /** Provider moved to the front for short single-question turns (cheapest/fastest). */
        @Nullable
        String getSimpleFirst();

        /** Provider moved to the front for long or multi-intent turns (strongest). */
        @Nullable
        String getComplexFirst();

        @Bindable(defaultValue = "80")
        @Min(1)
        int getSimpleMaxChars();

        @Bindable(defaultValue = "3")
        @Min(1)
        int getFailureThreshold();

        @Bindable(defaultValue = "30s")
        @NotNull
        Duration getCooldown();

        @Bindable(defaultValue = "2")
        @Min(1)
        int getMaxAttempts();

        @Bindable(defaultValue = "300ms")
        @NotNull
        Duration getRetryBackoff();

        @Bindable(defaultValue = "2s")
        @NotNull
        Duration getMaxRetryWait();

        @Bindable(defaultValue = "6h")
        @NotNull
        Duration getCacheTtl();
    }

    @NotNull
    Routing getRouting();

    default RoutingSettings toSettings() {
        Routing routing = getRouting();
        List<String> order = Arrays.stream(getDefaultOrder().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new RoutingSettings(order, routing.getSimpleFirst(), routing.getComplexFirst(), routing.getSimpleMaxChars(),
                routing.getFailureThreshold(), routing.getCooldown(), routing.getMaxAttempts(), routing.getRetryBackoff(),
                routing.getMaxRetryWait(), routing.getCacheTtl());
    }
}
