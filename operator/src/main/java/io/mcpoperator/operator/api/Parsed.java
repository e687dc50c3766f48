package io.mcpoperator.operator.api;

import java.util.Objects;

/** The outcome of parsing an aggregated object: usable, or the user's error with what to fix. */
public sealed interface Parsed<T extends Member> permits Parsed.Valid, Parsed.Invalid {

  ResourceMeta meta();

  /** An object whose spec could be read. */
  record Valid<T extends Member>(T value) implements Parsed<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ResourceMeta meta() {
      return value.meta();
    }
  }

  /** An object whose spec cannot be used; {@code message} names the field and what to fix. */
  record Invalid<T extends Member>(ResourceMeta meta, String message) implements Parsed<T> {
    public Invalid {
      Objects.requireNonNull(meta, "meta");
      Objects.requireNonNull(message, "message");
    }
  }
}
