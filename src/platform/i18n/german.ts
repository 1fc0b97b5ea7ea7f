// How German readers write dates and decimals in spreadsheets and documents (import, export, snapshots).

/** "2026-12-31" → "31.12.2026". */
export function germanDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** 0.5 → "0,5"; null → "". */
export function germanDecimal(n: number | null | undefined): string {
  return n == null ? '' : String(n).replace('.', ',');
}
