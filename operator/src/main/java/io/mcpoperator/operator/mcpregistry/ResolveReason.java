package io.mcpoperator.operator.mcpregistry;

/** Why resolving an MCPServer's registry entry failed, or warns: the RegistryResolved reasons. */
public enum ResolveReason {
  REGISTRY_NOT_FOUND("RegistryNotFound"),
  SERVER_NOT_FOUND("ServerNotFound"),
  VERSION_NOT_FOUND("VersionNotFound"),
  UNSUPPORTED_PACKAGE_TYPE("UnsupportedPackageType"),
  MISSING_REQUIRED_INPUT("MissingRequiredInput"),
  INVALID_REGISTRY_DATA("InvalidRegistryData"),
  SERVER_DELETED("ServerDeleted"),
  /** A warning only: the entry still resolves. */
  SERVER_DEPRECATED("ServerDeprecated"),
  REGISTRY_UNAVAILABLE("RegistryUnavailable"),
  /** spec.registry.url (a registry read directly, without an MCPRegistry) is not built yet. */
  URL_NOT_SUPPORTED("RegistryUrlNotSupported");

  private final String word;

  ResolveReason(String word) {
    this.word = word;
  }

  /** The reason as written in a condition. */
  public String word() {
    return word;
  }
}
