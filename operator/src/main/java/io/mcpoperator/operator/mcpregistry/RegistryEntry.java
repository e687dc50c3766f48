package io.mcpoperator.operator.mcpregistry;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One server version as the registry answers it ({@code ServerResponse}): its {@code server.json}
 * and the registry's own metadata. Bound with Gson; unknown fields are ignored, absent lists read
 * as empty (the constructors), so a newer registry's additions do not break reading.
 */
public record RegistryEntry(Server server, @SerializedName("_meta") Meta meta) {
  /** The official registry's metadata key. */
  public static final String OFFICIAL = "io.modelcontextprotocol.registry/official";

  /** The registry's status of this version: active (default), deprecated or deleted. */
  public String status() {
    return official().map(Official::status).filter(s -> !s.isBlank()).orElse("active");
  }

  /** Why the registry gave this version its status, if it says. */
  public Optional<String> statusMessage() {
    return official().map(Official::statusMessage).filter(s -> !s.isBlank());
  }

  /** The server's name, e.g. {@code io.github.github/github-mcp-server}. */
  public String name() {
    return server.name();
  }

  /** The version of the server this entry describes. */
  public String version() {
    return server.version();
  }

  /** {@code name@version}: one entry in a catalog. */
  public String key() {
    return server.name() + "@" + server.version();
  }

  /** When the registry last changed this version, if it says. */
  public Optional<Instant> updatedAt() {
    return official()
        .map(Official::updatedAt)
        .filter(s -> !s.isBlank())
        .flatMap(RegistryEntry::instant);
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** True when the registry marks this the latest version of its server. */
  public boolean latest() {
    return official().map(Official::isLatest).orElse(Boolean.FALSE);
  }

  private Optional<Official> official() {
    return Optional.ofNullable(meta).map(Meta::official);
  }

  /** The response-level {@code _meta}. */
  public record Meta(@SerializedName(OFFICIAL) Official official) {}

  /** {@code io.modelcontextprotocol.registry/official}. */
  public record Official(
      String status,
      String statusMessage,
      String publishedAt,
      String updatedAt,
      Boolean isLatest) {}

  /** {@code server.json} (ServerDetail). */
  public record Server(
      String name,
      String title,
      String description,
      String version,
      String websiteUrl,
      List<PackageSpec> packages,
      List<Remote> remotes) {
    public Server {
      packages = packages == null ? List.of() : packages;
      remotes = remotes == null ? List.of() : remotes;
    }
  }

  /** A way to run the server from a package registry (oci, npm, pypi, ...). */
  public record PackageSpec(
      String registryType,
      String registryBaseUrl,
      String identifier,
      String version,
      String runtimeHint,
      Transport transport,
      List<Argument> runtimeArguments,
      List<Argument> packageArguments,
      List<Input> environmentVariables) {
    public PackageSpec {
      runtimeArguments = runtimeArguments == null ? List.of() : runtimeArguments;
      packageArguments = packageArguments == null ? List.of() : packageArguments;
      environmentVariables = environmentVariables == null ? List.of() : environmentVariables;
      transport = transport == null ? new Transport("stdio", null, null) : transport;
    }
  }

  /** How the package's server speaks MCP: stdio, streamable-http or sse (with a URL template). */
  public record Transport(String type, String url, List<Input> headers) {
    public Transport {
      headers = headers == null ? List.of() : headers;
    }
  }

  /** A remote endpoint the server is reachable at (no package to run). */
  public record Remote(String type, String url, List<Input> headers, Map<String, Input> variables) {
    public Remote {
      headers = headers == null ? List.of() : headers;
      variables = variables == null ? Map.of() : variables;
    }
  }

  /**
   * A positional or named argument: {@code value} (fixed, may hold {@code {var}}) or {@code
   * valueHint} (the name of a value the user supplies).
   */
  public record Argument(
      String type,
      String name,
      String value,
      String valueHint,
      String description,
      Boolean isRequired,
      Boolean isSecret,
      Boolean isRepeated,
      @SerializedName("default") String defaultValue,
      String format,
      List<String> choices,
      Map<String, Input> variables) {
    public Argument {
      variables = variables == null ? Map.of() : variables;
    }

    public boolean required() {
      return Boolean.TRUE.equals(isRequired);
    }

    public boolean secret() {
      return Boolean.TRUE.equals(isSecret);
    }
  }

  /**
   * A named input: an environment variable or a header ({@code name}), or a template variable (the
   * map key), with its description, whether it is required or secret, a fixed {@code value} or a
   * {@code default}.
   */
  public record Input(
      String name,
      String description,
      Boolean isRequired,
      Boolean isSecret,
      String value,
      @SerializedName("default") String defaultValue,
      String format,
      List<String> choices,
      Map<String, Input> variables) {
    public Input {
      variables = variables == null ? Map.of() : variables;
    }

    public boolean required() {
      return Boolean.TRUE.equals(isRequired);
    }

    public boolean secret() {
      return Boolean.TRUE.equals(isSecret);
    }
  }
}
