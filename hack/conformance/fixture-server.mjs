// A small MCP server that implements what the conformance suite's server scenarios ask for
// (tools test_*, resources test://..., prompts test_*), so that those scenarios can be compared
// directly and through the gateway. Written against @modelcontextprotocol/sdk's low-level Server.
//
//   node fixture-server.mjs stdio
//   PORT=3001 node fixture-server.mjs http      (Streamable HTTP at http://127.0.0.1:PORT/mcp)
//
// The SDK is loaded from the test-peer prefix (MCP_TEST_NPM_DIR, default ~/.cache/mcp-operator/npm).
import { randomUUID } from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const prefix = process.env.MCP_TEST_NPM_DIR || path.join(os.homedir(), ".cache/mcp-operator/npm");
const sdk = (p) => import(pathToFileURL(path.join(prefix, "node_modules/@modelcontextprotocol/sdk/dist/esm", p)).href);
const { Server } = await sdk("server/index.js");
const types = await sdk("types.js");

// 1x1 red PNG, and a WAV header with no samples.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const WAV = Buffer.from("RIFF$\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x40\x1f\0\0\x80\x3e\0\0\x02\0\x10\0data\0\0\0\0", "latin1").toString("base64");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const text = (t) => ({ content: [{ type: "text", text: t }] });
const noArgs = { type: "object", properties: {} };

const tools = {
  test_simple_text: { run: async () => text("This is a simple text response for testing.") },
  test_image_content: { run: async () => ({ content: [{ type: "image", data: PNG, mimeType: "image/png" }] }) },
  test_audio_content: { run: async () => ({ content: [{ type: "audio", data: WAV, mimeType: "audio/wav" }] }) },
  test_embedded_resource: {
    run: async () => ({
      content: [{ type: "resource", resource: { uri: "test://embedded-resource", mimeType: "text/plain", text: "This is an embedded resource content." } }],
    }),
  },
  test_multiple_content_types: {
    run: async () => ({
      content: [
        { type: "text", text: "Multiple content types test:" },
        { type: "image", data: PNG, mimeType: "image/png" },
        { type: "resource", resource: { uri: "test://mixed-content-resource", mimeType: "application/json", text: '{"test":"data","value":123}' } },
      ],
    }),
  },
  test_tool_with_logging: {
    run: async (args, extra) => {
      for (const [i, data] of ["Tool execution started", "Tool processing data", "Tool execution completed"].entries()) {
        if (i > 0) await sleep(50);
        await extra.sendNotification({ method: "notifications/message", params: { level: "info", data } });
      }
      return text("Tool with logging executed successfully");
    },
  },
  test_error_handling: {
    run: async () => ({ isError: true, content: [{ type: "text", text: "This tool intentionally returns an error for testing" }] }),
  },
  test_tool_with_progress: {
    run: async (args, extra) => {
      const token = extra._meta?.progressToken;
      for (const progress of [0, 50, 100]) {
        if (progress > 0) await sleep(50);
        if (token !== undefined) {
          await extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress, total: 100 } });
        }
      }
      return text("Tool with progress executed successfully");
    },
  },
  test_sampling: {
    schema: { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] },
    run: async (args, extra) => {
      const answer = await extra.sendRequest(
        { method: "sampling/createMessage", params: { messages: [{ role: "user", content: { type: "text", text: args.prompt } }], maxTokens: 100 } },
        types.CreateMessageResultSchema,
      );
      return text(`LLM response: ${answer.content?.text ?? JSON.stringify(answer.content)}`);
    },
  },
  test_elicitation: {
    schema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] },
    run: async (args, extra) =>
      elicit(extra, args.message, {
        username: { type: "string", description: "User's response" },
        email: { type: "string", description: "User's email address" },
      }, ["username", "email"], "User response"),
  },
  test_elicitation_sep1034_defaults: {
    run: async (args, extra) =>
      elicit(extra, "Please review the defaults", {
        name: { type: "string", default: "John Doe" },
        age: { type: "integer", default: 30 },
        score: { type: "number", default: 95.5 },
        status: { type: "string", enum: ["active", "inactive", "pending"], default: "active" },
        verified: { type: "boolean", default: true },
      }, [], "Elicitation completed"),
  },
  test_elicitation_sep1330_enums: {
    run: async (args, extra) =>
      elicit(extra, "Please pick options", {
        untitledSingle: { type: "string", enum: ["option1", "option2", "option3"] },
        titledSingle: { type: "string", oneOf: [{ const: "value1", title: "First Option" }, { const: "value2", title: "Second Option" }, { const: "value3", title: "Third Option" }] },
        legacyEnum: { type: "string", enum: ["opt1", "opt2", "opt3"], enumNames: ["Option One", "Option Two", "Option Three"] },
        untitledMulti: { type: "array", items: { type: "string", enum: ["option1", "option2", "option3"] } },
        titledMulti: { type: "array", items: { anyOf: [{ const: "value1", title: "First Choice" }, { const: "value2", title: "Second Choice" }, { const: "value3", title: "Third Choice" }] } },
      }, [], "Elicitation completed"),
  },
  test_reconnection: {
    // SEP-1699: the server ends the POST's SSE stream mid-call; the client resumes with GET + Last-Event-ID
    run: async (args, extra) => {
      await sleep(100);
      extra.closeSSEStream?.();
      await sleep(200);
      return text("Reconnection test completed successfully");
    },
  },
  json_schema_2020_12_tool: {
    schema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      $defs: { address: { type: "object", properties: { street: { type: "string" }, city: { type: "string" } } } },
      properties: { name: { type: "string" }, address: { $ref: "#/$defs/address" } },
      additionalProperties: false,
    },
    run: async (args) => text(`Received ${JSON.stringify(args)}`),
  },
};

async function elicit(extra, message, properties, required, label) {
  const answer = await extra.sendRequest(
    { method: "elicitation/create", params: { message, requestedSchema: { type: "object", properties, required } } },
    types.ElicitResultSchema,
  );
  return text(`${label}: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`);
}

const resources = {
  "test://static-text": { mimeType: "text/plain", text: "This is the content of the static text resource." },
  "test://static-binary": { mimeType: "image/png", blob: PNG },
  "test://watched-resource": { mimeType: "text/plain", text: "Watched resource content." },
};

const prompts = {
  test_simple_prompt: { arguments: [], get: () => [{ role: "user", content: { type: "text", text: "This is a simple prompt for testing." } }] },
  test_prompt_with_arguments: {
    arguments: [{ name: "arg1", description: "First test argument", required: true }, { name: "arg2", description: "Second test argument", required: true }],
    get: (a) => [{ role: "user", content: { type: "text", text: `Prompt with arguments: arg1='${a.arg1}', arg2='${a.arg2}'` } }],
  },
  test_prompt_with_embedded_resource: {
    arguments: [{ name: "resourceUri", description: "URI of the resource to embed", required: true }],
    get: (a) => [
      { role: "user", content: { type: "resource", resource: { uri: a.resourceUri, mimeType: "text/plain", text: "Embedded resource content for testing." } } },
      { role: "user", content: { type: "text", text: "Please process the embedded resource above." } },
    ],
  },
  test_prompt_with_image: {
    arguments: [],
    get: () => [
      { role: "user", content: { type: "image", data: PNG, mimeType: "image/png" } },
      { role: "user", content: { type: "text", text: "Please analyze the image above." } },
    ],
  },
};

function createServer() {
  const server = new Server(
    { name: "mcp-operator-conformance-fixture", version: "1.0.0" },
    { capabilities: { tools: {}, resources: { subscribe: true }, prompts: {}, logging: {}, completions: {} } },
  );
  server.setRequestHandler(types.ListToolsRequestSchema, async () => ({
    tools: Object.entries(tools).map(([name, t]) => ({ name, description: `Conformance tool ${name}`, inputSchema: t.schema ?? noArgs })),
  }));
  server.setRequestHandler(types.CallToolRequestSchema, async (req, extra) => {
    const tool = tools[req.params.name];
    if (!tool) return { isError: true, content: [{ type: "text", text: `Unknown tool ${req.params.name}` }] };
    return tool.run(req.params.arguments ?? {}, extra);
  });
  server.setRequestHandler(types.ListResourcesRequestSchema, async () => ({
    resources: Object.entries(resources).map(([uri, r]) => ({ uri, name: uri.slice(7), description: `Resource ${uri}`, mimeType: r.mimeType })),
  }));
  server.setRequestHandler(types.ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [{ uriTemplate: "test://template/{id}/data", name: "template", description: "Templated data", mimeType: "application/json" }],
  }));
  server.setRequestHandler(types.ReadResourceRequestSchema, async (req) => {
    const uri = req.params.uri;
    const templated = /^test:\/\/template\/([^/]+)\/data$/.exec(uri);
    if (templated) {
      const id = templated[1];
      return { contents: [{ uri, mimeType: "application/json", text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) }] };
    }
    const r = resources[uri];
    if (!r) throw new types.McpError(types.ErrorCode.InvalidParams, `Unknown resource ${uri}`);
    return { contents: [{ uri, ...r }] };
  });
  server.setRequestHandler(types.SubscribeRequestSchema, async () => ({}));
  server.setRequestHandler(types.UnsubscribeRequestSchema, async () => ({}));
  server.setRequestHandler(types.ListPromptsRequestSchema, async () => ({
    prompts: Object.entries(prompts).map(([name, p]) => ({ name, description: `Prompt ${name}`, arguments: p.arguments })),
  }));
  server.setRequestHandler(types.GetPromptRequestSchema, async (req) => {
    const p = prompts[req.params.name];
    if (!p) throw new types.McpError(types.ErrorCode.InvalidParams, `Unknown prompt ${req.params.name}`);
    return { messages: p.get(req.params.arguments ?? {}) };
  });
  server.setRequestHandler(types.CompleteRequestSchema, async (req) => {
    const values = ["paris", "park", "party"].filter((v) => v.startsWith(req.params.argument?.value ?? ""));
    return { completion: { values, total: values.length, hasMore: false } };
  });
  server.setRequestHandler(types.SetLevelRequestSchema, async () => ({}));
  return server;
}

/** Events of the SSE streams, kept for resumption with Last-Event-ID. */
class EventStore {
  events = [];
  async storeEvent(streamId, message) {
    const eventId = `${streamId}_${this.events.length}`;
    this.events.push({ eventId, streamId, message });
    return eventId;
  }
  async getStreamIdForEventId(eventId) {
    return this.events.find((e) => e.eventId === eventId)?.streamId;
  }
  async replayEventsAfter(lastEventId, { send }) {
    const at = this.events.findIndex((e) => e.eventId === lastEventId);
    if (at < 0) return "";
    const streamId = this.events[at].streamId;
    for (const e of this.events.slice(at + 1).filter((e) => e.streamId === streamId)) {
      await send(e.eventId, e.message);
    }
    return streamId;
  }
}

const mode = process.argv[2] || "stdio";
if (mode === "stdio") {
  const { StdioServerTransport } = await sdk("server/stdio.js");
  await createServer().connect(new StdioServerTransport());
} else if (mode === "http") {
  const { StreamableHTTPServerTransport } = await sdk("server/streamableHttp.js");
  const port = Number(process.env.PORT || 3001);
  const sessions = new Map();
  const localHosts = ["localhost", "127.0.0.1", "[::1]"].map((h) => `${h}:${port}`);
  const localOrigins = localHosts.map((h) => `http://${h}`);
  const httpServer = http.createServer(async (req, res) => {
    if (new URL(req.url, "http://x").pathname !== "/mcp") {
      res.writeHead(404).end();
      return;
    }
    const id = req.headers["mcp-session-id"];
    let transport = id ? sessions.get(id) : undefined;
    if (id && !transport) {
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32001, message: "Session not found" } }));
      return;
    }
    if (!transport) {
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        eventStore: new EventStore(),
        retryInterval: 500,
        enableDnsRebindingProtection: true,
        allowedHosts: localHosts,
        allowedOrigins: localOrigins,
        onsessioninitialized: (sid) => sessions.set(sid, transport),
      });
      transport.onclose = () => transport.sessionId && sessions.delete(transport.sessionId);
      await createServer().connect(transport);
    }
    await transport.handleRequest(req, res);
  });
  httpServer.listen(port, "127.0.0.1", () => console.error(`conformance fixture listening on http://127.0.0.1:${port}/mcp`));
} else {
  console.error("usage: fixture-server.mjs stdio|http");
  process.exit(2);
}
