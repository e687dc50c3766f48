package io.mcpoperator.operator.mcpregistry;

import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.mcpoperator.operator.api.SecretKeyRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves one entry's inputs against the user's {@link Inputs}, collecting what is missing, the
 * secret inputs given as plain text, and the helper env vars that carry secrets used inside args or
 * longer values (referenced there as {@code $(VAR)}, which Kubernetes expands). Text values are
 * escaped for the pod spec ({@code $(} written {@code $$(}); {@link #plain} undoes that elsewhere.
 * One instance per resolution; no I/O.
 */
final class Rendering {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

  private final Inputs inputs;
  private final Set<String> missing = new LinkedHashSet<>();
  private final Set<String> givenInClear = new LinkedHashSet<>();
  private final List<V1EnvVar> secretEnv = new ArrayList<>();
  private final List<Resolution.Warning> warnings = new ArrayList<>();

  Rendering(Inputs inputs) {
    this.inputs = inputs;
  }

  /** A resolved value: text, or a Secret's key. */
  sealed interface Value {
    record Text(String text) implements Value {}

    record Secret(SecretKeyRef ref, boolean optional) implements Value {}
  }

  /**
   * The value of input {@code key}: the entry's fixed value (templated), else the user's input,
   * else (secret) the default Secret's key {@code key}, else the default. Absent when nothing
   * resolves; a required input is then recorded as missing.
   */
  Optional<Value> value(String key, Declared declared) {
    if (declared.value() != null) {
      return template(declared.value(), declared.variables(), declared.required());
    }
    Optional<InputValue> given = key == null ? Optional.empty() : inputs.get(key);
    if (given.isPresent()) {
      return switch (given.get()) {
        case InputValue.FromSecret s -> Optional.of(new Value.Secret(s.ref(), false));
        case InputValue.Literal l when declared.secret() -> {
          givenInClear.add(key);
          yield Optional.empty();
        }
        case InputValue.Literal l -> Optional.of(new Value.Text(escape(l.text())));
      };
    }
    if (declared.secret() && inputs.secretName().isPresent() && key != null) {
      return Optional.of(
          new Value.Secret(new SecretKeyRef(inputs.secretName().get(), key), !declared.required()));
    }
    if (declared.defaultValue() != null && !declared.secret()) {
      return Optional.of(new Value.Text(escape(declared.defaultValue())));
    }
    if (declared.required() && key != null) {
      missing.add(key);
    }
    return Optional.empty();
  }

  /**
   * {@code template} with each {@code {var}} replaced by its value ({@code variables} declare
   * them). A template that is one secret variable is that Secret; a secret inside longer text
   * becomes {@code $(MCP_INPUT_VAR)} with a helper env var. Absent when a variable has no value.
   */
  Optional<Value> template(
      String template, Map<String, RegistryEntry.Input> variables, boolean required) {
    Matcher whole = VARIABLE.matcher(template);
    if (whole.matches()) {
      String name = whole.group(1);
      return value(name, required(variables.get(name), required));
    }
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    int last = 0;
    boolean complete = true;
    while (matcher.find()) {
      out.append(escape(template.substring(last, matcher.start())));
      String name = matcher.group(1);
      Optional<Value> value = value(name, required(variables.get(name), required));
      if (value.isEmpty()) {
        complete = false;
      } else {
        out.append(inline(name, value.get()));
      }
      last = matcher.end();
    }
    out.append(escape(template.substring(last)));
    if (!complete) {
      return Optional.empty();
    }
    return Optional.of(new Value.Text(out.toString()));
  }

  /** Text for a command-line argument: a secret becomes a helper env var and {@code $(VAR)}. */
  String argument(String key, Value value) {
    return switch (value) {
      case Value.Text t -> t.text();
      case Value.Secret s -> inline(key, s);
    };
  }

  /** An env var {@code name} with the value: literal, or from the Secret's key. */
  static V1EnvVar env(String name, Value value) {
    return switch (value) {
      case Value.Text t -> new V1EnvVar().name(name).value(t.text());
      case Value.Secret s -> secretEnv(name, s);
    };
  }

  void warn(String reason, String message) {
    warnings.add(new Resolution.Warning(reason, message));
  }

  Set<String> missing() {
    return missing;
  }

  Set<String> givenInClear() {
    return givenInClear;
  }

  List<V1EnvVar> secretEnv() {
    return secretEnv;
  }

  List<Resolution.Warning> warnings() {
    return warnings;
  }

  private String inline(String name, Value value) {
    return switch (value) {
      case Value.Text t -> t.text();
      case Value.Secret s -> {
        String helper = "MCP_INPUT_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (secretEnv.stream().noneMatch(e -> e.getName().equals(helper))) {
          secretEnv.add(secretEnv(helper, s));
        }
        yield "$(" + helper + ")";
      }
    };
  }

  private static V1EnvVar secretEnv(String name, Value.Secret secret) {
    V1SecretKeySelector selector =
        new V1SecretKeySelector().name(secret.ref().name()).key(secret.ref().key());
    if (secret.optional()) {
      selector.optional(true);
    }
    return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().secretKeyRef(selector));
  }

  private static Declared required(RegistryEntry.Input variable, boolean required) {
    Declared declared = Declared.of(variable);
    return required && !declared.required()
        ? new Declared(
            true,
            declared.secret(),
            declared.value(),
            declared.defaultValue(),
            declared.variables())
        : declared;
  }

  /** Text of a value outside the pod spec (a URL, a header): without the escaping. */
  static String plain(String text) {
    return text.replace("$$(", "$(");
  }

  /** Kubernetes expands {@code $(VAR)} in args and env values; {@code $$(} keeps it literal. */
  static String escape(String text) {
    return text.replace("$(", "$$(");
  }
}
