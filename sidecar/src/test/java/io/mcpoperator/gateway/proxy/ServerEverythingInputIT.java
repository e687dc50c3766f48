package io.mcpoperator.gateway.proxy;

import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.TestPeers;
import java.util.List;

/** {@link ServerEverythingInput} with server-everything as the gateway's stdio child. */
class ServerEverythingInputIT extends ServerEverythingInput {
  @Override
  GatewayConfig config(String node) {
    return Configs.stdio(List.of(node, TestPeers.serverEverything().toString(), "stdio"), 30_000);
  }
}
