package dev.waagent.embedded;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;

/**
 * ElasticMQ served in this process on a loopback port: the SQS wire protocol with FIFO groups, deduplication,
 * visibility timeouts and redrive to a dead-letter queue.
 */
public final class EmbeddedSqs implements AutoCloseable {

    private static EmbeddedSqs shared;

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static EmbeddedSqs start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, URI.create("http://127.0.0.1:" + port));
    }

    /** One instance per JVM for tests; each test uses its own queue names. */
    public static synchronized EmbeddedSqs shared() {
        if (shared == null) {
            shared = start();
            EmbeddedSqs instance = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "elasticmq-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
