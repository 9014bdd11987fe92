package dev.waagent.infra.stacks;

import dev.waagent.infra.config.AgentFunction;
import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.constructs.AgentAlarms;
import dev.waagent.infra.constructs.OperationsDashboard;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/** The dashboard, the alarms and their SNS topic. */
public final class MonitoringStack extends Stack {

    /**
     * @param config  validated deployment configuration
     * @param data    queues
     * @param service API and functions
     */
    public record Props(DeploymentConfig config, DataStack data, ServiceStack service) {
        public Props {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(service, "service");
        }
    }

    private final AgentAlarms alarms;
    private final OperationsDashboard dashboard;

    public MonitoringStack(Construct scope, String id, StackProps stackProps, Props props) {
        super(scope, id, stackProps);
        DeploymentConfig config = props.config();
        Map<AgentFunction, IFunction> functions = new EnumMap<>(AgentFunction.class);
        for (AgentFunction function : AgentFunction.values()) {
            functions.put(function, props.service().function(function).function());
        }
        var queue = props.data().turnQueue();
        var api = props.service().api().api();

        alarms = new AgentAlarms(this, "Alarms", new AgentAlarms.Props(
                config.namePrefix(), config.alarms(), config.tenantIds(), api, functions, queue.queue(),
                queue.deadLetterQueue()));
        dashboard = new OperationsDashboard(this, "Dashboard", new OperationsDashboard.Props(
                config.namePrefix(), api, functions, queue.queue(), queue.deadLetterQueue(), alarms.alarms(),
                List.of(alarms.adminErrors()),
                config.alarms().oldestMessageAge().toSeconds()));

        CfnOutput.Builder.create(this, "DashboardName").value(config.namePrefix())
                .description("CloudWatch > Dashboards").build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarms.topic().getTopicArn())
                .description("Subscribe more endpoints to receive alarms").build();
    }

    public AgentAlarms alarms() {
        return alarms;
    }

    public OperationsDashboard dashboard() {
        return dashboard;
    }
}
