package dev.waagent.infra;

import static dev.waagent.infra.TemplateJson.logicalId;
import static dev.waagent.infra.TemplateJson.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.MetricNames;
import dev.waagent.infra.config.AgentFunction;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Alarms and the dashboard, checked against the metric names the application emits ({@link MetricNames}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringStackTest {

    /** SEARCH('{Namespace,Dim1,Dim2} MetricName="Name"', 'Stat', period): namespace, dimension list, name. */
    private static final Pattern SEARCH = Pattern.compile(
            "SEARCH\\('\\{([^,}]+),([^}]+)} MetricName=\"([^\"]+)\"', '([^']+)', (\\d+)\\)");

    /** One metric a widget draws: namespace, name, dimension names → values. */
    record DrawnMetric(String namespace, String name, Map<String, String> dimensions) {
    }

    private List<JsonNode> widgets;
    private List<DrawnMetric> drawn;

    @BeforeAll
    void parseDashboard() throws Exception {
        Template monitoring = TestApps.dev().monitoring();
        var dashboards = TemplateJson.resources(monitoring).values().stream()
                .filter(r -> "AWS::CloudWatch::Dashboard".equals(r.get("Type"))).toList();
        assertThat(dashboards).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) dashboards.get(0).get("Properties");
        assertThat(properties.get("DashboardName")).isEqualTo("wa-agent-dev");
        // The body is {"Fn::Join": ["", [json text pieces and tokens]]}; tokens sit inside JSON strings.
        @SuppressWarnings("unchecked")
        List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) properties.get("DashboardBody"))
                .get("Fn::Join")).get(1);
        StringBuilder body = new StringBuilder();
        parts.forEach(part -> body.append(part instanceof String text ? text : "TOKEN"));
        JsonNode root = new ObjectMapper().readTree(body.toString());

        widgets = new ArrayList<>();
        root.get("widgets").forEach(widgets::add);
        drawn = new ArrayList<>();
        for (JsonNode widget : widgets) {
            JsonNode metrics = widget.path("properties").path("metrics");
            for (JsonNode entry : metrics) {
                if (entry.get(0).isTextual()) {
                    Map<String, String> dimensions = new HashMap<>();
                    int i = 2;
                    while (i + 1 < entry.size() && entry.get(i).isTextual()) {
                        dimensions.put(entry.get(i).asText(), entry.get(i + 1).asText());
                        i += 2;
                    }
                    drawn.add(new DrawnMetric(entry.get(0).asText(), entry.get(1).asText(), dimensions));
                } else if (entry.get(0).has("expression")) {
                    Matcher search = SEARCH.matcher(entry.get(0).get("expression").asText());
                    if (search.find()) {
                        Map<String, String> dimensions = new HashMap<>();
                        for (String dimension : search.group(2).split(",")) {
                            dimensions.put(dimension, "*");
                        }
                        drawn.add(new DrawnMetric(search.group(1), search.group(3), dimensions));
                    }
                }
            }
        }
    }

    /** Every metric constant of MetricNames (not the namespace, not the dimensions). */
    private static Set<String> emittedMetricNames() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : MetricNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("NAMESPACE") && !field.getName().startsWith("DIM_")) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    @Test
    void dashboardDrawsEveryMetricTheCodeEmits() throws Exception {
        Set<String> onDashboard = new HashSet<>();
        drawn.stream().filter(m -> m.namespace().equals(MetricNames.NAMESPACE)).forEach(m -> onDashboard.add(m.name()));

        assertThat(emittedMetricNames()).hasSize(57);
        assertThat(onDashboard).isEqualTo(emittedMetricNames());
    }

    @Test
    void whatTheSchedulerSendsIsDrawnUnderTheSchedulerNotOnlyTheWorker() {
        // Morning briefings and idle-timeout returns are staff notices; reminders and follow-ups wait for the
        // number's throughput too: both are published with Function=scheduler.
        for (String name : List.of(MetricNames.STAFF_NOTICES_SENT, MetricNames.STAFF_NOTICES_SENT_AS_TEMPLATE,
                MetricNames.STAFF_NOTICES_HELD, MetricNames.STAFF_NOTICES_FAILED, MetricNames.THROUGHPUT_WAITS,
                MetricNames.THROUGHPUT_WAIT_TIME)) {
            for (AgentFunction sender : List.of(AgentFunction.WORKER, AgentFunction.SCHEDULER)) {
                assertThat(drawn).as("%s of the %s", name, sender.id()).anyMatch(m -> m.name().equals(name)
                        && sender.id().equals(m.dimensions().get(MetricNames.DIM_FUNCTION)));
            }
        }
    }

    @Test
    void applicationMetricsUseOnlyTheSharedDimensionsAndFunctionNames() {
        Set<String> functionIds = new HashSet<>();
        for (AgentFunction function : AgentFunction.values()) {
            functionIds.add(function.id());
        }
        var application = drawn.stream().filter(m -> m.namespace().equals(MetricNames.NAMESPACE)).toList();
        // [Function], [Function, Tenant] or [Function, Provider]: the sets MetricsPublisher writes.
        assertThat(application).allSatisfy(m -> {
            assertThat(m.dimensions()).containsKey(MetricNames.DIM_FUNCTION);
            assertThat(m.dimensions().keySet()).isIn(Set.of(MetricNames.DIM_FUNCTION),
                    Set.of(MetricNames.DIM_FUNCTION, MetricNames.DIM_TENANT),
                    Set.of(MetricNames.DIM_FUNCTION, MetricNames.DIM_PROVIDER));
            String function = m.dimensions().get(MetricNames.DIM_FUNCTION);
            assertThat(function.equals("*") || functionIds.contains(function)).as("function %s", function).isTrue();
        });
        assertThat(application).anyMatch(m -> m.name().equals(MetricNames.COST_USD)
                && m.dimensions().containsKey(MetricNames.DIM_TENANT));
        assertThat(application).anyMatch(m -> m.name().equals(MetricNames.PROVIDER_LATENCY)
                && m.dimensions().containsKey(MetricNames.DIM_PROVIDER));
    }

    @Test
    void dashboardDrawsTheAwsMetricsOfApiQueuesAndFunctions() {
        assertThat(drawn).anyMatch(m -> m.namespace().equals("AWS/ApiGateway") && m.name().equals("5XXError")
                && m.dimensions().equals(Map.of("ApiName", "wa-agent-dev-api")));
        for (String name : List.of("Count", "4XXError", "Latency", "IntegrationLatency")) {
            assertThat(drawn).anyMatch(m -> m.namespace().equals("AWS/ApiGateway") && m.name().equals(name));
        }
        assertThat(drawn.stream().filter(m -> m.namespace().equals("AWS/SQS")
                && m.name().equals("ApproximateNumberOfMessagesVisible"))).hasSize(2);
        assertThat(drawn).anyMatch(m -> m.namespace().equals("AWS/SQS")
                && m.name().equals("ApproximateAgeOfOldestMessage"));
        for (String name : List.of("Duration", "Errors", "Throttles")) {
            assertThat(drawn.stream().filter(m -> m.namespace().equals("AWS/Lambda") && m.name().equals(name))
                    .map(m -> m.dimensions().keySet())).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(keys -> keys.equals(Set.of("FunctionName")));
        }
    }

    @Test
    void dashboardShowsTheAlarms() {
        assertThat(widgets).anySatisfy(w -> {
            assertThat(w.path("type").asText()).isEqualTo("alarm");
            assertThat(w.path("properties").path("alarms")).hasSize(TestApps.dev().stacks().monitoring().alarms()
                    .alarms().size());
        });
    }

    @Test
    void alarmsNotifyAnEncryptedTopicWithTheConfiguredEmail() {
        var dev = TestApps.dev();
        var alarms = dev.stacks().monitoring().alarms();
        Template monitoring = dev.monitoring();
        monitoring.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", "wa-agent-dev-alarms",
                "KmsMasterKeyId", Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))));
        monitoring.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", TestApps.ALARM_EMAIL, "TopicArn", ref(alarms.topic())));
        monitoring.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true,
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*")))))))));
        monitoring.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmActions", List.of(ref(alarms.topic())),
                "OKActions", List.of(ref(alarms.topic())),
                "TreatMissingData", "notBreaching"));
        // DLQ, oldest age, 5xx, local fallback, worker, scheduler and admin errors, + one cost alarm per tenant
        monitoring.resourceCountIs("AWS::CloudWatch::Alarm", 7 + TestApps.TENANTS.size());
    }

    @Test
    void adminErrorsAlarmWatchesTheAdminFunctionAndSitsOnTheDashboard() throws Exception {
        var dev = TestApps.dev();
        var admin = dev.stacks().service().function(AgentFunction.ADMIN).function();
        var alarm = dev.stacks().monitoring().alarms().adminErrors();
        dev.monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "wa-agent-dev-admin-errors",
                "Namespace", "AWS/Lambda",
                "MetricName", "Errors",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value",
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*AdminFunction.*")))),
                "Statistic", "Sum",
                "Period", 300,
                "Threshold", 3,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        assertThat(admin).isNotNull();
        var adminWidget = widgets.stream()
                .filter(w -> w.path("properties").path("title").asText().equals("Admin API alarms")).toList();
        assertThat(adminWidget).singleElement()
                .satisfies(w -> assertThat(w.path("properties").path("alarms").size()).isEqualTo(1));
        assertThat(widgets).anySatisfy(w -> assertThat(w.path("properties").path("title").asText())
                .isEqualTo("Admin API: invocations, errors, throttles"));
        // The widget's alarm is a token in the body's Fn::Join: the admin alarm's ARN.
        assertThat(dashboardBodyParts()).contains(Map.of("Fn::GetAtt", List.of(logicalId(alarm), "Arn")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> dashboardBodyParts() {
        var dashboard = TemplateJson.resources(TestApps.dev().monitoring()).values().stream()
                .filter(r -> "AWS::CloudWatch::Dashboard".equals(r.get("Type"))).findFirst().orElseThrow();
        Map<String, Object> properties = (Map<String, Object>) dashboard.get("Properties");
        return (List<Object>) ((List<Object>) ((Map<String, Object>) properties.get("DashboardBody"))
                .get("Fn::Join")).get(1);
    }

    @Test
    void deadLetterQueueAlarmFiresOnTheFirstMessage() {
        TestApps.dev().monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "wa-agent-dev-turns-dlq-not-empty",
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value",
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*DeadLetterQueue.*QueueName.*")))),
                "Statistic", "Maximum",
                "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
    }

    @Test
    void oldestMessageAgeAlarmUsesTheConfiguredAge() {
        TestApps.dev().monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "wa-agent-dev-turns-oldest-message-age",
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateAgeOfOldestMessage",
                "Threshold", 300,
                "ComparisonOperator", "GreaterThanThreshold",
                "EvaluationPeriods", 5,
                "DatapointsToAlarm", 3));
    }

    @Test
    void webhook5xxAlarmWatchesTheApi() {
        TestApps.dev().monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "wa-agent-dev-webhook-5xx",
                "Namespace", "AWS/ApiGateway",
                "MetricName", "5XXError",
                "Dimensions", List.of(Map.of("Name", "ApiName", "Value", "wa-agent-dev-api")),
                "Statistic", "Sum",
                "Period", 300,
                "Threshold", 5));
    }

    @Test
    void localFallbackAlarmIsTheShareOfTurnsFromTheEmittedMetrics() {
        Map<String, Object> worker = Map.of("Name", MetricNames.DIM_FUNCTION, "Value", AgentFunction.WORKER.id());
        TestApps.dev().monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "wa-agent-dev-local-fallback-rate",
                "Threshold", 20,
                "ComparisonOperator", "GreaterThanThreshold",
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "IF(turns >= 10, 100 * local / turns, 0)",
                                "ReturnData", true)),
                        Match.objectLike(Map.of("Id", "local", "MetricStat", Map.of(
                                "Metric", Map.of("Namespace", MetricNames.NAMESPACE,
                                        "MetricName", MetricNames.LOCAL_FALLBACKS, "Dimensions", List.of(worker)),
                                "Period", 900, "Stat", "Sum"))),
                        Match.objectLike(Map.of("Id", "turns", "MetricStat", Map.of(
                                "Metric", Map.of("Namespace", MetricNames.NAMESPACE,
                                        "MetricName", MetricNames.TURNS, "Dimensions", List.of(worker)),
                                "Period", 900, "Stat", "Sum")))))));
    }

    @Test
    void everyConfiguredTenantHasADailyCostAlarmAtTheBudgetOverWorkerAndScheduler() {
        for (String tenant : TestApps.TENANTS) {
            List<Object> queries = new ArrayList<>();
            queries.add(Match.objectLike(Map.of("Expression", "FILL(worker, 0) + FILL(scheduler, 0)",
                    "ReturnData", true)));
            for (AgentFunction function : List.of(AgentFunction.SCHEDULER, AgentFunction.WORKER)) {
                queries.add(Match.objectLike(Map.of("Id", function.id(), "MetricStat", Map.of(
                        "Metric", Map.of("Namespace", MetricNames.NAMESPACE, "MetricName", MetricNames.COST_USD,
                                "Dimensions", Match.arrayEquals(List.of(
                                        Map.of("Name", MetricNames.DIM_FUNCTION, "Value", function.id()),
                                        Map.of("Name", MetricNames.DIM_TENANT, "Value", tenant)))),
                        "Period", 86_400,
                        "Stat", "Sum"))));
            }
            TestApps.dev().monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "AlarmName", "wa-agent-dev-cost-" + tenant,
                    "Metrics", Match.arrayWith(queries),
                    "Threshold", 5,
                    "ComparisonOperator", "GreaterThanThreshold"));
        }
    }

    @Test
    void functionErrorAlarmsWatchWorkerAndScheduler() {
        var dev = TestApps.dev();
        for (AgentFunction which : List.of(AgentFunction.WORKER, AgentFunction.SCHEDULER)) {
            dev.monitoring().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "AlarmName", "wa-agent-dev-" + which.id() + "-errors",
                    "Namespace", "AWS/Lambda",
                    "MetricName", "Errors"));
        }
        assertThat(logicalId(dev.stacks().monitoring().alarms().topic())).isNotBlank();
    }
}
