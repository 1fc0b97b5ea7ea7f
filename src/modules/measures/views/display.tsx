import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate, formatNumber } from '../../../platform/i18n/i18n.js';
import type { MeasureOptions } from '../options.js';

/** Human-readable value of one measure field, resolving ids to names. */
export function displayValue(t: T, options: MeasureOptions, field: string, value: unknown): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v == null || v === '' ? [] : [String(v)]);
  const names = (ids: string[], rows: { id: string; title?: string; name?: string; number?: string }[]) =>
    ids.map((id) => {
      const r = rows.find((x) => x.id === id);
      return r ? [r.number, r.title ?? r.name].filter(Boolean).join(' ') : id;
    });
  switch (field) {
    case 'fieldId':
      return names(list(value), options.fields).join(', ');
    case 'goalIds':
      return names(list(value), options.goals).join('; ');
    case 'leadActorId':
    case 'partnerActorIds':
      return names(list(value), options.actors).join('; ');
    case 'crossCuttingIds':
      return names(list(value), options.crossCutting).join('; ');
    case 'municipalityIds':
      return list(value).length ? names(list(value), options.municipalities).join(', ') : t('measure.whole_county');
    case 'horizon':
      return value ? t(`horizon.${value}`) : '';
    case 'priority':
      return value ? t(`priority.${value}`) : '';
    case 'status':
      return value ? t(`measure_status.${value}`) : '';
    case 'sdgs':
      return list(value).map((n) => t(`sdg.${n}`)).join('; ');
    case 'startDate':
    case 'endDate':
      return formatDate('de', value as string | null);
    case 'staffFte':
    case 'costEur': {
      const text = list(value)[0];
      const n = Number(String(text ?? '').replace(',', '.'));
      return text === undefined || text === '' || Number.isNaN(n) ? (text ?? '') : formatNumber('de', n);
    }
    case 'targetGroups':
      return list(value).join(', ');
    default:
      return value == null ? '' : String(value);
  }
}
