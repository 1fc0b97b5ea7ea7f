/** Where the app goes after sign-in when `weiter` is missing or not a path of this application. */
export const defaultNext = '/app';

// Any origin works as the base: only whether the result stays on it matters.
const base = new URL('http://ikon.invalid');

/**
 * The path to go to after sign-in, or `/app`. Only a path on the application's own origin is
 * followed: `weiter` is parsed as a URL (WHATWG, as the browser will) against the app's origin
 * and refused when it is not a plain absolute path (`//host`, `/\host`, schemes), contains
 * control characters or backslashes (browsers drop tabs and newlines and turn `\` into `/`, so
 * `/\t/host` becomes `//host`), or resolves to another origin. What is returned is the parsed,
 * percent-encoded form: plain ASCII, safe for a Location header and an HTML attribute.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return defaultNext;
  if (next[0] !== '/' || next[1] === '/') return defaultNext;
  // C0 controls, DEL, C1 controls and the backslash; also Unicode line/paragraph separators.
  if (/[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/.test(next)) return defaultNext;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return defaultNext;
  }
  if (url.origin !== base.origin) return defaultNext;
  const path = url.pathname + url.search + url.hash;
  // After normalisation ("/./" dropped, "%2e" resolved) the path must still not start with "//".
  return path.startsWith('//') ? defaultNext : path;
}
