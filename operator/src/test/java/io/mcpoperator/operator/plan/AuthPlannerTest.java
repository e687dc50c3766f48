package io.mcpoperator.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.desired.TestServers;
import io.mcpoperator.operator.status.AuthReadiness;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A server whose spec.auth names a missing Secret or ConfigMap is held with AuthReady=False. */
class AuthPlannerTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T12:00:00Z");
  private static final ReconcileSettings SETTINGS =
      new ReconcileSettings(ChildSettings.defaults(), Duration.ofSeconds(60));
  private static final String AUTH =
      "{image: mcp/x, transport: sse, auth: {mode: oidc, resourceUrl: 'https://mcp.example.com/mcp',"
          + " issuer: 'https://idp.example.com', staticTokens: {secretName: ci-tokens},"
          + " caBundle: {configMapName: idp-ca}}}";

  @Test
  void aMissingTokenSecretHoldsTheServerAndNamesTheSecret() {
    ParsedServer server = parse(AUTH);
    Optional<AuthReadiness> auth =
        AuthReadiness.of(
            "ns",
            ((ParsedServer.Valid) server).server().spec().auth(),
            Optional.of(new AuthReadiness.NotFound()),
            Optional.of(AuthReadiness.found(Map.of("ca.crt", "pem"))));

    Plan plan = Planner.plan(observed(server, auth), SETTINGS);

    assertThat(plan).isInstanceOf(Plan.Hold.class);
    Plan.Hold hold = (Plan.Hold) plan;
    assertThat(hold.why()).isEqualTo(Plan.Hold.Why.AUTH_UNRESOLVED);
    Condition ready = condition(hold.status(), AuthReadiness.CONDITION);
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("SecretNotFound");
    assertThat(ready.message()).contains("Secret ns/ci-tokens");
    assertThat(condition(hold.status(), "Reconciled").reason()).isEqualTo("AuthUnresolved");
  }

  @Test
  void aMissingCaBundleKeyOrConfigMapIsReportedByItsReason() {
    var auth = ((ParsedServer.Valid) parse(AUTH)).server().spec().auth();
    Optional<AuthReadiness.Lookup> secret = Optional.of(AuthReadiness.found(Map.of("ci", "t")));

    assertThat(AuthReadiness.of("ns", auth, secret, Optional.of(new AuthReadiness.NotFound())))
        .map(AuthReadiness::reason)
        .contains("ConfigMapNotFound");
    assertThat(
            AuthReadiness.of("ns", auth, secret, Optional.of(AuthReadiness.found(Map.of("x", "")))))
        .map(AuthReadiness::message)
        .hasValueSatisfying(m -> assertThat(m).contains("has no key ca.crt"));
    assertThat(
            AuthReadiness.of(
                "ns", auth, Optional.of(new AuthReadiness.Failed("forbidden")), Optional.empty()))
        .map(AuthReadiness::reason)
        .contains("Unreadable");
  }

  @Test
  void whenEveryObjectExistsTheServerIsAppliedWithAuthReadyTrue() {
    ParsedServer server = parse(AUTH);
    Optional<AuthReadiness> auth =
        AuthReadiness.of(
            "ns",
            ((ParsedServer.Valid) server).server().spec().auth(),
            Optional.of(AuthReadiness.found(Map.of("ci-bot", "t"))),
            Optional.of(AuthReadiness.found(Map.of("ca.crt", "pem"))));

    Plan.Apply plan = (Plan.Apply) Planner.plan(observed(server, auth), SETTINGS);

    McpServerStatus status = plan.status(ReconcileOutcome.ok());
    assertThat(condition(status, AuthReadiness.CONDITION).status()).isEqualTo("True");
    assertThat(plan.children().configMap().getData().values().toString())
        .contains("\"staticTokensDir\": \"/etc/mcp-auth/tokens\"");
  }

  @Test
  void aServerWithoutAuthHasNoAuthCondition() {
    ParsedServer server = parse("{image: mcp/x, transport: sse}");
    assertThat(
            AuthReadiness.of(
                "ns",
                ((ParsedServer.Valid) server).server().spec().auth(),
                Optional.empty(),
                Optional.empty()))
        .isEmpty();

    Plan.Apply plan = (Plan.Apply) Planner.plan(observed(server, Optional.empty()), SETTINGS);

    assertThat(plan.status(ReconcileOutcome.ok()).conditions())
        .extracting(Condition::type)
        .doesNotContain(AuthReadiness.CONDITION);
  }

  private static Condition condition(McpServerStatus status, String type) {
    return status.conditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static ParsedServer parse(String spec) {
    JsonObject json =
        TestServers.json(
            """
            apiVersion: mcpoperator.io/v1alpha1
            kind: MCPServer
            metadata: {name: demo, namespace: ns, uid: u-1, generation: 2, finalizers: [mcpoperator.io/finalizer]}
            spec: %s
            """
                .formatted(spec));
    return SpecValidator.validated(McpServerParser.parse(json), ChildSettings.defaults());
  }

  private static ObservedServer observed(ParsedServer server, Optional<AuthReadiness> auth) {
    return new ObservedServer(
        new JsonObject(),
        server,
        Aggregator.Candidates.none(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        T0,
        Optional.empty(),
        auth);
  }
}
