// Preloaded (node --import) into servers the benchmark starts that listen on all interfaces by
// default (server-everything's Streamable HTTP mode): binds them to 127.0.0.1 instead.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || typeof args[0] === "string") {
    const [port, ...rest] = args;
    const host = typeof rest[0] === "string" ? rest.shift() : undefined;
    return listen.call(this, port, host === undefined || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host, ...rest);
  }
  if (args[0] && typeof args[0] === "object" && args[0].path === undefined) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
