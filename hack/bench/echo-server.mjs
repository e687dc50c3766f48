#!/usr/bin/env node
// A minimal, fast MCP server for the gateway benchmark: one tool, "echo", and no dependencies, so
// that the cost of whatever sits in front of it dominates.
//   node echo-server.mjs stdio        newline-delimited JSON-RPC on stdin/stdout
//   node echo-server.mjs http PORT    Streamable HTTP at http://127.0.0.1:PORT/mcp (JSON answers,
//                                     sessions, no GET stream: GET gets 405 as the spec allows)
//   node echo-server.mjs http PORT sse    the same, answering every request in an SSE stream
import http from "node:http";
import readline from "node:readline";
import { randomUUID } from "node:crypto";

const VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26"];
const TOOL = {
  name: "echo",
  description: "Echoes back the input string",
  inputSchema: {
    type: "object",
    properties: { message: { type: "string" } },
    required: ["message"],
  },
};

const ok = (id, result) => ({ jsonrpc: "2.0", id, result });
const fail = (id, code, message) => ({ jsonrpc: "2.0", id, error: { code, message } });

/** The answer to one message, or null for notifications and responses. */
function answer(msg) {
  if (msg === null || typeof msg !== "object" || msg.id === undefined || !msg.method) {
    return null;
  }
  const p = msg.params ?? {};
  switch (msg.method) {
    case "initialize":
      return ok(msg.id, {
        protocolVersion: VERSIONS.includes(p.protocolVersion) ? p.protocolVersion : VERSIONS[0],
        capabilities: { tools: {} },
        serverInfo: { name: "bench-echo", version: "1.0.0" },
      });
    case "ping":
      return ok(msg.id, {});
    case "tools/list":
      return ok(msg.id, { tools: [TOOL] });
    case "tools/call":
      if (p.name !== "echo") {
        return fail(msg.id, -32602, `unknown tool ${p.name}`);
      }
      return ok(msg.id, {
        content: [{ type: "text", text: `Echo: ${p.arguments?.message ?? ""}` }],
      });
    default:
      return fail(msg.id, -32601, `method not found: ${msg.method}`);
  }
}

/** Answers to a parsed body (a message or a batch); empty when nothing needs an answer. */
function answers(parsed) {
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map(answer).filter((a) => a !== null);
}

function stdio() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") {
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {
      process.stdout.write(JSON.stringify(fail(null, -32700, "parse error")) + "\n");
      return;
    }
    const out = answers(parsed);
    if (out.length > 0) {
      process.stdout.write(JSON.stringify(Array.isArray(parsed) ? out : out[0]) + "\n");
    }
  });
  lines.on("close", () => process.exit(0));
}

function httpServer(port, sse) {
  const sessions = new Set();
  const stream = (res, body, headers) => {
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", ...headers });
    res.end(`event: message\ndata: ${JSON.stringify(body)}\n\n`);
  };
  const send = (res, status, body, headers = {}) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };
  const server = http.createServer((req, res) => {
    if (req.url !== "/mcp") {
      return send(res, 404, fail(null, -32600, "not found"));
    }
    const session = req.headers["mcp-session-id"];
    if (req.method === "GET") {
      return send(res, 405, fail(null, -32600, "no GET stream"), { Allow: "POST, DELETE" });
    }
    if (req.method === "DELETE") {
      sessions.delete(session);
      return send(res, 200);
    }
    if (req.method !== "POST") {
      return send(res, 405, fail(null, -32600, "method not allowed"), { Allow: "POST, DELETE" });
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let parsed;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 400, fail(null, -32700, "parse error"));
      }
      const init = !Array.isArray(parsed) && parsed.method === "initialize";
      if (!init && !sessions.has(session)) {
        return send(res, session ? 404 : 400, fail(null, -32001, "session not found"));
      }
      const out = answers(parsed);
      if (out.length === 0) {
        return send(res, 202);
      }
      const headers = {};
      if (init) {
        const id = randomUUID();
        sessions.add(id);
        headers["Mcp-Session-Id"] = id;
      }
      const body = Array.isArray(parsed) ? out : out[0];
      if (sse) {
        return stream(res, body, headers);
      }
      send(res, 200, body, headers);
    });
  });
  server.listen(port, "127.0.0.1", () => {
    console.error(`bench echo MCP server at http://127.0.0.1:${server.address().port}/mcp`);
  });
}

const [mode, port, answerMode] = process.argv.slice(2);
if (mode === "stdio") {
  stdio();
} else if (mode === "http") {
  httpServer(Number(port ?? 0), answerMode === "sse");
} else {
  console.error("usage: echo-server.mjs stdio | http PORT [sse]");
  process.exit(2);
}
