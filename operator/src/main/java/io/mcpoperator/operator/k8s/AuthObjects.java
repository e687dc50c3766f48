package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.mcpoperator.operator.api.AuthSpec;
import io.mcpoperator.operator.status.AuthReadiness;
import java.util.Optional;

/**
 * Looks up the Secret and ConfigMap that {@code spec.auth} names, one GET each (the operator's RBAC
 * allows {@code get}, never {@code list}/{@code watch} of Secrets); the Secret's values are dropped
 * at once, only its keys are kept. Never calls the issuer.
 */
public class AuthObjects {
  private final CoreV1Api core;

  public AuthObjects(ApiClient client) {
    this.core = new CoreV1Api(client);
  }

  /** The readiness of {@code auth} in {@code namespace}; empty when the server has no check. */
  public Optional<AuthReadiness> check(String namespace, AuthSpec auth) {
    if (!auth.enabled()) {
      return Optional.empty();
    }
    Optional<AuthReadiness.Lookup> secret =
        auth.staticTokensSecret()
            .map(
                name ->
                    lookup(
                        () ->
                            AuthReadiness.found(
                                core.readNamespacedSecret(name, namespace).execute().getData())));
    Optional<AuthReadiness.Lookup> configMap =
        auth.caBundle()
            .map(
                ca ->
                    lookup(
                        () ->
                            AuthReadiness.found(
                                core.readNamespacedConfigMap(ca.name(), namespace)
                                    .execute()
                                    .getData())));
    return AuthReadiness.of(namespace, auth, secret, configMap);
  }

  private interface Read {
    AuthReadiness.Lookup read() throws ApiException;
  }

  private static AuthReadiness.Lookup lookup(Read read) {
    try {
      return read.read();
    } catch (ApiException e) {
      return e.getCode() == 404
          ? new AuthReadiness.NotFound()
          : new AuthReadiness.Failed(
              e.getCode() == 403
                  ? "the operator may not read it (RBAC: get)"
                  : ApiErrors.describe(e));
    }
  }
}
