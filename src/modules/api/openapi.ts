import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { sessionCookie } from '../../platform/auth/sessions.js';
import { apiErrorHandler, defaultHook, readSecurity } from '../../platform/api/http.js';
import { apiRoutesOfModules } from '../../platform/api/registry.js';

const description = `JSON-API von ikon, der Plattform für kommunale Integrationskonzepte.

**Sichtbarkeit.** Ohne Anmeldung liefert die API, was auch das öffentliche Portal zeigt: die Kommunen,
die beschlossene Fassung des Integrationskonzepts mit Leitlinien, Themenfeldern, Zielen und Maßnahmen
(ohne interne Notizen). Entwurfsfassungen gibt es dann nicht (404). Mitglieder einer Kommune
(angemeldet mit dem Sitzungs-Cookie \`${sessionCookie}\`) sehen alles ihrer Kommune, auch Entwürfe, interne
Notizen und die \`version\` jedes Eintrags.

**Schreiben.** Ändernde Anfragen (POST, PUT, PATCH, DELETE) brauchen eine Anmeldung (sonst 401) mit
passender Rolle (sonst 403) und den Header \`X-CSRF-Token\` mit dem Token der Sitzung: ikon setzt es bei der
Anmeldung als Cookie \`ikon_csrf\` (unter https \`__Host-ikon_csrf\`); es ist an die Sitzung gebunden (HMAC), ein
selbst gesetzter Cookie-Wert gilt nicht (ohne passendes Token 403 mit code \`csrf_failed\`). Der Inhalt wird als JSON gesendet
(\`Content-Type: application/json\`) und mit denselben Regeln geprüft wie die Formulare der Anwendung.

**API-Zugänge für Fachverfahren.** Ein System, das selbst Sachstände oder Messwerte meldet, braucht keine
Anmeldung im Browser: Die Koordination legt unter *Einstellungen → API-Zugänge* ein Token an (einmal angezeigt,
höchstens ein Jahr gültig), das das System bei jeder Anfrage im Header \`Authorization: Bearer ikon_…\` sendet.
Ein Token liest wie ein Mitglied mit der Rolle (und dem Akteur) des Zugangs und schreibt nur, was sein Umfang
erlaubt: \`progress\` (Sachstand melden) und \`indicator_values\` (Messwert melden), bei Rolle Fachdienst oder
Partner nur für die Maßnahmen seines Akteurs. CSRF-Token braucht es dann nicht; ein Cookie, das mitgeschickt
wird, zählt nicht. Jede Meldung steht im Protokoll unter „API-Zugang «Name»“. Ein verformtes, unbekanntes,
widerrufenes oder abgelaufenes Token bekommt 401 mit \`code: invalid_token\` und \`reason\`; nach vielen
ungültigen Tokens von einer Adresse antwortet ikon eine Weile mit 429 (\`Retry-After\`).

**Bearbeitungskonflikte.** Änderungen nennen die zuletzt gelesene \`version\`. Hat jemand anderes
inzwischen gespeichert, wird nichts geschrieben: 409 mit \`code: edit_conflict\` und \`currentVersion\`.

**Fehler** kommen als \`application/problem+json\` (RFC 9457) mit stabilem \`code\` und deutscher
Meldung in \`title\`; ungültige Eingaben als 422 mit \`errors: [{field, code, message}]\`.`;

/**
 * The JSON API under /api/v1 and its OpenAPI 3.1 document, generated from the routes' zod schemas.
 * The routes are the modules' (`apiRoutes` in each manifest), in the order of the module list.
 */
export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>({ defaultHook });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description: 'Sitzung nach der Anmeldung unter /anmelden.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'Das Token der Sitzung, wie es ikon im Cookie ikon_csrf setzt (bei jeder ändernden Anfrage).',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'ikon_…',
    description:
      'Token eines API-Zugangs (Einstellungen → API-Zugänge, nur Koordination). Die Namen in einer Anforderung sind der nötige Umfang des Zugangs: progress (Sachstände melden), indicator_values (Messwerte melden).',
  });
  const entries = apiRoutesOfModules();
  for (const entry of entries) entry.register(api);
  documentReads(api);
  const tags = entries.flatMap((e) => e.tags ?? []);
  api.doc31('/api/v1/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: { title: 'ikon API', version: '1.0.0', description, license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
    // PUBLIC_URL of this installation (the paths start with /api/v1); relative where the app runs without its services.
    servers: [{ url: c.get('services')?.config.publicUrl ?? '/', description: 'Diese ikon-Installation' }],
    tags: tags.filter((tag, i) => tags.findIndex((t) => t.name === tag.name) === i),
  }));
  api.onError(apiErrorHandler);
  return api;
}

/**
 * Reads say in the document that they work anonymously and with a session or a token (reads
 * declare no security of their own); a write without a declared security is a mistake of its
 * module, caught when the application starts.
 */
function documentReads(api: OpenAPIHono<AppEnv>) {
  for (const def of api.openAPIRegistry.definitions) {
    if (def.type !== 'route' || def.route.security) continue;
    if (def.route.method !== 'get') throw new Error(`API write without security requirement: ${def.route.method.toUpperCase()} ${def.route.path}`);
    def.route.security = readSecurity;
  }
}
