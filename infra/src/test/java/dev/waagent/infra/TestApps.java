package dev.waagent.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.infra.config.ContextConfigReader;
import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.nag.Nag;
import dev.waagent.infra.stacks.FunctionArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesized apps shared by every test class of this JVM (jsii starts once; each variant is synthesized once).
 * Each variant is built the way {@link Main} builds it: context → {@link ContextConfigReader} →
 * {@link WaAgentApp#compose}, with a tiny placeholder zip instead of the function jars.
 */
public final class TestApps {

    public static final List<String> TENANTS = List.of("pune-cameras", "jakarta-cars");
    public static final List<String> PROVIDERS = List.of("openai", "groq");
    public static final String FOUNDATION_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0";
    public static final String INFERENCE_PROFILE = "eu.amazon.nova-lite-v1:0";
    public static final String ALARM_EMAIL = "ops@example.com";
    public static final String EXISTING_DB_SECRET =
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:backoffice-db-AbCdEf";

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "ap-south-1";

    private static final Map<String, Synth> CACHE = new ConcurrentHashMap<>();
    private static Path asset;

    /** One synthesized variant: the app, its stacks and their templates. */
    public record Synth(App app, DeploymentConfig config, WaAgentApp stacks, Template data, Template service,
                        Template monitoring) {
        public Annotations dataAnnotations() {
            return Annotations.fromStack(stacks.data());
        }

        public Annotations serviceAnnotations() {
            return Annotations.fromStack(stacks.service());
        }

        public Annotations monitoringAnnotations() {
            return Annotations.fromStack(stacks.monitoring());
        }

        public List<Annotations> annotations() {
            return List.of(dataAnnotations(), serviceAnnotations(), monitoringAnnotations());
        }
    }

    private TestApps() {
    }

    /** dev, Aurora back office, two tenants, two providers, a foundation model and an inference profile. */
    public static Synth dev() {
        return CACHE.computeIfAbsent("dev", k -> synth(baseContext()));
    }

    /**
     * prod with WAF, Aurora with a reader, deletion protection; synthesized for a concrete account and region as
     * {@code cdk synth} with a profile does (region and account then appear literally in ARNs).
     */
    public static Synth prod() {
        return CACHE.computeIfAbsent("prod", k -> {
            Map<String, Object> context = baseContext();
            context.put(ContextConfigReader.STAGE, "prod");
            context.put(ContextConfigReader.ENABLE_WAF, "true");
            context.put(ContextConfigReader.DLQ_MAX_RECEIVE_COUNT, "3");
            context.put(ContextConfigReader.WORKER_MAX_CONCURRENCY, "50");
            // An upgraded business number.
            context.put(ContextConfigReader.WHATSAPP_THROUGHPUT_PER_NUMBER, "250");
            return synth(context, Map.of("CDK_DEFAULT_ACCOUNT", ACCOUNT, "CDK_DEFAULT_REGION", REGION));
        });
    }

    /** dev against an existing PostgreSQL: no VPC, no Aurora. Context given as -c strings would be. */
    public static Synth existingDatabase() {
        return CACHE.computeIfAbsent("existing", k -> {
            Map<String, Object> context = baseContext();
            context.put(ContextConfigReader.USE_EXISTING_DATABASE, "true");
            context.put(ContextConfigReader.EXISTING_DATABASE_JDBC_URL,
                    "jdbc:postgresql://db.example.com:5432/waagent?sslmode=require");
            context.put(ContextConfigReader.EXISTING_DATABASE_SECRET_ARN, EXISTING_DB_SECRET);
            context.put(ContextConfigReader.BEDROCK_MODEL_IDS, "");
            return synth(context);
        });
    }

    /** dev with knowledge embedded by Bedrock Titan instead of the in-process model. */
    public static Synth devWithBedrockEmbeddings() {
        return CACHE.computeIfAbsent("embeddings", k -> {
            Map<String, Object> context = baseContext();
            context.put(ContextConfigReader.BEDROCK_MODEL_IDS, "");
            context.put(ContextConfigReader.BEDROCK_EMBEDDING_MODEL_ID, EMBEDDING_MODEL);
            return synth(context);
        });
    }

    /** The dev variant with every suppression switched off: the cdk-nag "before" figures. */
    public static Synth devWithoutSuppressions() {
        return CACHE.computeIfAbsent("unsuppressed", k -> {
            Map<String, Object> context = baseContext();
            context.put(Nag.APPLY_SUPPRESSIONS_CONTEXT, false);
            return synth(context);
        });
    }

    /** cdk.json's context (what {@code cdk synth} passes), plus the test's tenants, providers and models. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> baseContext() {
        Map<String, Object> context = new HashMap<>();
        try {
            Map<String, Object> cdkJson = new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);
            context.putAll((Map<String, Object>) cdkJson.get("context"));
        } catch (IOException e) {
            throw new UncheckedIOException("tests run in infra/ and read its cdk.json", e);
        }
        context.put(ContextConfigReader.STAGE, "dev");
        context.put(ContextConfigReader.TENANTS, TENANTS);
        context.put(ContextConfigReader.LLM_PROVIDERS, String.join(",", PROVIDERS));
        context.put(ContextConfigReader.BEDROCK_MODEL_IDS, List.of(FOUNDATION_MODEL, INFERENCE_PROFILE));
        context.put(ContextConfigReader.ALARM_EMAIL, ALARM_EMAIL);
        return context;
    }

    private static Synth synth(Map<String, Object> context) {
        return synth(context, Map.of());
    }

    private static Synth synth(Map<String, Object> context, Map<String, String> environment) {
        App app = new App(AppProps.builder().context(context).build());
        DeploymentConfig config = new ContextConfigReader(app.getNode()::tryGetContext, environment).read();
        WaAgentApp stacks = WaAgentApp.compose(app, config, FunctionArtifacts.placeholder(placeholderAsset()),
                false);
        return new Synth(app, config, stacks, Template.fromStack(stacks.data()),
                Template.fromStack(stacks.service()), Template.fromStack(stacks.monitoring()));
    }

    /** A tiny zip standing in for the function jars. */
    public static synchronized Path placeholderAsset() {
        if (asset == null) {
            try {
                Path dir = Files.createTempDirectory("wa-agent-infra-test");
                asset = dir.resolve("placeholder.zip");
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(asset))) {
                    zip.putNextEntry(new ZipEntry("placeholder.txt"));
                    zip.write("not a real function".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return asset;
    }
}
