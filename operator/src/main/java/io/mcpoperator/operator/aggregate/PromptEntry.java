package io.mcpoperator.operator.aggregate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.mcpoperator.operator.api.McpPrompt;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A served prompt: an MCPPrompt whose template and variables agree. */
public record PromptEntry(McpPrompt prompt) implements Entry {

  @Override
  public String name() {
    return prompt.name();
  }

  @Override
  public Source source() {
    return Source.of(McpPrompt.KIND, prompt.meta());
  }

  @Override
  public Optional<OffsetDateTime> created() {
    return prompt.meta().creationTimestamp();
  }

  @Override
  public List<String> keys() {
    return List.of(prompt.name());
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("name", prompt.name());
    json.addProperty("description", prompt.description());
    json.add("source", source().toJson());
    json.addProperty("template", prompt.template());
    JsonArray arguments = new JsonArray();
    for (McpPrompt.Variable variable : prompt.variables()) {
      JsonObject argument = new JsonObject();
      argument.addProperty("name", variable.name());
      argument.addProperty("description", variable.description());
      argument.addProperty("required", variable.required());
      argument.add(
          "default",
          variable.defaultValue().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
      arguments.add(argument);
    }
    json.add("arguments", arguments);
    return json;
  }
}
