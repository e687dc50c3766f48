package io.mcpoperator.operator.mcpregistry;

import java.util.regex.Pattern;

/** A server-name glob: {@code *} any run of characters ({@code /} included), {@code ?} one. */
record NameGlob(String glob, Pattern pattern) {

  static NameGlob of(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new NameGlob(glob, Pattern.compile(regex.toString()));
  }

  boolean matches(String name) {
    return pattern.matcher(name).matches();
  }
}
