package dev.waagent.infra;

import static dev.waagent.infra.TemplateJson.join;
import static dev.waagent.infra.TemplateJson.logicalId;
import static dev.waagent.infra.TemplateJson.pseudo;
import static dev.waagent.infra.TemplateJson.ref;
import static dev.waagent.infra.TemplateJson.statementsOfRole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waagent.infra.config.AgentFunction;
import dev.waagent.infra.config.SchedulerJob;
import dev.waagent.infra.constructs.BedrockAccess;
import dev.waagent.infra.constructs.JavaFunction;
import dev.waagent.infra.stacks.FunctionArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Functions, their grants, the event source, the API and the schedules. */
class ServiceStackTest {

    private static final List<String> SECRET_READ = List.of("secretsmanager:GetSecretValue",
            "secretsmanager:DescribeSecret");

    private static JavaFunction fn(TestApps.Synth synth, AgentFunction which) {
        return synth.stacks().service().function(which);
    }

    private static List<Map<String, Object>> statements(TestApps.Synth synth, AgentFunction which) {
        return statementsOfRole(synth.service(), logicalId(fn(synth, which).role()));
    }

    private static Map<String, Object> secretPattern(String namePattern) {
        return join("arn:", pseudo("Partition"), ":secretsmanager:", pseudo("Region"), ":", pseudo("AccountId"),
                ":secret:" + namePattern + "-??????");
    }

    @ParameterizedTest
    @EnumSource(AgentFunction.class)
    void everyFunctionRunsJava21OnArm64WithSnapStartTracingAndItsOwnLogGroup(AgentFunction which) {
        var dev = TestApps.dev();
        var config = dev.config().sizing(which);
        JavaFunction function = fn(dev, which);
        dev.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-" + which.id(),
                "Handler", which.handler(),
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "TracingConfig", Map.of("Mode", "Active"),
                "MemorySize", config.memoryMb(),
                "Timeout", (int) config.timeout().toSeconds(),
                "LoggingConfig", Map.of("LogGroup", ref(function.logGroup())),
                "Role", Map.of("Fn::GetAtt", List.of(logicalId(function.role()), "Arn"))));
        dev.service().hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/wa-agent-dev-" + which.id(),
                "RetentionInDays", 14));
    }

    @ParameterizedTest
    @EnumSource(AgentFunction.class)
    void everyFunctionHasALiveAliasOnItsCurrentPublishedVersion(AgentFunction which) {
        var dev = TestApps.dev();
        JavaFunction function = fn(dev, which);
        // The version's logical id carries a hash of the code and configuration: find it by its function.
        var versions = dev.service().findResources("AWS::Lambda::Version", Map.of(
                "Properties", Match.objectLike(Map.of("FunctionName", ref(function.function())))));
        assertThat(versions).hasSize(1);
        String versionId = versions.keySet().iterator().next();
        dev.service().hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", JavaFunction.ALIAS,
                "FunctionName", ref(function.function()),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version"))));
    }

    @Test
    void webhookEnvironmentIsExactlyWhatItNeeds() {
        var dev = TestApps.dev();
        dev.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-webhook",
                "Environment", Map.of("Variables", Match.objectEquals(Map.ofEntries(
                        Map.entry("MICRONAUT_ENVIRONMENTS", "lambda,dev"),
                        Map.entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                        Map.entry("WA_STAGE", "dev"),
                        Map.entry("WA_DYNAMODB_CONVERSATIONS_TABLE", Match.anyValue()),
                        Map.entry("WA_DYNAMODB_TENANTS_TABLE", Match.anyValue()),
                        Map.entry("WA_SQS_TURN_QUEUE_URL", Match.anyValue()),
                        Map.entry("WA_SECRETS_PREFIX", "wa-agent/dev"),
                        Map.entry("WA_WHATSAPP_APP_SECRET_REF", "meta/app-secret"),
                        Map.entry("WA_WHATSAPP_VERIFY_TOKEN_REF", "meta/verify-token"),
                        Map.entry("WA_TWILIO_AUTH_TOKEN_REF", "twilio/auth-token"),
                        Map.entry("WA_TWILIO_PUBLIC_BASE_URL", TemplateJson.join("https://",
                                ref(dev.stacks().service().api().api()), ".execute-api.", pseudo("Region"), ".",
                                pseudo("URLSuffix"), "/dev"))))),
                "VpcConfig", Match.absent()));
    }

    @Test
    void workerEnvironmentCarriesBurstWindowApiVersionModelsAndTheProxyDatasource() {
        var dev = TestApps.dev();
        dev.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-worker",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "WA_TURN_BURST_WINDOW", "2s",
                        "WA_WHATSAPP_GRAPH_API_VERSION", "v23.0",
                        // 5 worker invocations at once plus the scheduler share each number's throughput.
                        "WA_DELIVERY_SENDING_INSTANCES", "6",
                        "LLM_DEFAULT_ORDER", "openai,groq",
                        "WA_BEDROCK_MODEL_IDS", TestApps.FOUNDATION_MODEL + "," + TestApps.INFERENCE_PROFILE,
                        "DATASOURCES_DEFAULT_USERNAME", "waagent",
                        "WA_BACKOFFICE_IAM_AUTH", "true",
                        "DATASOURCES_DEFAULT_URL", Match.objectLike(Map.of("Fn::Join", Match.anyValue())),
                        "DJL_CACHE_DIR", "/tmp/djl",
                        "WA_SQS_TURN_QUEUE_URL", Match.absent()))),
                "VpcConfig", Match.objectLike(Map.of("SecurityGroupIds", Match.anyValue(), "SubnetIds",
                        Match.anyValue()))));
        dev.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-scheduler",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("WA_DELIVERY_SENDING_INSTANCES", "6",
                        "WA_DELIVERY_THROUGHPUT_PER_NUMBER", "80"))),
                "VpcConfig", Match.objectLike(Map.of("SubnetIds", Match.anyValue()))));
    }

    @Test
    void anUpgradedNumbersThroughputIsSharedByEveryWorkerInvocationAndTheScheduler() {
        for (String function : List.of("wa-agent-prod-worker", "wa-agent-prod-scheduler")) {
            TestApps.prod().service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", function,
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "WA_DELIVERY_THROUGHPUT_PER_NUMBER", "250",
                            "WA_DELIVERY_SENDING_INSTANCES", "51")))));
        }
    }

    @Test
    void workerConsumesTheTurnQueueThroughItsAliasWithPartialBatchFailures() {
        var dev = TestApps.dev();
        dev.service().hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 10,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", 5),
                "EventSourceArn", Match.objectLike(Map.of("Fn::ImportValue", Match.anyValue())),
                "FunctionName", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":" + JavaFunction.ALIAS))))));
        dev.service().resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        TestApps.prod().service().hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "ScalingConfig", Map.of("MaximumConcurrency", 50)));
        Assertions.assertThat(TemplateJson.allActions(statements(dev, AgentFunction.WORKER)))
                .contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "kms:Decrypt")
                .doesNotContain("sqs:SendMessage");
    }

    @Test
    void webhookReadsOnlyAppSecretsAndVerifyTokenSendsToTheQueueAndOnlyReadsTenants() {
        var dev = TestApps.dev();
        var statements = statements(dev, AgentFunction.WEBHOOK);
        var secrets = dev.stacks().data().secrets();

        assertThat(statements).anySatisfy(s -> {
            assertThat(TemplateJson.actions(s)).containsExactlyElementsOf(SECRET_READ);
            assertThat(s.get("Resource")).isEqualTo(secretPattern("wa-agent/dev/tenants/*/app-secret"));
        });
        List<Object> secretResources = new ArrayList<>();
        statements.stream().filter(s -> TemplateJson.actions(s).contains("secretsmanager:GetSecretValue"))
                .forEach(s -> secretResources.addAll(TemplateJson.resourcesOf(s)));
        assertThat(secretResources).containsExactlyInAnyOrder(
                secretPattern("wa-agent/dev/tenants/*/app-secret"),
                Map.of("Fn::ImportValue", exportOf(dev, secrets.metaAppSecret())),
                Map.of("Fn::ImportValue", exportOf(dev, secrets.verifyToken())),
                Map.of("Fn::ImportValue", exportOf(dev, secrets.twilioAuthToken())));
        assertThat(TemplateJson.allActions(statements))
                .contains("sqs:SendMessage", "dynamodb:PutItem", "dynamodb:Query")
                .noneMatch(a -> a.startsWith("bedrock:") || a.startsWith("rds-db:") || a.startsWith("ec2:"));
        // Tenants are written by the admin API only: the webhook's statements on the tenants table only read.
        Object tenantsTable = Map.of("Fn::ImportValue", exportOf(dev,
                Map.of("Fn::GetAtt", List.of(logicalId(dev.stacks().data().tables().tenants()), "Arn"))));
        assertThat(statements.stream().filter(s -> TemplateJson.resourcesOf(s).contains(tenantsTable)))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(TemplateJson.actions(s)).noneMatch(a -> a.startsWith("dynamodb:Put")
                        || a.startsWith("dynamodb:Update") || a.startsWith("dynamodb:Delete")
                        || a.startsWith("dynamodb:BatchWrite")));
    }

    @ParameterizedTest
    @EnumSource(value = AgentFunction.class, names = {"WORKER", "SCHEDULER"})
    void workerAndSchedulerReadAccessTokensAndProviderKeysButNoAppSecrets(AgentFunction which) {
        var dev = TestApps.dev();
        List<Object> secretResources = new ArrayList<>();
        statements(dev, which).stream()
                .filter(s -> TemplateJson.actions(s).contains("secretsmanager:GetSecretValue"))
                .forEach(s -> secretResources.addAll(TemplateJson.resourcesOf(s)));
        assertThat(secretResources).containsExactlyInAnyOrder(
                secretPattern("wa-agent/dev/tenants/*/access-token"),
                secretPattern("wa-agent/dev/providers/*/api-key"));
    }

    @ParameterizedTest
    @EnumSource(value = AgentFunction.class, names = {"WORKER", "SCHEDULER"})
    void bedrockIsScopedToTheConfiguredModelsAndProfiles(AgentFunction which) {
        var dev = TestApps.dev();
        var bedrock = statements(dev, which).stream()
                .filter(s -> TemplateJson.actions(s).stream().anyMatch(a -> a.startsWith("bedrock:")))
                .toList();
        List<String> actions = List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");
        Map<String, Object> profileArn = join("arn:", pseudo("Partition"), ":bedrock:", pseudo("Region"), ":",
                pseudo("AccountId"), ":inference-profile/" + TestApps.INFERENCE_PROFILE);

        assertThat(bedrock).hasSize(3);
        assertThat(bedrock).allSatisfy(s -> assertThat(TemplateJson.actions(s)).containsExactlyElementsOf(actions));
        assertThat(bedrock).anySatisfy(s -> assertThat(s.get("Resource")).isEqualTo(join("arn:", pseudo("Partition"),
                ":bedrock:", pseudo("Region"), "::foundation-model/" + TestApps.FOUNDATION_MODEL)));
        assertThat(bedrock).anySatisfy(s -> assertThat(s.get("Resource")).isEqualTo(profileArn));
        assertThat(bedrock).anySatisfy(s -> {
            assertThat(s.get("Resource")).isEqualTo(join("arn:", pseudo("Partition"),
                    ":bedrock:*::foundation-model/amazon.nova-lite-v1:0"));
            assertThat(s.get("Condition")).isEqualTo(Map.of("StringEquals",
                    Map.of("bedrock:InferenceProfileArn", profileArn)));
        });
    }

    @ParameterizedTest
    @EnumSource(AgentFunction.class)
    void noFunctionHasAWildcardResourceExceptForActionsWithoutResourceLevelPermissions(AgentFunction which) {
        for (var synth : List.of(TestApps.dev(), TestApps.existingDatabase())) {
            statements(synth, which).stream()
                    .filter(s -> TemplateJson.resourcesOf(s).contains("*"))
                    .flatMap(s -> TemplateJson.actions(s).stream())
                    .forEach(action -> assertThat(action).matches("xray:.*|ec2:.*NetworkInterface.*|"
                            + "ec2:DescribeSubnets|ec2:(Assign|Unassign)PrivateIpAddresses"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = AgentFunction.class, names = {"WORKER", "SCHEDULER", "ADMIN"})
    void databaseClientsConnectToTheProxyWithIamAsTheAppUserOnly(AgentFunction which) {
        var dev = TestApps.dev();
        var proxy = ((dev.waagent.infra.constructs.AuroraBackOffice) dev.stacks().data().backOffice()).proxy();
        var proxyArn = Map.of("Fn::ImportValue",
                exportOf(dev, Map.of("Fn::GetAtt", List.of(logicalId(proxy), "DBProxyArn"))));
        // arn:aws:rds-db:<region>:<account>:dbuser:<proxy resource id>/waagent
        var dbUser = join("arn:", pseudo("Partition"), ":rds-db:", pseudo("Region"), ":", pseudo("AccountId"),
                ":dbuser:", Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", proxyArn)))),
                "/waagent");
        var connect = statements(dev, which).stream()
                .filter(s -> TemplateJson.actions(s).contains("rds-db:connect")).toList();
        assertThat(connect).singleElement().satisfies(s -> {
            assertThat(TemplateJson.actions(s)).containsExactly("rds-db:connect");
            assertThat(s.get("Resource")).isEqualTo(dbUser);
        });
    }

    @Test
    void aBedrockEmbeddingModelIsGrantedToTheAdminAndWorkerOnlyAndBothAreToldToUseIt() {
        var synth = TestApps.devWithBedrockEmbeddings();
        var titan = join("arn:", pseudo("Partition"), ":bedrock:", pseudo("Region"), "::foundation-model/"
                + TestApps.EMBEDDING_MODEL);
        for (AgentFunction which : List.of(AgentFunction.ADMIN, AgentFunction.WORKER)) {
            var bedrock = statements(synth, which).stream()
                    .filter(s -> TemplateJson.actions(s).stream().anyMatch(a -> a.startsWith("bedrock:"))).toList();
            assertThat(bedrock).as("%s", which).singleElement().satisfies(s -> {
                assertThat(TemplateJson.actions(s)).containsExactlyElementsOf(BedrockAccess.ACTIONS);
                assertThat(s.get("Resource")).isEqualTo(titan);
            });
            synth.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "wa-agent-dev-" + which.id(),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "WA_EMBEDDINGS_PROVIDER", "bedrock",
                            "WA_EMBEDDINGS_BEDROCK_MODEL_ID", TestApps.EMBEDDING_MODEL)))));
        }
        for (AgentFunction which : List.of(AgentFunction.WEBHOOK, AgentFunction.SCHEDULER)) {
            assertThat(TemplateJson.allActions(statements(synth, which))).as("%s", which)
                    .noneMatch(a -> a.startsWith("bedrock:"));
        }
        TestApps.dev().service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-admin",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("WA_EMBEDDINGS_PROVIDER", Match.absent())))));
    }

    @Test
    void withAnExistingDatabaseFunctionsReadItsSecretAndRunOutsideAVpc() {
        var existing = TestApps.existingDatabase();
        existing.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-worker",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db.example.com:5432/waagent?sslmode=require",
                        "WA_BACKOFFICE_DB_SECRET_ARN", TestApps.EXISTING_DB_SECRET,
                        "WA_BACKOFFICE_IAM_AUTH", "false",
                        "WA_BEDROCK_MODEL_IDS", Match.absent()))),
                "VpcConfig", Match.absent()));
        var statements = statements(existing, AgentFunction.WORKER);
        assertThat(statements).anySatisfy(s -> {
            assertThat(TemplateJson.actions(s)).contains("secretsmanager:GetSecretValue");
            assertThat(s.get("Resource")).isEqualTo(TestApps.EXISTING_DB_SECRET);
        });
        assertThat(TemplateJson.allActions(statements))
                .noneMatch(a -> a.startsWith("bedrock:") || a.startsWith("rds-db:") || a.startsWith("ec2:"));
    }

    @Test
    void restApiRoutesChannelsToTheWebhookAliasAndAdminToTheAdminAliasAsLambdaProxy() {
        var dev = TestApps.dev();
        Template service = dev.service();
        var root = dev.stacks().service().api().api().getRoot();
        String webhookAlias = logicalId(fn(dev, AgentFunction.WEBHOOK).alias());
        String adminAlias = logicalId(fn(dev, AgentFunction.ADMIN).alias());
        service.resourceCountIs("AWS::ApiGateway::RestApi", 1);
        service.hasResourceProperties("AWS::ApiGateway::RestApi", Map.of(
                "Name", "wa-agent-dev-api",
                "EndpointConfiguration", Map.of("Types", List.of("REGIONAL"))));

        Map<String, String> invoked = new java.util.HashMap<>();
        invoked.put(logicalId(root.getResource("webhooks").getResource("whatsapp")) + " GET", webhookAlias);
        invoked.put(logicalId(root.getResource("webhooks").getResource("whatsapp")) + " POST", webhookAlias);
        invoked.put(logicalId(root.getResource("webhooks").getResource("twilio")) + " POST", webhookAlias);
        invoked.put(logicalId(root.getResource("admin")) + " ANY", adminAlias);
        invoked.put(logicalId(root.getResource("admin").getResource("{proxy+}")) + " ANY", adminAlias);
        var methods = service.findResources("AWS::ApiGateway::Method", Map.of());
        assertThat(methods).hasSize(invoked.size());
        for (var method : methods.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) method.get("Properties");
            String key = ((Map<?, ?>) properties.get("ResourceId")).get("Ref") + " " + properties.get("HttpMethod");
            assertThat(invoked).as("unexpected method %s", key).containsKey(key);
            assertThat(properties.get("AuthorizationType")).isEqualTo("NONE");
            @SuppressWarnings("unchecked")
            Map<String, Object> integration = (Map<String, Object>) properties.get("Integration");
            assertThat(integration).containsEntry("Type", "AWS_PROXY").containsEntry("IntegrationHttpMethod", "POST");
            // arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<alias ARN>/invocations
            assertThat(((Map<?, ?>) integration.get("Uri")).get("Fn::Join").toString())
                    .as("integration of %s", key).contains("Ref=" + invoked.get(key) + "}");
        }
        // Invoke permission on the alias (SnapStart), one per method, none for test-invoke.
        service.resourceCountIs("AWS::Lambda::Permission", invoked.size());
        Assertions.assertThat(service.findResources("AWS::Lambda::Permission", Map.of("Properties",
                Match.objectLike(Map.of("FunctionName", Map.of("Ref", adminAlias)))))).hasSize(2);
        Assertions.assertThat(service.findResources("AWS::Lambda::Permission", Map.of("Properties",
                Match.objectLike(Map.of("FunctionName", Map.of("Ref", webhookAlias)))))).hasSize(3);
        service.allResourcesProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com"));
    }

    @Test
    void adminFunctionRunsInTheDatabaseVpcWithTheClientSecurityGroupAndTheBackOfficeEnvironment() {
        var dev = TestApps.dev();
        var backOffice = (dev.waagent.infra.constructs.AuroraBackOffice) dev.stacks().data().backOffice();
        var clientGroup = backOffice.clientSecurityGroups().get(0);
        dev.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-admin",
                "Handler", "dev.waagent.admin.AdminHandler",
                "Environment", Map.of("Variables", Match.objectEquals(Map.ofEntries(
                        Map.entry("MICRONAUT_ENVIRONMENTS", "lambda,dev"),
                        Map.entry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                        Map.entry("WA_STAGE", "dev"),
                        Map.entry("WA_DYNAMODB_CONVERSATIONS_TABLE", Match.anyValue()),
                        Map.entry("WA_DYNAMODB_TENANTS_TABLE", Match.anyValue()),
                        Map.entry("WA_SECRETS_PREFIX", "wa-agent/dev"),
                        Map.entry("WA_ADMIN_OPERATOR_KEY_REF", "admin/api-key"),
                        Map.entry("DJL_CACHE_DIR", "/tmp/djl"),
                        Map.entry("DATASOURCES_DEFAULT_URL", Match.objectLike(Map.of("Fn::Join", Match.anyValue()))),
                        Map.entry("DATASOURCES_DEFAULT_USERNAME", "waagent"),
                        Map.entry("WA_BACKOFFICE_IAM_AUTH", "true")))),
                "VpcConfig", Map.of(
                        "SecurityGroupIds", List.of(Map.of("Fn::ImportValue", exportOf(dev,
                                Map.of("Fn::GetAtt", List.of(logicalId(clientGroup), "GroupId"))))),
                        "SubnetIds", Match.anyValue())));
        // The proxy admits the client group on PostgreSQL's port only.
        dev.data().hasResourceProperties("AWS::EC2::SecurityGroupIngress", Map.of(
                "IpProtocol", "tcp",
                "FromPort", 5432,
                "ToPort", 5432,
                "SourceSecurityGroupId", Map.of("Fn::GetAtt", List.of(logicalId(clientGroup), "GroupId"))));
    }

    @Test
    void adminFunctionWritesTenantsReadsRollupsAndOnlyTheOperatorKey() {
        var dev = TestApps.dev();
        var statements = statements(dev, AgentFunction.ADMIN);
        var tables = dev.stacks().data().tables();
        Object tenantsTable = Map.of("Fn::ImportValue", exportOf(dev,
                Map.of("Fn::GetAtt", List.of(logicalId(tables.tenants()), "Arn"))));
        Object conversationsTable = Map.of("Fn::ImportValue", exportOf(dev,
                Map.of("Fn::GetAtt", List.of(logicalId(tables.conversations()), "Arn"))));
        assertThat(statements).anySatisfy(s -> {
            assertThat(TemplateJson.resourcesOf(s)).contains(tenantsTable);
            assertThat(TemplateJson.actions(s)).contains("dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:GetItem");
        });
        assertThat(statements.stream().filter(s -> TemplateJson.resourcesOf(s).contains(conversationsTable)))
                .anySatisfy(s -> assertThat(TemplateJson.actions(s)).contains("dynamodb:Query"))
                .allSatisfy(s -> assertThat(TemplateJson.actions(s)).noneMatch(a -> a.startsWith("dynamodb:Put") || a.startsWith("dynamodb:Update")
                                || a.startsWith("dynamodb:Delete") || a.startsWith("dynamodb:BatchWrite")));
        List<Object> secretResources = new ArrayList<>();
        statements.stream().filter(s -> TemplateJson.actions(s).contains("secretsmanager:GetSecretValue"))
                .forEach(s -> secretResources.addAll(TemplateJson.resourcesOf(s)));
        assertThat(secretResources).containsExactly(
                Map.of("Fn::ImportValue", exportOf(dev, dev.stacks().data().secrets().adminApiKey())));
        assertThat(TemplateJson.allActions(statements))
                .noneMatch(a -> a.startsWith("bedrock:") || a.startsWith("sqs:"));
    }

    @Test
    void withAnExistingDatabaseTheAdminFunctionReadsItsSecretOutsideAVpc() {
        var existing = TestApps.existingDatabase();
        existing.service().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "wa-agent-dev-admin",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db.example.com:5432/waagent?sslmode=require",
                        "WA_BACKOFFICE_DB_SECRET_ARN", TestApps.EXISTING_DB_SECRET,
                        "WA_BACKOFFICE_IAM_AUTH", "false"))),
                "VpcConfig", Match.absent()));
        var statements = statements(existing, AgentFunction.ADMIN);
        assertThat(statements).anySatisfy(s -> {
            assertThat(TemplateJson.actions(s)).contains("secretsmanager:GetSecretValue");
            assertThat(s.get("Resource")).isEqualTo(TestApps.EXISTING_DB_SECRET);
        });
        assertThat(TemplateJson.allActions(statements)).noneMatch(a -> a.startsWith("rds-db:")
                || a.startsWith("ec2:"));
    }

    @Test
    void stageIsThrottledTracedAndLogsAccessWithoutBodiesOrQueryStrings() {
        var dev = TestApps.dev();
        var api = dev.stacks().service().api();
        dev.service().hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "StageName", "dev",
                "TracingEnabled", true,
                "AccessLogSetting", Map.of(
                        "DestinationArn", Map.of("Fn::GetAtt", List.of(logicalId(api.accessLogs()), "Arn")),
                        "Format", Match.anyValue()),
                "MethodSettings", List.of(Match.objectLike(Map.of(
                        "HttpMethod", "*",
                        "ResourcePath", "/*",
                        "ThrottlingRateLimit", 50,
                        "ThrottlingBurstLimit", 100,
                        "LoggingLevel", "ERROR",
                        "DataTraceEnabled", false)))));
        dev.service().hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/apigateway/wa-agent-dev-api/access", "RetentionInDays", 14));
    }

    @Test
    void accessLogFormatIsJsonWithLatenciesAndTheResourcePathOnly() throws Exception {
        var dev = TestApps.dev();
        String stageId = logicalId(dev.stacks().service().api().api().getDeploymentStage());
        @SuppressWarnings("unchecked")
        var setting = (Map<String, Object>) TemplateJson.properties(dev.service(), stageId).get("AccessLogSetting");
        // The format is a JSON template: with $context variables replaced it must parse.
        String sample = ((String) setting.get("Format")).replaceAll("\\$context\\.error\\.messageString", "\"x\"")
                .replaceAll("\\$context\\.[A-Za-z.]+", "v");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new com.fasterxml.jackson.databind.ObjectMapper().readValue(sample, Map.class);
        assertThat(fields).containsKeys("requestId", "status", "resourcePath", "responseLatency",
                "integrationLatency", "xrayTraceId", "error").doesNotContainKeys("path", "requestOverride");
    }

    @Test
    void wafIsAttachedOnlyWhenEnabled() {
        TestApps.dev().service().resourceCountIs("AWS::WAFv2::WebACL", 0);
        var prod = TestApps.prod();
        var api = prod.stacks().service().api();
        prod.service().hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Name", "AWSManagedRulesCommonRuleSet")),
                        Match.objectLike(Map.of("Name", "AdminRateLimit",
                                "Action", Map.of("Block", Map.of())))))));
        prod.service().hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "WebACLArn", Map.of("Fn::GetAtt", List.of(logicalId(api.webAcl()), "Arn"))));
    }

    @ParameterizedTest
    @EnumSource(SchedulerJob.class)
    void everySchedulerJobIsScheduledAgainstTheSchedulerAlias(SchedulerJob job) {
        var dev = TestApps.dev();
        dev.service().hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "Name", "wa-agent-dev-" + job.id(),
                "GroupName", "wa-agent-dev",
                "ScheduleExpression", job.expression(),
                "State", "ENABLED",
                "Target", Match.objectLike(Map.of(
                        "Arn", ref(fn(dev, AgentFunction.SCHEDULER).alias()),
                        "Input", "{\"job\":\"" + job.id() + "\"}",
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 600)))));
        dev.service().resourceCountIs("AWS::Scheduler::Schedule", SchedulerJob.values().length);
    }

    @Test
    void schedulesMayInvokeOnlyTheSchedulerAlias() {
        var dev = TestApps.dev();
        var roles = dev.service().findResources("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "scheduler.amazonaws.com"))))))))));
        assertThat(roles).hasSize(1);
        assertThat(statementsOfRole(dev.service(), roles.keySet().iterator().next())).singleElement()
                .satisfies(s -> {
                    assertThat(TemplateJson.actions(s)).containsExactly("lambda:InvokeFunction");
                    assertThat(s.get("Resource")).isEqualTo(ref(fn(dev, AgentFunction.SCHEDULER).alias()));
                });
    }

    @Test
    void outputsGiveTheWebhookUrlAndTheVerifyTokenSecret() {
        var service = TestApps.dev().service();
        service.hasOutput("WhatsAppWebhookUrl", Map.of("Value", Match.objectLike(Map.of("Fn::Join", Match.anyValue()))));
        service.hasOutput("VerifyTokenSecretName", Map.of("Value", "wa-agent/dev/meta/verify-token"));
    }

    @Test
    void missingJarsFailWithTheBuildCommand() throws Exception {
        Path empty = Files.createTempDirectory("no-jars");
        Assertions.assertThatThrownBy(() -> FunctionArtifacts.fromRepository(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wa-agent-webhook-lambda.jar")
                .hasMessageContaining("mvn -q package -DskipTests");
    }

    private static String exportOf(TestApps.Synth synth, software.constructs.IConstruct resource) {
        return exportOf(synth, Map.of("Ref", logicalId(resource)));
    }

    /** The name of the export the data stack writes for this value. */
    private static String exportOf(TestApps.Synth synth, Map<String, Object> value) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> outputs = (Map<String, Map<String, Object>>) (Map<?, ?>) synth.data()
                .toJSON().get("Outputs");
        return outputs.values().stream()
                .filter(o -> value.equals(o.get("Value")))
                .map(o -> (String) ((Map<?, ?>) o.get("Export")).get("Name"))
                .findFirst().orElseThrow();
    }
}
