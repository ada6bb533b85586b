import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

/** What a confirmation or a question asks. */
interface DialogRequest {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  /** When set, the dialog asks for a value with this label. */
  field?: { label: string; hint?: string; initial: string; type?: 'text' | 'url' };
  warning?: boolean;
}

interface Pending extends DialogRequest {
  resolve(value: string | null): void;
}

/**
 * In-page dialogs in place of the browser's `confirm` and `prompt`: a modal `<dialog>`, so focus stays inside it,
 * Escape cancels, and focus returns to whatever opened it. `confirm()` resolves true or false; `prompt()` resolves the
 * value, or null when cancelled. Render `element` once in the component that asks.
 */
export function useDialog(): {
  confirm(request: Omit<DialogRequest, 'field'>): Promise<boolean>;
  prompt(request: DialogRequest & { field: NonNullable<DialogRequest['field']> }): Promise<string | null>;
  element: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback(
    (request: DialogRequest) =>
      new Promise<string | null>((resolve) => {
        setPending({ ...request, resolve });
      }),
    [],
  );
  const confirm = useCallback(
    async (request: Omit<DialogRequest, 'field'>) => (await ask(request)) !== null,
    [ask],
  );
  const prompt = useCallback(
    (request: DialogRequest & { field: NonNullable<DialogRequest['field']> }) => ask(request),
    [ask],
  );
  const element = pending ? (
    <ModalDialog
      request={pending}
      onClose={(value) => {
        setPending(null);
        pending.resolve(value);
      }}
    />
  ) : null;
  return { confirm, prompt, element };
}

function ModalDialog({ request, onClose }: { request: DialogRequest; onClose(value: string | null): void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(request.field?.initial ?? '');
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Focus goes back to what opened the dialog, whatever closed it.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    return () => {
      if (element.open) element.close();
      opener?.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onClose(request.field ? value : '');
  };

  return (
    <dialog
      ref={dialog}
      className="modal-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Escape: close through React so the promise resolves.
        event.preventDefault();
        closeRef.current(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="modal-dialog__title">
          {request.title}
        </h2>
        {request.body ? <div className="modal-dialog__body">{request.body}</div> : null}
        {request.field ? (
          <div className="form-group">
            <label htmlFor={`${id}-field`}>{request.field.label}</label>
            {request.field.hint ? (
              <p className="hint" id={`${id}-hint`}>
                {request.field.hint}
              </p>
            ) : null}
            <input
              id={`${id}-field`}
              type={request.field.type ?? 'text'}
              autoFocus
              value={value}
              aria-describedby={request.field.hint ? `${id}-hint` : undefined}
              onChange={(event) => setValue(event.target.value)}
            />
          </div>
        ) : null}
        <div className="button-group">
          <button type="submit" className={request.warning ? 'button button-warning' : 'button'}>
            {request.confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onClose(null)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
