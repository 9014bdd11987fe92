package dev.waagent.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Bedrock invocation scoped to the configured models. Converse is authorised as {@code bedrock:InvokeModel} and
 * ConverseStream as {@code bedrock:InvokeModelWithResponseStream}; there are no separate IAM actions.
 * <p>
 * A plain model id ({@code anthropic.claude-3-haiku-20240307-v1:0}) grants that foundation model in the stack's
 * region. A cross-region inference-profile id ({@code eu.amazon.nova-lite-v1:0}, {@code global.…}) grants the
 * profile, plus the underlying foundation model in any region <em>only when called through that profile</em>
 * (condition {@code bedrock:InferenceProfileArn}), which is how cross-region routing is authorised.
 */
public record BedrockAccess(List<String> modelIds) {

    public static final List<String> ACTIONS = List.of("bedrock:InvokeModel",
            "bedrock:InvokeModelWithResponseStream");

    /** Geographic prefixes of system-defined cross-region inference profiles. */
    private static final Set<String> PROFILE_PREFIXES = Set.of("us", "us-gov", "eu", "apac", "jp", "au", "ca",
            "global");

    public BedrockAccess {
        modelIds = List.copyOf(Objects.requireNonNullElse(modelIds, List.of()));
    }

    public static boolean isInferenceProfile(String modelId) {
        int dot = modelId.indexOf('.');
        return dot > 0 && PROFILE_PREFIXES.contains(modelId.substring(0, dot));
    }

    public static String foundationModelArn(String region, String modelId) {
        return "arn:" + Aws.PARTITION + ":bedrock:" + region + "::foundation-model/" + modelId;
    }

    public static String inferenceProfileArn(String modelId) {
        return "arn:" + Aws.PARTITION + ":bedrock:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":inference-profile/"
                + modelId;
    }

    /** The statements {@link #grantInvoke} adds (empty when no model is configured). */
    public List<PolicyStatement> statements() {
        List<PolicyStatement> statements = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        for (String id : modelIds) {
            if (isInferenceProfile(id)) {
                String profile = inferenceProfileArn(id);
                statements.add(PolicyStatement.Builder.create()
                        .actions(ACTIONS)
                        .resources(List.of(profile))
                        .build());
                statements.add(PolicyStatement.Builder.create()
                        .actions(ACTIONS)
                        .resources(List.of(foundationModelArn("*", id.substring(id.indexOf('.') + 1))))
                        .conditions(Map.of("StringEquals", Map.of("bedrock:InferenceProfileArn", profile)))
                        .build());
            } else {
                direct.add(foundationModelArn(Aws.REGION, id));
            }
        }
        if (!direct.isEmpty()) {
            statements.add(0, PolicyStatement.Builder.create().actions(ACTIONS).resources(direct).build());
        }
        return statements;
    }

    public void grantInvoke(IGrantable grantee) {
        statements().forEach(statement -> grantee.getGrantPrincipal().addToPrincipalPolicy(statement));
    }

    public boolean usesInferenceProfiles() {
        return modelIds.stream().anyMatch(BedrockAccess::isInferenceProfile);
    }
}
