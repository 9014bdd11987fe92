package dev.waagent.infra.constructs;

import dev.waagent.domain.MetricNames;
import dev.waagent.infra.config.AgentFunction;
import dev.waagent.infra.config.DeploymentConfig.AlarmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The alarms an operator acts on, all notifying one SNS topic (KMS-encrypted, TLS-only; e-mail subscription when
 * an address is configured). What each means and what to do is in infra/README.md and in each description.
 */
public final class AgentAlarms extends Construct {

    /** Local-responder share is only meaningful with some traffic: below this many turns per window it is 0. */
    public static final int LOCAL_FALLBACK_MIN_TURNS = 10;

    /**
     * @param namePrefix  e.g. {@code wa-agent-dev}
     * @param settings    thresholds and e-mail
     * @param tenantIds   tenants whose daily cost is alarmed
     * @param api         the webhook REST API
     * @param functions   every function (unqualified)
     * @param queue       the turn queue
     * @param deadLetterQueue its DLQ
     */
    public record Props(String namePrefix, AlarmSettings settings, List<String> tenantIds, RestApi api,
                        Map<AgentFunction, IFunction> functions, IQueue queue, IQueue deadLetterQueue) {
        public Props {
            Objects.requireNonNull(namePrefix, "namePrefix");
            Objects.requireNonNull(settings, "settings");
            tenantIds = List.copyOf(Objects.requireNonNullElse(tenantIds, List.of()));
            Objects.requireNonNull(api, "api");
            functions = Map.copyOf(Objects.requireNonNull(functions, "functions"));
            for (AgentFunction function : AgentFunction.values()) {
                if (!functions.containsKey(function)) {
                    throw new IllegalArgumentException("missing function " + function.id());
                }
            }
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        }
    }

    private final Topic topic;
    private final List<Alarm> alarms = new ArrayList<>();
    private final Alarm deadLetters;
    private final Alarm oldestMessageAge;
    private final Alarm webhook5xx;
    private final Alarm localFallbackRate;
    private final Alarm adminErrors;

    public AgentAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        String prefix = props.namePrefix();
        AlarmSettings settings = props.settings();

        Key topicKey = Key.Builder.create(this, "TopicKey")
                .alias("alias/" + prefix + "-alarms")
                .description("Encrypts the wa-agent alarm topic")
                .enableKeyRotation(true)
                .build();
        // CloudWatch must be able to publish to the encrypted topic.
        topicKey.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        topic = Topic.Builder.create(this, "Topic")
                .topicName(prefix + "-alarms")
                .displayName("wa-agent " + prefix + " alarms")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        settings.email().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        deadLetters = alarm("DeadLetterQueueNotEmpty", prefix + "-turns-dlq-not-empty",
                "Turn triggers reached the DLQ after the configured receives: those customers got no reply. "
                        + "Read the worker logs for the message ids, fix the cause, then redrive the DLQ to the turn "
                        + "queue (SQS console: Start DLQ redrive).",
                props.deadLetterQueue().metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .statistic("Maximum").period(Duration.minutes(1)).build()),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);

        long ageSeconds = settings.oldestMessageAge().toSeconds();
        oldestMessageAge = alarm("OldestTurnAge", prefix + "-turns-oldest-message-age",
                "A turn trigger has waited more than " + ageSeconds + " s: the worker is failing, throttled or at "
                        + "its maximum concurrency. Check worker errors/throttles and the DLQ; raise "
                        + "workerMaxConcurrency if it is just load.",
                props.queue().metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                        .statistic("Maximum").period(Duration.minutes(1)).build()),
                ageSeconds, ComparisonOperator.GREATER_THAN_THRESHOLD, 5, 3);

        webhook5xx = alarm("Webhook5xx", prefix + "-webhook-5xx",
                "API Gateway returned 5xx to Meta: persisting or enqueueing failed (Meta retries, but for a "
                        + "limited time). Check the webhook function errors and logs, DynamoDB and SQS.",
                props.api().metricServerError(MetricOptions.builder()
                        .statistic("Sum").period(Duration.minutes(5)).build()),
                settings.webhook5xxPerFiveMinutes(), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);

        Duration window = Duration.minutes(15);
        IMetric localFallbacks = AgentMetrics.ofFunction(AgentFunction.WORKER, MetricNames.LOCAL_FALLBACKS,
                AgentMetrics.SUM, window);
        IMetric turns = AgentMetrics.ofFunction(AgentFunction.WORKER, MetricNames.TURNS, AgentMetrics.SUM, window);
        localFallbackRate = alarm("LocalFallbackRate", prefix + "-local-fallback-rate",
                "More than " + settings.localFallbackPercent() + " % of turns were answered by the local "
                        + "last-resort responder: every LLM provider failed or its circuit is open. Check provider "
                        + "errors and circuit opens on the dashboard, the provider API keys and quotas.",
                MathExpression.Builder.create()
                        .expression("IF(turns >= " + LOCAL_FALLBACK_MIN_TURNS + ", 100 * local / turns, 0)")
                        .usingMetrics(new TreeMap<>(Map.of("local", localFallbacks, "turns", turns)))
                        .label("Local fallback %")
                        .period(window)
                        .build(),
                settings.localFallbackPercent(), ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1);

        for (String tenant : props.tenantIds()) {
            alarm("DailyCost-" + tenant, prefix + "-cost-" + tenant,
                    "Tenant " + tenant + " spent more than " + settings.costBudgetUsdPerTenantPerDay() + " USD on "
                            + "LLM calls in 24 h. Check for a conversation loop or abuse (dashboard: cost per tenant), "
                            + "the tenant's provider chain and per-tenant budget.",
                    // Worker turns and scheduler jobs (summaries) both spend; a function with no data adds 0.
                    MathExpression.Builder.create()
                            .expression("FILL(worker, 0) + FILL(scheduler, 0)")
                            .usingMetrics(new TreeMap<>(Map.of(
                                    "worker", AgentMetrics.ofTenant(AgentFunction.WORKER, tenant,
                                            MetricNames.COST_USD, AgentMetrics.SUM, Duration.days(1)),
                                    "scheduler", AgentMetrics.ofTenant(AgentFunction.SCHEDULER, tenant,
                                            MetricNames.COST_USD, AgentMetrics.SUM, Duration.days(1)))))
                            .label(MetricNames.COST_USD + " " + tenant)
                            .period(Duration.days(1))
                            .build(),
                    settings.costBudgetUsdPerTenantPerDay(), ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1);
        }

        alarm("WorkerErrors", prefix + "-worker-errors",
                "The worker function failed whole invocations (not single messages): look for init/SnapStart "
                        + "restore failures, timeouts or out-of-memory in its logs.",
                props.functions().get(AgentFunction.WORKER).metricErrors(MetricOptions.builder()
                        .statistic("Sum").period(Duration.minutes(5)).build()),
                5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
        adminErrors = alarm("AdminErrors", prefix + "-admin-errors",
                "The admin API function failed whole invocations (API Gateway answered 502/504): look for database "
                        + "connection failures (RDS Proxy, IAM auth token, credentials secret), Flyway migration errors, "
                        + "SnapStart restore failures, imports that outran the 29 s timeout, or out-of-memory in its logs.",
                props.functions().get(AgentFunction.ADMIN).metricErrors(MetricOptions.builder()
                        .statistic("Sum").period(Duration.minutes(5)).build()),
                3, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
        alarm("SchedulerErrors", prefix + "-scheduler-errors",
                "A scheduled job failed after EventBridge Scheduler's retries. The job name is in the scheduler "
                        + "logs; the next run retries the work.",
                props.functions().get(AgentFunction.SCHEDULER).metricErrors(MetricOptions.builder()
                        .statistic("Sum").period(Duration.hours(1)).build()),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
    }

    private Alarm alarm(String id, String name, String description, IMetric metric, double threshold,
                        ComparisonOperator comparison, int evaluationPeriods, int datapointsToAlarm) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
        return alarm;
    }

    public Topic topic() {
        return topic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    public Alarm deadLetters() {
        return deadLetters;
    }

    public Alarm oldestMessageAge() {
        return oldestMessageAge;
    }

    public Alarm webhook5xx() {
        return webhook5xx;
    }

    public Alarm localFallbackRate() {
        return localFallbackRate;
    }

    public Alarm adminErrors() {
        return adminErrors;
    }
}
