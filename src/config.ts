import path from 'node:path';
import { minSecretLength } from './platform/auth/secret.js';

/** Everything ikon reads from the environment, typed once. See README "Konfiguration". */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  publicUrl: string;
  secureCookies: boolean;
  /** Key for server-signed tokens; undefined: generated and kept in the database. */
  secret: string | undefined;
  /** Reverse proxies in front of ikon whose X-Forwarded-For is trusted for the client address (0: none). */
  trustedProxies: number;
  smtp: SmtpConfig | undefined;
  /** Bearer token for /metrics; without it /metrics is switched off (see docs/operations.md). */
  metricsToken: string | undefined;
  /** `IKON_JOB_INTERVALS`: a background job's period by name, in ms (e.g. `reminders=60` → 60 s). */
  jobIntervals: Record<string, number>;
  /** Count and time every request's queries (Server-Timing header; bench and profiling only). */
  queryStats: boolean;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? '127.0.0.1';
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken && metricsToken.length < 16) throw new Error('METRICS_TOKEN muss mindestens 16 Zeichen lang sein.');
  const publicUrl = (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`).replace(/\/$/, '');
  const secret = env.IKON_SECRET || undefined;
  if (secret && secret.length < minSecretLength) throw new Error(`IKON_SECRET must have at least ${minSecretLength} characters`);
  const trustedProxies = Number(env.IKON_TRUSTED_PROXIES ?? 0);
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10) throw new Error(`IKON_TRUSTED_PROXIES must be a number of proxies (0–10), got "${env.IKON_TRUSTED_PROXIES}"`);
  const jobIntervals = parseJobIntervals(env.IKON_JOB_INTERVALS);
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.IKON_DEMO !== '0',
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    secret,
    trustedProxies,
    queryStats: env.IKON_QUERY_STATS === '1',
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: Number(env.SMTP_PORT ?? 587),
          secure: env.SMTP_SECURE === '1',
          user: env.SMTP_USER || undefined,
          password: env.SMTP_PASSWORD || undefined,
          from: env.SMTP_FROM ?? 'ikon <noreply@localhost>',
        }
      : undefined,
    metricsToken,
    jobIntervals,
  };
}

/** `name=seconds` pairs, comma-separated: `reminders=60,other=3600`. */
function parseJobIntervals(value: string | undefined): Record<string, number> {
  const intervals: Record<string, number> = {};
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9_-]*)=(\d+)$/.exec(part);
    const seconds = Number(match?.[2]);
    if (!match || seconds < 1 || seconds > 7 * 86_400) throw new Error(`IKON_JOB_INTERVALS: expected name=seconds (1–604800), comma-separated, got "${part}"`);
    intervals[match[1]!] = seconds * 1000;
  }
  return intervals;
}
