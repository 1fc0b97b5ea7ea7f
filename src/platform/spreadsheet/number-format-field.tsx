import type { T } from '../i18n/i18n.js';
import { SelectField, emptyForm } from '../ui/form.js';
import { numberFormats, type NumberFormat } from './numbers.js';

/** "Zahlenformat der Datei": detect (default), or German / English when the file does not decide. */
export function NumberFormatField(p: { t: T; value?: NumberFormat }) {
  return (
    <SelectField
      t={p.t}
      form={emptyForm({ zahlenformat: p.value ?? '' })}
      name="zahlenformat"
      label={p.t('spreadsheet.number_format.label')}
      hint={p.t('spreadsheet.number_format.hint')}
      emptyLabel={p.t('spreadsheet.number_format.auto')}
      options={numberFormats.map((f) => ({ value: f, label: p.t(`spreadsheet.number_format.${f}`) }))}
    />
  );
}
