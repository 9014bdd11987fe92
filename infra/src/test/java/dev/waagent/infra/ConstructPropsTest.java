package dev.waagent.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waagent.infra.constructs.JavaFunction;
import dev.waagent.infra.constructs.TurnQueue;
import dev.waagent.infra.constructs.WebhookApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The reusable constructs refuse props that would synthesize something broken. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstructPropsTest {

    private Stack stack;
    private Key key;
    private Code code;

    @BeforeAll
    void scope() {
        stack = new Stack(new App(), "Scratch");
        key = new Key(stack, "Key");
        code = Code.fromAsset(TestApps.placeholderAsset().toString());
    }

    private JavaFunction.Props function(String handler, int memoryMb, Duration timeout) {
        return new JavaFunction.Props("fn", "d", handler, code, memoryMb, timeout, Map.of(), RetentionDays.ONE_WEEK,
                RemovalPolicy.DESTROY, Optional.empty(), List.of());
    }

    @Test
    void javaFunctionNeedsAClassHandlerSaneMemoryAndTimeout() {
        assertThatThrownBy(() -> function("handler", 1024, Duration.ofSeconds(10)))
                .hasMessageContaining("fully-qualified class name");
        assertThatThrownBy(() -> function("dev.waagent.X", 64, Duration.ofSeconds(10)))
                .hasMessageContaining("memoryMb");
        assertThatThrownBy(() -> function("dev.waagent.X", 1024, Duration.ofMinutes(16)))
                .hasMessageContaining("timeout");
    }

    @Test
    void javaFunctionInAVpcNeedsSecurityGroups() {
        Vpc vpc = new Vpc(stack, "Vpc");
        assertThatThrownBy(() -> new JavaFunction.Props("fn", "d", "dev.waagent.X", code, 1024,
                Duration.ofSeconds(10), Map.of(), RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY, Optional.of(vpc),
                List.of())).hasMessageContaining("security groups");
    }

    @Test
    void turnQueueRefusesImpossibleSqsSettings() {
        assertThatThrownBy(() -> new TurnQueue.Props("q", Duration.ofSeconds(2), Duration.ofSeconds(60), 0, key,
                RemovalPolicy.DESTROY)).hasMessageContaining("maxReceiveCount");
        assertThatThrownBy(() -> new TurnQueue.Props("q", Duration.ofMillis(1500), Duration.ofSeconds(60), 5, key,
                RemovalPolicy.DESTROY)).hasMessageContaining("deliveryDelay");
        assertThatThrownBy(() -> new TurnQueue.Props("q", Duration.ofSeconds(2), Duration.ofHours(3), 5, key,
                RemovalPolicy.DESTROY)).hasMessageContaining("12 h");
        assertThatThrownBy(() -> new TurnQueue.Props("q.fifo", Duration.ofSeconds(2), Duration.ofSeconds(60), 5,
                key, RemovalPolicy.DESTROY)).hasMessageContaining("baseName");
    }

    @Test
    void webhookApiRefusesMalformedRoutes() {
        IFunction handler = software.amazon.awscdk.services.lambda.Function.fromFunctionName(stack, "F", "f");
        assertThatThrownBy(() -> new WebhookApi.Route("webhooks", List.of("GET"), handler))
                .hasMessageContaining("route path");
        assertThatThrownBy(() -> new WebhookApi.Route("/webhooks", List.of("FETCH"), handler))
                .hasMessageContaining("methods");
        assertThatThrownBy(() -> new WebhookApi.Route("/admin", List.of("ANY"), null))
                .hasMessageContaining("handler of /admin");
        var route = new WebhookApi.Route("/a", List.of("GET"), handler);
        assertThatThrownBy(() -> new WebhookApi.Props("api", "dev-1", List.of(route),
                10, 10, false, false, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY))
                .hasMessageContaining("stageName");
        assertThatThrownBy(() -> new WebhookApi.Props("api", "dev", List.of(route, route),
                10, 10, false, false, RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY))
                .hasMessageContaining("once");
    }
}
