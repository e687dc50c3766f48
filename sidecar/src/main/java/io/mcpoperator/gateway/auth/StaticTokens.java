package io.mcpoperator.gateway.auth;

import io.mcpoperator.gateway.config.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Static bearer tokens for machine clients, from a mounted Secret: one file per principal, its
 * content (trimmed) the token. Compared in constant time: the SHA-256 digests of the presented and
 * of every configured token, all of them, with {@link MessageDigest#isEqual}.
 */
final class StaticTokens {
  private record Entry(String principal, byte[] digest) {}

  private final List<Entry> entries;

  private StaticTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static StaticTokens none() {
    return new StaticTokens(List.of());
  }

  /** Reads the directory (Kubernetes' {@code ..data} entries and hidden files are skipped). */
  static StaticTokens read(Path dir) {
    var entries = new ArrayList<Entry>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(file)) {
          continue;
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.length() < 16) {
          throw new InvalidConfigException(
              "auth.staticTokensDir: the token of " + name + " is shorter than 16 characters");
        }
        entries.add(new Entry(name, digest(token)));
      }
    } catch (IOException e) {
      throw new InvalidConfigException(
          "auth.staticTokensDir " + dir + " cannot be read: " + e.getMessage());
    }
    if (entries.isEmpty()) {
      throw new InvalidConfigException("auth.staticTokensDir " + dir + " holds no token");
    }
    return new StaticTokens(entries);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The principal whose token this is. */
  Optional<Caller> match(String token) {
    byte[] presented = digest(token);
    String found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(presented, e.digest()) && found == null) {
        found = e.principal();
      }
    }
    return Optional.ofNullable(found).map(Caller::ofStaticToken);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
