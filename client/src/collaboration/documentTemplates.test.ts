import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES, TEMPLATE_HINTS } from './documentTemplates.ts';

describe('document templates', () => {
  it('keep their guidance out of the document, as placeholders by section heading, so it never reaches an export', () => {
    const text = JSON.stringify(DOCUMENT_TEMPLATES.map((template) => template.content));
    expect(TEMPLATE_HINTS.size).toBeGreaterThan(0);
    for (const hint of TEMPLATE_HINTS.values()) expect(text).not.toContain(hint);
    for (const heading of TEMPLATE_HINTS.keys()) expect(text).toContain(JSON.stringify(heading));
  });
});
