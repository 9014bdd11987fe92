package dev.waagent.infra.constructs;

import dev.waagent.infra.nag.Nag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.AccessLogField;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LambdaIntegrationOptions;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * The public HTTPS entry point: an API Gateway <b>REST API</b> (regional) with Lambda proxy integrations, payload
 * format 1.0 ({@code APIGatewayProxyRequestEvent}).
 * <p>
 * Why REST and not HTTP API: WAFv2 can be attached only to REST API stages (an HTTP API would need CloudFront in
 * front for WAF), and REST gives per-method throttling, X-Ray tracing of the API itself and execution logs. The
 * price is $3.50 instead of $1.00 per million requests and a few milliseconds of latency, both small next to one
 * WhatsApp turn. Both speak payload 1.0, so the handler does not change if this is revisited.
 * <p>
 * Access logs (JSON, no query string: Meta's handshake puts the verify token there), execution logs at ERROR
 * without request/response bodies (no PII), stage-wide throttling, tracing, optional WAF.
 */
public final class WebhookApi extends Construct {

    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "ANY");

    /**
     * One route: a resource path and the methods on it, all invoking one function (its alias) as a Lambda proxy.
     *
     * @param path    e.g. {@code /webhooks/whatsapp}, {@code /admin/{proxy+}}
     * @param methods HTTP methods among {@link #METHODS}
     * @param handler what the route invokes (an alias, so the SnapStart snapshot is used)
     */
    public record Route(String path, List<String> methods, IFunction handler) {
        public Route {
            if (path == null || !path.matches("(/([A-Za-z0-9._-]+|\\{[A-Za-z0-9_]+\\+?}))+")) {
                throw new IllegalArgumentException("route path must look like /a/b or /a/{proxy+}: " + path);
            }
            if (methods == null || methods.isEmpty() || !METHODS.containsAll(methods)) {
                throw new IllegalArgumentException("route " + path + " needs methods among " + METHODS);
            }
            methods = List.copyOf(methods);
            Objects.requireNonNull(handler, "handler of " + path);
        }
    }

    /**
     * @param apiName            physical API name
     * @param stageName          deployment stage name (part of the URL)
     * @param routes             the routes, each with the function it invokes (webhook or admin alias)
     * @param throttleRateLimit  steady requests per second for the stage
     * @param throttleBurstLimit burst for the stage
     * @param enableWaf          attach a WAFv2 web ACL (managed rule groups + admin rate limit)
     * @param accountCloudWatchRole create API Gateway's account-level CloudWatch Logs role
     * @param logRetention       access log retention
     * @param removalPolicy      access log group removal policy
     */
    public record Props(String apiName, String stageName, List<Route> routes,
                        int throttleRateLimit, int throttleBurstLimit, boolean enableWaf,
                        boolean accountCloudWatchRole, RetentionDays logRetention, RemovalPolicy removalPolicy) {
        public Props {
            if (apiName == null || !apiName.matches("[A-Za-z0-9_-]{1,128}")) {
                throw new IllegalArgumentException("apiName must be 1-128 of [A-Za-z0-9_-]: " + apiName);
            }
            if (stageName == null || !stageName.matches("[A-Za-z0-9_]{1,128}")) {
                throw new IllegalArgumentException("stageName must be 1-128 of [A-Za-z0-9_]: " + stageName);
            }
            if (routes == null || routes.isEmpty()) {
                throw new IllegalArgumentException("at least one route is needed");
            }
            routes = List.copyOf(routes);
            if (routes.stream().map(Route::path).distinct().count() != routes.size()) {
                throw new IllegalArgumentException("each route path may appear once");
            }
            if (throttleRateLimit < 1 || throttleBurstLimit < 1) {
                throw new IllegalArgumentException("throttling limits must be positive");
            }
            Objects.requireNonNull(logRetention, "logRetention");
            Objects.requireNonNull(removalPolicy, "removalPolicy");
        }
    }

    private final RestApi api;
    private final LogGroup accessLogs;
    private final List<Method> methods = new ArrayList<>();
    private CfnWebACL webAcl;

    public WebhookApi(Construct scope, String id, Props props) {
        super(scope, id);
        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/aws/apigateway/" + props.apiName() + "/access")
                .retention(props.logRetention())
                .removalPolicy(props.removalPolicy())
                .build();

        api = RestApi.Builder.create(this, "Api")
                .restApiName(props.apiName())
                .description("WhatsApp (and later other channels) webhooks and the admin API")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(props.accountCloudWatchRole())
                .cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN)
                .deployOptions(StageOptions.builder()
                        .stageName(props.stageName())
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(accessLogFormat())
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .dataTraceEnabled(false)
                        .metricsEnabled(true)
                        .tracingEnabled(true)
                        .throttlingRateLimit(props.throttleRateLimit())
                        .throttlingBurstLimit(props.throttleBurstLimit())
                        .build())
                .build();

        // One proxy integration per function: the webhook's routes and the admin API's go to different aliases.
        Map<IFunction, LambdaIntegration> integrations = new IdentityHashMap<>();
        for (Route route : props.routes()) {
            LambdaIntegration integration = integrations.computeIfAbsent(route.handler(), handler ->
                    new LambdaIntegration(handler, LambdaIntegrationOptions.builder()
                            .proxy(true)
                            .allowTestInvoke(false)
                            .build()));
            IResource resource = api.getRoot();
            for (String part : route.path().substring(1).split("/")) {
                IResource child = resource.getResource(part);
                resource = child != null ? child : resource.addResource(part);
            }
            for (String verb : route.methods()) {
                methods.add(resource.addMethod(verb, integration));
            }
        }

        if (props.enableWaf()) {
            webAcl = webAcl(props);
            CfnWebACLAssociation.Builder.create(this, "WebAclAssociation")
                    .resourceArn(api.getDeploymentStage().getStageArn())
                    .webAclArn(webAcl.getAttrArn())
                    .build();
        } else {
            Nag.suppress(api, Nag.rule("AwsSolutions-APIG3",
                    "WAF is optional by the context flag enableWaf (off for this deployment); the webhook "
                            + "authenticates every POST by HMAC signature and the stage is throttled."));
        }
        Nag.suppress(api, Nag.rule("AwsSolutions-APIG2",
                "The function validates every request itself over the raw bytes (signature first, then JSON); "
                        + "an API Gateway body model would duplicate Meta's evolving schema and re-parse the body."));
        for (Method method : methods) {
            Nag.suppress(method,
                    Nag.rule("AwsSolutions-APIG4",
                            "Meta and Twilio cannot present IAM or Cognito credentials: webhooks are authenticated "
                                    + "in the function by the provider's HMAC signature over the raw body "
                                    + "(X-Hub-Signature-256), the handshake by the verify token, and /admin by the "
                                    + "operator key, all compared in constant time."),
                    Nag.rule("AwsSolutions-COG4",
                            "No end-user identities exist on these routes; see the AwsSolutions-APIG4 reason "
                                    + "(signatures and operator key checked in the function)."));
        }
        if (props.accountCloudWatchRole()) {
            Nag.suppress(api, Nag.rule("AwsSolutions-IAM4",
                    "API Gateway's account-level logging role uses the AWS-managed "
                            + "AmazonAPIGatewayPushToCloudWatchLogs policy, the documented way to enable access and "
                            + "execution logs for REST APIs.",
                    "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
        }
    }

    /**
     * One JSON object per request. The resource path, never the full path with query string: Meta's handshake
     * carries the verify token in the query string.
     */
    static AccessLogFormat accessLogFormat() {
        Map<String, String> quoted = new LinkedHashMap<>();
        quoted.put("requestId", AccessLogField.contextRequestId());
        quoted.put("ip", AccessLogField.contextIdentitySourceIp());
        quoted.put("requestTime", AccessLogField.contextRequestTime());
        quoted.put("httpMethod", AccessLogField.contextHttpMethod());
        quoted.put("resourcePath", AccessLogField.contextResourcePath());
        quoted.put("status", AccessLogField.contextStatus());
        quoted.put("protocol", AccessLogField.contextProtocol());
        quoted.put("responseLength", AccessLogField.contextResponseLength());
        quoted.put("responseLatency", AccessLogField.contextResponseLatency());
        quoted.put("integrationStatus", AccessLogField.contextIntegrationStatus());
        quoted.put("integrationLatency", AccessLogField.contextIntegrationLatency());
        quoted.put("wafResponseCode", AccessLogField.contextWafResponseCode());
        quoted.put("xrayTraceId", AccessLogField.contextXrayTraceId());
        StringBuilder json = new StringBuilder("{");
        quoted.forEach((name, value) -> json.append('"').append(name).append("\":\"").append(value).append("\","));
        // messageString is already a quoted JSON string.
        json.append("\"error\":").append(AccessLogField.contextErrorMessageString()).append('}');
        return AccessLogFormat.custom(json.toString());
    }

    private CfnWebACL webAcl(Props props) {
        List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
        rules.add(managedRule("AWSManagedRulesAmazonIpReputationList", 0, List.of()));
        // SizeRestrictions_BODY blocks bodies over 8 KB; Meta batches statuses and interactive payloads that can be
        // larger, so it only counts. The function itself limits the body to Meta's 3 MB.
        rules.add(managedRule("AWSManagedRulesCommonRuleSet", 1, List.of("SizeRestrictions_BODY")));
        rules.add(managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2, List.of()));
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("AdminRateLimit")
                .priority(3)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .aggregateKeyType("IP")
                                .limit(300)
                                .evaluationWindowSec(300)
                                .scopeDownStatement(CfnWebACL.StatementProperty.builder()
                                        .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                                                .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                                        .uriPath(Map.of()).build())
                                                .positionalConstraint("CONTAINS")
                                                .searchString("/admin/")
                                                .textTransformations(List.of(
                                                        CfnWebACL.TextTransformationProperty.builder()
                                                                .priority(0).type("LOWERCASE").build()))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .visibilityConfig(visibility(props.apiName() + "-admin-rate"))
                .build());
        return CfnWebACL.Builder.create(this, "WebAcl")
                .name(props.apiName() + "-waf")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(props.apiName() + "-waf"))
                .rules(rules)
                .build();
    }

    private static CfnWebACL.RuleProperty managedRule(String name, int priority, List<String> countOnly) {
        var group = CfnWebACL.ManagedRuleGroupStatementProperty.builder().vendorName("AWS").name(name);
        if (!countOnly.isEmpty()) {
            group.ruleActionOverrides(countOnly.stream()
                    .map(rule -> (Object) CfnWebACL.RuleActionOverrideProperty.builder()
                            .name(rule)
                            .actionToUse(CfnWebACL.RuleActionProperty.builder()
                                    .count(CfnWebACL.CountActionProperty.builder().build()).build())
                            .build())
                    .toList());
        }
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder().managedRuleGroupStatement(group.build()).build())
                .visibilityConfig(visibility(name))
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName)
                .build();
    }

    public RestApi api() {
        return api;
    }

    public LogGroup accessLogs() {
        return accessLogs;
    }

    /** The web ACL, or null when WAF is off. */
    public CfnWebACL webAcl() {
        return webAcl;
    }

    /** The public base URL of the stage (ends with '/'). */
    public String url() {
        return api.getUrl();
    }
}
