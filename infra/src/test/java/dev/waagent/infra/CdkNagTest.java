package dev.waagent.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waagent.infra.nag.Nag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag AwsSolutions over every variant: nothing unsuppressed, and every suppression explained. */
class CdkNagTest {

    private static List<String> findings(TestApps.Synth synth, boolean errors) {
        List<String> out = new ArrayList<>();
        for (Annotations annotations : synth.annotations()) {
            List<SynthesisMessage> messages = errors
                    ? annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                    : annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            messages.forEach(m -> out.add(m.getId() + " " + String.valueOf(m.getEntry().getData()).split(":")[0]));
        }
        return out;
    }

    @Test
    void noUnsuppressedErrorsOrWarningsInAnyVariant() {
        for (var synth : List.of(TestApps.dev(), TestApps.prod(), TestApps.existingDatabase())) {
            assertThat(findings(synth, true)).as("errors, %s", synth.config().stage()).isEmpty();
            assertThat(findings(synth, false)).as("warnings, %s", synth.config().stage()).isEmpty();
        }
    }

    @Test
    void withoutSuppressionsTheFindingsAreTheOnesExplained() {
        var before = TestApps.devWithoutSuppressions();
        List<String> errors = findings(before, true);
        List<String> warnings = findings(before, false);
        Map<String, Integer> byRule = new TreeMap<>();
        errors.forEach(f -> byRule.merge(f.substring(f.indexOf(' ') + 1).replaceAll("\\[.*", ""), 1, Integer::sum));
        warnings.forEach(f -> byRule.merge(f.substring(f.indexOf(' ') + 1).replaceAll("\\[.*", "") + " (warning)", 1,
                Integer::sum));
        System.out.printf("cdk-nag AwsSolutions, dev without suppressions: %d errors, %d warnings %s%n",
                errors.size(), warnings.size(), byRule);

        assertThat(errors).isNotEmpty();
        assertThat(byRule.keySet()).containsExactlyInAnyOrder(
                "AwsSolutions-APIG2", "AwsSolutions-APIG4", "AwsSolutions-COG4", "AwsSolutions-IAM4",
                "AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-RDS10", "AwsSolutions-SMG4",
                "AwsSolutions-APIG3 (warning)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySuppressionHasAWrittenReason() {
        int suppressions = 0;
        for (var synth : List.of(TestApps.dev(), TestApps.prod(), TestApps.existingDatabase())) {
            for (Template template : List.of(synth.data(), synth.service(), synth.monitoring())) {
                for (Map<String, Object> resource : TemplateJson.resources(template).values()) {
                    Map<String, Object> metadata = (Map<String, Object>) resource.get("Metadata");
                    if (metadata == null || !metadata.containsKey("cdk_nag")) {
                        continue;
                    }
                    var rules = (List<Map<String, Object>>) ((Map<String, Object>) metadata.get("cdk_nag"))
                            .get("rules_to_suppress");
                    for (Map<String, Object> rule : rules) {
                        suppressions++;
                        assertThat((String) rule.get("id")).startsWith("AwsSolutions-");
                        assertThat((String) rule.get("reason")).as("reason of %s", rule.get("id"))
                                .hasSizeGreaterThan(40);
                    }
                }
            }
        }
        assertThat(suppressions).isPositive();
    }

    @Test
    void aSuppressionWithoutAReasonIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nag.rule("AwsSolutions-IAM5", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a written reason");
    }

    @Test
    void reportsTheSynthesizedResourceCounts() {
        for (var synth : List.of(TestApps.dev(), TestApps.prod(), TestApps.existingDatabase())) {
            int data = TemplateJson.resources(synth.data()).size();
            int service = TemplateJson.resources(synth.service()).size();
            int monitoring = TemplateJson.resources(synth.monitoring()).size();
            System.out.printf("resources %s%s: data %d + service %d + monitoring %d = %d%n",
                    synth.config().stage().id(), synth.config().database().useExisting() ? " (existing db)" : "",
                    data, service, monitoring, data + service + monitoring);
            assertThat(data + service + monitoring).isLessThan(500);
        }
    }
}
