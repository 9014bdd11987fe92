package dev.waagent.infra.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a deployment can vary, validated once. Built from CDK context by {@link ContextConfigReader}; stacks
 * and constructs only ever see this typed form. Durations are {@code java.time} so the config can be built and
 * tested without the CDK runtime.
 *
 * @param stage             dev or prod
 * @param account           target account, or empty for an environment-agnostic synth
 * @param region            target region, or empty for an environment-agnostic synth
 * @param tenantIds         tenants whose channel secrets the stack creates and whose daily cost is alarmed
 * @param llmProviders      providers whose API-key secrets the stack creates (openai, groq, …)
 * @param bedrockModelIds   Bedrock foundation-model or inference-profile ids the functions may invoke
 * @param bedrockEmbeddingModelId Bedrock embedding model (e.g. {@code amazon.titan-embed-text-v2:0}) the admin and
 *                          worker functions embed knowledge with instead of the in-process model; empty = in-process
 * @param functions         memory and timeout per function
 * @param turnQueue         FIFO queue settings
 * @param api               API Gateway settings
 * @param database          back-office database settings
 * @param alarms            alarm thresholds and the e-mail that receives them
 * @param whatsappApiVersion Graph API version, e.g. v23.0
 * @param logRetentionDays  retention of every log group (a value CloudWatch accepts)
 */
public record DeploymentConfig(
        Stage stage,
        Optional<String> account,
        Optional<String> region,
        List<String> tenantIds,
        List<String> llmProviders,
        List<String> bedrockModelIds,
        Optional<String> bedrockEmbeddingModelId,
        Map<AgentFunction, FunctionSizing> functions,
        TurnQueueSettings turnQueue,
        ApiSettings api,
        DatabaseSettings database,
        AlarmSettings alarms,
        String whatsappApiVersion,
        int logRetentionDays) {

    /** Values CloudWatch Logs accepts for retention. */
    public static final Set<Integer> VALID_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern BEDROCK_MODEL_ID = Pattern.compile("[a-z0-9-]+(\\.[A-Za-z0-9._:-]+)+");
    private static final Pattern API_VERSION = Pattern.compile("v\\d+\\.\\d+");

    public DeploymentConfig {
        Objects.requireNonNull(stage, "stage");
        account = Objects.requireNonNullElse(account, Optional.empty());
        region = Objects.requireNonNullElse(region, Optional.empty());
        tenantIds = distinct(tenantIds, "tenant id");
        llmProviders = distinct(llmProviders, "provider name");
        bedrockModelIds = List.copyOf(Objects.requireNonNullElse(bedrockModelIds, List.of()));
        bedrockEmbeddingModelId = Objects.requireNonNullElse(bedrockEmbeddingModelId, Optional.empty());
        bedrockEmbeddingModelId.ifPresent(id -> {
            if (!BEDROCK_MODEL_ID.matcher(id).matches() || id.startsWith("arn:")) {
                throw new IllegalArgumentException("bedrock embedding model id must be a model id such as "
                        + "amazon.titan-embed-text-v2:0, not " + id);
            }
        });
        for (String id : bedrockModelIds) {
            if (!BEDROCK_MODEL_ID.matcher(id).matches() || id.startsWith("arn:")) {
                throw new IllegalArgumentException("bedrock model id must be a model or inference-profile id such as "
                        + "anthropic.claude-3-haiku-20240307-v1:0 or eu.amazon.nova-lite-v1:0, not '" + id + "'");
            }
        }
        Objects.requireNonNull(functions, "functions");
        for (AgentFunction function : AgentFunction.values()) {
            if (!functions.containsKey(function)) {
                throw new IllegalArgumentException("no sizing for function " + function.id());
            }
        }
        functions = Map.copyOf(new EnumMap<>(functions));
        Objects.requireNonNull(turnQueue, "turnQueue");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(alarms, "alarms");
        if (whatsappApiVersion == null || !API_VERSION.matcher(whatsappApiVersion).matches()) {
            throw new IllegalArgumentException("whatsappApiVersion must look like v23.0, got '" + whatsappApiVersion
                    + "'");
        }
        if (!VALID_RETENTION_DAYS.contains(logRetentionDays)) {
            throw new IllegalArgumentException("logRetentionDays must be one of " + VALID_RETENTION_DAYS.stream()
                    .sorted().toList() + ", got " + logRetentionDays);
        }
        // API Gateway gives up on an integration after 29 s: a longer timeout of a function behind it would never
        // be used.
        for (AgentFunction behindApi : List.of(AgentFunction.WEBHOOK, AgentFunction.ADMIN)) {
            if (functions.get(behindApi).timeout().compareTo(Duration.ofSeconds(29)) > 0) {
                throw new IllegalArgumentException(behindApi.id() + "TimeoutSeconds must be at most 29 (API Gateway's "
                        + "limit)");
            }
        }
        // The queue must stay invisible for 6 x the worker's timeout (AWS guidance for SQS event sources).
        Duration workerTimeout = functions.get(AgentFunction.WORKER).timeout();
        if (turnQueue.visibilityTimeoutFor(workerTimeout).compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("worker timeout " + workerTimeout
                    + " needs a visibility timeout over SQS's 12 h maximum");
        }
    }

    /** Defaults for a stage; {@link ContextConfigReader} overrides them from context. */
    public static DeploymentConfig defaults(Stage stage) {
        Map<AgentFunction, FunctionSizing> functions = new EnumMap<>(AgentFunction.class);
        // Not yet measured in AWS: 1 GB gives the webhook a full vCPU share for a fast first request after restore;
        // the worker holds the in-process embedding model.
        functions.put(AgentFunction.WEBHOOK, new FunctionSizing(1024, Duration.ofSeconds(10)));
        functions.put(AgentFunction.WORKER, new FunctionSizing(2048, Duration.ofSeconds(60)));
        functions.put(AgentFunction.SCHEDULER, new FunctionSizing(1024, Duration.ofMinutes(5)));
        // The admin API embeds imported entries with the in-process model (like the worker) within API Gateway's 29 s.
        functions.put(AgentFunction.ADMIN, new FunctionSizing(2048, Duration.ofSeconds(29)));
        boolean prod = stage.isProd();
        return new DeploymentConfig(
                stage,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                functions,
                new TurnQueueSettings(Duration.ofSeconds(2), 5, prod ? 20 : 5, 80),
                new ApiSettings(prod ? 200 : 50, prod ? 400 : 100, false, true),
                new DatabaseSettings(false, Optional.empty(), Optional.empty(), 0.5, prod ? 8 : 2, prod ? 2 : 1),
                new AlarmSettings(Optional.empty(), 5.0, 20.0, Duration.ofMinutes(5), 5),
                "v23.0",
                prod ? 90 : 14);
    }

    /** Prefix of every physical name: {@code wa-agent-dev}. */
    public String namePrefix() {
        return "wa-agent-" + stage.id();
    }

    public SecretNames secretNames() {
        return SecretNames.forStage(stage);
    }

    public FunctionSizing sizing(AgentFunction function) {
        return functions.get(function);
    }

    private static List<String> distinct(List<String> ids, String what) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : Objects.requireNonNullElse(ids, List.<String>of())) {
            if (!seen.add(SecretNames.requireId(id, what))) {
                throw new IllegalArgumentException(what + " '" + id + "' listed twice");
            }
        }
        return List.copyOf(seen);
    }

    /** Memory and timeout of one function. */
    public record FunctionSizing(int memoryMb, Duration timeout) {
        public FunctionSizing {
            if (memoryMb < 128 || memoryMb > 10_240) {
                throw new IllegalArgumentException("memoryMb must be 128..10240, got " + memoryMb);
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0
                    || timeout.toMillisPart() != 0) {
                throw new IllegalArgumentException("timeout must be whole seconds in 1 s..15 min, got " + timeout);
            }
        }
    }

    /**
     * @param burstWindow        queue delivery delay and the worker's burst window (whole seconds, ≤ 15 min)
     * @param maxReceiveCount    receives before a trigger moves to the DLQ
     * @param workerMaxConcurrency maximum concurrent worker invocations driven by the event source (2..1000)
     * @param throughputPerNumber  messages per second Meta allows each business number (80 by default; 1..1000: a
     *                             coexistence number gets 20, an upgraded one up to 1,000), shared by every sender
     */
    public record TurnQueueSettings(Duration burstWindow, int maxReceiveCount, int workerMaxConcurrency,
                                    int throughputPerNumber) {
        public TurnQueueSettings {
            Objects.requireNonNull(burstWindow, "burstWindow");
            if (burstWindow.isNegative() || burstWindow.compareTo(Duration.ofMinutes(15)) > 0
                    || burstWindow.toMillisPart() != 0) {
                throw new IllegalArgumentException("burst window must be whole seconds in 0..900 s, got "
                        + burstWindow);
            }
            if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
                throw new IllegalArgumentException("dlqMaxReceiveCount must be 1..1000, got " + maxReceiveCount);
            }
            if (workerMaxConcurrency < 2 || workerMaxConcurrency > 1000) {
                throw new IllegalArgumentException("workerMaxConcurrency must be 2..1000, got "
                        + workerMaxConcurrency);
            }
            if (throughputPerNumber < 1 || throughputPerNumber > 1000) {
                throw new IllegalArgumentException("whatsappThroughputPerNumber must be 1..1000, got "
                        + throughputPerNumber);
            }
        }

        public Duration visibilityTimeoutFor(Duration workerTimeout) {
            return workerTimeout.multipliedBy(6);
        }
    }

    /**
     * @param throttleRateLimit  steady-state requests per second for the whole stage
     * @param throttleBurstLimit burst capacity
     * @param enableWaf          attach a WAFv2 web ACL to the stage
     * @param accountCloudWatchRole create API Gateway's account-level CloudWatch role (needed once per account
     *                          and region for access and execution logs; set false if the account already has one)
     */
    public record ApiSettings(int throttleRateLimit, int throttleBurstLimit, boolean enableWaf,
                              boolean accountCloudWatchRole) {
        public ApiSettings {
            if (throttleRateLimit < 1 || throttleBurstLimit < 1) {
                throw new IllegalArgumentException("API throttling limits must be positive");
            }
            if (throttleBurstLimit > 5000) {
                throw new IllegalArgumentException("apiThrottleBurst must be at most 5000 (account default), got "
                        + throttleBurstLimit);
            }
        }
    }

    /**
     * @param useExisting     do not create VPC/Aurora/RDS Proxy; connect to an existing PostgreSQL
     * @param existingJdbcUrl JDBC URL of the existing database (required with useExisting)
     * @param existingSecretArn ARN of a secret with username/password for it (required with useExisting)
     * @param minCapacity     Aurora Serverless v2 minimum ACUs
     * @param maxCapacity     Aurora Serverless v2 maximum ACUs
     * @param natGateways     NAT gateways of the VPC (the worker reaches the Graph API and LLM providers through them)
     */
    public record DatabaseSettings(boolean useExisting, Optional<String> existingJdbcUrl,
                                   Optional<String> existingSecretArn, double minCapacity, double maxCapacity,
                                   int natGateways) {
        public DatabaseSettings {
            existingJdbcUrl = Objects.requireNonNullElse(existingJdbcUrl, Optional.empty());
            existingSecretArn = Objects.requireNonNullElse(existingSecretArn, Optional.empty());
            if (useExisting) {
                if (existingJdbcUrl.filter(url -> url.startsWith("jdbc:postgresql://")).isEmpty()) {
                    throw new IllegalArgumentException(
                            "useExistingDatabase needs existingDatabaseJdbcUrl (jdbc:postgresql://host:port/db)");
                }
                if (existingSecretArn.filter(arn -> arn.matches("arn:aws[a-z-]*:secretsmanager:[^:]+:\\d{12}:secret:.+"))
                        .isEmpty()) {
                    throw new IllegalArgumentException(
                            "useExistingDatabase needs existingDatabaseSecretArn (a Secrets Manager secret ARN)");
                }
            }
            if (minCapacity < 0 || maxCapacity < 1 || maxCapacity > 256 || minCapacity > maxCapacity
                    || minCapacity * 2 != Math.rint(minCapacity * 2) || maxCapacity * 2 != Math.rint(maxCapacity * 2)) {
                throw new IllegalArgumentException("Aurora capacity must be 0 ≤ min ≤ max ≤ 256 in steps of 0.5 with "
                        + "max ≥ 1, got " + minCapacity + ".." + maxCapacity);
            }
            if (natGateways < 1 || natGateways > 3) {
                throw new IllegalArgumentException("natGateways must be 1..3, got " + natGateways);
            }
        }
    }

    /**
     * @param email                  address subscribed to the alarm topic (none: subscribe later)
     * @param costBudgetUsdPerTenantPerDay alarm when one tenant's LLM cost in a UTC day exceeds this
     * @param localFallbackPercent   alarm when this share of turns is answered by the local responder
     * @param oldestMessageAge       alarm when the oldest turn trigger waits longer than this
     * @param webhook5xxPerFiveMinutes alarm when API Gateway returns at least this many 5xx in 5 minutes
     */
    public record AlarmSettings(Optional<String> email, double costBudgetUsdPerTenantPerDay,
                                double localFallbackPercent, Duration oldestMessageAge,
                                int webhook5xxPerFiveMinutes) {
        public AlarmSettings {
            email = Objects.requireNonNullElse(email, Optional.empty());
            email.ifPresent(address -> {
                if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new IllegalArgumentException("alarmEmail is not an e-mail address: " + address);
                }
            });
            if (!(costBudgetUsdPerTenantPerDay > 0)) {
                throw new IllegalArgumentException("costBudgetUsdPerTenantPerDay must be positive");
            }
            if (!(localFallbackPercent > 0 && localFallbackPercent <= 100)) {
                throw new IllegalArgumentException("localFallbackAlarmPercent must be in (0, 100]");
            }
            Objects.requireNonNull(oldestMessageAge, "oldestMessageAge");
            if (oldestMessageAge.toSeconds() < 60) {
                throw new IllegalArgumentException("oldestMessageAgeAlarmSeconds must be at least 60");
            }
            if (webhook5xxPerFiveMinutes < 1) {
                throw new IllegalArgumentException("webhook5xxAlarmThreshold must be at least 1");
            }
        }
    }
}
