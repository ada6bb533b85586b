import { useEffect, useRef, useState } from 'react';
import type { Message } from '@common-ground/shared';

const QUIET_MS = 1500;

/**
 * A polite live region for new messages from others that stays quiet under bursts: it waits for a pause, then says
 * who wrote the one new message, or how many arrived.
 */
export function Announcer({ arrivals }: { arrivals: Message[] }) {
  const [text, setText] = useState('');
  const announced = useRef(arrivals.length);
  useEffect(() => {
    const timer = setTimeout(() => {
      const fresh = arrivals.slice(Math.min(announced.current, arrivals.length));
      announced.current = arrivals.length;
      if (fresh.length === 1) setText(`New message from ${fresh[0]!.author.displayName}`);
      else if (fresh.length > 1) setText(`${fresh.length} new messages`);
    }, QUIET_MS);
    return () => clearTimeout(timer);
  }, [arrivals]);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="new-message-announcer">
      {text}
    </p>
  );
}
