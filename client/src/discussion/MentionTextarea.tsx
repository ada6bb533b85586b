import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
  type TextareaHTMLAttributes,
} from 'react';
import { activeMention, insertMention, matchCandidates, type MentionCandidate } from './mentionQuery.ts';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onKeyDown'>;

/**
 * The composer's text box with `@` autocomplete: typing `@` and part of a name lists matching people of the room;
 * Up and Down move through them, Enter or Tab picks one, Escape closes the list. A text box cannot take the
 * combobox role (ARIA in HTML), so it follows the editable-combobox pattern with the attributes a text box may
 * carry: aria-autocomplete, aria-controls and aria-activedescendant, with a polite count of the suggestions.
 */
export function MentionTextarea({
  candidates,
  value,
  onChange,
  textareaRef,
  ...props
}: TextareaProps & {
  candidates: MentionCandidate[];
  value: string;
  onChange(value: string): void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // Escape closes the list for the mention where it was pressed, until that mention is left or changed.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const mention = candidates.length ? activeMention(value, caret) : null;
  const matches = mention ? matchCandidates(candidates, mention.query) : [];
  const key = mention ? `${mention.start}:${mention.query}` : null;
  const open = Boolean(mention && matches.length && dismissed !== key);
  const current = Math.min(active, Math.max(matches.length - 1, 0));
  const optionId = (index: number) => `${id}-option-${index}`;

  const track = (element: HTMLTextAreaElement) => setCaret(element.selectionStart ?? element.value.length);

  const pick = (candidate: MentionCandidate) => {
    if (!mention) return;
    const next = insertMention(value, mention, caret, candidate.displayName);
    pendingCaret.current = next.caret;
    onChange(next.text);
    setCaret(next.caret);
    setActive(0);
  };

  // The caret goes after the picked name in the same commit as the new text (a layout effect runs before the browser
  // handles the next key), so a person typing straight on never has letters land in the wrong place.
  useLayoutEffect(() => {
    const element = textareaRef.current;
    if (!element || pendingCaret.current === null) return;
    element.focus();
    element.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value, textareaRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
      const chosen = matches[current];
      if (!chosen) return;
      event.preventDefault();
      pick(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(key);
    }
  };

  return (
    <div className="mention-box">
      <textarea
        {...props}
        ref={textareaRef}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? `${id}-list` : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          track(event.target);
          setActive(0);
        }}
        onSelect={(event) => track(event.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setDismissed(key)}
        onFocus={() => setDismissed(null)}
      />
      {open ? (
        <ul className="mention-list" role="listbox" id={`${id}-list`} aria-label="People to mention">
          {matches.map((candidate, index) => (
            <li
              key={candidate.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'mention-option mention-option-active' : 'mention-option'}
              // mousedown, not click: the text box keeps focus, so the caret is still where the name goes.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(candidate);
              }}
            >
              <span className="mention-name">{candidate.displayName}</span>
              {candidate.organisationName ? (
                <span className="mention-organisation">{candidate.organisationName}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {open
          ? `${matches.length} ${matches.length === 1 ? 'person matches' : 'people match'}. Use the up and down arrows to choose, Enter to pick.`
          : ''}
      </p>
    </div>
  );
}
