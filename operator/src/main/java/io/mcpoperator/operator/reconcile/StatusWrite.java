package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.plan.StatusChange;

/** Writes a planned status only when it changed, with the Warning events the change carries. */
final class StatusWrite {
  private final ReconcileContext context;

  StatusWrite(ReconcileContext context) {
    this.context = context;
  }

  /** The server as stored after the write: {@code stored} itself when nothing was written. */
  JsonObject write(JsonObject stored, ParsedServer server, McpServerStatus status)
      throws ApiException {
    StatusChange change = StatusChange.between(server.previousStatus(), status);
    if (!change.changed()) {
      return stored;
    }
    JsonObject written = context.writer().writeStatus(stored, status);
    for (StatusChange.Warning warning : change.warnings()) {
      context.events().warning(server.meta(), warning.reason(), warning.message());
    }
    return written;
  }
}
