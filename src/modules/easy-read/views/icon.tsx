/**
 * The sign for Leichte Sprache: an open book with a reader above it, drawn for ikon (the common
 * signs are protected marks). Decorative: the words "Leichte Sprache" always stand beside it.
 */
export function EasyReadIcon(p: { size?: number }) {
  const size = p.size ?? 24;
  return (
    <svg class="easy-read-icon" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">
      <circle cx="16" cy="6.5" r="3.5" />
      <path d="M3 12.5c5-1.5 9.5-.5 13 2.5 3.5-3 8-4 13-2.5v14c-5-1.5-9.5-.5-13 2.5-3.5-3-8-4-13-2.5z" />
      <path d="M16 15v14" />
      <path d="M6.5 17c2.5-.5 4.5 0 6 1M6.5 21c2.5-.5 4.5 0 6 1M25.5 17c-2.5-.5-4.5 0-6 1M25.5 21c-2.5-.5-4.5 0-6 1" />
    </svg>
  );
}
