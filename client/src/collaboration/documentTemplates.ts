import type { JSONContent } from '@tiptap/react';
import { SET_MEETING_NOTES_TEMPLATE } from '@common-ground/shared';

/** A starting shape for a new learning document. */
export interface DocumentTemplate {
  id: string;
  name: string;
  description: string;
  content: JSONContent;
}

const heading = (text: string, level = 2): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
/**
 * Guidance for each template section, by heading text. It is shown as a placeholder in the empty paragraph under the
 * heading (templateHints.ts), never written into the document, so it cannot end up in an export.
 */
export const TEMPLATE_HINTS = new Map<string, string>();
const empty = (): JSONContent => ({ type: 'paragraph' });
const bullets = (...items: string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((text) => ({
    type: 'listItem',
    content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }],
  })),
});
const section = (title: string, hint: string): JSONContent[] => {
  if (hint) TEMPLATE_HINTS.set(title, hint);
  return [heading(title), empty()];
};

/**
 * Templates offered to editors when a document is empty. The innovation profile follows the conditions for success in
 * the founding briefing: a clear vision and core features, evidence of impact, and learning from what did not work.
 */
export const DOCUMENT_TEMPLATES: DocumentTemplate[] = [
  {
    id: 'innovation-profile',
    name: 'Innovation profile',
    description: 'What the innovation is, what must stay and what can change, and the evidence so far.',
    content: {
      type: 'doc',
      content: [
        ...section(
          'Vision',
          'The change we are seeking for children, young people and families, in a sentence or two.',
        ),
        ...section('Core features', 'What must stay the same wherever this is done, and why.'),
        ...section('What can be adapted', 'What each organisation can shape to its local needs.'),
        ...section(
          'Evidence of impact',
          'What we know so far and where it comes from, even if the sources are mixed.',
        ),
        ...section(
          'Conditions for success',
          'Leadership, relationships, time and resources it needs; being in it for the long haul.',
        ),
        ...section('What did not work', 'What we tried and stopped, and what we learned from it.'),
      ],
    },
  },
  {
    id: 'learning-set-notes',
    name: 'Learning set meeting notes',
    description: 'Who came, the learner’s question, what the set heard, and agreed actions.',
    content: SET_MEETING_NOTES_TEMPLATE,
  },
  {
    id: 'open-day-pre-read',
    name: 'Open day pre-read',
    description: 'What visitors should know before they watch the room.',
    content: {
      type: 'doc',
      content: [
        ...section('About this open day', 'What visitors will see and how they can take part.'),
        ...section('The innovation in brief', 'The vision and core features in plain words.'),
        heading('Questions to hold in mind'),
        bullets('What would this look like in your organisation?', ''),
        ...section('Where to find out more', 'Reports, contacts and next open days.'),
      ],
    },
  },
  {
    id: 'reflection',
    name: 'Reflection',
    description: 'What we tried, what happened, what we learned and what we will do differently.',
    content: {
      type: 'doc',
      content: [
        ...section('What we tried', ''),
        ...section('What happened', ''),
        ...section('What we learned', ''),
        ...section('What we will do differently', ''),
      ],
    },
  },
];
