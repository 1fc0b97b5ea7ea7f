// Sends GET requests at a fixed rate to each URL, each request on its own (open loop, as visitors
// and a load balancer's health checks arrive), in a process of its own so that nothing else the
// bench does (building an upload, its garbage collection) delays a request and is then counted as
// the server's. On "start" (a line on stdin) a window begins; on "stop" it ends, and one JSON line
// on stdout gives per URL [when the request was due (ms since the epoch), latency ms, how late it
// was sent ms] triples and the count of errors. Latency counts from when a request was due, so a
// stall cannot hide the requests it kept from being sent; how late it went out tells the client's
// own delays (its process not running) from the server's.
// The requests go through node:http with kept-alive connections and the body is counted, not
// kept: with fetch (undici) the client spent more CPU than the server's /healthz and collected a
// 183 kB ArrayBuffer per page, and its own pauses on a two-core machine were counted as latency.
// Usage: node bench/paced.mjs <perSecond> <url>...
import http from 'node:http';
import readline from 'node:readline';

const [perSecond, ...urls] = process.argv.slice(2);
const gap = 1000 / Number(perSecond);
const now = () => performance.timeOrigin + performance.now();
let window = null;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One GET, resolved when its last byte arrived (status >= 400 or a failure counts as an error). */
function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode < 400));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
  });
}

async function send(url, samples, due, current) {
  const sent = now();
  if (!(await get(url))) current.errors++;
  samples.push([due, now() - due, sent - due]);
}

async function pace(url, current) {
  const samples = (current.samples[url] = []);
  for (let i = 0; !current.stopped; i++) {
    const due = current.origin + i * gap;
    const wait = due - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (current.stopped) break;
    current.pending.push(send(url, samples, due, current));
  }
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'start') {
    window = { origin: now(), stopped: false, pending: [], samples: {}, errors: 0 };
    window.loops = urls.map((url) => pace(url, window));
  } else if (line === 'stop' && window) {
    window.stopped = true;
    await Promise.all(window.loops);
    await Promise.all(window.pending);
    console.log(JSON.stringify({ samples: window.samples, errors: window.errors }));
    window = null;
  }
}
