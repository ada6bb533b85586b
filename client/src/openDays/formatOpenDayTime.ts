/** A time of day as UK readers expect it, e.g. "10:00". */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** A day, e.g. "Monday 7 December 2026". */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** A day and time, e.g. "Monday 7 December 2026 at 10:00". */
export function formatDayAndTime(iso: string): string {
  return `${formatDay(iso)} at ${formatTime(iso)}`;
}

/** An open day's window, e.g. "Monday 7 December 2026, 10:00 to 13:00". */
export function formatWindow(startsAt: string, endsAt: string): string {
  const start = formatDayAndTime(startsAt).replace(' at ', ', ');
  const sameDay = new Date(startsAt).toDateString() === new Date(endsAt).toDateString();
  return `${start} to ${sameDay ? formatTime(endsAt) : formatDayAndTime(endsAt)}`;
}
