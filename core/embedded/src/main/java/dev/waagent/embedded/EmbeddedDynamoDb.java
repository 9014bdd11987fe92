package dev.waagent.embedded;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local served in this process on a loopback port: the real DynamoDB wire protocol, persisted under a
 * directory or held in memory.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private static EmbeddedDynamoDb shared;

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * @param dataDir where to keep the tables, or {@code null} for an in-memory database
     */
    public static EmbeddedDynamoDb start(Path dataDir) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb"));
        try {
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.add("-dbPath");
                args.add(dataDir.toAbsolutePath().toString());
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new EmbeddedDynamoDb(server, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /** One in-memory instance per JVM: DynamoDB Local takes seconds to start, so tests share it. */
    public static synchronized EmbeddedDynamoDb shared() {
        if (shared == null) {
            shared = start(null);
            EmbeddedDynamoDb instance = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "dynamodb-local-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping on shutdown: nothing left to protect.
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
