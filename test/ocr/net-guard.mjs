// Preloaded (node --import) into the main thread and every worker thread of a
// child process: every way Node can reach the network is recorded to
// $NET_GUARD_LOG and fails.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const log = process.env.NET_GUARD_LOG;
const record = (what) => {
  if (log) appendFileSync(log, `${isMainThread ? 'main' : 'worker'} ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
};
const realFetch = globalThis.fetch;
globalThis.fetch = (input) => record(`fetch ${String(input?.url ?? input)}`);
void realFetch;
for (const name of ['http', 'https']) {
  const m = require(name);
  m.request = (...a) => record(`${name}.request ${String(a[0]?.href ?? a[0]?.host ?? a[0])}`);
  m.get = (...a) => record(`${name}.get ${String(a[0]?.href ?? a[0]?.host ?? a[0])}`);
}
const net = require('net');
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) {
  const opt = a[0];
  // local IPC (pipes, unix sockets) is not network
  if ((typeof opt === 'object' && opt && typeof opt.path === 'string') || (typeof opt === 'string' && !/^\d+$/.test(opt))) return realConnect.apply(this, a);
  return record(`net.Socket.connect ${JSON.stringify(opt)}`);
};
const tls = require('tls');
tls.connect = (...a) => record(`tls.connect ${JSON.stringify(a[0]?.host ?? a[0])}`);
const dns = require('dns');
dns.lookup = (host) => record(`dns.lookup ${host}`);
dns.resolve = (host) => record(`dns.resolve ${host}`);
dns.promises.lookup = async (host) => record(`dns.promises.lookup ${host}`);
