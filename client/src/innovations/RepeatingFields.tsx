import type { ReactNode } from 'react';

/**
 * A list of items edited in place, each in its own fieldset with a Remove button, and an Add button below. After
 * adding, focus moves to the new item's first control; after removing, to the Add button.
 */
export function RepeatingFields<T>({
  id,
  legend,
  hint,
  noun,
  items,
  max,
  blank,
  onChange,
  children,
}: {
  id: string;
  legend: string;
  hint: ReactNode;
  /** What one item is called, as in "Add a core function" and "Core function 2". */
  noun: string;
  items: T[];
  max: number;
  blank(): T;
  onChange(items: T[]): void;
  /** The controls for one item; `update` replaces some of its fields. */
  children(item: T, index: number, update: (changes: Partial<T>) => void): ReactNode;
}) {
  const label = noun.charAt(0).toUpperCase() + noun.slice(1);
  const focusLater = (target: string) =>
    requestAnimationFrame(() => {
      const element = document.getElementById(target);
      const control = element?.matches('input, textarea, select, button')
        ? element
        : element?.querySelector<HTMLElement>('input, textarea, select');
      control?.focus();
    });
  return (
    <section className="innovation-fields" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{legend}</h2>
      <p className="hint">{hint}</p>
      {items.map((item, index) => (
        <fieldset key={index} className="fieldset innovation-item" id={`${id}-${index}`}>
          <legend>
            {label} {index + 1}
          </legend>
          {children(item, index, (changes) =>
            onChange(items.map((other, i) => (i === index ? { ...other, ...changes } : other))),
          )}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              onChange(items.filter((_, i) => i !== index));
              focusLater(`${id}-add`);
            }}
          >
            Remove {noun} {index + 1}
          </button>
        </fieldset>
      ))}
      {items.length < max ? (
        <button
          type="button"
          id={`${id}-add`}
          className="button button-secondary"
          onClick={() => {
            onChange([...items, blank()]);
            focusLater(`${id}-${items.length}`);
          }}
        >
          Add {/^[aeiou]/.test(noun) ? 'an' : 'a'} {noun}
        </button>
      ) : null}
    </section>
  );
}
