// A load client in its own process, so the server under test keeps its core to itself.
// Sends `requests` GETs over `connections` keep-alive connections, with the headers a
// browser sends (Chromium asks for compressed bodies); prints JSON figures.
import { Agent, request } from "node:http";

const [url, cookie, requestsArg, connectionsArg, extraHeaders] = process.argv.slice(2);
const total = Number(requestsArg);
const connections = Number(connectionsArg);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url!);

const headers: Record<string, string> = { "Accept-Encoding": "gzip, deflate, br, zstd" };
if (cookie) headers.Cookie = cookie;
Object.assign(headers, JSON.parse(extraHeaders || "{}"));
let bytes = 0;

function once(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers },
      (res) => {
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => (res.statusCode === 200 || res.statusCode === 304 ? resolve(performance.now() - t0) : reject(new Error(`${url} answered ${res.statusCode}`))));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const times: number[] = [];
let next = 0;
async function worker() {
  while (next < total) {
    next++;
    times.push(await once());
  }
}
for (let i = 0; i < Math.min(100, total); i++) await once(); // warm-up
bytes = 0;
const start = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = performance.now() - start;
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
process.stdout.write(JSON.stringify({ p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: (times.length / elapsed) * 1000, kb: bytes / times.length / 1024 }));
agent.destroy();
