import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from './markdown.ts';

function renderInline(inlines: Inline[]): ReactNode[] {
  return inlines.map((inline, index) => {
    switch (inline.type) {
      case 'text':
        return <Fragment key={index}>{inline.text}</Fragment>;
      case 'strong':
        return <strong key={index}>{renderInline(inline.children)}</strong>;
      case 'em':
        return <em key={index}>{renderInline(inline.children)}</em>;
      case 'code':
        return <code key={index}>{inline.text}</code>;
      case 'link':
        return (
          <a key={index} href={inline.href} rel="noopener noreferrer nofollow" target="_blank">
            {renderInline(inline.children)}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        );
    }
  });
}

/** A message body rendered from the safe Markdown subset as React elements: every character is escaped text. */
export function MessageBody({ body }: { body: string }) {
  return (
    <div className="message-body">
      {parseMarkdown(body).map((block, index) =>
        block.type === 'paragraph' ? (
          <p key={index}>{renderInline(block.children)}</p>
        ) : block.ordered ? (
          <ol key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{renderInline(item)}</li>
            ))}
          </ol>
        ) : (
          <ul key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{renderInline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
