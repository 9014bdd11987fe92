package dev.waagent.infra.stacks;

import dev.waagent.infra.config.AgentFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The deployable code of each function. {@link #fromRepository} points at the jars Maven built
 * ({@code mvn package} before {@code cdk synth}); tests pass a tiny placeholder asset for every function.
 */
public record FunctionArtifacts(Map<AgentFunction, Code> code) {

    public FunctionArtifacts {
        Objects.requireNonNull(code, "code");
        for (AgentFunction function : AgentFunction.values()) {
            if (!code.containsKey(function)) {
                throw new IllegalArgumentException("no code for function " + function.id());
            }
        }
        code = Map.copyOf(new EnumMap<>(code));
    }

    /** The jars under the repository root; fails with the build command if one is missing. */
    public static FunctionArtifacts fromRepository(Path repositoryRoot) {
        Map<AgentFunction, Code> code = new EnumMap<>(AgentFunction.class);
        for (AgentFunction function : AgentFunction.values()) {
            Path jar = function.artifact(repositoryRoot);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar + ": build the functions first (from the repository"
                        + " root: mvn -q package -DskipTests), or set the context value artifactDir");
            }
            code.put(function, Code.fromAsset(jar.toString()));
        }
        return new FunctionArtifacts(code);
    }

    /** The same asset for every function (tests). */
    public static FunctionArtifacts placeholder(Path asset) {
        Map<AgentFunction, Code> code = new EnumMap<>(AgentFunction.class);
        for (AgentFunction function : AgentFunction.values()) {
            code.put(function, Code.fromAsset(asset.toString()));
        }
        return new FunctionArtifacts(code);
    }

    public Code of(AgentFunction function) {
        return code.get(function);
    }
}
