/** A stable, readable `#rrggbb` colour for an organisation (grey for people without a confirmed organisation). */
export function organisationColour(organisationId: string | null): string {
  if (!organisationId) return '#6b7280';
  let hash = 0;
  for (const char of organisationId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  // Hex rather than hsl(): editor carets append an alpha suffix to the colour for selections.
  const hue = hash % 360;
  const channel = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const value = 0.38 - 0.65 * Math.min(0.38, 1 - 0.38) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
