import { useEffect, useRef, useState } from 'react';
import type { Arrivals } from './useDiscussion.ts';

const QUIET_MS = 1500;

/**
 * A polite live region for new messages from others that stays quiet under bursts: it waits for a pause, then says
 * who wrote the one new message, or how many arrived.
 */
export function Announcer({ arrivals }: { arrivals: Arrivals }) {
  const [text, setText] = useState('');
  const announced = useRef(arrivals.count);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useEffect(() => {
    const timer = setTimeout(() => {
      const fresh = arrivals.count - announced.current;
      announced.current = arrivals.count;
      if (fresh < 1 || !arrivals.latest) return;
      const next =
        fresh === 1 ? `New message from ${arrivals.latest.author.displayName}` : `${fresh} new messages`;
      // Screen readers skip a live region whose text does not change: empty it, then fill it on the next frame.
      setText('');
      frame.current = requestAnimationFrame(() => setText(next));
    }, QUIET_MS);
    return () => clearTimeout(timer);
  }, [arrivals]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="new-message-announcer">
      {text}
    </p>
  );
}
