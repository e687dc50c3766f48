package io.mcpoperator.operator.aggregate;

import io.mcpoperator.operator.api.ResourceMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An aggregated object after validation: the conditions of its status ({@code Ready} first) and,
 * when it is ready, its entry for the gateway configuration.
 */
public record Evaluated<E extends Entry>(
    ResourceMeta meta, List<Check> conditions, Optional<E> entry) {

  public Evaluated {
    conditions = List.copyOf(conditions);
  }

  /**
   * {@code Ready} from the detail checks: the first failing one's reason and message, or, when all
   * hold, the last one's; the entry is built only then.
   */
  static <E extends Entry> Evaluated<E> of(
      ResourceMeta meta, List<Check> details, Supplier<E> entry) {
    Optional<Check> failed = details.stream().filter(c -> !c.ok()).findFirst();
    Check basis = failed.orElse(details.getLast());
    List<Check> all = new ArrayList<>();
    all.add(new Check(Check.READY, basis.ok(), basis.reason(), basis.message()));
    all.addAll(details);
    return new Evaluated<>(
        meta, all, failed.isPresent() ? Optional.empty() : Optional.of(entry.get()));
  }

  /** An object whose spec cannot be used: not ready, reason {@code InvalidSpec}. */
  public static <E extends Entry> Evaluated<E> invalid(ResourceMeta meta, String message) {
    return new Evaluated<>(
        meta, List.of(Check.failed(Check.READY, "InvalidSpec", message)), Optional.empty());
  }

  public boolean ready() {
    return entry.isPresent();
  }

  /** The {@code Ready} condition. */
  public Check readiness() {
    return conditions.getFirst();
  }
}
