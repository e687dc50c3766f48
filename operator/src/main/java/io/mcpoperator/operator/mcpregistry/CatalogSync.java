package io.mcpoperator.operator.mcpregistry;

import java.time.Duration;

/**
 * One sync of a catalog from its source: a full list when nothing is known yet (or the source
 * cannot answer changes only), else the changes since the watermark less {@code skew} (clocks and
 * the registry's own write delays), merged.
 */
public final class CatalogSync {
  /** The default skew: changes up to five minutes before the newest seen are asked for again. */
  public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);

  private CatalogSync() {}

  /** The next catalog; throws (leaving {@code previous} as the last good one) on failure. */
  public static Catalog next(Catalog previous, RegistrySource source, Duration skew)
      throws RegistryApiException {
    if (previous.watermark().isEmpty() || !source.incremental()) {
      return Catalog.of(source.all());
    }
    return previous.merge(source.changedSince(previous.watermark().get().minus(skew)));
  }
}
