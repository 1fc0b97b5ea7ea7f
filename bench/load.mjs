// Runs autocannon against one URL in its own process (so the load generator does not share a
// CPU-bound event loop with the orchestrator) and prints a compact JSON summary on stdout.
// Usage: node bench/load.mjs <url> [connections=10] [durationSeconds=10]
// LOAD_COOKIE (environment) is sent as the Cookie header: a signed-in visitor, who gets fresh renders.
import autocannon from 'autocannon';

const [url, connections = '10', duration = '10'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bench/load.mjs <url> [connections] [duration]');
  process.exit(2);
}
const headers = process.env.LOAD_COOKIE ? { cookie: process.env.LOAD_COOKIE } : undefined;
const r = await autocannon({ url, connections: Number(connections), duration: Number(duration), headers });
console.log(
  JSON.stringify({
    requestsPerSec: r.requests.average,
    requestsTotal: r.requests.total,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMax: r.latency.max,
    bytesPerSec: r.throughput.average,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  }),
);
