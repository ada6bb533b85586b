import { Fragment, useContext, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from './markdown.ts';
import { MentionNames } from './MentionNames.tsx';
import { splitMentions } from './mentionQuery.ts';

function renderInline(inlines: Inline[], names: readonly string[]): ReactNode[] {
  return inlines.map((inline, index) => {
    switch (inline.type) {
      case 'text':
        return (
          <Fragment key={index}>
            {splitMentions(inline.text, names).map((piece, at) =>
              piece.mention ? (
                <mark className="mention" key={at}>
                  {piece.text}
                </mark>
              ) : (
                <Fragment key={at}>{piece.text}</Fragment>
              ),
            )}
          </Fragment>
        );
      case 'strong':
        return <strong key={index}>{renderInline(inline.children, names)}</strong>;
      case 'em':
        return <em key={index}>{renderInline(inline.children, names)}</em>;
      case 'code':
        return <code key={index}>{inline.text}</code>;
      case 'link':
        return (
          <a key={index} href={inline.href} rel="noopener noreferrer nofollow" target="_blank">
            {renderInline(inline.children, names)}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        );
    }
  });
}

/**
 * A message body rendered from the safe Markdown subset as React elements: every character is escaped text, and
 * `@Name` mentions of the room's people are highlighted.
 */
export function MessageBody({ body }: { body: string }) {
  const names = useContext(MentionNames);
  return (
    <div className="message-body">
      {parseMarkdown(body).map((block, index) =>
        block.type === 'paragraph' ? (
          <p key={index}>{renderInline(block.children, names)}</p>
        ) : block.ordered ? (
          <ol key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{renderInline(item, names)}</li>
            ))}
          </ol>
        ) : (
          <ul key={index}>
            {block.items.map((item, i) => (
              <li key={i}>{renderInline(item, names)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
