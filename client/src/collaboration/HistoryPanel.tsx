import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentVersion, DocumentVersionPreview } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { documentsApi } from '../api/documents.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { useDialog } from '../components/useDialog.tsx';

const REFRESH_MS = 60_000;
const KIND_WORDS = { named: 'Named version', automatic: 'Automatic checkpoint', restore: 'Restore' } as const;

/**
 * The document's history: facilitators name versions; anyone who can view previews them read-only; editors restore
 * one, which applies its content as a new change everyone sees (history is never rewritten).
 */
export function HistoryPanel({
  documentId,
  canName,
  canRestore,
}: {
  documentId: string;
  canName: boolean;
  canRestore: boolean;
}) {
  const [versions, setVersions] = useState<DocumentVersion[] | null>(null);
  const [preview, setPreview] = useState<DocumentVersionPreview | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const dialog = useDialog();

  // Opening, closing and restoring a preview remove or add controls, so focus is moved on purpose (WCAG 2.4.3).
  const messages = useRef<HTMLDivElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const previewButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  const closePreview = (): void => {
    if (preview) previewButtons.current.get(preview.version.id)?.focus();
    setPreview(null);
  };

  const [reloads, setReloads] = useState(0);
  const refresh = useCallback(() => setReloads((count) => count + 1), []);

  useEffect(() => {
    let cancelled = false;
    documentsApi
      .listVersions(documentId)
      .then(({ versions: loaded }) => {
        if (!cancelled) setVersions(loaded);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught instanceof ApiError ? caught.message : 'Could not load the history.');
      });
    return () => {
      cancelled = true;
    };
  }, [documentId, reloads]);

  // Others name versions and the server takes checkpoints; look again now and then.
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (work: () => Promise<string>): Promise<void> => {
    setError('');
    try {
      setMessage(await work());
    } catch (caught) {
      setMessage('');
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.');
    }
  };

  const nameVersion = (event: FormEvent): void => {
    event.preventDefault();
    void act(async () => {
      const { version } = await documentsApi.createVersion(documentId, name);
      setName('');
      refresh();
      return `Saved version “${version.name}”.`;
    });
  };

  const restore = async (version: DocumentVersion): Promise<void> => {
    const sure = await dialog.confirm({
      title: `Restore “${version.name}”?`,
      body: (
        <p>
          Everyone will see the document change to this version. Nothing is lost: the current text stays in
          the history.
        </p>
      ),
      confirmLabel: 'Yes, restore it',
    });
    if (!sure) return;
    void act(async () => {
      await documentsApi.restoreVersion(documentId, version.id);
      setPreview(null);
      refresh();
      return `Restored “${version.name}”.`;
    }).then(() => messages.current?.focus());
  };

  return (
    <section className="history" aria-labelledby="document-history-heading">
      <h3 id="document-history-heading">History</h3>
      {canName ? (
        <form className="history__form" onSubmit={nameVersion}>
          <label htmlFor="document-version-name">Name this version</label>
          <span className="hint" id="document-version-name-hint">
            For example, “Agreed at the March learning set”.
          </span>
          <div className="history__form-row">
            <input
              id="document-version-name"
              aria-describedby="document-version-name-hint"
              value={name}
              maxLength={120}
              required
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button">
              Save version
            </button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite" className="history__messages focus-target" tabIndex={-1} ref={messages}>
        {message ? <p className="history__message">{message}</p> : null}
        {error ? <p className="error-message">{error}</p> : null}
      </div>
      {versions?.length === 0 ? (
        <p className="hint">No versions yet. Checkpoints are taken automatically while people edit.</p>
      ) : null}
      {versions?.length ? (
        <ol className="history__list" data-testid="version-list">
          {versions.map((version) => (
            <li key={version.id} className="history__item">
              <span className="history__name">{version.name}</span>
              <span className="history__meta">
                {KIND_WORDS[version.kind]}, {formatDateTime(version.createdAt)}
                {version.createdBy ? `, by ${version.createdBy.displayName}` : ''}
              </span>
              <button
                type="button"
                className="button button-secondary"
                ref={(node) => {
                  if (node) previewButtons.current.set(version.id, node);
                  else previewButtons.current.delete(version.id);
                }}
                onClick={() =>
                  void act(async () => {
                    setPreview(await documentsApi.previewVersion(documentId, version.id));
                    return '';
                  })
                }
              >
                Preview<span className="visually-hidden"> {version.name}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {preview ? (
        <section className="history__preview" aria-labelledby="document-preview-heading">
          <h4 id="document-preview-heading" tabIndex={-1} ref={previewHeading}>
            Preview: {preview.version.name}
          </h4>
          {/* The server's converter escapes all text and drops unsafe links; the HTML has no scripts or styles. */}
          <div className="history__preview-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
          <div className="history__preview-actions">
            {canRestore ? (
              <button
                type="button"
                className="button button-warning"
                onClick={() => void restore(preview.version)}
              >
                Restore this version
              </button>
            ) : null}
            <button type="button" className="button button-secondary" onClick={closePreview}>
              Close preview
            </button>
          </div>
        </section>
      ) : null}
      {dialog.element}
    </section>
  );
}
