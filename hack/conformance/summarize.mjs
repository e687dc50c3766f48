// Reads the conformance results of hack/conformance.sh and writes the comparison table.
//   node summarize.mjs WORK_DIR RESULTS_MD
// WORK_DIR/<upstream>/<target>/server-<scenario>[-<timestamp>]/checks.json, target one of
// direct, gateway-stdio, gateway-http. A scenario passes when none of its checks is a FAILURE.
// Exit 1 when a scenario that passes directly fails through the gateway, or when the gateway fails
// dns-rebinding-protection or session-lifecycle (which it must pass whatever the upstream does).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [work, resultsFile] = process.argv.slice(2);
const TARGETS = [
  ["direct", "direct"],
  ["gateway-stdio", "via gateway (stdio)"],
  ["gateway-http", "via gateway (HTTP)"],
];
const GATEWAY_OWN = ["dns-rebinding-protection", "session-lifecycle"];

function outcomes(dir) {
  const result = new Map();
  if (!existsSync(dir)) return result;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry, "checks.json");
    if (!entry.startsWith("server-") || !existsSync(file)) continue;
    const scenario = entry.slice("server-".length).replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, "");
    const checks = JSON.parse(readFileSync(file, "utf8"));
    const failures = checks.filter((c) => c.status === "FAILURE");
    const warnings = checks.filter((c) => c.status === "WARNING").length;
    result.set(scenario, {
      pass: failures.length === 0,
      warnings,
      why: failures.map((c) => c.errorMessage || c.description).join("; "),
    });
  }
  return result;
}

const cell = (o) => (!o ? "—" : o.pass ? (o.warnings ? `pass (${o.warnings} warning${o.warnings > 1 ? "s" : ""})` : "pass") : "**fail**");
const problems = [];
const sections = [];
const upstreams = existsSync(work) ? readdirSync(work).filter((u) => existsSync(path.join(work, u, "direct"))).sort() : [];
for (const upstream of upstreams) {
  const byTarget = new Map(TARGETS.map(([t]) => [t, outcomes(path.join(work, upstream, t))]));
  const scenarios = [...new Set([...byTarget.values()].flatMap((m) => [...m.keys()]))].sort();
  const rows = scenarios.map((s) => `| ${s} | ${TARGETS.map(([t]) => cell(byTarget.get(t).get(s))).join(" | ")} |`);
  for (const s of scenarios) {
    const direct = byTarget.get("direct").get(s);
    for (const [t, label] of TARGETS.slice(1)) {
      const via = byTarget.get(t).get(s);
      const mustPass = GATEWAY_OWN.includes(s) || direct?.pass;
      if (mustPass && !via?.pass) {
        problems.push(`${upstream}: ${s} fails ${label}${via ? `: ${via.why}` : " (no result)"}`);
      }
    }
  }
  const counts = TARGETS.map(([t, label]) => `${label} ${[...byTarget.get(t).values()].filter((o) => o.pass).length}/${scenarios.length}`);
  sections.push(
    `## Upstream: ${upstream}\n\nPassing: ${counts.join(", ")}.\n\n| scenario | ${TARGETS.map(([, l]) => l).join(" | ")} |\n|---|---|---|---|\n${rows.join("\n")}\n`,
  );
}
if (upstreams.length === 0) problems.push("no results found");

const text = `# MCP conformance: direct vs. through the gateway

Written by \`hack/conformance.sh\` on ${new Date().toISOString().slice(0, 10)}: the \`@modelcontextprotocol/conformance\`
server suite (\`--suite all\`, pending scenarios included) plus the script's own checks (session-lifecycle:
404 after DELETE, 400 without a session; tools-call-reconnection: a server that ends its SSE response early is
resumed with \`Last-Event-ID\`), against each upstream directly (its Streamable HTTP mode) and through the
gateway with the upstream over stdio and over HTTP. A scenario passes when none of its checks fails (warnings
are counted apart). The gateway must pass every scenario its upstream passes directly, and
dns-rebinding-protection and session-lifecycle whatever the upstream does.

${sections.join("\n")}
## Notes

- server-sse-polling through the gateway: the gateway answers a request with plain JSON unless something is
  sent before the result, so the suite's SSE polling checks do not apply and it reports no failure. What the
  gateway must get right there, resuming an upstream that ends its stream early, is tools-call-reconnection.
- server-everything lacks the suite's \`test_*\` tools, resources and prompts, hence its failures directly;
  conformance-fixture (hack/conformance/fixture-server.mjs) implements them.

## Verdict

${problems.length === 0 ? "No regressions through the gateway." : problems.map((p) => `- ${p}`).join("\n")}
`;
writeFileSync(resultsFile, text);
console.log(problems.length === 0 ? "conformance: no regressions through the gateway" : `conformance: ${problems.length} problem(s):\n${problems.join("\n")}`);
process.exit(problems.length === 0 ? 0 : 1);
