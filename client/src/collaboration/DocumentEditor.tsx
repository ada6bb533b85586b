import { useEffect, type ReactNode } from 'react';
import { Extension } from '@tiptap/core';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CONTENT_FIELD } from '@common-ground/shared';
import { EditorToolbar } from './EditorToolbar.tsx';
import { renderCaret } from './renderCaret.ts';
import { TemplateHints } from './templateHints.ts';

/**
 * Escape moves focus to the toolbar's one tab stop, so Tab, which moves between table cells and list levels, never
 * traps anyone. Read-only, there is no toolbar and Escape does nothing special.
 */
const EscapeToToolbar = Extension.create({
  name: 'escapeToToolbar',
  addKeyboardShortcuts() {
    return {
      Escape: ({ editor }) => {
        const toolbar = editor.view.dom
          .closest('.document-editor')
          ?.querySelector<HTMLElement>('[role="toolbar"] [tabindex="0"]');
        toolbar?.focus();
        return Boolean(toolbar);
      },
    };
  },
});

/**
 * The Tiptap editor bound to the shared Y.Doc with carets for everyone present. Read-only when `editable` is false
 * (the server refuses a watcher's changes regardless).
 */
export function DocumentEditor({
  doc,
  provider,
  editable,
  label,
  status,
  onReady,
}: {
  doc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  label: string;
  /** The save status, kept in view with the toolbar however long the document is. */
  status?: ReactNode;
  onReady: (editor: Editor | null) => void;
}) {
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own undo history, bound to this person's changes only.
        StarterKit.configure({
          undoRedo: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
        }),
        TableKit.configure({ table: { resizable: false } }),
        TaskList,
        TaskItem.configure({ nested: true }),
        Collaboration.configure({ document: doc, field: CONTENT_FIELD }),
        // The server overwrites `user` with the session's identity; this is only a placeholder until it does.
        CollaborationCaret.configure({ provider, user: { name: '', color: '#505a5f' }, render: renderCaret }),
        EscapeToToolbar,
        TemplateHints,
      ],
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: 'document-editor',
          class: 'document-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!editable),
        },
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (!editor) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);

  if (!editor) return null;
  return (
    <div className="document-editor">
      {editable || status ? (
        <div className="document-editor__bar">
          {editable ? <EditorToolbar editor={editor} /> : null}
          {status}
        </div>
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
