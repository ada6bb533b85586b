/** A download filename made only of safe characters, from a room title: "Q3 notes: Leeds/York" → "q3-notes-leeds-york.md". */
export function exportFilename(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'learning-document'}.${extension}`;
}
