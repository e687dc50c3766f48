package io.mcpoperator.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.McpResource;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UriTemplatesTest {

  static Stream<Arguments> operations() {
    return Stream.of(
        Arguments.of(
            "ingressPath: /status\nservice: {name: api}",
            "resource://r/status",
            "http://api.ns.svc.cluster.local:80/status"),
        Arguments.of(
            "ingressPath: /customers/{id}\nservice: {name: api, port: 8080}",
            "resource://r/customers/{id}",
            "http://api.ns.svc.cluster.local:8080/customers/{id}"),
        Arguments.of(
            "ingressPath: /c/{id}\nservice: {name: api, namespace: data, path: '/v1/c/{id}/full'}",
            "resource://r/c/{id}",
            "http://api.data.svc.cluster.local:80/v1/c/{id}/full"),
        Arguments.of(
            "ingressPath: /orders/{order-id}\nservice: {name: api}\n"
                + "parameters: [{name: q}, {name: X-Tenant, in: header, required: true}]",
            "resource://r/orders/{order_id}{?q,X_Tenant}",
            "http://api.ns.svc.cluster.local:80/orders/{order_id}"),
        Arguments.of(
            "ingressPath: /search\nservice: {name: api, path: /api/search}\nparameters: [{name: q,"
                + " required: true}, {name: page.size}]",
            "resource://r/search{?q,page_size}",
            "http://api.ns.svc.cluster.local:80/api/search"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("operations")
  void operationsBecomeUriTemplatesAndServiceUrls(String operation, String uri, String url) {
    McpResource resource =
        TestMembers.validResource("name: r\noperations:\n- " + operation.indent(2).strip());
    McpResource.Operation op = resource.operations().getFirst();

    assertThat(UriTemplates.uriTemplate("r", op)).isEqualTo(uri);
    assertThat(UriTemplates.url("ns", op)).isEqualTo(url);
  }
}
