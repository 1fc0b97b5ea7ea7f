import type { T } from '../../../platform/i18n/i18n.js';
import type { MeasureStatus } from '../schema.js';

const statusVariant: Record<MeasureStatus, string> = {
  geplant: 'info',
  in_umsetzung: 'info',
  umgesetzt: 'success',
  verstetigt: 'success',
  zurueckgestellt: 'warning',
  entfallen: 'danger',
};

/** The status as a KERN badge; the text carries the meaning, the colour only repeats it. */
export function StatusBadge(p: { t: T; status: MeasureStatus }) {
  return (
    <span class={`kern-badge kern-badge--small kern-badge--${statusVariant[p.status]}`}>
      <span class="kern-label">{p.t(`portal.status.${p.status}`)}</span>
    </span>
  );
}
