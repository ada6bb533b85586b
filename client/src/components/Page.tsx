import { useEffect, useRef, type ReactNode } from 'react';

/** One page: sets the document title, renders the single h1 and moves focus to it after navigation. */
export function Page({ title, caption, children }: { title: string; caption?: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Common Ground`;
    if (document.body.dataset.navigated === 'true') heading.current?.focus();
    document.body.dataset.navigated = 'true';
  }, [title]);
  return (
    <>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </>
  );
}
