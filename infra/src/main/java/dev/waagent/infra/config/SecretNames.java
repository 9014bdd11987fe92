package dev.waagent.infra.config;

import java.util.regex.Pattern;

/**
 * Secrets Manager naming convention shared with the application code. The application stores secret
 * <em>references</em> (a tenant's {@code appSecretRef}, {@code wa.whatsapp.app-secret-ref}, …); in AWS the reference
 * {@code r} is the secret named {@code <prefix>/<r>} with the prefix from {@link EnvVar#WA_SECRETS_PREFIX}:
 * <pre>
 * tenants/&lt;tenantId&gt;/app-secret     Meta app secret of the tenant's app     (webhook)
 * tenants/&lt;tenantId&gt;/access-token   WhatsApp Cloud API token of the tenant  (worker, scheduler)
 * providers/&lt;provider&gt;/api-key      LLM provider API key                    (worker, scheduler)
 * meta/app-secret                   platform Meta app secret                (webhook)
 * meta/verify-token                 webhook handshake verify token          (webhook)
 * twilio/auth-token                 platform Twilio auth token              (webhook)
 * admin/api-key                     operator key of /admin                  (webhook)
 * </pre>
 * IAM grants are written against these patterns, so a tenant added later with the AWS CLI under the same
 * convention is readable without a redeploy, and nothing else is.
 */
public record SecretNames(String prefix) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public SecretNames {
        if (prefix == null || !prefix.matches("[A-Za-z0-9/_+=.@-]+") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("secret prefix must be a Secrets Manager name without a trailing /: "
                    + prefix);
        }
    }

    public static SecretNames forStage(Stage stage) {
        return new SecretNames("wa-agent/" + stage.id());
    }

    public static final String META_APP_SECRET_REF = "meta/app-secret";
    public static final String META_VERIFY_TOKEN_REF = "meta/verify-token";
    public static final String ADMIN_API_KEY_REF = "admin/api-key";
    public static final String TWILIO_AUTH_TOKEN_REF = "twilio/auth-token";

    /** The secret name of a reference. */
    public String name(String reference) {
        return prefix + "/" + reference;
    }

    /** Reference of a tenant's Meta app secret (its {@code appSecretRef}). */
    public static String appSecretRef(String tenantId) {
        return "tenants/" + requireId(tenantId, "tenant id") + "/app-secret";
    }

    /** Reference of a tenant's WhatsApp Cloud API access token (its {@code accessTokenRef}). */
    public static String accessTokenRef(String tenantId) {
        return "tenants/" + requireId(tenantId, "tenant id") + "/access-token";
    }

    /** Reference of an LLM provider's API key. */
    public static String providerApiKeyRef(String provider) {
        return "providers/" + requireId(provider, "provider name") + "/api-key";
    }

    /** Meta app secret of a tenant's WhatsApp app (verifies X-Hub-Signature-256). Read by the webhook. */
    public String appSecret(String tenantId) {
        return name(appSecretRef(tenantId));
    }

    /** WhatsApp Cloud API access token of a tenant. Read by worker and scheduler. */
    public String accessToken(String tenantId) {
        return name(accessTokenRef(tenantId));
    }

    /** API key of an LLM provider (openai, groq, …). Read by worker and scheduler. */
    public String providerApiKey(String provider) {
        return name(providerApiKeyRef(provider));
    }

    /** The platform Meta app secret (deliveries no tenant owns). Read by the webhook. */
    public String metaAppSecret() {
        return name(META_APP_SECRET_REF);
    }

    /** The verify token of Meta's webhook handshake. Read by the webhook. */
    public String metaVerifyToken() {
        return name(META_VERIFY_TOKEN_REF);
    }

    /** The platform Twilio auth token (deliveries for numbers no tenant owns). Read by the webhook. */
    public String twilioAuthToken() {
        return name(TWILIO_AUTH_TOKEN_REF);
    }

    /** The operator key of the admin API. Read by the webhook (which serves /admin). */
    public String adminApiKey() {
        return name(ADMIN_API_KEY_REF);
    }

    /** Name pattern (IAM wildcard) matching every tenant's app secret. */
    public String appSecretPattern() {
        return prefix + "/tenants/*/app-secret";
    }

    public String accessTokenPattern() {
        return prefix + "/tenants/*/access-token";
    }

    public String providerApiKeyPattern() {
        return prefix + "/providers/*/api-key";
    }

    public static String requireId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and '-' (max 63): '"
                    + id + "'");
        }
        return id;
    }
}
