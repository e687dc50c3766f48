package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples show what the README promises, and their references resolve within each file. */
class ExampleContentsTest {

  @Test
  void filesystemServerRunsTheReferenceServerOverStdioOnAVolume() {
    Map<String, Object> spec = serverSpec("filesystem-server.yaml");

    assertThat(spec.get("transport")).isEqualTo("stdio");
    assertThat(YamlTree.list(spec, "command")).contains("@modelcontextprotocol/server-filesystem");
    assertThat(YamlTree.list(spec, "volumeMounts")).isNotEmpty();
    assertClaimsExist("filesystem-server.yaml", spec);
  }

  @Test
  void gitServerRunsMcpServerGitOverStdio() {
    Map<String, Object> spec = serverSpec("git-server.yaml");

    assertThat(spec.get("transport")).isEqualTo("stdio");
    assertThat(YamlTree.list(spec, "command")).contains("uvx", "mcp-server-git");
    assertClaimsExist("git-server.yaml", spec);
  }

  @Test
  void postgresServerTakesDatabaseUrlFromTheSecretInItsFile() {
    Map<String, Object> spec = serverSpec("postgres-server.yaml");
    Map<String, Object> ref = YamlTree.map(env(spec, "DATABASE_URL"), "valueFrom", "secretKeyRef");
    Map<String, Object> secret = find("postgres-server.yaml", "Secret", (String) ref.get("name"));

    assertThat(YamlTree.map(secret, "stringData")).containsKey((String) ref.get("key"));
  }

  @Test
  void httpServerUsesStreamableHttpOnItsOwnPort() {
    Map<String, Object> spec = serverSpec("http-server.yaml");

    assertThat(spec.get("transport")).isEqualTo("streamable-http");
    assertThat(spec.get("port")).isNotEqualTo(8090);
    assertThat(String.valueOf(YamlTree.at(env(spec, "PORT"), "value")))
        .isEqualTo(String.valueOf(spec.get("port")));
  }

  @Test
  void haServerHasThreeReplicasRedisAndIngressBackedByObjectsInItsFile() {
    Map<String, Object> spec = serverSpec("ha-server.yaml");
    String file = "ha-server.yaml";

    assertThat(spec.get("replicas")).isEqualTo(3);
    assertThat(YamlTree.map(spec, "ingress")).containsKeys("host", "tlsSecretName");
    Map<String, Object> service =
        find(file, "Service", YamlTree.string(spec, "redis", "serviceName"));
    assertThat(YamlTree.at(service, "spec", "ports", 0, "port"))
        .isEqualTo(YamlTree.at(spec, "redis", "port"));
    Map<String, Object> secret =
        find(file, "Secret", YamlTree.string(spec, "redis", "passwordSecret", "name"));
    assertThat(YamlTree.map(secret, "stringData"))
        .containsKey(YamlTree.string(spec, "redis", "passwordSecret", "key"));
  }

  private static Map<String, Object> serverSpec(String file) {
    List<Map<String, Object>> servers =
        docs(file).stream().filter(d -> "MCPServer".equals(d.get("kind"))).toList();
    assertThat(servers).hasSize(1);
    return YamlTree.map(servers.getFirst(), "spec");
  }

  private static void assertClaimsExist(String file, Map<String, Object> spec) {
    for (Object volume : YamlTree.list(spec, "volumes")) {
      Object claim = YamlTree.at(volume, "persistentVolumeClaim", "claimName");
      if (claim != null) {
        find(file, "PersistentVolumeClaim", (String) claim);
      }
    }
  }

  private static Map<String, Object> env(Map<String, Object> spec, String name) {
    return YamlTree.list(spec, "env").stream()
        .map(YamlTree::map)
        .filter(e -> name.equals(e.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static Map<String, Object> find(String file, String kind, String name) {
    return docs(file).stream()
        .filter(
            d -> kind.equals(d.get("kind")) && name.equals(YamlTree.string(d, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no " + kind + " " + name));
  }

  private static List<Map<String, Object>> docs(String file) {
    return YamlTree.documents(ProjectFiles.resolve("examples").resolve(file));
  }
}
