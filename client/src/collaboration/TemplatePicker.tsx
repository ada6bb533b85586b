import type { Editor } from '@tiptap/react';
import { DOCUMENT_TEMPLATES } from './documentTemplates.ts';

/** Offers a starting shape for an empty document; applying one is an ordinary collaborative edit. */
export function TemplatePicker({ editor }: { editor: Editor }) {
  return (
    <section className="template-picker" aria-labelledby="document-template-heading">
      <h3 id="document-template-heading">Start from a template</h3>
      <p className="hint">The document is empty. Choose a shape to start from, or just start typing.</p>
      <ul className="template-picker__list">
        {DOCUMENT_TEMPLATES.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="button button-secondary"
              aria-describedby={`template-${template.id}`}
              onClick={() => editor.chain().focus().setContent(template.content).run()}
            >
              {template.name}
            </button>
            <span id={`template-${template.id}`} className="template-picker__description">
              {template.description}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
