// Checks the conformance suite (0.1.16) lacks, written as suite results (OUT_DIR/server-<name>/checks.json)
// so they are summarized like the rest:
//   session-lifecycle: initialize -> Mcp-Session-Id; the session serves requests; DELETE ends it; the same
//     id then gets 404; a request without the header gets 400 (2025-11-25 session management).
//   tools-call-reconnection (only when the server has a test_reconnection tool): a 2025-11-25 client calls
//     it; when the server ends the SSE response early (SEP-1699), the client resumes with GET +
//     Last-Event-ID, and must get the tool's result.
//   node extra-checks.mjs URL OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: extra-checks.mjs URL OUT_DIR");
  process.exit(2);
}
const VERSION = "2025-11-25";
const SPEC = "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports";

function scenario(name) {
  const checks = [];
  return {
    check(id, ok, description, details) {
      checks.push({
        id,
        name: id,
        description,
        status: ok ? "SUCCESS" : "FAILURE",
        timestamp: new Date().toISOString(),
        specReferences: [{ id: "MCP-Streamable-HTTP", url: SPEC }],
        details,
        ...(ok ? {} : { errorMessage: `${description}: got ${JSON.stringify(details)}` }),
      });
    },
    write() {
      const dir = path.join(outDir, `server-${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "checks.json"), JSON.stringify(checks, null, 2));
      const failed = checks.filter((c) => c.status === "FAILURE").length;
      console.log(`${name}: ${checks.length - failed} ok, ${failed} not ok`);
    },
  };
}

const headers = (session, extra = {}) => ({
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
  "MCP-Protocol-Version": VERSION,
  ...(session ? { "Mcp-Session-Id": session } : {}),
  ...extra,
});
const post = (body, session) =>
  fetch(url, { method: "POST", headers: headers(session), body: JSON.stringify(body), signal: AbortSignal.timeout(20000) });

async function initialize() {
  const res = await post({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: VERSION, capabilities: {}, clientInfo: { name: "gateway-extra-checks", version: "1.0.0" } },
  });
  await res.text();
  const session = res.headers.get("mcp-session-id");
  if (session) {
    (await post({ jsonrpc: "2.0", method: "notifications/initialized" }, session)).text();
  }
  return { status: res.status, session };
}

/**
 * Messages of a JSON or SSE body and the last SSE event id; stops reading an SSE body once the
 * response with id `until` arrived (a resumed stream may stay open after it).
 */
async function messages(res, until) {
  if (!(res.headers.get("content-type") || "").startsWith("text/event-stream")) {
    const body = await res.text();
    return { messages: body ? [JSON.parse(body)].flat() : [], lastEventId: undefined };
  }
  const found = [];
  let lastEventId;
  let buffer = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("id:")) lastEventId = line.slice(3).trim();
        if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.join("").trim()) found.push(JSON.parse(data.join("\n")));
    }
    if (until !== undefined && found.some((m) => m.id === until && !m.method)) {
      await res.body.cancel().catch(() => {});
      break;
    }
  }
  return { messages: found, lastEventId };
}

async function sessionLifecycle() {
  const s = scenario("session-lifecycle");
  const toolsList = (id) => ({ jsonrpc: "2.0", id, method: "tools/list", params: {} });
  try {
    const { status, session } = await initialize();
    s.check("session-created", status === 200 && !!session, "initialize answers 200 with an Mcp-Session-Id", { status, session });
    if (session) {
      const live = await post(toolsList(2), session);
      await live.text();
      s.check("session-serves-requests", live.status === 200, "a request in the session answers 200", { status: live.status });
      const del = await fetch(url, { method: "DELETE", headers: headers(session), signal: AbortSignal.timeout(10000) });
      await del.text();
      s.check("session-delete-accepted", del.status >= 200 && del.status < 300, "DELETE with the session id answers 2xx", { status: del.status });
      const after = await post(toolsList(3), session);
      await after.text();
      s.check("session-404-after-delete", after.status === 404, "a request with the deleted session id answers 404", { status: after.status });
    }
    const missing = await post(toolsList(4));
    await missing.text();
    s.check("session-header-required", missing.status === 400, "a request without Mcp-Session-Id answers 400", { status: missing.status });
  } catch (e) {
    s.check("session-lifecycle", false, "the endpoint answers the lifecycle requests", { error: String(e) });
  }
  s.write();
}

async function reconnection() {
  const { session } = await initialize();
  const tools = await messages(await post({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} }, session), 2);
  const names = (tools.messages.find((m) => m.id === 2)?.result?.tools ?? []).map((t) => t.name);
  if (!names.includes("test_reconnection")) return;
  const s = scenario("tools-call-reconnection");
  try {
    let got = await messages(await post({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "test_reconnection", arguments: {} } }, session), 3);
    let answer = got.messages.find((m) => m.id === 3);
    let resumes = 0;
    while (!answer && got.lastEventId && resumes < 5) {
      resumes++;
      await new Promise((r) => setTimeout(r, 600));
      const res = await fetch(url, { headers: headers(session, { "Last-Event-ID": got.lastEventId }), signal: AbortSignal.timeout(20000) });
      const next = await messages(res, 3);
      got = { messages: next.messages, lastEventId: next.lastEventId ?? got.lastEventId };
      answer = got.messages.find((m) => m.id === 3);
    }
    const text = answer?.result?.content?.[0]?.text;
    s.check("tools-call-reconnection-result", text === "Reconnection test completed successfully",
      "test_reconnection returns its result (resuming the SSE stream when the server ends it early)", { answer, resumes });
  } catch (e) {
    s.check("tools-call-reconnection-result", false, "test_reconnection returns its result", { error: String(e) });
  }
  s.write();
}

await sessionLifecycle();
await reconnection();
