import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { TEMPLATE_HINTS } from './documentTemplates.ts';

/**
 * Shows a template section's guidance as a placeholder in the empty paragraph right under its heading. It is a
 * decoration only: nothing is stored, so the guidance never reaches other people's text or an export.
 */
export const TemplateHints = Extension.create({
  name: 'templateHints',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('templateHints'),
        props: {
          decorations: ({ doc }) => {
            const decorations: Decoration[] = [];
            let previous: { type: string; text: string } | null = null;
            doc.forEach((node, offset) => {
              const hint =
                previous?.type === 'heading' && node.type.name === 'paragraph' && node.childCount === 0
                  ? TEMPLATE_HINTS.get(previous.text)
                  : undefined;
              if (hint)
                decorations.push(
                  Decoration.node(offset, offset + node.nodeSize, {
                    class: 'template-hint',
                    'data-placeholder': hint,
                  }),
                );
              previous = { type: node.type.name, text: node.textContent.trim() };
            });
            return DecorationSet.create(doc, decorations);
          },
        },
      }),
    ];
  },
});
