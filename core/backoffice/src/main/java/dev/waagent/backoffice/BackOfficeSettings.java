package dev.waagent.backoffice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code wa.backoffice.*}. */
@ConfigurationProperties("wa.backoffice")
public interface BackOfficeSettings {

    /** How long the worker trusts a cached agent configuration before checking its version. */
    @Bindable(defaultValue = "5m")
    @NotNull
    Duration getAgentConfigurationCacheTtl();

    /** Rows accepted in one import file. */
    @Bindable(defaultValue = "5000")
    @Min(1)
    int getMaxImportRows();

    /** Tenants on one page of a list. */
    @Bindable(defaultValue = "500")
    @Min(1)
    int getMaxPageSize();
}
