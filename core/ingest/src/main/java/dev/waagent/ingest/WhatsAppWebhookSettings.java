package dev.waagent.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** {@code wa.whatsapp.*} for receiving Meta webhooks. Secrets are references resolved by the SecretStore. */
@ConfigurationProperties("wa.whatsapp")
public interface WhatsAppWebhookSettings {

    /**
     * The platform app secret: verifies deliveries for numbers no tenant owns (so they can be dropped with a 200)
     * and bodies too broken to name a number. Tenants may carry their own.
     */
    @Bindable(defaultValue = "meta-app-secret")
    @NotBlank
    String getAppSecretRef();

    /** The token Meta's subscription handshake must present. */
    @Bindable(defaultValue = "meta-verify-token")
    @NotBlank
    String getVerifyTokenRef();

    /** Meta sends at most 3 MB per delivery; anything larger is not from Meta. */
    @Bindable(defaultValue = "3145728")
    @Min(1024)
    int getMaxBodyBytes();
}
