/**
 * Preloaded (`NODE_OPTIONS=--import …`) into the Rapport servers the bench starts, and inherited
 * by their workers: every TCP server they open listens on 127.0.0.1 whatever host `npm start` asks
 * for, so the benchmark never exposes an app signed in with bench credentials beyond loopback.
 */
import net from 'node:net';

const loopback = /^(127\.|::1$|localhost$)/;
const listen = net.Server.prototype.listen;

/** `host` if it is a loopback address, else 127.0.0.1. */
function pinned(host) {
  return typeof host === 'string' && loopback.test(host) ? host : '127.0.0.1';
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  const callback = typeof args.at(-1) === 'function' ? args.at(-1) : undefined;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback])
    const host = args.slice(1).find((arg) => typeof arg === 'string');
    const backlog = args.slice(1).find((arg) => typeof arg === 'number');
    return listen.call(this, { port: Number(first), host: pinned(host), backlog }, callback);
  }
  if (first && typeof first === 'object' && first.path === undefined && first.fd === undefined && first.port !== undefined) {
    return listen.call(this, { ...first, host: pinned(first.host) }, callback);
  }
  // A handle, a file descriptor or a Unix socket: not reachable from the network anyway.
  return listen.apply(this, args);
};
