import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { can, type Room } from '@common-ground/shared';
import { ChangesSinceLastVisit } from './ChangesSinceLastVisit.tsx';
import { DocumentEditor } from './DocumentEditor.tsx';
import { KEYBOARD_SHORTCUTS } from './EditorToolbar.tsx';
import { documentsApi } from '../api/documents.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PersonalDataBanner } from './PersonalDataBanner.tsx';
import { useSession } from '../hooks/useSession.ts';
import { PresenceList, type PresenceSelf } from './PresenceList.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { useCollaboration } from './useCollaboration.ts';
import { Tabs } from '../components/Tabs.tsx';
import './documentEditor.css';

/** The room's live learning document: co-editing, presence, saving state, templates, history and export. */
export default function LiveDocument({ room }: { room: Room }) {
  const mayEdit = can(room.role, 'document.edit');
  const collaboration = useCollaboration(room.documentId, mayEdit);
  // The server may lower access while connected (a role change); its status wins over the role we loaded with.
  const editable =
    mayEdit &&
    collaboration?.status?.access !== 'view' &&
    collaboration?.saveState !== 'no-access' &&
    collaboration?.saveState !== 'full';
  const [editor, setEditor] = useState<Editor | null>(null);
  const onReady = useCallback((ready: Editor | null) => setEditor(ready), []);
  const isEmpty = useIsEmpty(editor);
  const { session } = useSession();
  const sessionUser = session.status === 'user' ? session.user : null;
  const self = useMemo<PresenceSelf | null>(
    () =>
      mayEdit && sessionUser
        ? {
            id: sessionUser.id,
            name: sessionUser.displayName,
            organisation:
              sessionUser.organisationStatus === 'confirmed' && sessionUser.organisation
                ? {
                    id: sessionUser.organisation.id,
                    name: sessionUser.organisation.name,
                    verified: sessionUser.organisation.verified,
                  }
                : null,
          }
        : null,
    [mayEdit, sessionUser],
  );

  return (
    <section className="document-panel" aria-labelledby="document-heading">
      <div className="document-panel__header">
        <h2 id="document-heading">Learning document</h2>
      </div>
      <ChangesSinceLastVisit documentId={room.documentId} />
      {!mayEdit || collaboration?.status?.access === 'view' ? (
        <p className="notice" data-testid="document-read-only-notice">
          You are watching this document. You can read it as people write, but not change it.
        </p>
      ) : null}
      {collaboration?.notice ? (
        <p className="notice" role="alert" data-testid="collab-close-notice">
          {collaboration.notice}
        </p>
      ) : null}
      {mayEdit && collaboration?.saveState === 'no-access' ? (
        <p className="notice">You no longer have access to change this document. Reload the page to check.</p>
      ) : null}
      {collaboration ? (
        <Tabs
          label="Learning document"
          className="document-tabs"
          tabs={[
            {
              id: 'text',
              label: 'Text',
              panel: (
                <div className="document-panel__main">
                  {editor && editable ? <PersonalDataBanner editor={editor} /> : null}
                  <DocumentEditor
                    doc={collaboration.doc}
                    provider={collaboration.provider}
                    editable={editable}
                    label={`Learning document for ${room.title}`}
                    status={mayEdit ? <SaveStatus state={collaboration.saveState} /> : null}
                    onReady={onReady}
                  />
                  {/* Below the empty editor, so on a phone the editor is still the first thing in view. */}
                  {editor && editable && isEmpty && collaboration.synced ? (
                    <TemplatePicker editor={editor} />
                  ) : null}
                  <PresenceList
                    provider={collaboration.provider}
                    watchers={collaboration.status?.watchers ?? 0}
                    self={self}
                  />
                  {mayEdit ? <KeyboardShortcuts /> : null}
                </div>
              ),
            },
            {
              id: 'history',
              label: 'History and downloads',
              panel: (
                <div className="document-panel__side">
                  <section aria-labelledby="document-export-heading">
                    <h3 id="document-export-heading">Download</h3>
                    <ul className="document-panel__exports">
                      <li>
                        <a href={documentsApi.exportUrl(room.documentId, 'markdown')} download>
                          Markdown (.md)
                        </a>
                      </li>
                      <li>
                        <a href={documentsApi.exportUrl(room.documentId, 'html')} download>
                          Web page (.html)
                        </a>
                      </li>
                      <li>
                        <a href={documentsApi.exportUrl(room.documentId, 'pdf')} download>
                          PDF (.pdf)
                        </a>
                      </li>
                    </ul>
                  </section>
                  <HistoryPanel
                    documentId={room.documentId}
                    canName={can(room.role, 'document.version')}
                    canRestore={mayEdit}
                  />
                </div>
              ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

/** The editor's keyboard shortcuts, folded away until asked for. */
function KeyboardShortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {KEYBOARD_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.label} className="shortcuts__row">
            <dt>{shortcut.label}</dt>
            <dd>
              <kbd>{shortcut.shortcut}</kbd>
            </dd>
          </div>
        ))}
        <div className="shortcuts__row">
          <dt>Leave the editor</dt>
          <dd>
            <kbd>Tab</kbd> moves out of the editor, except in lists and tables, where it changes level or
            cell; <kbd>Esc</kbd> always moves to the formatting toolbar
          </dd>
        </div>
      </dl>
    </details>
  );
}

/** Whether the editor's document is empty, kept current as anyone edits. */
function useIsEmpty(editor: Editor | null): boolean {
  const [empty, setEmpty] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const check = (): void => setEmpty(editor.isEmpty);
    check();
    editor.on('update', check);
    return () => {
      editor.off('update', check);
    };
  }, [editor]);
  return empty;
}
