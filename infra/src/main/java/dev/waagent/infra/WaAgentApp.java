package dev.waagent.infra;

import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.stacks.DataStack;
import dev.waagent.infra.stacks.FunctionArtifacts;
import dev.waagent.infra.stacks.MonitoringStack;
import dev.waagent.infra.stacks.ServiceStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * Composes the three stacks of one stage and applies cdk-nag's AwsSolutions pack to all of them. {@link Main}
 * and the tests build the app through this one method, so the tests check what {@code cdk synth} produces.
 *
 * @param data       stateful resources
 * @param service    functions, API, schedules
 * @param monitoring dashboard and alarms
 */
public record WaAgentApp(DataStack data, ServiceStack service, MonitoringStack monitoring) {

    /**
     * @param app       the CDK app (its context carries the cdk.json values)
     * @param config    validated configuration
     * @param artifacts the function code
     * @param nagReports write cdk-nag CSV reports into the cloud assembly
     */
    public static WaAgentApp compose(App app, DeploymentConfig config, FunctionArtifacts artifacts,
                                     boolean nagReports) {
        var env = Environment.builder();
        config.account().ifPresent(env::account);
        config.region().ifPresent(env::region);
        Environment environment = env.build();
        String stackPrefix = "WaAgent-" + config.stage().id() + "-";

        DataStack data = new DataStack(app, stackPrefix + "Data", StackProps.builder()
                .env(environment)
                .description("wa-agent " + config.stage().id() + ": tables, turn queue, secrets, back-office database")
                .build(), new DataStack.Props(config));
        ServiceStack service = new ServiceStack(app, stackPrefix + "Service", StackProps.builder()
                .env(environment)
                .description("wa-agent " + config.stage().id() + ": functions, API, schedules")
                .build(), new ServiceStack.Props(config, data, artifacts));
        MonitoringStack monitoring = new MonitoringStack(app, stackPrefix + "Monitoring", StackProps.builder()
                .env(environment)
                .description("wa-agent " + config.stage().id() + ": dashboard and alarms")
                .build(), new MonitoringStack.Props(config, data, service));

        Tags.of(app).add("project", "wa-agent");
        Tags.of(app).add("stage", config.stage().id());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder()
                .verbose(true)
                .reports(nagReports)
                .build()));
        return new WaAgentApp(data, service, monitoring);
    }
}
