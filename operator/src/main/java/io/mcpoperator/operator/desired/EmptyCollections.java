package io.mcpoperator.operator.desired;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * client-java models start many map and list fields empty, which would appear as {@code
 * annotations: {}}, {@code nodeSelector: {}} and so on in every object. An empty map or list means
 * the same as an absent one in the Kubernetes API, so desired objects carry none.
 */
final class EmptyCollections {
  private static final String MODELS = "io.kubernetes.client.openapi.models";

  private EmptyCollections() {}

  static <T> T prune(T model) {
    walk(model);
    return model;
  }

  private static void walk(Object value) {
    switch (value) {
      case null -> {}
      case List<?> list -> list.forEach(EmptyCollections::walk);
      case Map<?, ?> map -> map.values().forEach(EmptyCollections::walk);
      default -> {
        if (value.getClass().getPackageName().equals(MODELS)) {
          fields(value);
        }
      }
    }
  }

  private static void fields(Object model) {
    for (Field field : model.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      try {
        field.setAccessible(true);
        Object value = field.get(model);
        if (value instanceof Map<?, ?> map && map.isEmpty()
            || value instanceof List<?> list && list.isEmpty()) {
          field.set(model, null);
        } else {
          walk(value);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
  }
}
