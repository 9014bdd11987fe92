package dev.waagent.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/** {@code wa.admin.*}. */
@ConfigurationProperties("wa.admin")
public interface AdminSettings {

    /**
     * Name of the operator key in the secret store: {@code wa.secrets.admin-operator-key} by default (set from
     * {@code WA_ADMIN_KEY} by the local runtime, from Secrets Manager in AWS). The operator creates tenants and
     * acts on every tenant. With no such secret, only tenant keys work.
     */
    @Bindable(defaultValue = "admin-operator-key")
    @NotBlank
    String getOperatorKeyRef();
}
