/** A date and time as UK readers expect it, e.g. "26 Nov 2026, 14:45": the one format used across the app. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar date (`YYYY-MM-DD`) in the same style, e.g. "26 Nov 2026". */
export function formatDate(date: string): string {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}
