// Characters that are invisible, or reorder what follows them, in names and text people see.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;

/**
 * Normalises one line of text people will see next to others' (names, titles): Unicode NFC, no control characters
 * (NUL included), no bidirectional overrides or isolates (which can make a name read as something else), no
 * zero-width characters, whitespace runs as one space, trimmed. What is left may be empty: the schema then refuses it.
 */
export function cleanLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH, '')
    .replace(/[\t\n\r]/g, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like {@link cleanLine} for longer text: keeps line breaks, drops other control and invisible characters. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH, '')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .trim();
}

const ROLE_WORDS =
  'facilitator|community facilitator|moderator|admin|administrator|platform admin|platform administrator|host|' +
  'organiser|organizer|staff|verified|unverified|official|visitor|observer';

/** Role words that a display name may not wear in brackets, so nobody appears to be a facilitator or host. */
const ROLE_IN_BRACKETS = new RegExp(`[([{<]\\s*(${ROLE_WORDS})\\s*[)\\]}>]`, 'i');

/** The same words tacked on after a dash, bar, colon or comma at the end: "Sam - Facilitator", "Sam | verified". */
const ROLE_AS_SUFFIX = new RegExp(`[-\u2013\u2014|:,]\\s*(${ROLE_WORDS})\\s*$`, 'i');

/**
 * Whether a name claims a role it cannot have (such as "Sam (facilitator)" or "Leeds City Council (verified)"). The
 * name is compared in its compatibility form, so full-width brackets and look-alike letters of the same kind count.
 */
export function claimsRole(name: string): boolean {
  const plain = name.normalize('NFKC');
  return ROLE_IN_BRACKETS.test(plain) || ROLE_AS_SUFFIX.test(plain);
}
