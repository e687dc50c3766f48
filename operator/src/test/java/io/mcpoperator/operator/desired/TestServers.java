package io.mcpoperator.operator.desired;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** MCPServers for tests, from YAML text or from the golden inputs. */
public final class TestServers {
  private TestServers() {}

  public static JsonObject json(String yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return new Gson().toJsonTree(tree).getAsJsonObject();
  }

  public static McpServer valid(String yaml) {
    ParsedServer parsed = McpServerParser.parse(json(yaml));
    if (parsed instanceof ParsedServer.Valid valid) {
      return valid.server();
    }
    throw new AssertionError("expected a valid server: " + parsed);
  }

  public static McpServer goldenCase(String name) {
    try {
      return valid(Files.readString(Golden.DIR.resolve("input/" + name + ".yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal valid stdio server in namespace {@code ns}, with extra spec lines appended. */
  public static String yaml(String specLines) {
    return """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: demo, namespace: ns, uid: u-1, generation: 2}
        spec:
        """
        + specLines.indent(2);
  }
}
