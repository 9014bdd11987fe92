package dev.waagent.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** Structural access to a synthesized template (maps and lists, never the JSON text). */
final class TemplateJson {

    private TemplateJson() {
    }

    /** The CloudFormation logical id of a construct's default child (the L1 resource). */
    static String logicalId(IConstruct construct) {
        IConstruct resource = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        return Stack.of(resource).getLogicalId((CfnElement) resource);
    }

    static Map<String, Object> ref(IConstruct construct) {
        return Map.of("Ref", logicalId(construct));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) template.toJSON().get("Resources");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Template template, String logicalId) {
        return (Map<String, Object>) resources(template).get(logicalId).get("Properties");
    }

    /** Every statement of every IAM policy attached to the role with this logical id. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statementsOfRole(Template template, String roleLogicalId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        resources(template).values().stream()
                .filter(r -> "AWS::IAM::Policy".equals(r.get("Type")))
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> ((List<Object>) p.get("Roles")).contains(Map.of("Ref", roleLogicalId)))
                .forEach(p -> statements.addAll(
                        (List<Map<String, Object>>) ((Map<String, Object>) p.get("PolicyDocument")).get("Statement")));
        return statements;
    }

    /** The statement's Action as a list. */
    @SuppressWarnings("unchecked")
    static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List ? (List<String>) action : List.of((String) action);
    }

    /** The statement's Resource as a list. */
    @SuppressWarnings("unchecked")
    static List<Object> resourcesOf(Map<String, Object> statement) {
        Object resource = statement.get("Resource");
        return resource instanceof List ? (List<Object>) resource : List.of(resource);
    }

    static Stream<String> allActions(List<Map<String, Object>> statements) {
        return statements.stream().flatMap(s -> actions(s).stream());
    }

    /** {"Fn::Join": ["", parts]} as CloudFormation writes an ARN built from pseudo parameters. */
    static Map<String, Object> join(Object... parts) {
        return Map.of("Fn::Join", List.of("", List.of(parts)));
    }

    static Map<String, Object> pseudo(String name) {
        return Map.of("Ref", "AWS::" + name);
    }
}
