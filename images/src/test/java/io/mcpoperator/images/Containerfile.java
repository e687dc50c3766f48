package io.mcpoperator.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The final stage of a Containerfile: the instructions that shape the image a user runs. */
record Containerfile(
    List<String> entrypoint,
    List<String> cmd,
    String user,
    List<Integer> ports,
    Map<String, String> env,
    List<String> copyTargets) {

  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");

  static Containerfile read(Path file) throws IOException {
    List<String> instructions = instructions(Files.readString(file));
    int last = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).startsWith("FROM ")) {
        last = i;
      }
    }
    List<String> entrypoint = List.of();
    List<String> cmd = List.of();
    String user = "";
    List<Integer> ports = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    List<String> copies = new ArrayList<>();
    for (String line : instructions.subList(last, instructions.size())) {
      String keyword = line.split("\\s+", 2)[0];
      String rest = line.substring(keyword.length()).strip();
      switch (keyword) {
        case "ENTRYPOINT" -> entrypoint = jsonArray(rest);
        case "CMD" -> cmd = jsonArray(rest);
        case "USER" -> user = rest;
        case "EXPOSE" -> {
          for (String port : rest.split("\\s+")) {
            ports.add(Integer.parseInt(port.replace("/tcp", "")));
          }
        }
        case "ENV" -> {
          Matcher pair = ENV_PAIR.matcher(rest);
          while (pair.find()) {
            env.put(pair.group(1), pair.group(2));
          }
        }
        case "COPY" -> {
          String[] words = rest.split("\\s+");
          copies.add(words[words.length - 1]);
        }
        default -> {}
      }
    }
    return new Containerfile(entrypoint, cmd, user, ports, env, copies);
  }

  /** Instructions with continuation lines joined and comments dropped. */
  private static List<String> instructions(String text) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        result.add(current.toString().strip());
        current.setLength(0);
      }
    }
    return result;
  }

  private static List<String> jsonArray(String text) {
    List<String> values = new ArrayList<>();
    Matcher string = JSON_STRING.matcher(text);
    while (string.find()) {
      values.add(string.group(1));
    }
    return values;
  }
}
