package dev.waagent.backoffice.login;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secrets Manager's JSON protocol on a loopback port: {@code POST /} with {@code X-Amz-Target:
 * secretsmanager.GetSecretValue} and {@code {"SecretId": …}}; answers the secret's current string, or
 * {@code ResourceNotFoundException} in the service's error shape for any other id.
 */
final class SecretsManagerStandIn implements AutoCloseable {

    private final HttpServer server;
    private final String secretArn;
    private volatile String secretString;
    final List<String> requests = new CopyOnWriteArrayList<>();

    SecretsManagerStandIn(String secretArn, String secretString) {
        this.secretArn = secretArn;
        this.secretString = secretString;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(target + " " + body);
            byte[] answer;
            int status;
            if ("secretsmanager.GetSecretValue".equals(target) && body.contains("\"SecretId\":\"" + secretArn + "\"")) {
                status = 200;
                answer = ("{\"ARN\":\"" + secretArn + "\",\"Name\":\"backoffice-db\",\"SecretString\":"
                        + quote(this.secretString) + ",\"VersionId\":\"v-" + requests.size()
                        + "\",\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1.7334E9}")
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 400;
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                answer = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}"
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void rotate(String newSecretString) {
        this.secretString = newSecretString;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
