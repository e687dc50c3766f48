package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.mcpoperator.operator.api.IngressSpec;
import io.mcpoperator.operator.api.McpServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Ingress of a server with {@code spec.ingress}: one Prefix path to the Service's port, with
 * annotations that let ingress-nginx stream (SSE answers and GET streams would otherwise be
 * buffered and cut after 60 s), overridden or removed (empty value) by {@code
 * spec.ingress.annotations}. Other controllers ignore these keys; their own go in the same map.
 */
final class DesiredIngress {
  static final Map<String, String> STREAMING =
      Map.of(
          "nginx.ingress.kubernetes.io/proxy-buffering", "off",
          "nginx.ingress.kubernetes.io/proxy-read-timeout", "3600",
          "nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");

  private DesiredIngress() {}

  /** The defaults, then the user's annotations; an empty user value removes the key. */
  static Map<String, String> annotations(IngressSpec ingress) {
    Map<String, String> out = new TreeMap<>(STREAMING);
    ingress
        .annotations()
        .forEach(
            (key, value) -> {
              if (value.isEmpty()) {
                out.remove(key);
              } else {
                out.put(key, value);
              }
            });
    return out;
  }

  static Optional<V1Ingress> of(McpServer server) {
    return server.spec().ingress().map(ingress -> ingress(server, ingress));
  }

  private static V1Ingress ingress(McpServer server, IngressSpec ingress) {
    V1HTTPIngressPath path =
        new V1HTTPIngressPath()
            .path(ingress.pathPrefix())
            .pathType("Prefix")
            .backend(
                new V1IngressBackend()
                    .service(
                        new V1IngressServiceBackend()
                            .name(server.meta().name())
                            .port(new V1ServiceBackendPort().name(GatewayContainer.PORT_NAME))));
    V1IngressRule rule =
        new V1IngressRule().http(new V1HTTPIngressRuleValue().paths(List.of(path)));
    ingress.host().ifPresent(rule::host);
    V1IngressSpec spec = new V1IngressSpec().rules(List.of(rule));
    ingress.className().ifPresent(spec::ingressClassName);
    ingress
        .tlsSecretName()
        .ifPresent(
            secret -> {
              V1IngressTLS tls = new V1IngressTLS().secretName(secret);
              ingress.host().ifPresent(h -> tls.hosts(List.of(h)));
              spec.tls(List.of(tls));
            });
    return new V1Ingress()
        .apiVersion("networking.k8s.io/v1")
        .kind("Ingress")
        .metadata(
            ChildMetadata.of(server.meta(), server.meta().name(), Labels.COMPONENT_SERVER)
                .annotations(annotations(ingress)))
        .spec(spec);
  }
}
