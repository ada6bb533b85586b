/** Black or white, whichever reads better on the given `#rrggbb` background (WCAG relative luminance). */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  const match = /^#([0-9a-f]{6})$/i.exec(background);
  if (!match) return '#ffffff';
  const value = parseInt(match[1]!, 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  // Contrast with white is (1.05)/(L+0.05); with black (L+0.05)/0.05. Pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/**
 * The words on a caret: the name, and the organisation with "unverified" unless the server said it is verified (a
 * state from an older server without the flag counts as unverified).
 */
export function caretLabel(user: Record<string, unknown>): string {
  const organisation = user.organisation as { name?: unknown; verified?: unknown } | null | undefined;
  const name = typeof user.name === 'string' && user.name ? user.name : 'Someone';
  if (typeof organisation?.name !== 'string' || !organisation.name) return name;
  return `${name} (${organisation.name}${organisation.verified === true ? '' : ', unverified'})`;
}

/** A collaborator's caret with a name label whose text colour keeps AA contrast on their organisation's colour. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour =
    typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#505a5f';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  // Screen readers would read the name in the middle of the text; the presence list says who is here instead.
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = colour;
  label.style.color = readableTextOn(colour);
  label.textContent = caretLabel(user);
  caret.append(label);
  return caret;
}
