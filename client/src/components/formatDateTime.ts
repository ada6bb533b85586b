/** A date and time as UK readers expect it, e.g. "26 Nov 2026, 14:45". */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
