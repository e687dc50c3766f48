package io.mcpoperator.operator.mcpregistry;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.mcpoperator.operator.api.SecretKeyRef;
import io.mcpoperator.operator.desired.Golden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Each fixture entry, with a package preference and inputs, resolved to what would run: compared
 * with {@code src/test/resources/golden/mcpregistry/<case>.yaml}.
 */
class EntryMappingGoldenTest {
  private static final Gson GSON = new Gson();
  private static final EntryMapping MAPPING = new EntryMapping(RuntimeImages.defaults());

  static Inputs secretRef(String name) {
    return new Inputs(Map.of(), Optional.of(name));
  }

  static Stream<Arguments> cases() {
    List<PackageType> all = PackageType.DEFAULT_PREFERENCE;
    return Stream.of(
        Arguments.of("oci-github", "github-mcp-server-0.20.1", all, secretRef("github-pat")),
        Arguments.of(
            "oci-github-token-input",
            "github-mcp-server-0.20.1",
            all,
            new Inputs(
                Map.of(
                    "token", new InputValue.FromSecret(new SecretKeyRef("gh", "pat")),
                    "GITHUB_HOST", new InputValue.Literal("github.example.com")),
                Optional.empty())),
        Arguments.of("oci-digest", "github-mcp-server-0.19.0", all, Inputs.none()),
        Arguments.of("npm-playwright", "playwright-mcp", all, Inputs.none()),
        Arguments.of(
            "pypi-fetch-http",
            "mcp-server-fetch",
            all,
            new Inputs(
                Map.of(
                    "port", new InputValue.Literal("9000"),
                    "user_agent", new InputValue.Literal("ua $(not-expanded)")),
                Optional.of("fetch-keys"))),
        Arguments.of(
            "remote-weather",
            "remote-weather",
            all,
            new Inputs(
                Map.of(
                    "Authorization",
                    new InputValue.FromSecret(new SecretKeyRef("weather", "bearer"))),
                Optional.empty())),
        Arguments.of(
            "remote-weather-host",
            "remote-weather",
            all,
            new Inputs(
                Map.of("host", new InputValue.Literal("eu.weather.example")),
                Optional.of("weather"))),
        Arguments.of("deprecated-npm", "legacy-notes", all, Inputs.none()),
        Arguments.of("deleted", "removed-tool", all, Inputs.none()),
        Arguments.of("nuget-unsupported", "dotnet-tool", all, Inputs.none()),
        Arguments.of("oci-missing-token", "github-mcp-server-0.20.1", all, Inputs.none()),
        Arguments.of(
            "pypi-secret-given-in-clear",
            "mcp-server-fetch",
            all,
            new Inputs(Map.of("FETCH_API_KEY", new InputValue.Literal("abc")), Optional.empty())),
        Arguments.of(
            "remote-not-preferred", "remote-weather", List.of(PackageType.OCI), Inputs.none()),
        Arguments.of("oci-preferred-inline-secret", "mongodb-mcp-server", all, secretRef("mongo")),
        Arguments.of(
            "npm-preferred-optional-secret",
            "mongodb-mcp-server",
            List.of(PackageType.NPM, PackageType.OCI),
            secretRef("mongo")),
        Arguments.of(
            "npm-preferred-no-secret",
            "mongodb-mcp-server",
            List.of(PackageType.NPM),
            new Inputs(
                Map.of("MDB_MCP_READ_ONLY", new InputValue.Literal("true")), Optional.empty())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resolvesAsTheGoldenFileSays(
      String name, String fixture, List<PackageType> preference, Inputs inputs) {
    RegistryEntry entry = GSON.fromJson(LoopbackRegistry.fixture(fixture), RegistryEntry.class);

    Resolution resolution = MAPPING.resolve(entry, preference, inputs);

    Golden.assertMatches(Golden.DIR.resolve("mcpregistry/" + name + ".yaml"), yaml(resolution));
  }

  static String yaml(Resolution resolution) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(tree(resolution));
  }

  static Map<String, Object> tree(Resolution resolution) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (resolution) {
      case Resolution.Refused refused -> {
        out.put("refused", refused.reason().word());
        out.put("message", refused.message());
      }
      case Resolution.Resolved resolved -> {
        out.put("resolved", spec(resolved.spec()));
        if (!resolved.warnings().isEmpty()) {
          out.put(
              "warnings",
              resolved.warnings().stream().map(w -> w.reason() + ": " + w.message()).toList());
        }
      }
    }
    return out;
  }

  static Map<String, Object> spec(RunSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", spec.type().word());
    out.put("identifier", spec.identifier());
    out.put("version", spec.version());
    spec.image().ifPresent(i -> out.put("image", i));
    if (!spec.command().isEmpty()) {
      out.put("command", spec.command());
    }
    if (!spec.args().isEmpty()) {
      out.put("args", spec.args());
    }
    if (!spec.env().isEmpty()) {
      out.put("env", spec.env().stream().map(EntryMappingGoldenTest::env).toList());
    }
    out.put("transport", spec.transport().value());
    spec.port().ifPresent(p -> out.put("port", p));
    spec.path().ifPresent(p -> out.put("path", p));
    spec.remoteUrl().ifPresent(u -> out.put("remoteUrl", u));
    if (!spec.headers().isEmpty()) {
      out.put(
          "headers",
          spec.headers().stream()
              .map(
                  h -> {
                    Map<String, Object> header = new LinkedHashMap<>();
                    header.put("name", h.name());
                    h.value().ifPresent(v -> header.put("value", v));
                    h.secret().ifPresent(s -> header.put("secret", s.name() + "/" + s.key()));
                    return header;
                  })
              .toList());
    }
    return out;
  }

  static Map<String, Object> env(V1EnvVar env) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", env.getName());
    if (env.getValue() != null) {
      out.put("value", env.getValue());
    }
    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
      var ref = env.getValueFrom().getSecretKeyRef();
      out.put(
          "secretKeyRef",
          ref.getName()
              + "/"
              + ref.getKey()
              + (Boolean.TRUE.equals(ref.getOptional()) ? " (optional)" : ""));
    }
    return out;
  }
}
