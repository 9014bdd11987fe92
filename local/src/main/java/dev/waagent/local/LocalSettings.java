package dev.waagent.local;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code wa.local.*}: knobs of the one-process runtime. */
@ConfigurationProperties("wa.local")
public interface LocalSettings {

    @NotBlank
    String getDataDir();

    /** Parallel pollers, like concurrent Lambda instances of the worker. */
    @Bindable(defaultValue = "4")
    @Min(1)
    int getPollers();

    /** Messages per batch handed to the worker (the event source mapping's batch size, at most 10). */
    @Bindable(defaultValue = "10")
    @Min(1)
    int getBatchSize();

    /** Long-poll wait of each receive. */
    @Bindable(defaultValue = "1s")
    @NotNull
    Duration getReceiveWait();

    @Bindable(defaultValue = "true")
    boolean isSeedDemoTenants();
}
