package dev.waagent.local;

import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.embedded.EmbeddedSqs;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the whole pipeline in one process: DynamoDB Local (persisted under the data directory), ElasticMQ, the
 * webhook controllers, a poller that drives the worker handler like Lambda's SQS event source mapping, and a
 * WhatsApp Graph API stand-in whose requests are kept in an outbox.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    private final ApplicationContext context;
    private final EmbeddedDynamoDb dynamoDb;
    private final EmbeddedSqs sqs;
    private final int port;

    private LocalRuntime(ApplicationContext context, EmbeddedDynamoDb dynamoDb, EmbeddedSqs sqs, int port) {
        this.context = context;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.port = port;
    }

    public static void main(String[] args) {
        LocalOptions options = LocalOptions.fromEnvironment(System.getenv());
        LocalRuntime runtime;
        try {
            runtime = start(options);
        } catch (RuntimeException e) {
            LOG.error("wa-agent local runtime failed to start", e);
            // DynamoDB Local and ElasticMQ threads would keep a half-started JVM alive.
            System.exit(1);
            return;
        }
        // Micronaut's own hook stops the application context; this one only waits for that, then stops the stand-ins.
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::stopStandInsAfterContext, "local-stand-ins-stop"));
        String appSecret = (String) options.properties().get("wa.secrets.meta-app-secret");
        String verifyToken = (String) options.properties().get("wa.secrets.meta-verify-token");
        String adminKey = (String) options.properties().getOrDefault("wa.secrets.admin-operator-key", LocalOptions.DEFAULT_ADMIN_KEY);
        LOG.info("""

                wa-agent local runtime is up on http://localhost:{}
                  webhook:        POST /webhooks/whatsapp   (X-Hub-Signature-256 with the app secret below)
                  verification:   GET  /webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…
                  tenants:        GET  /local/tenants
                  sent messages:  GET  /local/outbox
                  scheduler:      POST /local/scheduler/<job>  (also on a timer: WA_SCHEDULER_INTERVAL, WA_SCHEDULER_ENABLED)
                  health:         GET  /health
                  data directory: {}
                  app secret:     {}   (WA_META_APP_SECRET{})
                  verify token:   {}   (WA_META_VERIFY_TOKEN{})
                  admin API:      /admin/…  (Authorization: Bearer <admin key>; description at GET /admin/openapi.yml)
                  admin key:      {}   (WA_ADMIN_KEY{})
                  LLM:            {}
                """, runtime.port(), options.dataDir().toAbsolutePath(),
                appSecret, LocalOptions.DEFAULT_APP_SECRET.equals(appSecret) ? ", default" : "",
                verifyToken, LocalOptions.DEFAULT_VERIFY_TOKEN.equals(verifyToken) ? ", default" : "",
                adminKey, LocalOptions.DEFAULT_ADMIN_KEY.equals(adminKey) ? ", default" : "",
                System.getenv("OPENAI_API_KEY") == null ? "local responder only (set OPENAI_API_KEY to use a model)"
                        : "OpenAI-compatible provider, then the local responder");
    }

    public static LocalRuntime start(LocalOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        EmbeddedDynamoDb ownDynamoDb = options.dynamoDbEndpoint() != null ? null
                : EmbeddedDynamoDb.start(options.inMemory() ? null : options.dataDir().resolve("dynamodb"));
        URI dynamoEndpoint = ownDynamoDb == null ? options.dynamoDbEndpoint() : ownDynamoDb.endpoint();
        EmbeddedSqs sqs = EmbeddedSqs.start();
        int port = options.port() == 0 ? freePort() : options.port();

        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.max-request-size", "4MB");
        // The handlers block on DynamoDB and SQS: keep them off the Netty event loop.
        properties.put("micronaut.server.thread-selection", "BLOCKING");
        properties.put("aws.region", "us-east-1");
        properties.put("wa.dynamodb.endpoint", dynamoEndpoint.toString());
        properties.put("wa.dynamodb.create-tables", true);
        properties.put("wa.dynamodb.conversations-table", options.tablePrefix() + "-conversations");
        properties.put("wa.dynamodb.tenants-table", options.tablePrefix() + "-tenants");
        properties.put("wa.sqs.endpoint", sqs.endpoint().toString());
        properties.put("wa.sqs.create-queues", true);
        properties.put("wa.sqs.turn-queue-name", options.tablePrefix() + "-turns.fifo");
        properties.put("wa.whatsapp.graph.base-url", "http://127.0.0.1:" + port + "/graph");
        properties.put("wa.secrets.local-access-token", LocalOptions.DEFAULT_ACCESS_TOKEN);
        // Twilio: the public URL Twilio signs, the Messages API stand-in, and the local account's credentials.
        properties.put("wa.twilio.public-base-url", "http://127.0.0.1:" + port);
        properties.put("wa.twilio.api.base-url", "http://127.0.0.1:" + port + "/twilio");
        properties.put("wa.twilio.api.status-callback-url", "http://127.0.0.1:" + port + "/webhooks/twilio");
        properties.put("wa.secrets.local-twilio-credentials", TwilioApiStandIn.LOCAL_ACCOUNT_SID + ":" + TwilioApiStandIn.LOCAL_AUTH_TOKEN);
        properties.put("wa.secrets.twilio-auth-token", TwilioApiStandIn.LOCAL_AUTH_TOKEN);
        properties.put("wa.local.data-dir", options.dataDir().toAbsolutePath().toString());
        // Nobody reads EMF lines on a laptop; they would drown the log.
        properties.put("wa.metrics.enabled", false);
        // Back office (admin API): H2 in PostgreSQL mode under the data directory, migrated by Flyway at start-up.
        properties.put("datasources.default.url", "jdbc:h2:" + (options.inMemory() ? "mem:backoffice-" + options.tablePrefix()
                + ";DB_CLOSE_DELAY=-1" : "file:" + options.dataDir().resolve("backoffice").resolve("backoffice").toAbsolutePath())
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.allow-pool-suspension", true);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("wa.secrets.admin-operator-key", LocalOptions.DEFAULT_ADMIN_KEY);
        // One process, one writable H2: staff commands (/status, /price) edit the catalog as the admin API does.
        properties.put("wa.staff.catalog-edits", true);
        properties.putAll(options.properties());

        ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(LocalRuntime.class)
                .deduceEnvironment(false)
                .environments("local")
                .properties(properties)
                .start();
        int actualPort = context.getBean(EmbeddedServer.class).getPort();
        return new LocalRuntime(context, ownDynamoDb, sqs, actualPort);
    }

    public ApplicationContext context() {
        return context;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void stopStandInsAfterContext() {
        for (int i = 0; i < 100 && context.isRunning(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sqs.close();
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    @Override
    public void close() {
        context.close();
        sqs.close();
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
