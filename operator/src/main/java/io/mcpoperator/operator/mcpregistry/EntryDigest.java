package io.mcpoperator.operator.mcpregistry;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digest status.registry.specDigest records: sha256 of the entry's server.json as stored. */
public final class EntryDigest {
  private static final Gson GSON = new Gson();

  private EntryDigest() {}

  public static String of(RegistryEntry entry) {
    try {
      byte[] json = GSON.toJson(entry.server()).getBytes(StandardCharsets.UTF_8);
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
