package dev.waagent.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;
import software.amazon.awssdk.services.dynamodb.paginators.ScanIterable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Benchmarks only ({@code bench.record-dynamodb-calls=true}): wraps the process's one DynamoDB client so every call is
 * recorded with its operation, the first project method that made it and its client-side latency. The listing of a
 * turn's calls is what the overhead benchmark prints; no test depends on it.
 */
@Singleton
@Requires(property = "bench.record-dynamodb-calls", value = "true")
public class DynamoDbCallRecorder implements BeanCreatedEventListener<DynamoDbClient> {

    /** One DynamoDB call: operation, caller ({@code Class.method} of the first project frame), wall time. */
    public record Call(String operation, String caller, long startNanos, long nanos, String thread) {
    }

    private static final List<Call> CALLS = new ArrayList<>();
    private static final Set<String> NOT_CALLS = Set.of("serviceName", "close", "serviceClientConfiguration",
            "toString", "hashCode", "equals");
    private static final StackWalker WALKER = StackWalker.getInstance();

    @Override
    public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
        DynamoDbClient real = event.getBean();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[]{DynamoDbClient.class}, (proxy, method, args) -> {
                    if (NOT_CALLS.contains(method.getName())) {
                        return invoke(method, real, args);
                    }
                    if ("queryPaginator".equals(method.getName()) && args != null && args[0] instanceof QueryRequest request) {
                        // Pages are fetched lazily: through this proxy, so each page's query is recorded.
                        return new QueryIterable((DynamoDbClient) proxy, request);
                    }
                    if ("scanPaginator".equals(method.getName()) && args != null && args[0] instanceof ScanRequest request) {
                        return new ScanIterable((DynamoDbClient) proxy, request);
                    }
                    String caller = WALKER.walk(frames -> frames
                            .filter(f -> f.getClassName().startsWith("dev.waagent.")
                                    && !f.getClassName().startsWith(DynamoDbCallRecorder.class.getName()))
                            .findFirst()
                            .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                            .orElse("?"));
                    long started = System.nanoTime();
                    try {
                        return invoke(method, real, args);
                    } finally {
                        long took = System.nanoTime() - started;
                        synchronized (CALLS) {
                            CALLS.add(new Call(method.getName(), caller, started, took, Thread.currentThread().getName()));
                        }
                    }
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The calls recorded since the last drain, oldest first; clears the record. */
    public static List<Call> drain() {
        synchronized (CALLS) {
            List<Call> copy = List.copyOf(CALLS);
            CALLS.clear();
            return copy;
        }
    }
}
