package dev.waagent.infra.config;

/**
 * Every environment variable the stacks set on the functions: the contract with the application code. Micronaut
 * maps {@code WA_FOO_BAR} to the property {@code wa.foo.bar}.
 */
public enum EnvVar {
    /** Micronaut environments, e.g. {@code lambda,dev}. */
    MICRONAUT_ENVIRONMENTS,
    /** JVM flags read by the runtime at start-up (C1-only tiered compilation shortens cold starts). */
    JAVA_TOOL_OPTIONS,
    /** {@code dev} or {@code prod}. */
    WA_STAGE,
    /** DynamoDB table holding conversations, messages and short-lived keys ({@code pk}/{@code sk}, TTL {@code expiresAt}). */
    WA_DYNAMODB_CONVERSATIONS_TABLE,
    /** DynamoDB table holding tenants ({@code pk}). */
    WA_DYNAMODB_TENANTS_TABLE,
    /** URL of the SQS FIFO turn queue (webhook sends; the worker is driven by the event source). */
    WA_SQS_TURN_QUEUE_URL,
    /** WhatsApp Graph API version, e.g. {@code v23.0} ({@code wa.whatsapp.graph.api-version}). */
    WA_WHATSAPP_GRAPH_API_VERSION,
    /** Reference of the platform Meta app secret ({@code wa.whatsapp.app-secret-ref}), see {@link SecretNames}. */
    WA_WHATSAPP_APP_SECRET_REF,
    /** Reference of the webhook verify token ({@code wa.whatsapp.verify-token-ref}), see {@link SecretNames}. */
    WA_WHATSAPP_VERIFY_TOKEN_REF,
    /** Burst window as a Micronaut duration, e.g. {@code 2s}. */
    WA_TURN_BURST_WINDOW,
    /**
     * How many instances may send on one business number at once ({@code wa.delivery.sending-instances}): the worker's
     * maximum concurrency plus one for the scheduler. Each instance keeps to Meta's per-number throughput divided by it.
     */
    WA_DELIVERY_SENDING_INSTANCES,
    WA_DELIVERY_THROUGHPUT_PER_NUMBER,
    /**
     * Secrets Manager name prefix, e.g. {@code wa-agent/dev}. A secret reference {@code r} (as stored on a tenant,
     * or in a {@code …_REF} variable) is the secret named {@code <prefix>/<r>}; see {@link SecretNames}.
     */
    WA_SECRETS_PREFIX,
    /**
     * Public base URL Twilio is configured with, stage included, no trailing slash ({@code wa.twilio.public-base-url}):
     * Twilio signs the URL it called, so the webhook rebuilds it from this.
     */
    WA_TWILIO_PUBLIC_BASE_URL,
    /** Reference of the platform Twilio auth token ({@code wa.twilio.auth-token-ref}), see {@link SecretNames}. */
    WA_TWILIO_AUTH_TOKEN_REF,
    /** Provider chain when the tenant sets none ({@code llm.default-order}), from the {@code llmProviders} context. */
    LLM_DEFAULT_ORDER,
    /** Comma-separated Bedrock model or inference-profile ids this function may invoke. */
    WA_BEDROCK_MODEL_IDS,
    /** {@code bedrock} when knowledge is embedded by a Bedrock model ({@code wa.embeddings.provider}). */
    WA_EMBEDDINGS_PROVIDER,
    /** The Bedrock embedding model ({@code wa.embeddings.bedrock.model-id}); admin and worker must use the same one. */
    WA_EMBEDDINGS_BEDROCK_MODEL_ID,
    /** JDBC URL of the back-office database (RDS Proxy endpoint, or the existing database). */
    DATASOURCES_DEFAULT_URL,
    /** Database user. */
    DATASOURCES_DEFAULT_USERNAME,
    /**
     * {@code true}: the datasource password is an RDS IAM auth token for {@link #DATASOURCES_DEFAULT_USERNAME}
     * (signed by the function's role, valid 15 minutes, renewed before it expires) — no password anywhere
     * ({@code wa.backoffice.iam-auth}).
     */
    WA_BACKOFFICE_IAM_AUTH,
    /**
     * ARN of a Secrets Manager secret holding {@code username}/{@code password} (the RDS secret format), read at
     * start and again when a connection is refused (existing database; {@code wa.backoffice.db-secret-arn}).
     */
    WA_BACKOFFICE_DB_SECRET_ARN,
    /** Reference of the admin API's operator key ({@code wa.admin.operator-key-ref}), see {@link SecretNames}. */
    WA_ADMIN_OPERATOR_KEY_REF,
    /** Where DJL/ONNX extracts native libraries (must be under /tmp on Lambda). */
    DJL_CACHE_DIR
}
