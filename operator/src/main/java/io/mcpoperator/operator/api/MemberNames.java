package io.mcpoperator.operator.api;

import java.util.regex.Pattern;

/** The {@code spec.name} every aggregated kind has: the name MCP clients see. */
final class MemberNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

  private MemberNames() {}

  static String name(JsonFields spec, String what) {
    String name = spec.required("name", "give the " + what + " the name MCP clients see");
    if (!NAME.matcher(name).matches()) {
      throw spec.invalid(
          "name",
          "\""
              + name
              + "\" must be at most 63 letters, digits, '_' and '-', starting with a letter");
    }
    return name;
  }
}
