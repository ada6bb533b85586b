/** ProseMirror JSON as Tiptap reads and writes it. */
export interface TemplateNode {
  type: string;
  attrs?: Record<string, string | number | boolean>;
  content?: TemplateNode[];
  text?: string;
  marks?: { type: string }[];
}

const text = (value: string, marks?: { type: string }[]): TemplateNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const heading = (title: string): TemplateNode => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [text(title)],
});
const prompt = (hint: string): TemplateNode => ({
  type: 'paragraph',
  content: [text(hint, [{ type: 'italic' }])],
});
const cell = (type: 'tableHeader' | 'tableCell', value = ''): TemplateNode => ({
  type,
  content: [{ type: 'paragraph', content: value ? [text(value)] : [] }],
});
const section = (title: string, hint: string): TemplateNode[] => [
  heading(title),
  prompt(hint),
  { type: 'paragraph' },
];

/**
 * The set-meeting template: a presenter's notes start from it when they opt in, and editors may pick it for an empty
 * document. It never asks for anything about a child or family.
 */
export const SET_MEETING_NOTES_TEMPLATE: TemplateNode = {
  type: 'doc',
  content: [
    heading('Attendees'),
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Organisation'), cell('tableHeader', 'People')] },
        { type: 'tableRow', content: [cell('tableCell'), cell('tableCell')] },
      ],
    },
    ...section('Question from the learner', 'The question the learner brought, in their words.'),
    ...section(
      'What we heard',
      'Experience and ideas the set offered. No names or details of children or families.',
    ),
    ...section(
      'Actions',
      'Each presenter writes their own actions in the meeting; note here only what they asked to be recorded.',
    ),
  ],
};
