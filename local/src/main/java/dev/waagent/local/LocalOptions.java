package dev.waagent.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the local runtime.
 *
 * @param port             HTTP port of the webhook, admin, local and Graph stand-in routes
 * @param dataDir          where DynamoDB Local keeps its tables and the stand-in its outbox
 * @param dynamoDbEndpoint an already running DynamoDB Local to use instead of starting one (tests share one)
 * @param tablePrefix      prefix for table and queue names, so several runtimes can share a DynamoDB Local
 * @param properties       further configuration (secrets, burst window, LLM providers…)
 * @param inMemory         keep DynamoDB Local's tables in memory (benchmarks); data is then lost on exit
 */
public record LocalOptions(int port, Path dataDir, URI dynamoDbEndpoint, String tablePrefix, Map<String, Object> properties,
                           boolean inMemory) {

    public LocalOptions(int port, Path dataDir, URI dynamoDbEndpoint, String tablePrefix, Map<String, Object> properties) {
        this(port, dataDir, dynamoDbEndpoint, tablePrefix, properties, false);
    }

    public LocalOptions {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        tablePrefix = tablePrefix == null ? "wa-agent" : tablePrefix;
    }

    public static final String DEFAULT_APP_SECRET = "local-app-secret";
    public static final String DEFAULT_VERIFY_TOKEN = "local-verify-token";
    public static final String DEFAULT_ACCESS_TOKEN = "local-graph-token";
    /** Operator key of the admin API ({@code Authorization: Bearer …}); WA_ADMIN_KEY overrides it. */
    public static final String DEFAULT_ADMIN_KEY = "local-admin-key";

    /**
     * From the environment, as the README documents: PORT, WA_DATA_DIR, WA_META_APP_SECRET, WA_META_VERIFY_TOKEN,
     * WA_ADMIN_KEY, WA_DYNAMODB_IN_MEMORY, WA_SCHEDULER_ENABLED, WA_SCHEDULER_INTERVAL.
     */
    public static LocalOptions fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        Path dataDir = Path.of(env.getOrDefault("WA_DATA_DIR", Path.of(System.getProperty("user.home"), ".wa-agent").toString()));
        return new LocalOptions(port, dataDir, null, "wa-agent", Map.of(
                "wa.secrets.meta-app-secret", env.getOrDefault("WA_META_APP_SECRET", DEFAULT_APP_SECRET),
                "wa.secrets.meta-verify-token", env.getOrDefault("WA_META_VERIFY_TOKEN", DEFAULT_VERIFY_TOKEN),
                // The scheduler's jobs run on a timer when the runtime is started by hand (never in tests unless asked).
                "wa.local.scheduler.enabled", env.getOrDefault("WA_SCHEDULER_ENABLED", "true"),
                "wa.local.scheduler.interval", env.getOrDefault("WA_SCHEDULER_INTERVAL", "60s"),
                "wa.secrets.admin-operator-key", env.getOrDefault("WA_ADMIN_KEY", DEFAULT_ADMIN_KEY)),
                Boolean.parseBoolean(env.getOrDefault("WA_DYNAMODB_IN_MEMORY", "false")));
    }
}
