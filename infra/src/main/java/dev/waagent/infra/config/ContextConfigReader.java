package dev.waagent.infra.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads CDK context (from {@code cdk.json} or {@code -c key=value}) into a {@link DeploymentConfig}. Values given
 * with {@code -c} always arrive as strings; values in {@code cdk.json} may be booleans, numbers or arrays: both are
 * accepted. Unknown keys are ignored; malformed values fail with a message naming the key.
 */
public final class ContextConfigReader {

    /** The context keys, as documented in infra/README.md. */
    public static final String STAGE = "stage";
    public static final String ARTIFACT_DIR = "artifactDir";
    public static final String TENANTS = "tenants";
    public static final String LLM_PROVIDERS = "llmProviders";
    public static final String BEDROCK_MODEL_IDS = "bedrockModelIds";
    public static final String BEDROCK_EMBEDDING_MODEL_ID = "bedrockEmbeddingModelId";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String ENABLE_WAF = "enableWaf";
    public static final String API_GATEWAY_CLOUDWATCH_ROLE = "apiGatewayCloudWatchRole";
    public static final String API_THROTTLE_RATE = "apiThrottleRate";
    public static final String API_THROTTLE_BURST = "apiThrottleBurst";
    public static final String USE_EXISTING_DATABASE = "useExistingDatabase";
    public static final String EXISTING_DATABASE_JDBC_URL = "existingDatabaseJdbcUrl";
    public static final String EXISTING_DATABASE_SECRET_ARN = "existingDatabaseSecretArn";
    public static final String DB_MIN_CAPACITY = "dbMinCapacity";
    public static final String DB_MAX_CAPACITY = "dbMaxCapacity";
    public static final String NAT_GATEWAYS = "natGateways";
    public static final String DLQ_MAX_RECEIVE_COUNT = "dlqMaxReceiveCount";
    public static final String WORKER_MAX_CONCURRENCY = "workerMaxConcurrency";
    public static final String WHATSAPP_THROUGHPUT_PER_NUMBER = "whatsappThroughputPerNumber";
    public static final String TURN_BURST_WINDOW_SECONDS = "turnBurstWindowSeconds";
    public static final String WHATSAPP_API_VERSION = "whatsappApiVersion";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String COST_BUDGET = "costBudgetUsdPerTenantPerDay";
    public static final String LOCAL_FALLBACK_PERCENT = "localFallbackAlarmPercent";
    public static final String OLDEST_MESSAGE_AGE_SECONDS = "oldestMessageAgeAlarmSeconds";
    public static final String WEBHOOK_5XX_THRESHOLD = "webhook5xxAlarmThreshold";
    /** Per function: webhookMemoryMb, workerMemoryMb, schedulerMemoryMb (and …TimeoutSeconds). */
    public static final String MEMORY_SUFFIX = "MemoryMb";
    public static final String TIMEOUT_SUFFIX = "TimeoutSeconds";

    private final Function<String, Object> context;
    private final Map<String, String> environment;

    /**
     * @param context     usually {@code app.getNode()::tryGetContext}
     * @param environment process environment ({@code CDK_DEFAULT_ACCOUNT}/{@code CDK_DEFAULT_REGION} set by the CLI)
     */
    public ContextConfigReader(Function<String, Object> context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
    }

    public DeploymentConfig read() {
        Stage stage = Stage.fromId(string(STAGE).orElse("dev"));
        DeploymentConfig d = DeploymentConfig.defaults(stage);

        Map<AgentFunction, DeploymentConfig.FunctionSizing> functions = new EnumMap<>(AgentFunction.class);
        for (AgentFunction function : AgentFunction.values()) {
            DeploymentConfig.FunctionSizing base = d.sizing(function);
            functions.put(function, new DeploymentConfig.FunctionSizing(
                    integer(function.id() + MEMORY_SUFFIX).orElse(base.memoryMb()),
                    integer(function.id() + TIMEOUT_SUFFIX).map(s -> Duration.ofSeconds(s)).orElse(base.timeout())));
        }
        var queue = new DeploymentConfig.TurnQueueSettings(
                integer(TURN_BURST_WINDOW_SECONDS).map(s -> Duration.ofSeconds(s)).orElse(d.turnQueue().burstWindow()),
                integer(DLQ_MAX_RECEIVE_COUNT).orElse(d.turnQueue().maxReceiveCount()),
                integer(WORKER_MAX_CONCURRENCY).orElse(d.turnQueue().workerMaxConcurrency()),
                integer(WHATSAPP_THROUGHPUT_PER_NUMBER).orElse(d.turnQueue().throughputPerNumber()));
        var api = new DeploymentConfig.ApiSettings(
                integer(API_THROTTLE_RATE).orElse(d.api().throttleRateLimit()),
                integer(API_THROTTLE_BURST).orElse(d.api().throttleBurstLimit()),
                bool(ENABLE_WAF).orElse(d.api().enableWaf()),
                bool(API_GATEWAY_CLOUDWATCH_ROLE).orElse(d.api().accountCloudWatchRole()));
        var database = new DeploymentConfig.DatabaseSettings(
                bool(USE_EXISTING_DATABASE).orElse(false),
                string(EXISTING_DATABASE_JDBC_URL),
                string(EXISTING_DATABASE_SECRET_ARN),
                decimal(DB_MIN_CAPACITY).orElse(d.database().minCapacity()),
                decimal(DB_MAX_CAPACITY).orElse(d.database().maxCapacity()),
                integer(NAT_GATEWAYS).orElse(d.database().natGateways()));
        var alarms = new DeploymentConfig.AlarmSettings(
                string(ALARM_EMAIL),
                decimal(COST_BUDGET).orElse(d.alarms().costBudgetUsdPerTenantPerDay()),
                decimal(LOCAL_FALLBACK_PERCENT).orElse(d.alarms().localFallbackPercent()),
                integer(OLDEST_MESSAGE_AGE_SECONDS).map(s -> Duration.ofSeconds(s))
                        .orElse(d.alarms().oldestMessageAge()),
                integer(WEBHOOK_5XX_THRESHOLD).orElse(d.alarms().webhook5xxPerFiveMinutes()));
        return new DeploymentConfig(
                stage,
                env("CDK_DEFAULT_ACCOUNT"),
                env("CDK_DEFAULT_REGION"),
                list(TENANTS),
                list(LLM_PROVIDERS),
                list(BEDROCK_MODEL_IDS),
                string(BEDROCK_EMBEDDING_MODEL_ID),
                functions,
                queue,
                api,
                database,
                alarms,
                string(WHATSAPP_API_VERSION).orElse(d.whatsappApiVersion()),
                integer(LOG_RETENTION_DAYS).orElse(d.logRetentionDays()));
    }

    /** Repository root holding the built function jars ({@code artifactDir}, default {@code ..} from infra/). */
    public Path artifactDir() {
        return Path.of(string(ARTIFACT_DIR).orElse("..")).toAbsolutePath().normalize();
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    Optional<String> string(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof Collection) {
            throw new IllegalArgumentException("context '" + key + "' must be a single value, got " + value);
        }
        return Optional.of(value.toString().trim()).filter(s -> !s.isEmpty());
    }

    Optional<Integer> integer(String key) {
        return string(key).map(s -> {
            try {
                return new java.math.BigDecimal(s).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("context '" + key + "' must be a whole number, got '" + s + "'");
            }
        });
    }

    Optional<Double> decimal(String key) {
        return string(key).map(s -> {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context '" + key + "' must be a number, got '" + s + "'");
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return string(key).map(s -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("context '" + key + "' must be true or false, got '" + s
                    + "'");
        });
    }

    /** A JSON array in cdk.json, or a comma-separated string from {@code -c}. */
    List<String> list(String key) {
        Object value = context.apply(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Collection<?> items) {
            items.forEach(item -> out.add(String.valueOf(item).trim()));
        } else if (value instanceof Map) {
            throw new IllegalArgumentException("context '" + key + "' must be a list, got " + value);
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                text = text.substring(1, text.endsWith("]") ? text.length() - 1 : text.length()).replace("\"", "");
            }
            Arrays.stream(text.split(",")).map(String::trim).forEach(out::add);
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
