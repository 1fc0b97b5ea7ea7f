import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const kernDist = path.dirname(require.resolve('@kern-ux/native/dist/kern.min.css'));
// Fonts for the portal's scripts (Latin and Cyrillic in Noto Sans, Arabic and Persian in Noto Sans Arabic), served from here: no request leaves the host.
function fontFiles(pkg: string): string | undefined {
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');
  } catch {
    // A checkout whose node_modules predate the font packages still starts (fonts 404, text falls back).
    return undefined;
  }
}
const fontDirs: Record<string, string | undefined> = {
  'noto-sans': fontFiles('@fontsource/noto-sans'),
  'noto-sans-arabic': fontFiles('@fontsource/noto-sans-arabic'),
};
const ownAssets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'assets');

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves KERN's CSS and fonts from the npm package and our own small stylesheet, cached for a day. */
export function assetRoutes() {
  const app = new Hono();
  const serve = (root: string, prefix?: string) => async (c: any) => {
    const rel = decodeURIComponent(prefix ? c.req.path.slice(prefix.length) : c.req.path.replace(/^\/assets\/(kern\/)?/, ''));
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return c.notFound();
    return c.body(fs.readFileSync(file), 200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=86400',
    });
  };
  app.get('/assets/kern/*', serve(kernDist));
  for (const [name, dir] of Object.entries(fontDirs)) {
    if (!dir) continue;
    app.get(`/assets/fonts/${name}/*`, serve(dir, `/assets/fonts/${name}/`));
  }
  app.get('/assets/*', serve(ownAssets));
  // Browsers ask for /favicon.ico by themselves.
  app.get('/favicon.ico', (c) => c.body(fs.readFileSync(path.join(ownAssets, 'favicon.ico')), 200, { 'content-type': types['.ico']!, 'cache-control': 'public, max-age=86400' }));
  return app;
}
