import { useState } from 'react';
import { MEETING_LIMITS, SOCKET_EVENTS, type Meeting, type MeetingBid } from '@common-ground/shared';
import { FormGroup } from '../components/FormGroup.tsx';
import { TextField } from '../components/TextField.tsx';
import type { useMeeting } from './useMeeting.ts';

type Send = ReturnType<typeof useMeeting>['send'];

/** Bids for time: members bid (the topic is optional); whoever runs the meeting orders them into presenter stages. */
export function BidsSection({
  meeting,
  bids,
  mayBid,
  mayRun,
  send,
  onOrder,
}: {
  meeting: Meeting;
  bids: MeetingBid[];
  mayBid: boolean;
  mayRun: boolean;
  send: Send;
  onOrder(userIds: string[]): Promise<string | null>;
}) {
  const [minutes, setMinutes] = useState('15');
  const [topic, setTopic] = useState('');
  const [order, setOrder] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const ordered = [
    ...order.flatMap((id) => bids.filter((bid) => bid.userId === id)),
    ...bids.filter((bid) => !order.includes(bid.userId)),
  ];
  const moveUp = (index: number) => {
    const ids = ordered.map((bid) => bid.userId);
    [ids[index - 1], ids[index]] = [ids[index]!, ids[index - 1]!];
    setOrder(ids);
  };

  return (
    <section aria-labelledby="bids-heading">
      <h2 id="bids-heading">Bids for time</h2>
      <div role="status" aria-live="polite">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {ordered.length ? (
        <ol data-testid="bid-list">
          {ordered.map((bid, index) => (
            <li key={bid.id}>
              {bid.displayName}: {bid.minutes} minutes{bid.topic ? `, ${bid.topic}` : ''}
              {mayRun && index > 0 ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Move up: ${bid.displayName}`}
                    onClick={() => moveUp(index)}
                  >
                    Move up
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>No bids yet.</p>
      )}
      {mayRun && ordered.length ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            void onOrder(ordered.map((bid) => bid.userId)).then((error) =>
              error ? setProblem(error) : setNews('The presenter stages are on the board, in this order.'),
            )
          }
        >
          Make the presenter stages in this order
        </button>
      ) : null}
      {mayBid ? (
        <form
          aria-label="Your bid"
          onSubmit={(event) => {
            event.preventDefault();
            setProblem(null);
            void send(SOCKET_EVENTS.meetingBid, {
              meetingId: meeting.id,
              minutes: Number(minutes),
              ...(topic.trim() ? { topic } : {}),
            }).then((error) => (error ? setProblem(error.message) : setNews('Your bid is in.')));
          }}
        >
          <FormGroup id="bid-minutes" label="Minutes you would like">
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={1}
                max={MEETING_LIMITS.stageMinutes}
                value={minutes}
                onChange={(event) => setMinutes(event.target.value)}
              />
            )}
          </FormGroup>
          <TextField
            id="bid-topic"
            label="Topic (optional)"
            hint="You need not say what it is about. Never name or describe a child or family."
            value={topic}
            onChange={setTopic}
          />
          <button type="submit" className="button">
            Bid for time
          </button>
        </form>
      ) : null}
      {problem ? <p className="error-message">{problem}</p> : null}
    </section>
  );
}
