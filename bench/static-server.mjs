// The ceiling for the page benchmarks: serves fixed bytes (saved copies of pages) with node:http
// and nothing else. Usage: node bench/static-server.mjs <file|directory> <port>
// A file is served for every path; a directory serves /<name> from its files (the crawl's pages).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [source, port] = process.argv.slice(2);
const single = fs.statSync(source).isFile() ? fs.readFileSync(source) : undefined;
const files = new Map();
if (!single) for (const name of fs.readdirSync(source)) files.set(`/${name}`, fs.readFileSync(path.join(source, name)));
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  const body = single ?? files.get(req.url);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`static on ${port}`));
for (const s of ['SIGINT', 'SIGTERM']) process.once(s, () => server.close(() => process.exit(0)));
