package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.policy.PolicyRule.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a policy from YAML and from the short environment form. Invalid input fails with an {@link
 * IllegalArgumentException} naming the problem, so that a bad policy stops the server at startup
 * instead of silently allowing commands.
 *
 * <pre>
 * mode: strict            # strict (default) | permissive
 * allow:                  # exceptions; an allow rule wins over every deny rule
 *   - name: restart-pods
 *     tool: kubectl       # kubectl | helm | istioctl | argocd | "*"
 *     command: delete pod # words matched against the command's verb/resource words
 *     withFlags: []       # optional
 * deny:
 *   - tool: kubectl
 *     command: scale
 *     reason: replicas are managed by the autoscaler
 * </pre>
 *
 * <p>Short form (environment): {@code "kubectl delete pod; helm upgrade"}, one rule per {@code ;}.
 */
public final class PolicyLoader {
  private static final Set<String> RULE_KEYS =
      Set.of("name", "tool", "command", "withFlags", "reason");
  private static final Set<String> TOP_KEYS = Set.of("mode", "allow", "deny");

  private PolicyLoader() {}

  /**
   * Builds the policy: the YAML document (if any), then the mode override and the short-form rules,
   * which are added after the YAML rules.
   */
  public static Policy load(
      Optional<String> yaml, Optional<String> mode, String allowShort, String denyShort) {
    Map<String, Object> doc = yaml.map(PolicyLoader::parse).orElse(Map.of());
    unknownKeys(doc, TOP_KEYS, "policy");
    String modeText = mode.orElse(String.valueOf(doc.getOrDefault("mode", "strict")));
    List<PolicyRule> allow = new ArrayList<>(rules(doc.get("allow"), Effect.ALLOW));
    List<PolicyRule> deny = new ArrayList<>(rules(doc.get("deny"), Effect.DENY));
    allow.addAll(shortRules(allowShort, Effect.ALLOW));
    deny.addAll(shortRules(denyShort, Effect.DENY));
    return Policy.of(Policy.Mode.parse(modeText), allow, deny);
  }

  private static Map<String, Object> parse(String text) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("policy must be a YAML mapping with mode, allow, deny");
    }
    return stringKeys(map, "policy");
  }

  private static List<PolicyRule> rules(Object node, Effect effect) {
    if (node == null) {
      return List.of();
    }
    String section = effect.name().toLowerCase(java.util.Locale.ROOT);
    if (!(node instanceof List<?> list)) {
      throw new IllegalArgumentException("policy '" + section + "' must be a list of rules");
    }
    List<PolicyRule> rules = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> raw)) {
        throw new IllegalArgumentException("policy " + section + "[" + i + "] must be a mapping");
      }
      Map<String, Object> rule = stringKeys(raw, section + "[" + i + "]");
      unknownKeys(rule, RULE_KEYS, "policy " + section + "[" + i + "]");
      Optional<Tool> tool = tool(String.valueOf(rule.getOrDefault("tool", "*")));
      String command = String.valueOf(rule.getOrDefault("command", ""));
      List<String> flags = flags(rule.get("withFlags"), section + "[" + i + "]");
      if (command.isBlank() && flags.isEmpty()) {
        throw new IllegalArgumentException(
            "policy " + section + "[" + i + "] needs a command or withFlags");
      }
      String name =
          String.valueOf(
              rule.getOrDefault("name", section + ":" + toolLabel(tool) + " " + command));
      String reason =
          String.valueOf(rule.getOrDefault("reason", "the operator's policy " + section + "s it"));
      rules.add(PolicyRule.of(name, effect, tool, command, flags, reason));
    }
    return rules;
  }

  private static List<PolicyRule> shortRules(String text, Effect effect) {
    String section = effect.name().toLowerCase(java.util.Locale.ROOT);
    List<PolicyRule> rules = new ArrayList<>();
    for (String entry : text.split(";")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] words = trimmed.split("\\s+", 2);
      Optional<Tool> tool = tool(words[0]);
      String command = words.length > 1 ? words[1] : "";
      rules.add(
          PolicyRule.of(
              section + ":" + trimmed,
              effect,
              tool,
              command,
              List.of(),
              "the operator's policy " + section + "s it"));
    }
    return rules;
  }

  private static Optional<Tool> tool(String name) {
    if (name.equals("*")) {
      return Optional.empty();
    }
    return Optional.of(
        Tool.byName(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "policy names unknown tool '"
                            + name
                            + "'; use one of "
                            + Tool.names()
                            + " or *")));
  }

  private static String toolLabel(Optional<Tool> tool) {
    return tool.map(Tool::binary).orElse("*");
  }

  private static List<String> flags(Object node, String where) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      throw new IllegalArgumentException("policy " + where + ".withFlags must be a list");
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static Map<String, Object> stringKeys(Map<?, ?> raw, String where) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static void unknownKeys(Map<String, Object> map, Set<String> known, String where) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            where
                + " has unknown key '"
                + key
                + "'; known keys: "
                + known.stream().sorted().toList());
      }
    }
  }
}
