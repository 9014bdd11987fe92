package dev.waagent.infra.nag;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.constructs.IConstruct;

/**
 * cdk-nag suppressions, each with a written reason, placed next to the resource they excuse. Every suppression in
 * this module goes through here, so the reason is never missing and a synth with the context flag
 * {@value #APPLY_SUPPRESSIONS_CONTEXT} = false shows the unsuppressed findings (used to report before/after).
 */
public final class Nag {

    public static final String APPLY_SUPPRESSIONS_CONTEXT = "wa:applyNagSuppressions";

    private static final int MIN_REASON_LENGTH = 20;

    private Nag() {
    }

    /** A suppression of one rule ({@code AwsSolutions-IAM5}), optionally only for the given findings. */
    public static NagPackSuppression rule(String ruleId, String reason, String... appliesTo) {
        Objects.requireNonNull(ruleId, "ruleId");
        if (reason == null || reason.strip().length() < MIN_REASON_LENGTH) {
            throw new IllegalArgumentException("suppression of " + ruleId + " needs a written reason");
        }
        var builder = NagPackSuppression.builder().id(ruleId).reason(reason.strip());
        if (appliesTo.length > 0) {
            builder.appliesTo(new ArrayList<>(List.of(appliesTo)));
        }
        return builder.build();
    }

    /**
     * A suppression of one rule for the given findings, exact or matched: {@code patterns} are cdk-nag regex
     * literals ({@code /^Resource::…$/g}) for findings whose text holds generated names (cross-stack exports).
     */
    public static NagPackSuppression rule(String ruleId, String reason, List<String> appliesTo, List<String> patterns) {
        NagPackSuppression base = rule(ruleId, reason);
        List<Object> findings = new ArrayList<>(appliesTo);
        patterns.forEach(p -> findings.add(io.github.cdklabs.cdknag.RegexAppliesTo.builder().regex(p).build()));
        return NagPackSuppression.builder().id(base.getId()).reason(base.getReason()).appliesTo(findings).build();
    }

    /** Suppresses on the construct and its children. */
    public static void suppress(IConstruct construct, NagPackSuppression... suppressions) {
        if (!applies(construct)) {
            return;
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppressions), true);
    }

    private static boolean applies(IConstruct construct) {
        Object flag = construct.getNode().tryGetContext(APPLY_SUPPRESSIONS_CONTEXT);
        return flag == null || !"false".equalsIgnoreCase(flag.toString());
    }
}
