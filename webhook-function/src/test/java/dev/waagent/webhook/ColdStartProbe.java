package dev.waagent.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;

/**
 * Measures the webhook's cold start in a fresh JVM on the deployable jar: handler construction (Lambda's init
 * phase) and the first request. A benchmark run by hand, not a test:
 * {@code java -cp webhook-function/target/wa-agent-webhook-lambda.jar:webhook-function/target/test-classes dev.waagent.webhook.ColdStartProbe}
 * <p>
 * Besides wall time it prints the CPU time the main thread spent constructing the handler: on a shared, loaded
 * machine wall time mostly measures the other processes, CPU time much less so.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long jvmUptimeAtMain = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.setProperty("wa.sqs.turn-queue-url", "http://127.0.0.1:9/000000000000/probe.fifo");
        System.setProperty("wa.metrics.enabled", "false");
        System.setProperty("wa.secrets.meta-verify-token", "probe-token");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        WebhookHandler handler = new WebhookHandler();
        long constructed = System.nanoTime();
        long constructionCpu = threads.getCurrentThreadCpuTime() - cpu0;
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/webhooks/whatsapp").withResource("/webhooks/whatsapp")
                .withHeaders(Map.of("Host", "probe"))
                .withQueryStringParameters(Map.of("hub.mode", "subscribe", "hub.verify_token", "probe-token", "hub.challenge", "42"))
                .withMultiValueQueryStringParameters(Map.of("hub.mode", java.util.List.of("subscribe"),
                        "hub.verify_token", java.util.List.of("probe-token"), "hub.challenge", java.util.List.of("42")));
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        long first = System.nanoTime();
        long warm = 0;
        for (int i = 0; i < 1000; i++) {
            long s = System.nanoTime();
            handler.handleRequest(event, null);
            warm = Math.max(warm, 0) + (System.nanoTime() - s);
        }
        System.out.printf("jvm start -> main %d ms; handler construction %d ms (main thread CPU %d ms); first request %d ms (status %d); warm mean %.3f ms%n",
                jvmUptimeAtMain, (constructed - t0) / 1_000_000, constructionCpu / 1_000_000,
                (first - constructed) / 1_000_000, response.getStatusCode(), warm / 1000 / 1_000_000.0);
        System.exit(0);
    }
}
