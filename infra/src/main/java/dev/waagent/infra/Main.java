package dev.waagent.infra;

import dev.waagent.infra.config.ContextConfigReader;
import dev.waagent.infra.config.DeploymentConfig;
import dev.waagent.infra.stacks.FunctionArtifacts;
import software.amazon.awscdk.App;

/**
 * The CDK app ({@code cdk.json} runs it). Reads the context ({@code -c stage=prod}, cdk.json), points at the function
 * jars Maven built, composes the stacks and synthesizes. See infra/README.md for every context key.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        App app = new App();
        ContextConfigReader reader = new ContextConfigReader(app.getNode()::tryGetContext, System.getenv());
        DeploymentConfig config = reader.read();
        WaAgentApp.compose(app, config, FunctionArtifacts.fromRepository(reader.artifactDir()), true);
        app.synth();
    }
}
