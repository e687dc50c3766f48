package io.mcpoperator.gateway.auth;

import io.mcpoperator.gateway.config.AuthConfig.Allow;
import io.mcpoperator.gateway.config.AuthConfig.Rule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The per-tool, prompt and resource rules: a pure decision. Without rules everything is allowed;
 * with rules, a name no rule matches is denied. A matching rule admits a caller one of its {@code
 * allow} entries names (an empty {@code allow}: every authenticated caller) when the token has its
 * {@code requiredScopes}; a caller it admits but for missing scopes is told to step up.
 */
final class AccessRules {

  /** What a name belongs to. */
  enum Kind {
    TOOL,
    PROMPT,
    RESOURCE
  }

  /** The outcome for one caller and one name. */
  sealed interface Decision {
    record Allowed() implements Decision {}

    record Denied() implements Decision {}

    /** Admitted once the token also has {@code scopes} (all the operation needs). */
    record StepUp(List<String> scopes) implements Decision {}
  }

  private record Compiled(
      Rule rule, List<Pattern> tools, List<Pattern> prompts, List<Pattern> resources) {
    List<Pattern> of(Kind kind) {
      return switch (kind) {
        case TOOL -> tools;
        case PROMPT -> prompts;
        case RESOURCE -> resources;
      };
    }
  }

  private final List<Compiled> rules;
  private final List<String> requiredScopes;
  private final String groupsClaim;

  AccessRules(List<Rule> rules, List<String> requiredScopes, String groupsClaim) {
    this.rules =
        rules.stream()
            .map(r -> new Compiled(r, globs(r.tools()), globs(r.prompts()), globs(r.resources())))
            .toList();
    this.requiredScopes = requiredScopes;
    this.groupsClaim = groupsClaim;
  }

  boolean active() {
    return !rules.isEmpty();
  }

  Decision decide(Caller caller, Kind kind, String name) {
    if (rules.isEmpty()) {
      return new Decision.Allowed();
    }
    Optional<Rule> stepUp = Optional.empty();
    for (Compiled c : rules) {
      if (c.of(kind).stream().noneMatch(p -> p.matcher(name).matches())
          || !admits(c.rule(), caller)) {
        continue;
      }
      if (caller.scopes().containsAll(c.rule().requiredScopes())) {
        return new Decision.Allowed();
      }
      stepUp = stepUp.or(() -> Optional.of(c.rule()));
    }
    return stepUp
        .<Decision>map(
            r -> {
              var scopes = new LinkedHashSet<>(requiredScopes);
              scopes.addAll(r.requiredScopes());
              return new Decision.StepUp(List.copyOf(scopes));
            })
        .orElse(new Decision.Denied());
  }

  private boolean admits(Rule rule, Caller caller) {
    if (rule.allow().isEmpty()) {
      return true;
    }
    for (Allow a : rule.allow()) {
      boolean ok =
          switch (a) {
            case Allow.Principal(String p) -> p.equals(caller.principal());
            case Allow.Scope(String s) -> caller.scopes().contains(s);
            case Allow.Claim(String claim, List<String> anyOf) ->
                caller.claimValues(claim.isEmpty() ? groupsClaim : claim).stream()
                    .anyMatch(anyOf::contains);
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** {@code *} matches any run of characters; everything else is literal. */
  static Pattern glob(String glob) {
    return Pattern.compile(
        java.util.Arrays.stream(glob.split("\\*", -1))
            .map(Pattern::quote)
            .collect(java.util.stream.Collectors.joining(".*")),
        Pattern.DOTALL);
  }

  private static List<Pattern> globs(List<String> globs) {
    return globs.stream().map(AccessRules::glob).toList();
  }
}
