import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { contentTranslations } from '../../platform/translations/schema.js';
import { normalizeSourceText, sourceHash } from '../../platform/translations/source-hash.js';

type DemoLang = 'en' | 'ar' | 'uk';
interface DemoText {
  /** Which text: the edition, the first Themenfeld, a measure by number. */
  kind: 'edition' | 'field' | 'measure';
  ref: string;
  field: 'title' | 'description';
  /** Translated from an earlier German text: the demo's outdated translation. */
  madeFrom?: string;
  text: Record<DemoLang, string>;
}

/** A handful of translations so the demo shows all three states (aktuell, veraltet, fehlt) in en, ar and uk. */
const demoTexts: DemoText[] = [
  { kind: 'field', ref: 'Teilhabe durch Sprache', field: 'title', text: { en: 'Participation through language', ar: 'المشاركة من خلال اللغة', uk: 'Участь через мову' } },
  {
    kind: 'field',
    ref: 'Teilhabe durch Sprache',
    field: 'description',
    text: {
      en: 'Knowledge of German is the key to education, work and social contacts. This field covers integration and vocational language courses, literacy, low-threshold language offers, language and cultural mediation, and the appreciation of multilingualism.',
      ar: 'معرفة اللغة الألمانية هي مفتاح التعليم والعمل والعلاقات الاجتماعية. يشمل هذا المجال دورات الاندماج ودورات اللغة المهنية، ومحو الأمية، وعروض اللغة الميسّرة، والوساطة اللغوية والثقافية، وتقدير تعدد اللغات.',
      uk: 'Знання німецької мови — ключ до освіти, роботи та соціальних контактів. Ця сфера охоплює інтеграційні та професійні мовні курси, навчання грамоти, доступні мовні пропозиції, мовне й культурне посередництво, а також повагу до багатомовності.',
    },
  },
  { kind: 'measure', ref: '1.1.1', field: 'title', text: { en: 'Joint registration and clearing office for integration courses', ar: 'مكتب مشترك للتسجيل والتوجيه في دورات الاندماج', uk: 'Спільний пункт реєстрації та розподілу на інтеграційні курси' } },
  {
    kind: 'measure',
    ref: '1.1.1',
    field: 'description',
    text: {
      en: 'Together with the coordination office, the integration course providers set up a joint registration office that coordinates placement tests and allocates free places across the district. Waiting lists are matched and multiple registrations avoided.',
      ar: 'تُنشئ الجهات المقدِّمة لدورات الاندماج بالتعاون مع مكتب التنسيق مكتبًا مشتركًا للتسجيل ينسّق اختبارات تحديد المستوى ويوزّع الأماكن الشاغرة على مستوى المقاطعة. تتم مطابقة قوائم الانتظار وتجنّب التسجيل المتكرر.',
      uk: 'Організатори інтеграційних курсів разом із координаційним бюро створюють спільний пункт реєстрації, який координує тести на визначення рівня та розподіляє вільні місця по всьому району. Списки очікування узгоджуються, повторні реєстрації виключаються.',
    },
  },
  {
    kind: 'measure',
    ref: '1.1.2',
    field: 'title',
    madeFrom: 'Trägertreffen zur Planung der Integrationskurse',
    text: { en: "Providers' meeting on planning integration courses", ar: 'اجتماع الجهات المقدِّمة لتخطيط دورات الاندماج', uk: 'Зустріч організаторів для планування інтеграційних курсів' },
  },
];

async function germanOf(tx: Db, demo: DemoSeedContext, d: DemoText): Promise<{ id: string; german: string } | undefined> {
  const column = sql.raw(d.field);
  const query =
    d.kind === 'edition'
      ? sql`select id, ${column} as german from editions where tenant_id = ${demo.tenantId} and id = ${demo.adoptedEditionId}`
      : d.kind === 'field'
        ? sql`select id, ${column} as german from fields where tenant_id = ${demo.tenantId} and edition_id = ${demo.adoptedEditionId} and title = ${d.ref}`
        : sql`select id, ${column} as german from measures where tenant_id = ${demo.tenantId} and edition_id = ${demo.adoptedEditionId} and number = ${d.ref}`;
  const [row] = await queryRows<{ id: string; german: string }>(tx, query);
  return row;
}

export async function seedDemoTranslations(tx: Db, demo: DemoSeedContext): Promise<void> {
  for (const d of demoTexts) {
    const item = await germanOf(tx, demo, d);
    if (!item) continue;
    const source = d.madeFrom ?? item.german;
    await tx.insert(contentTranslations).values(
      (['en', 'ar', 'uk'] as const).map((lang) => ({
        tenantId: demo.tenantId,
        kind: d.kind,
        itemId: item.id,
        field: d.field,
        lang,
        text: d.text[lang],
        sourceHash: sourceHash(source),
        sourceText: normalizeSourceText(source),
        updatedByName: 'Demo',
      })),
    );
  }
}
