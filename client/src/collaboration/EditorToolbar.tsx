import { useRef, useState, type KeyboardEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useDialog } from '../components/useDialog.tsx';

interface ToolbarButton {
  label: string;
  shortcut?: string;
  isActive?: (editor: Editor) => boolean;
  /** `ask` opens the in-page dialog, for buttons that need a value (a link's address). */
  run: (editor: Editor, ask: AskLink) => void;
}

/** Asks for a link address; null when cancelled. */
type AskLink = (current: string) => Promise<string | null>;

const BUTTONS: ToolbarButton[][] = [
  [
    {
      label: 'Bold',
      shortcut: 'Ctrl+B',
      isActive: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      label: 'Italic',
      shortcut: 'Ctrl+I',
      isActive: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      label: 'Strikethrough',
      shortcut: 'Ctrl+Shift+S',
      isActive: (e) => e.isActive('strike'),
      run: (e) => e.chain().focus().toggleStrike().run(),
    },
    {
      label: 'Code',
      shortcut: 'Ctrl+E',
      isActive: (e) => e.isActive('code'),
      run: (e) => e.chain().focus().toggleCode().run(),
    },
  ],
  [
    {
      label: 'Heading 2',
      shortcut: 'Ctrl+Alt+2',
      isActive: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'Heading 3',
      shortcut: 'Ctrl+Alt+3',
      isActive: (e) => e.isActive('heading', { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      label: 'Bulleted list',
      shortcut: 'Ctrl+Shift+8',
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      label: 'Numbered list',
      shortcut: 'Ctrl+Shift+7',
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      label: 'Task list',
      shortcut: 'Ctrl+Shift+9',
      isActive: (e) => e.isActive('taskList'),
      run: (e) => e.chain().focus().toggleTaskList().run(),
    },
    {
      label: 'Quote',
      shortcut: 'Ctrl+Shift+B',
      isActive: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
  ],
  [
    { label: 'Link', isActive: (e) => e.isActive('link'), run: (e, ask) => void editLink(e, ask) },
    {
      label: 'Insert table',
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ],
  [
    { label: 'Undo', shortcut: 'Ctrl+Z', run: (e) => e.chain().focus().undo().run() },
    { label: 'Redo', shortcut: 'Ctrl+Shift+Z', run: (e) => e.chain().focus().redo().run() },
  ],
];

const TOGGLES = BUTTONS.flat().filter((button) => button.isActive);
const ALL = BUTTONS.flat();

async function editLink(editor: Editor, ask: AskLink): Promise<void> {
  const current = (editor.getAttributes('link') as { href?: string }).href ?? '';
  const href = await ask(current);
  if (href === null) {
    editor.commands.focus();
    return;
  }
  if (href.trim() === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
  else editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
}

/**
 * Formatting buttons for the learning document, each with an accessible name, its shortcut and a pressed state. One
 * tab stop; arrow keys, Home and End move between buttons (the WAI-ARIA toolbar pattern).
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => TOGGLES.map((button) => button.isActive?.(current) ?? false),
  });
  const [current, setCurrent] = useState(0);
  const dialog = useDialog();
  const askLink: AskLink = (href) =>
    dialog.prompt({
      title: href ? 'Change the link' : 'Add a link',
      confirmLabel: 'Save link',
      field: {
        label: 'Link address',
        hint: 'Leave it empty to remove the link.',
        initial: href,
        type: 'url',
      },
    });
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: ALL.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + ALL.length) % ALL.length;
    setCurrent(next);
    buttons.current[next]?.focus();
  };
  return (
    <div
      className="editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-controls="document-editor"
      onKeyDown={onKeyDown}
    >
      {BUTTONS.map((group, groupIndex) => (
        <div className="editor-toolbar__group" key={groupIndex}>
          {group.map((button) => {
            const index = TOGGLES.indexOf(button);
            const position = ALL.indexOf(button);
            return (
              <button
                key={button.label}
                ref={(element) => {
                  buttons.current[position] = element;
                }}
                type="button"
                tabIndex={position === current ? 0 : -1}
                onFocus={() => setCurrent(position)}
                className="editor-toolbar__button"
                aria-pressed={index >= 0 ? (active[index] ?? false) : undefined}
                aria-keyshortcuts={button.shortcut?.replace(/Ctrl/g, 'Control')}
                title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => button.run(editor, askLink)}
              >
                {button.label}
              </button>
            );
          })}
        </div>
      ))}
      {dialog.element}
    </div>
  );
}

/** The keyboard shortcuts shown in the help beside the editor. */
export const KEYBOARD_SHORTCUTS = BUTTONS.flat().filter(
  (button): button is ToolbarButton & { shortcut: string } => Boolean(button.shortcut),
);
