import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { contentTranslations } from '../../platform/translations/schema.js';
import { normalizeSourceText, sourceHash } from '../../platform/translations/source-hash.js';
import { easyReadLang } from './service.js';

/** The demo's Leichte-Sprache texts: the summary and two Themenfelder (the others are "fehlt" for the editor to see). */
const summary = [
  'Der Land·kreis Musterland hat einen Plan.',
  'Der Plan heißt: Integrations·konzept.',
  'Im Plan steht: So leben alle Menschen gut zusammen.',
  'Auch Menschen, die neu im Land·kreis sind.',
  '',
  'Viele Menschen haben am Plan mit·gemacht.',
  'Zum Beispiel: Vereine und Menschen aus anderen Ländern.',
  'Der Kreis·tag hat im Dezember 2024 Ja gesagt zum Plan.',
  'Der Kreis·tag ist das Parlament vom Land·kreis.',
  'Alle 2 Jahre schauen wir uns den Plan wieder an.',
  'Dann machen wir den Plan besser.',
].join('\n');

const fieldTexts: Record<string, string> = {
  'Teilhabe durch Sprache': [
    'Deutsch ist wichtig.',
    'Mit Deutsch finden Sie leichter eine Arbeit.',
    'Mit Deutsch finden Sie leichter Freunde.',
    '',
    'Darum gibt es Sprach·kurse.',
    'Manche Kurse sind für Eltern.',
    'Dann passt jemand auf die Kinder auf.',
    'Manche Kurse sind kostenlos.',
  ].join('\n'),
  'Teilhabe durch Bildung': [
    'Alle Kinder sollen gut lernen können.',
    'Das fängt schon in der Kita an.',
    'Die Kita ist ein Ort für kleine Kinder.',
    '',
    'Eltern bekommen Hilfe.',
    'Zum Beispiel: bei der Anmeldung in der Schule.',
  ].join('\n'),
};

export async function seedDemoEasyRead(tx: Db, demo: DemoSeedContext): Promise<void> {
  const items = await queryRows<{ kind: 'edition' | 'field'; id: string; title: string; german: string }>(
    tx,
    sql`select 'edition' as kind, id, '' as title, introduction as german from editions where tenant_id = ${demo.tenantId} and id = ${demo.adoptedEditionId}
        union all
        select 'field', id, title, description from fields where tenant_id = ${demo.tenantId} and edition_id = ${demo.adoptedEditionId}`,
  );
  const rows = items.flatMap((i) => {
    const text = i.kind === 'edition' ? summary : fieldTexts[i.title];
    if (!text) return [];
    return [{ tenantId: demo.tenantId, lang: easyReadLang, kind: i.kind, itemId: i.id, field: i.kind === 'edition' ? 'introduction' : 'description', text, sourceHash: sourceHash(i.german), sourceText: normalizeSourceText(i.german), updatedByName: 'Demo' }];
  });
  if (rows.length) await tx.insert(contentTranslations).values(rows);
}
