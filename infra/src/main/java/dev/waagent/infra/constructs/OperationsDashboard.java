package dev.waagent.infra.constructs;

import static dev.waagent.infra.constructs.AgentMetrics.P50;
import static dev.waagent.infra.constructs.AgentMetrics.P95;
import static dev.waagent.infra.constructs.AgentMetrics.P99;
import static dev.waagent.infra.constructs.AgentMetrics.SUM;
import static dev.waagent.infra.constructs.AgentMetrics.ofFunction;
import static dev.waagent.infra.constructs.AgentMetrics.searchBy;

import dev.waagent.domain.MetricNames;
import dev.waagent.infra.config.AgentFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The operations dashboard: AWS metrics of the API, queues and functions next to the application's EMF metrics
 * ({@link MetricNames}), row by row along the path of a message: webhook → queue → worker → LLM providers →
 * tenants (cost, tokens, handoffs, opt-outs).
 */
public final class OperationsDashboard extends Construct {

    private static final Duration FIVE_MINUTES = Duration.minutes(5);
    private static final Duration ONE_HOUR = Duration.hours(1);
    private static final Duration ONE_DAY = Duration.days(1);

    /**
     * @param dashboardName   e.g. {@code wa-agent-dev}
     * @param api             the webhook REST API
     * @param functions       every function (unqualified)
     * @param queue           the turn queue
     * @param deadLetterQueue its DLQ
     * @param alarms          shown in an alarm status widget
     * @param adminAlarms     the admin API's alarms, shown next to its graphs
     * @param oldestMessageAgeSeconds drawn as a threshold line
     */
    public record Props(String dashboardName, RestApi api, Map<AgentFunction, IFunction> functions, IQueue queue,
                        IQueue deadLetterQueue, List<Alarm> alarms, List<Alarm> adminAlarms,
                        long oldestMessageAgeSeconds) {
        public Props {
            if (dashboardName == null || !dashboardName.matches("[A-Za-z0-9_-]{1,255}")) {
                throw new IllegalArgumentException("dashboardName must be 1-255 of [A-Za-z0-9_-]: " + dashboardName);
            }
            Objects.requireNonNull(api, "api");
            functions = Map.copyOf(Objects.requireNonNull(functions, "functions"));
            // Every function's errors and durations are drawn; a missing one would leave a blind spot.
            for (AgentFunction function : AgentFunction.values()) {
                if (!functions.containsKey(function)) {
                    throw new IllegalArgumentException("missing function " + function.id());
                }
            }
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
            alarms = List.copyOf(Objects.requireNonNullElse(alarms, List.of()));
            adminAlarms = List.copyOf(Objects.requireNonNullElse(adminAlarms, List.of()));
        }
    }

    private final Dashboard dashboard;

    public OperationsDashboard(Construct scope, String id, Props props) {
        super(scope, id);
        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.dashboardName())
                .defaultInterval(Duration.hours(6))
                .build();
        RestApi api = props.api();
        IFunction webhook = props.functions().get(AgentFunction.WEBHOOK);

        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("# wa-agent " + props.dashboardName() + "\nA message flows left to right, top to bottom: "
                        + "API Gateway → webhook → SQS FIFO → worker → LLM providers → reply. Namespace `"
                        + MetricNames.NAMESPACE + "` holds the application metrics (dimensions `"
                        + MetricNames.DIM_FUNCTION + "`, `" + MetricNames.DIM_TENANT + "`, `"
                        + MetricNames.DIM_PROVIDER + "`). Alarms and what to do: infra/README.md.")
                .width(24).height(2).build());

        // Webhook
        dashboard.addWidgets(
                graph("API Gateway requests and errors", List.of(
                        api.metricCount(sum(FIVE_MINUTES)),
                        api.metricClientError(sum(FIVE_MINUTES)),
                        api.metricServerError(sum(FIVE_MINUTES)))),
                graph("API Gateway latency (ms)", List.of(
                        api.metricLatency(stat(P50, FIVE_MINUTES)),
                        api.metricLatency(stat(P99, FIVE_MINUTES)),
                        api.metricIntegrationLatency(stat(P99, FIVE_MINUTES)))),
                graph("Webhook outcomes", List.of(
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.WEBHOOK_REQUESTS, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.WEBHOOK_REJECTED, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.WEBHOOK_FAILED, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.UNKNOWN_TENANT_DROPPED, SUM, FIVE_MINUTES))));
        dashboard.addWidgets(
                graph("Webhook handler latency (ms)", List.of(
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.WEBHOOK_LATENCY, P50, FIVE_MINUTES),
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.WEBHOOK_LATENCY, P99, FIVE_MINUTES),
                        webhook.metricDuration(stat(P99, FIVE_MINUTES)))),
                graph("Inbound messages, duplicates, statuses", List.of(
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.MESSAGES_RECEIVED, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.DUPLICATE_DELIVERIES, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WEBHOOK, MetricNames.STATUS_UPDATES, SUM, FIVE_MINUTES))),
                AlarmStatusWidget.Builder.create()
                        .title("Alarms")
                        .alarms(props.alarms())
                        .width(8).height(6)
                        .build());

        // Turn queue
        dashboard.addWidgets(
                graph("Turn queue depth", List.of(
                        props.queue().metricApproximateNumberOfMessagesVisible(stat("Maximum", FIVE_MINUTES)),
                        props.queue().metricApproximateNumberOfMessagesNotVisible(stat("Maximum", FIVE_MINUTES)),
                        props.queue().metricNumberOfMessagesSent(sum(FIVE_MINUTES)))),
                GraphWidget.Builder.create()
                        .title("Age of oldest turn trigger (s)")
                        .left(List.of(props.queue().metricApproximateAgeOfOldestMessage(
                                stat("Maximum", FIVE_MINUTES))))
                        .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                .value(props.oldestMessageAgeSeconds()).label("alarm").build()))
                        .width(8).height(6)
                        .build(),
                graph("Dead-letter queue depth", List.of(
                        props.deadLetterQueue().metricApproximateNumberOfMessagesVisible(
                                stat("Maximum", FIVE_MINUTES)))));

        // Functions and worker
        List<IMetric> durations = new ArrayList<>();
        List<IMetric> errors = new ArrayList<>();
        for (AgentFunction function : AgentFunction.values()) {
            IFunction fn = props.functions().get(function);
            durations.add(fn.metricDuration(MetricOptions.builder().statistic(P99).period(FIVE_MINUTES)
                    .label(function.id() + " p99").build()));
            errors.add(fn.metricErrors(MetricOptions.builder().statistic(SUM).period(FIVE_MINUTES)
                    .label(function.id() + " errors").build()));
            errors.add(fn.metricThrottles(MetricOptions.builder().statistic(SUM).period(FIVE_MINUTES)
                    .label(function.id() + " throttles").build()));
        }
        dashboard.addWidgets(
                graph("Lambda duration p99 (ms)", durations),
                graph("Lambda errors and throttles", errors),
                graph("Worker turns and replies", List.of(
                        ofFunction(AgentFunction.WORKER, MetricNames.TURNS, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.REPLIES_SENT, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.SEND_FAILURES, SUM, FIVE_MINUTES))));
        dashboard.addWidgets(
                graph("Turn duration (ms)", List.of(
                        ofFunction(AgentFunction.WORKER, MetricNames.TURN_DURATION, P50, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.TURN_DURATION, P95, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.TURN_DURATION, P99, FIVE_MINUTES))),
                graph("Handoffs and opt-outs", List.of(
                        ofFunction(AgentFunction.WORKER, MetricNames.HANDOFFS, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.OPT_OUTS, SUM, FIVE_MINUTES))),
                // A rising LLM share means the rules and exemplars no longer cover how customers write.
                graph("Intents decided by: rules, embedding, lexical, LLM", List.of(
                        ofFunction(AgentFunction.WORKER, MetricNames.INTENTS_BY_RULES, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.INTENTS_BY_EMBEDDING, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.INTENTS_BY_LEXICAL, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.INTENTS_BY_LLM, SUM, FIVE_MINUTES))),
                // As template = outside the staff number's 24-hour window (a paid template message); held = outside it
                // with no staff_alert template configured: the owner should message the business number or add one.
                // The worker sends handoff and lead notices; the scheduler the morning briefing and idle-timeout returns.
                graph("Staff notices: sent, as template, held, failed", bothSenders(List.of(
                        MetricNames.STAFF_NOTICES_SENT, MetricNames.STAFF_NOTICES_SENT_AS_TEMPLATE,
                        MetricNames.STAFF_NOTICES_HELD, MetricNames.STAFF_NOTICES_FAILED), SUM)),
                // Waits = a burst across many customers of one number queued for its throughput share instead of 130429;
                // the scheduler's reminders and follow-ups share the number with the worker's replies.
                graph("Sends waiting for the number's throughput: count, wait p95 (ms)", List.of(
                        ofSender(AgentFunction.WORKER, MetricNames.THROUGHPUT_WAITS, SUM),
                        ofSender(AgentFunction.WORKER, MetricNames.THROUGHPUT_WAIT_TIME, P95),
                        ofSender(AgentFunction.SCHEDULER, MetricNames.THROUGHPUT_WAITS, SUM),
                        ofSender(AgentFunction.SCHEDULER, MetricNames.THROUGHPUT_WAIT_TIME, P95))),
                graph("Response cache hit rate (%)", List.of(MathExpression.Builder.create()
                        .expression("100 * hits / MAX([hits + misses, 1])")
                        .usingMetrics(new TreeMap<>(Map.of(
                                "hits", ofFunction(AgentFunction.WORKER, MetricNames.CACHE_HITS, SUM, FIVE_MINUTES),
                                "misses", ofFunction(AgentFunction.WORKER, MetricNames.CACHE_MISSES, SUM,
                                        FIVE_MINUTES))))
                        .label("cache hit %")
                        .period(FIVE_MINUTES)
                        .build())));

        // Admin API: its own function behind /admin (back office on PostgreSQL), with its error alarm.
        IFunction admin = props.functions().get(AgentFunction.ADMIN);
        dashboard.addWidgets(
                graph("Admin API: invocations, errors, throttles", List.of(
                        admin.metricInvocations(sum(FIVE_MINUTES)),
                        admin.metricErrors(sum(FIVE_MINUTES)),
                        admin.metricThrottles(sum(FIVE_MINUTES)))),
                graph("Admin API: duration (ms)", List.of(
                        admin.metricDuration(stat(P50, FIVE_MINUTES)),
                        admin.metricDuration(stat(P99, FIVE_MINUTES)))),
                AlarmStatusWidget.Builder.create()
                        .title("Admin API alarms")
                        .alarms(props.adminAlarms())
                        .width(8).height(6)
                        .build());

        // LLM providers
        String provider = MetricNames.DIM_PROVIDER;
        dashboard.addWidgets(
                graph("Provider calls", List.of(searchBy(provider, MetricNames.PROVIDER_CALLS, SUM, FIVE_MINUTES))),
                graph("Provider errors and circuit opens", List.of(
                        searchBy(provider, MetricNames.PROVIDER_ERRORS, SUM, FIVE_MINUTES),
                        searchBy(provider, MetricNames.CIRCUIT_OPENED, SUM, FIVE_MINUTES))),
                graph("Provider latency p95 (ms)", List.of(
                        searchBy(provider, MetricNames.PROVIDER_LATENCY, P95, FIVE_MINUTES))));
        dashboard.addWidgets(
                graph("Fallbacks (next provider / local responder)", List.of(
                        ofFunction(AgentFunction.WORKER, MetricNames.FALLBACKS, SUM, FIVE_MINUTES),
                        ofFunction(AgentFunction.WORKER, MetricNames.LOCAL_FALLBACKS, SUM, FIVE_MINUTES))),
                graph("Tokens by provider", List.of(
                        searchBy(provider, MetricNames.PROMPT_TOKENS, SUM, ONE_HOUR),
                        searchBy(provider, MetricNames.COMPLETION_TOKENS, SUM, ONE_HOUR))),
                graph("Cost by provider (USD per hour)", List.of(
                        searchBy(provider, MetricNames.COST_USD, SUM, ONE_HOUR))));

        // Tenants
        String tenant = MetricNames.DIM_TENANT;
        dashboard.addWidgets(
                graph("Cost per tenant (USD per day)", List.of(
                        searchBy(tenant, MetricNames.COST_USD, SUM, ONE_DAY))),
                graph("Tokens per tenant (per hour)", List.of(
                        searchBy(tenant, MetricNames.PROMPT_TOKENS, SUM, ONE_HOUR),
                        searchBy(tenant, MetricNames.COMPLETION_TOKENS, SUM, ONE_HOUR))),
                graph("Replies, handoffs, opt-outs per tenant (per hour)", List.of(
                        searchBy(tenant, MetricNames.REPLIES_SENT, SUM, ONE_HOUR),
                        searchBy(tenant, MetricNames.HANDOFFS, SUM, ONE_HOUR),
                        searchBy(tenant, MetricNames.OPT_OUTS, SUM, ONE_HOUR))));

        // Scheduler: job runs and what they read and did; each tenant's rolled-up day.
        dashboard.addWidgets(
                graph("Scheduler: runs, due work read, actions (per hour)", List.of(
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_RUNS, SUM, ONE_HOUR),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_DUE_READ, SUM, ONE_HOUR),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_ACTIONS, SUM, ONE_HOUR),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.HANDOFFS_RETURNED, SUM, ONE_HOUR))),
                graph("Scheduler: read units, budget stops, failures (per hour)", List.of(
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_READ_UNITS, SUM, ONE_HOUR),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_STOPPED_BY_BUDGET, SUM, ONE_HOUR),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_FAILURES, SUM, ONE_HOUR))),
                graph("Scheduler: job duration", List.of(
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.JOB_DURATION, P95, ONE_HOUR))),
                // Not sent = outside the customer's window and no approved booking_reminder template: add one.
                graph("Booking reminders: text, template, not sent (no template), failed (per day)", List.of(
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.REMINDERS_SENT_TEXT, SUM, ONE_DAY),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.REMINDERS_SENT_TEMPLATE, SUM, ONE_DAY),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.REMINDERS_NO_TEMPLATE, SUM, ONE_DAY),
                        ofFunction(AgentFunction.SCHEDULER, MetricNames.REMINDERS_FAILED, SUM, ONE_DAY))));
        dashboard.addWidgets(
                graph("Daily rollup per tenant: messages, conversations", List.of(
                        searchBy(tenant, MetricNames.ROLLUP_MESSAGES_IN, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_MESSAGES_OUT, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_CONVERSATIONS, SUM, ONE_DAY))),
                graph("Daily rollup per tenant: handoffs, unanswered questions, leads, booking requests", List.of(
                        searchBy(tenant, MetricNames.ROLLUP_HANDOFFS, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_UNANSWERED, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_LEADS, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_BOOKING_REQUESTS, SUM, ONE_DAY))),
                graph("Daily rollup per tenant: tokens, cost (USD), p95 reply time", List.of(
                        searchBy(tenant, MetricNames.ROLLUP_TOKENS, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_COST_USD, SUM, ONE_DAY),
                        searchBy(tenant, MetricNames.ROLLUP_P95_REPLY, "Maximum", ONE_DAY))));
    }

    private static IWidget graph(String title, List<? extends IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(8).height(6).build();
    }

    private static MetricOptions sum(Duration period) {
        return stat(SUM, period);
    }

    private static MetricOptions stat(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /** {@code names} as sent by the worker and by the scheduler, one line each, labelled with the function. */
    private static List<IMetric> bothSenders(List<String> names, String statistic) {
        List<IMetric> metrics = new ArrayList<>();
        for (AgentFunction function : List.of(AgentFunction.WORKER, AgentFunction.SCHEDULER)) {
            names.forEach(name -> metrics.add(ofSender(function, name, statistic)));
        }
        return metrics;
    }

    private static IMetric ofSender(AgentFunction function, String name, String statistic) {
        return ofFunction(function, name, statistic, FIVE_MINUTES).with(MetricOptions.builder()
                .label(name + (SUM.equals(statistic) ? "" : " " + statistic) + " (" + function.id() + ")").build());
    }
}
