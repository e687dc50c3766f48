package io.mcpoperator.operator.aggregate;

import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** An entry of the gateway configuration's {@code tools}, {@code prompts} or {@code resources}. */
public sealed interface Entry permits ToolEntry, PromptEntry, ResourceEntry {

  /** The name MCP clients see. */
  String name();

  Source source();

  /** When the source object was created; the older entry wins a conflict. */
  Optional<OffsetDateTime> created();

  /** What must be unique among the served entries of one kind (names, URIs). */
  List<String> keys();

  /** The entry as written to {@code config.json}. */
  JsonObject toJson();
}
