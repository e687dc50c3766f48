package io.mcpoperator.operator.mcpregistry;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A catalog as gzip-compressed JSON cut into chunks, each small enough for one ConfigMap's {@code
 * binaryData} (an object must stay under 1 MiB), and back.
 */
public final class CatalogCodec {
  /** Bytes per chunk: base64 makes 4/3 of it, leaving room for metadata under 1 MiB. */
  public static final int CHUNK = 700 * 1024;

  private static final Gson GSON = new Gson();

  private CatalogCodec() {}

  private record Stored(String watermark, List<RegistryEntry> entries) {}

  /** The catalog as chunks of compressed JSON. */
  public static List<byte[]> encode(Catalog catalog) {
    Stored stored =
        new Stored(
            catalog.watermark().map(Instant::toString).orElse(null),
            new ArrayList<>(catalog.byKey().values()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(GSON.toJson(stored).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] all = bytes.toByteArray();
    List<byte[]> chunks = new ArrayList<>();
    for (int start = 0; start < all.length; start += CHUNK) {
      chunks.add(Arrays.copyOfRange(all, start, Math.min(all.length, start + CHUNK)));
    }
    return chunks;
  }

  /** The catalog the chunks hold, in order; empty when they do not read as one. */
  public static Optional<Catalog> decode(List<byte[]> chunks) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    chunks.forEach(joined::writeBytes);
    try (GZIPInputStream gzip =
        new GZIPInputStream(new ByteArrayInputStream(joined.toByteArray()))) {
      String json = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
      Stored stored = GSON.fromJson(json, new TypeToken<Stored>() {}.getType());
      if (stored == null || stored.entries() == null) {
        return Optional.empty();
      }
      Catalog catalog = Catalog.of(stored.entries());
      return Optional.of(
          new Catalog(
              catalog.byKey(), Optional.ofNullable(stored.watermark()).map(Instant::parse)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
