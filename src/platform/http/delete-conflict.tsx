import { historyOf } from '../audit/record.js';
import { formatDateTime } from '../i18n/i18n.js';
import { Alert } from '../ui/components.js';
import { dbOf, type Ctx } from './env.js';

/**
 * The conflict view of a delete based on an older version: nothing was deleted; it says who
 * changed the entry since, so the person can look before deleting again (the page they land on
 * carries the current version).
 */
export async function DeleteConflict(p: { c: Ctx; tenantId: string; entityType: string; entityId: string }) {
  const t = p.c.get('t');
  const [last] = await historyOf(dbOf(p.c), p.tenantId, p.entityType, p.entityId);
  return (
    <Alert variant="warning" title={t('conflict.delete_title')} id="conflict">
      <p>{last ? t('conflict.delete_text', { who: last.userName ?? t('conflict.someone'), when: formatDateTime('de', last.at) }) : t('conflict.delete_text_unknown')}</p>
    </Alert>
  );
}
