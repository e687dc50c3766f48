package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.config.Fields;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.config.InvalidConfigException;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The aggregated tools, prompts and resources of a gateway configuration (contract in
 * docs/aggregation.md). Unknown fields are ignored; a malformed entry is skipped and described in
 * {@link #problems()}, so one bad object never takes the others down.
 */
public record AggregateConfig(
    List<ToolSpec> tools,
    List<PromptSpec> prompts,
    List<ResourceSpec> resources,
    List<String> problems,
    Duration defaultTimeout) {
  /** The contract's default request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public AggregateConfig {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
    problems = List.copyOf(problems);
  }

  public static AggregateConfig empty() {
    return new AggregateConfig(List.of(), List.of(), List.of(), List.of(), DEFAULT_TIMEOUT);
  }

  /** The aggregation part of a loaded gateway configuration. */
  public static AggregateConfig of(GatewayConfig config) {
    return parse(
        config.tools(), config.prompts(), config.resources(), config.limits().requestTimeout());
  }

  /**
   * Parses the three arrays.
   *
   * @param defaultTimeout for tools and resources without their own timeout
   */
  public static AggregateConfig parse(
      JsonArray tools, JsonArray prompts, JsonArray resources, Duration defaultTimeout) {
    var problems = new ArrayList<String>();
    return new AggregateConfig(
        entries(tools, "tools", EntryParsers::tool, problems),
        entries(prompts, "prompts", EntryParsers::prompt, problems),
        entries(resources, "resources", EntryParsers::resource, problems),
        problems,
        defaultTimeout);
  }

  public boolean isEmpty() {
    return tools.isEmpty() && prompts.isEmpty() && resources.isEmpty();
  }

  private static <T> List<T> entries(
      JsonArray array, String name, Function<Fields, T> parser, List<String> problems) {
    var out = new ArrayList<T>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue value = array.get(i);
      try {
        out.add(parser.apply(new Fields(value, name + "[" + i + "]")));
      } catch (InvalidConfigException e) {
        problems.add(e.getMessage());
      }
    }
    return out;
  }
}
