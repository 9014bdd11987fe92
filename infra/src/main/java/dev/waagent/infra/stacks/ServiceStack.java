package dev.waagent.infra.stacks;

import dev.waagent.infra.config.AgentFunction;
import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.config.EnvVar;
import dev.waagent.infra.config.FunctionEnvironment;
import dev.waagent.infra.config.SchedulerJob;
import dev.waagent.infra.config.SecretNames;
import dev.waagent.infra.constructs.BedrockAccess;
import dev.waagent.infra.constructs.JavaFunction;
import dev.waagent.infra.constructs.SchedulerJobs;
import dev.waagent.infra.constructs.WebhookApi;
import dev.waagent.infra.nag.Nag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.constructs.Construct;

/**
 * The stateless part: the four functions, the REST API in front of the webhook and the admin API, the worker's SQS
 * event source, the scheduler's schedules, and every grant (each function gets exactly what it uses).
 */
public final class ServiceStack extends Stack {

    public static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    public static final int WORKER_BATCH_SIZE = 10;

    /**
     * @param config    validated deployment configuration
     * @param data      the stateful resources
     * @param artifacts the code of each function
     */
    public record Props(DeploymentConfig config, DataStack data, FunctionArtifacts artifacts) {
        public Props {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(artifacts, "artifacts");
        }
    }

    private final Map<AgentFunction, JavaFunction> functions = new EnumMap<>(AgentFunction.class);
    private final WebhookApi api;
    private final SchedulerJobs schedules;

    public ServiceStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        DeploymentConfig config = props.config();
        DataStack data = props.data();
        boolean prod = config.stage().isProd();
        RemovalPolicy logRemoval = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        var backOffice = data.backOffice();
        var secrets = data.secrets();
        var tables = data.tables();
        var bedrock = new BedrockAccess(config.bedrockModelIds());

        FunctionEnvironment common = FunctionEnvironment.builder()
                .put(EnvVar.MICRONAUT_ENVIRONMENTS, "lambda," + config.stage().id())
                .put(EnvVar.JAVA_TOOL_OPTIONS, JVM_OPTIONS)
                .put(EnvVar.WA_STAGE, config.stage().id())
                .put(EnvVar.WA_DYNAMODB_CONVERSATIONS_TABLE, tables.conversations().getTableName())
                .put(EnvVar.WA_DYNAMODB_TENANTS_TABLE, tables.tenants().getTableName())
                .put(EnvVar.WA_SECRETS_PREFIX, secrets.names().prefix())
                .build();

        // webhook: verify, persist, enqueue. No LLM, no database, no VPC.
        JavaFunction webhook = function(config, props.artifacts(), AgentFunction.WEBHOOK,
                "Receives channel webhooks: verifies, persists each inbound message once, enqueues a turn",
                FunctionEnvironment.builder().putAll(common)
                        .put(EnvVar.WA_SQS_TURN_QUEUE_URL, data.turnQueue().queue().getQueueUrl())
                        .put(EnvVar.WA_WHATSAPP_APP_SECRET_REF, SecretNames.META_APP_SECRET_REF)
                        .put(EnvVar.WA_WHATSAPP_VERIFY_TOKEN_REF, SecretNames.META_VERIFY_TOKEN_REF)
                        .put(EnvVar.WA_TWILIO_AUTH_TOKEN_REF, SecretNames.TWILIO_AUTH_TOKEN_REF)
                        .build(),
                Optional.empty(), List.of(), logRemoval);
        tables.conversations().grantReadWriteData(webhook.role());
        // Resolves tenants by number; only the admin API writes them.
        tables.tenants().grantReadData(webhook.role());
        data.turnQueue().queue().grantSendMessages(webhook.role());
        secrets.grantAppSecretsRead(webhook.role());
        secrets.metaAppSecret().grantRead(webhook.role());
        secrets.verifyToken().grantRead(webhook.role());
        secrets.twilioAuthToken().grantRead(webhook.role());

        // Every worker invocation the event source may run at once, and the scheduler, share a number's throughput.
        String sendingInstances = Integer.toString(config.turnQueue().workerMaxConcurrency() + 1);
        String throughputPerNumber = Integer.toString(config.turnQueue().throughputPerNumber());

        // worker: one turn per customer burst; LLM chain, back office, sends replies.
        FunctionEnvironment.Builder workerEnv = FunctionEnvironment.builder().putAll(common)
                .put(EnvVar.WA_WHATSAPP_GRAPH_API_VERSION, config.whatsappApiVersion())
                .put(EnvVar.WA_DELIVERY_SENDING_INSTANCES, sendingInstances)
                .put(EnvVar.WA_DELIVERY_THROUGHPUT_PER_NUMBER, throughputPerNumber)
                .put(EnvVar.WA_TURN_BURST_WINDOW, config.turnQueue().burstWindow().toSeconds() + "s")
                .put(EnvVar.DJL_CACHE_DIR, "/tmp/djl")
                .putAll(backOffice.environment());
        if (!config.bedrockModelIds().isEmpty()) {
            workerEnv.put(EnvVar.WA_BEDROCK_MODEL_IDS, String.join(",", config.bedrockModelIds()));
        }
        if (!config.llmProviders().isEmpty()) {
            workerEnv.put(EnvVar.LLM_DEFAULT_ORDER, String.join(",", config.llmProviders()));
        }
        // Knowledge embedded by Bedrock: the admin function indexes with it, the worker embeds queries with it.
        BedrockAccess embeddings = new BedrockAccess(config.bedrockEmbeddingModelId().stream().toList());
        if (embeddings.usesInferenceProfiles()) {
            throw new IllegalArgumentException("an embedding model is called by its foundation-model id, not a profile");
        }
        config.bedrockEmbeddingModelId().ifPresent(model -> workerEnv
                .put(EnvVar.WA_EMBEDDINGS_PROVIDER, "bedrock")
                .put(EnvVar.WA_EMBEDDINGS_BEDROCK_MODEL_ID, model));
        JavaFunction worker = function(config, props.artifacts(), AgentFunction.WORKER,
                "Answers customer turns from the FIFO turn queue", workerEnv.build(),
                backOffice.vpc(), backOffice.clientSecurityGroups(), logRemoval);
        tables.conversations().grantReadWriteData(worker.role());
        tables.tenants().grantReadData(worker.role());
        secrets.grantAccessTokensRead(worker.role());
        secrets.grantProviderKeysRead(worker.role());
        bedrock.grantInvoke(worker.role());
        embeddings.grantInvoke(worker.role());
        backOffice.grantConnect(worker.role());
        worker.alias().addEventSource(new SqsEventSource(data.turnQueue().queue(), SqsEventSourceProps.builder()
                .batchSize(WORKER_BATCH_SIZE)
                .reportBatchItemFailures(true)
                .maxConcurrency(config.turnQueue().workerMaxConcurrency())
                .build()));

        // scheduler: summaries, expiry, follow-ups, rollups, briefings.
        FunctionEnvironment.Builder schedulerEnv = FunctionEnvironment.builder().putAll(common)
                .put(EnvVar.WA_WHATSAPP_GRAPH_API_VERSION, config.whatsappApiVersion())
                .put(EnvVar.WA_DELIVERY_SENDING_INSTANCES, sendingInstances)
                .put(EnvVar.WA_DELIVERY_THROUGHPUT_PER_NUMBER, throughputPerNumber)
                .putAll(backOffice.environment());
        if (!config.bedrockModelIds().isEmpty()) {
            schedulerEnv.put(EnvVar.WA_BEDROCK_MODEL_IDS, String.join(",", config.bedrockModelIds()));
        }
        if (!config.llmProviders().isEmpty()) {
            schedulerEnv.put(EnvVar.LLM_DEFAULT_ORDER, String.join(",", config.llmProviders()));
        }
        JavaFunction scheduler = function(config, props.artifacts(), AgentFunction.SCHEDULER,
                "Scheduled jobs: summaries, context expiry, follow-ups, daily rollup, morning briefing, booking reminders",
                schedulerEnv.build(), backOffice.vpc(), backOffice.clientSecurityGroups(), logRemoval);
        tables.conversations().grantReadWriteData(scheduler.role());
        tables.tenants().grantReadData(scheduler.role());
        secrets.grantAccessTokensRead(scheduler.role());
        secrets.grantProviderKeysRead(scheduler.role());
        bedrock.grantInvoke(scheduler.role());
        backOffice.grantConnect(scheduler.role());

        // admin API: the back office on PostgreSQL (in the database's VPC), publishes tenants to the tenants table,
        // bumps content versions there, reads the daily rollups from the conversations table.
        FunctionEnvironment.Builder adminEnv = FunctionEnvironment.builder().putAll(common)
                .put(EnvVar.WA_ADMIN_OPERATOR_KEY_REF, SecretNames.ADMIN_API_KEY_REF)
                .put(EnvVar.DJL_CACHE_DIR, "/tmp/djl")
                .putAll(backOffice.environment());
        config.bedrockEmbeddingModelId().ifPresent(model -> adminEnv
                .put(EnvVar.WA_EMBEDDINGS_PROVIDER, "bedrock")
                .put(EnvVar.WA_EMBEDDINGS_BEDROCK_MODEL_ID, model));
        JavaFunction admin = function(config, props.artifacts(), AgentFunction.ADMIN,
                "Admin API (/admin/*): tenants, agent configuration, knowledge, catalog, staff, API keys, analytics",
                adminEnv.build(),
                backOffice.vpc(), backOffice.clientSecurityGroups(), logRemoval);
        tables.tenants().grantReadWriteData(admin.role());
        tables.conversations().grantReadData(admin.role());
        secrets.adminApiKey().grantRead(admin.role());
        backOffice.grantConnect(admin.role());
        embeddings.grantInvoke(admin.role());

        schedules = new SchedulerJobs(this, "Schedules", new SchedulerJobs.Props(
                config.namePrefix(), scheduler.alias(), List.of(SchedulerJob.values()), true));

        // Channels to the webhook; /admin and everything under it to the admin function.
        List<WebhookApi.Route> routes = List.of(
                new WebhookApi.Route("/webhooks/whatsapp", List.of("GET", "POST"), webhook.alias()),
                new WebhookApi.Route("/webhooks/twilio", List.of("POST"), webhook.alias()),
                new WebhookApi.Route("/admin", List.of("ANY"), admin.alias()),
                new WebhookApi.Route("/admin/{proxy+}", List.of("ANY"), admin.alias()));
        api = new WebhookApi(this, "Api", new WebhookApi.Props(
                config.namePrefix() + "-api",
                config.stage().id(),
                routes,
                config.api().throttleRateLimit(),
                config.api().throttleBurstLimit(),
                config.api().enableWaf(),
                config.api().accountCloudWatchRole(),
                Retention.of(config.logRetentionDays()),
                logRemoval));

        // Twilio signs the public URL it called; the webhook rebuilds it from this base (the API's stage URL).
        // Built from the API id (not api.getUrl()) so the function depends on the RestApi resource only.
        webhook.function().addEnvironment(EnvVar.WA_TWILIO_PUBLIC_BASE_URL.name(), "https://"
                + api.api().getRestApiId() + ".execute-api." + Aws.REGION + "." + Aws.URL_SUFFIX + "/"
                + config.stage().id());

        suppressGrantWildcards(config, bedrock);

        CfnOutput.Builder.create(this, "WhatsAppWebhookUrl")
                .description("Callback URL to register in Meta's app dashboard (WhatsApp > Configuration)")
                .value(api.url() + "webhooks/whatsapp")
                .build();
        CfnOutput.Builder.create(this, "TwilioWebhookUrl")
                .description("Webhook URL to set on Twilio numbers (A message comes in, HTTP POST)")
                .value(api.url() + "webhooks/twilio")
                .build();
        CfnOutput.Builder.create(this, "AdminApiUrl")
                .description("Base URL of the admin API (operator key in " + secrets.names().adminApiKey() + ")")
                .value(api.url() + "admin/")
                .build();
        CfnOutput.Builder.create(this, "VerifyTokenSecretName")
                .description("Secret holding the verify token to paste into Meta's app dashboard")
                .value(secrets.names().metaVerifyToken())
                .build();
    }

    private JavaFunction function(DeploymentConfig config, FunctionArtifacts artifacts, AgentFunction which,
                                  String description, FunctionEnvironment environment,
                                  Optional<IVpc> vpc, List<ISecurityGroup> securityGroups,
                                  RemovalPolicy logRemoval) {
        var sizing = config.sizing(which);
        JavaFunction function = new JavaFunction(this, capitalize(which.id()), new JavaFunction.Props(
                config.namePrefix() + "-" + which.id(),
                description,
                which.handler(),
                artifacts.of(which),
                sizing.memoryMb(),
                sizing.timeout(),
                environment.toMap(),
                Retention.of(config.logRetentionDays()),
                logRemoval,
                vpc,
                securityGroups));
        functions.put(which, function);
        return function;
    }

    /**
     * Wildcards that CDK grants or the naming convention put into the function policies, each explained.
     * The findings are listed exactly (appliesTo), so any new wildcard still fails the nag test.
     */
    private void suppressGrantWildcards(DeploymentConfig config, BedrockAccess bedrock) {
        // cdk-nag renders pseudo parameters as <AWS::…>, and a concrete region/account (cdk synth with a
        // profile sets CDK_DEFAULT_REGION) literally: the exact finding depends on the stack's environment.
        String secretArnPrefix = "Resource::arn:<AWS::Partition>:secretsmanager:"
                + config.region().orElse("<AWS::Region>") + ":" + config.account().orElse("<AWS::AccountId>")
                + ":secret:" + config.secretNames().prefix();
        for (var entry : functions.entrySet()) {
            List<String> appliesTo = new ArrayList<>(List.of(
                    "Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"));
            String reason = "KMS: CDK's table/queue grants add kms:GenerateDataKey* and kms:ReEncrypt* on the one "
                    + "customer-managed data key (the resource is not a wildcard).";
            if (entry.getKey() == AgentFunction.ADMIN) {
                reason += " The admin function reads only the operator key secret (no naming-convention wildcard).";
            } else if (entry.getKey() == AgentFunction.WEBHOOK) {
                appliesTo.add(secretArnPrefix + "/tenants/*/app-secret-??????");
                reason += " Secrets: read on every tenant's Meta app secret by naming convention (tenants are "
                        + "onboarded at run time; nothing else matches the pattern; '??????' is Secrets Manager's "
                        + "random ARN suffix).";
            } else {
                appliesTo.add(secretArnPrefix + "/tenants/*/access-token-??????");
                appliesTo.add(secretArnPrefix + "/providers/*/api-key-??????");
                reason += " Secrets: read on every tenant's WhatsApp access token and every provider API key by "
                        + "naming convention (tenants and providers are added at run time; '??????' is Secrets "
                        + "Manager's random ARN suffix).";
                for (String modelId : bedrock.modelIds()) {
                    if (BedrockAccess.isInferenceProfile(modelId)) {
                        appliesTo.add("Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/"
                                + modelId.substring(modelId.indexOf('.') + 1));
                    }
                }
                if (bedrock.usesInferenceProfiles()) {
                    reason += " Bedrock: a cross-region inference profile routes to its foundation model in several "
                            + "regions, so the model ARN has a region wildcard, limited by the condition "
                            + "bedrock:InferenceProfileArn to calls through the configured profile.";
                }
            }
            // Every function's grant on the conversations table also covers its indexes (the scheduler's
            // due-index); the finding names the table by a generated id or cross-stack export.
            reason += " DynamoDB: the conversations table grant covers the table's own indexes (<table ARN>/index/*, "
                    + "the scheduler's sparse due-index), nothing outside the table.";
            Nag.suppress(entry.getValue().role(), Nag.rule("AwsSolutions-IAM5", reason, appliesTo,
                    List.of("/^Resource::(<TablesConversations[0-9A-F]+\\.Arn>|WaAgent-[A-Za-z0-9-]+:"
                            + "ExportsOutputFnGetAttTablesConversations[0-9A-F]+Arn[0-9A-F]+)\\/index\\/\\*$/g")));
        }
    }

    private static String capitalize(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    public JavaFunction function(AgentFunction which) {
        return functions.get(which);
    }

    public WebhookApi api() {
        return api;
    }

    public SchedulerJobs schedules() {
        return schedules;
    }
}
