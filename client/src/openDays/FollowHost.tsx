import { useEffect, useId, useRef, useState } from 'react';
import { findHeading, headingText, scrollHeadingIntoView } from './documentHeadings.ts';

/**
 * "Follow the host", off by default: when on, each new host position scrolls that heading into view. Following
 * never moves keyboard focus and announces the new section politely; "Jump to where the host is" works either way.
 */
export function FollowHost({
  hostHeadingId,
  follow,
  whereIsHost,
}: {
  hostHeadingId: string | null;
  /** Tells the server to start or stop sending the host's position; answers where the host is now. */
  follow(following: boolean): Promise<string | null>;
  whereIsHost(): Promise<string | null>;
}) {
  const id = useId();
  const [following, setFollowing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const announce = (text: string) => {
    // A live region is read only when its text changes: empty it, then fill it on the next frame.
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      setAnnouncement('');
      frame.current = requestAnimationFrame(() => setAnnouncement(text));
    });
  };
  const show = (headingId: string | null, words: string) => {
    const heading = headingId ? findHeading(headingId) : null;
    if (!heading) return announce('The host has not reached a heading yet.');
    scrollHeadingIntoView(heading);
    announce(`${words}: ${headingText(heading)}`);
  };

  useEffect(() => {
    // Only a new position while following scrolls; switching following on scrolls through its own answer.
    if (following && hostHeadingId) show(hostHeadingId, 'The host moved to');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hostHeadingId]);

  const toggle = async (on: boolean) => {
    setFollowing(on);
    const where = await follow(on);
    if (on) show(where, 'Following the host, now at');
    else announce('You stopped following the host.');
  };

  return (
    <div className="follow-bar" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="visually-hidden">
        Where the host is
      </span>
      <div className="checkbox">
        <input
          id={`${id}-follow`}
          type="checkbox"
          checked={following}
          onChange={(event) => void toggle(event.target.checked)}
          aria-describedby={`${id}-follow-hint`}
        />
        <label htmlFor={`${id}-follow`}>Follow the host</label>
      </div>
      <p className="hint" id={`${id}-follow-hint`}>
        Scrolls the document to the section the host is on. Your keyboard stays where it is.
      </p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void whereIsHost().then((where) => show(where, 'The host is at'))}
      >
        Jump to where the host is
      </button>
      <p className="visually-hidden" aria-live="polite" data-testid="follow-announcer">
        {announcement}
      </p>
    </div>
  );
}
