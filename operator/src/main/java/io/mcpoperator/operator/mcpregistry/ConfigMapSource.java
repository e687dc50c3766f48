package io.mcpoperator.operator.mcpregistry;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mcpoperator.operator.mcpregistry.RegistryApiException.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries from a ConfigMap key: {@code serverList} (the API's list answer, {@code {"servers":
 * [...]}}) or {@code serverJson} (one {@code server.json}, or an array of them, all active).
 */
public record ConfigMapSource(String text, Format format, String origin) implements RegistrySource {
  private static final Gson GSON = new Gson();

  /** How the key's text is laid out. */
  public enum Format {
    SERVER_LIST("serverList"),
    SERVER_JSON("serverJson");

    private final String word;

    Format(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Format of(String word) {
      return "serverJson".equals(word) ? SERVER_JSON : SERVER_LIST;
    }
  }

  @Override
  public List<RegistryEntry> all() throws RegistryApiException {
    try {
      List<RegistryEntry> entries = new ArrayList<>();
      if (format == Format.SERVER_LIST) {
        ServerList list = GSON.fromJson(text, ServerList.class);
        if (list == null) {
          throw new JsonParseException("empty");
        }
        entries.addAll(list.servers());
      } else {
        JsonElement json = JsonParser.parseString(text);
        List<JsonElement> servers = new ArrayList<>();
        if (json.isJsonArray()) {
          json.getAsJsonArray().forEach(servers::add);
        } else {
          servers.add(json);
        }
        for (JsonElement server : servers) {
          entries.add(new RegistryEntry(GSON.fromJson(server, RegistryEntry.Server.class), null));
        }
      }
      for (RegistryEntry entry : entries) {
        if (entry == null
            || entry.server() == null
            || entry.name() == null
            || entry.version() == null) {
          throw new JsonParseException("an entry without server name or version");
        }
      }
      return entries;
    } catch (JsonParseException | IllegalStateException e) {
      throw new RegistryApiException(
          Kind.INVALID_DATA, origin + " is not " + format.word() + " JSON: " + e.getMessage());
    }
  }

  @Override
  public List<RegistryEntry> changedSince(Instant since) throws RegistryApiException {
    return all();
  }

  @Override
  public boolean incremental() {
    return false;
  }
}
