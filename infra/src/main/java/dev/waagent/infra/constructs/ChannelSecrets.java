package dev.waagent.infra.constructs;

import dev.waagent.infra.config.SecretNames;
import dev.waagent.infra.nag.Nag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Secrets Manager secrets of the channels and providers, named by {@link SecretNames}:
 * per tenant an app secret (verifies Meta's signature; webhook) and an access token (sends; worker, scheduler),
 * per LLM provider an API key (worker, scheduler), the platform Meta app secret and the verify token of Meta's
 * handshake, the platform Twilio auth token and one admin API key (all webhook).
 * <p>
 * The stack creates them with random placeholder values (nothing secret is in the template); operators set the
 * real values with {@code aws secretsmanager put-secret-value}. Read access is granted on the name patterns, so a
 * tenant onboarded later under the same convention needs no redeploy, and each function can read only its kind.
 */
public final class ChannelSecrets extends Construct {

    /** Secrets Manager appends '-' and six random characters to every secret ARN. */
    private static final String ARN_SUFFIX = "-??????";

    private static final List<String> READ_ACTIONS = List.of("secretsmanager:GetSecretValue",
            "secretsmanager:DescribeSecret");

    /**
     * @param names      naming convention (prefix per stage)
     * @param tenantIds  tenants to create secrets for now
     * @param providers  LLM providers to create API-key secrets for now
     * @param removalPolicy RETAIN in prod; DESTROY in dev
     */
    public record Props(SecretNames names, List<String> tenantIds, List<String> providers,
                        RemovalPolicy removalPolicy) {
        public Props {
            Objects.requireNonNull(names, "names");
            tenantIds = List.copyOf(Objects.requireNonNullElse(tenantIds, List.of()));
            providers = List.copyOf(Objects.requireNonNullElse(providers, List.of()));
            tenantIds.forEach(t -> SecretNames.requireId(t, "tenant id"));
            providers.forEach(p -> SecretNames.requireId(p, "provider name"));
            Objects.requireNonNull(removalPolicy, "removalPolicy");
        }
    }

    private final SecretNames names;
    private final Map<String, Secret> appSecrets = new LinkedHashMap<>();
    private final Map<String, Secret> accessTokens = new LinkedHashMap<>();
    private final Map<String, Secret> providerKeys = new LinkedHashMap<>();
    private final Secret metaAppSecret;
    private final Secret verifyToken;
    private final Secret twilioAuthToken;
    private final Secret adminApiKey;

    public ChannelSecrets(Construct scope, String id, Props props) {
        super(scope, id);
        names = props.names();
        for (String tenant : props.tenantIds()) {
            appSecrets.put(tenant, secret("AppSecret-" + tenant, names.appSecret(tenant),
                    "Meta app secret of tenant " + tenant + " (set the real value after deploy)", props));
            accessTokens.put(tenant, secret("AccessToken-" + tenant, names.accessToken(tenant),
                    "WhatsApp Cloud API access token of tenant " + tenant + " (set the real value after deploy)",
                    props));
        }
        for (String provider : props.providers()) {
            providerKeys.put(provider, secret("ProviderKey-" + provider, names.providerApiKey(provider),
                    "API key of LLM provider " + provider + " (set the real value after deploy)", props));
        }
        metaAppSecret = secret("MetaAppSecret", names.metaAppSecret(),
                "Platform Meta app secret: verifies deliveries for numbers no tenant owns (set the real value)",
                props);
        verifyToken = secret("MetaVerifyToken", names.metaVerifyToken(),
                "Verify token of Meta's webhook handshake (random; copy it into the Meta app dashboard)", props);
        twilioAuthToken = secret("TwilioAuthToken", names.twilioAuthToken(),
                "Platform Twilio auth token: verifies Twilio deliveries for numbers no tenant owns (set the real value)",
                props);
        adminApiKey = secret("AdminApiKey", names.adminApiKey(), "Operator key of the /admin API (random)", props);

        Nag.suppress(this, Nag.rule("AwsSolutions-SMG4",
                "These hold credentials issued by third parties (Meta app secrets and access tokens, LLM provider "
                        + "API keys) or handed to them (the verify token), which a rotation Lambda cannot re-issue; "
                        + "they are rotated at the issuer and updated with put-secret-value (see infra/README.md)."));
    }

    private Secret secret(String id, String name, String description, Props props) {
        return Secret.Builder.create(this, id)
                .secretName(name)
                .description(description)
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(props.removalPolicy())
                .build();
    }

    /** Webhook: every tenant's Meta app secret. */
    public Grant grantAppSecretsRead(IGrantable grantee) {
        return grantPattern(grantee, names.appSecretPattern());
    }

    /** Worker, scheduler: every tenant's WhatsApp access token. */
    public Grant grantAccessTokensRead(IGrantable grantee) {
        return grantPattern(grantee, names.accessTokenPattern());
    }

    /** Worker, scheduler: every provider's API key. */
    public Grant grantProviderKeysRead(IGrantable grantee) {
        return grantPattern(grantee, names.providerApiKeyPattern());
    }

    /** The ARN pattern granted for a name pattern (for tests and suppressions). */
    public String arnPattern(String namePattern) {
        return Stack.of(this).formatArn(ArnComponents.builder()
                .service("secretsmanager")
                .resource("secret")
                .resourceName(namePattern + ARN_SUFFIX)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }

    private Grant grantPattern(IGrantable grantee, String namePattern) {
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(READ_ACTIONS)
                .resourceArns(List.of(arnPattern(namePattern)))
                .build());
    }

    public SecretNames names() {
        return names;
    }

    public Map<String, Secret> appSecrets() {
        return Map.copyOf(appSecrets);
    }

    public Map<String, Secret> accessTokens() {
        return Map.copyOf(accessTokens);
    }

    public Map<String, Secret> providerKeys() {
        return Map.copyOf(providerKeys);
    }

    public Secret metaAppSecret() {
        return metaAppSecret;
    }

    public Secret verifyToken() {
        return verifyToken;
    }

    public Secret twilioAuthToken() {
        return twilioAuthToken;
    }

    public Secret adminApiKey() {
        return adminApiKey;
    }
}
