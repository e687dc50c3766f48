package io.mcpoperator.operator.mcpregistry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ways of running a registry entry the operator supports, in default preference order. */
public enum PackageType {
  OCI("oci"),
  NPM("npm"),
  PYPI("pypi"),
  /** No container: the gateway proxies one of the entry's {@code remotes[]}. */
  REMOTE("remote");

  /** Every supported type, in the default order of preference. */
  public static final List<PackageType> DEFAULT_PREFERENCE = List.of(values());

  private final String word;

  PackageType(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** The type a package's {@code registryType} (or {@code remote}) names, if supported. */
  public static Optional<PackageType> of(String word) {
    return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
  }
}
