import { useRef, useState } from 'react';
import {
  CONTACT_KINDS,
  CONTACT_KIND_LABELS,
  MILESTONE_KINDS,
  MILESTONE_KIND_LABELS,
  type Journey,
  type MilestoneKind,
  type Room,
} from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import {
  addMilestone,
  logContact,
  markRecontracted,
  putSponsor,
  updateMilestone,
} from '../api/partnerships.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The shared journey: log contact in two clicks, milestones (a considered "not for us" shown as an ending), both
 * sides' sponsors with the prompt to re-contract after a change, and everything that happened by itself.
 */
export function JourneySection({ room, journey, reload }: { room: Room; journey: Journey; reload(): void }) {
  const { abilities } = journey;
  const [news, setNews] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [kind, setKind] = useState<MilestoneKind | ''>('');
  const [title, setTitle] = useState('');
  const [plannedFor, setPlannedFor] = useState('');
  const [sponsorName, setSponsorName] = useState('');
  const [sponsorTitle, setSponsorTitle] = useState('');
  const status = useRef<HTMLDivElement>(null);
  const act = async (action: () => Promise<unknown>, message: string) => {
    try {
      setProblem(null);
      await action();
      reload();
      setNews(message);
      status.current?.focus();
      return true;
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
      return false;
    }
  };
  const ownSponsor = journey.sponsors.find((sponsor) =>
    abilities.sponsorFor.includes(sponsor.organisationId),
  );

  return (
    <section aria-labelledby="journey-heading" className="partnership-section">
      <h2 id="journey-heading">Journey</h2>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {problem ? <p className="error-message">{problem}</p> : null}
      {journey.recontract ? (
        <div className="notice" data-testid="recontract-prompt">
          <p>
            <strong>A sponsor has changed.</strong> {journey.recontract.reason}. Please agree again, on both
            sides, how you will work together.
          </p>
          {abilities.record ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                void act(() => markRecontracted(room.id), 'Recorded: both sides have re-contracted.')
              }
            >
              We have re-contracted
            </button>
          ) : null}
        </div>
      ) : null}
      {abilities.record ? (
        <div className="contact-log">
          <h3>Log contact held off the platform</h3>
          <p className="hint">A visit, call or meeting counts as both sides being in touch.</p>
          <div className="inline-form">
            {CONTACT_KINDS.map((contact) => (
              <button
                key={contact}
                type="button"
                className="button button-secondary"
                onClick={() =>
                  void act(
                    () => logContact(room.id, { kind: contact }),
                    `${CONTACT_KIND_LABELS[contact]} logged on the journey.`,
                  )
                }
              >
                Log a {CONTACT_KIND_LABELS[contact].toLowerCase()}
              </button>
            ))}
          </div>
        </div>
      ) : null}

      <h3>Milestones</h3>
      {journey.milestones.length ? (
        <ol className="card-list" data-testid="milestones">
          {journey.milestones.map((milestone) => (
            <li key={milestone.id}>
              <p className="card-title">
                {milestone.title}{' '}
                <span className={milestone.isEnding ? 'tag' : 'tag tag-grey'}>
                  {MILESTONE_KIND_LABELS[milestone.kind]}
                </span>
              </p>
              <p>
                {milestone.reachedAt
                  ? `Reached ${milestone.reachedAt}`
                  : milestone.plannedFor
                    ? `Planned for ${milestone.plannedFor}`
                    : 'Not dated yet'}
              </p>
              {milestone.isEnding ? (
                <p className="hint">
                  A considered decision that this is not for them: a proper ending, and learning for everyone.
                </p>
              ) : null}
              {milestone.note ? <p>{milestone.note}</p> : null}
              {abilities.record && !milestone.reachedAt ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    void act(
                      () => updateMilestone(room.id, milestone.id, { reachedAt: today() }),
                      `${milestone.title}: reached today.`,
                    )
                  }
                >
                  Mark “{milestone.title}” reached today
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>No milestones yet.</p>
      )}
      {abilities.record ? (
        <form
          className="partnership-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!kind || !title.trim()) {
              setProblem('Choose a kind of milestone and give it a title.');
              return;
            }
            void act(
              () => addMilestone(room.id, { kind, title, ...(plannedFor ? { plannedFor } : {}) }),
              'Milestone added.',
            ).then((ok) => {
              if (ok) {
                setKind('');
                setTitle('');
                setPlannedFor('');
              }
            });
          }}
        >
          <h4>Add a milestone</h4>
          <SelectField
            id="milestone-kind"
            label="Kind of milestone"
            value={kind}
            options={MILESTONE_KINDS.map((value) => ({ value, label: MILESTONE_KIND_LABELS[value] }))}
            onChange={setKind}
          />
          <TextField id="milestone-title" label="Title" value={title} onChange={setTitle} />
          <TextField
            id="milestone-planned"
            label="Planned for (optional)"
            type="date"
            value={plannedFor}
            onChange={setPlannedFor}
          />
          <button type="submit" className="button">
            Add milestone
          </button>
        </form>
      ) : null}

      <h3>Sponsors</h3>
      <dl className="summary-list" data-testid="sponsors">
        {journey.sponsors.map((sponsor) => (
          <div key={sponsor.organisationId}>
            <dt>
              {sponsor.organisationName} ({sponsor.side})
            </dt>
            <dd>{sponsor.name ? `${sponsor.name}, ${sponsor.jobTitle ?? ''}` : 'No sponsor named yet'}</dd>
          </div>
        ))}
      </dl>
      {ownSponsor ? (
        <form
          className="partnership-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () =>
                putSponsor(room.id, ownSponsor.organisationId, { name: sponsorName, jobTitle: sponsorTitle }),
              'Sponsor saved.',
            );
          }}
        >
          <h4>{ownSponsor.organisationName}’s senior sponsor</h4>
          <TextField id="sponsor-name" label="Sponsor’s name" value={sponsorName} onChange={setSponsorName} />
          <TextField
            id="sponsor-title"
            label="Sponsor’s job title"
            value={sponsorTitle}
            onChange={setSponsorTitle}
          />
          <button type="submit" className="button">
            Save sponsor
          </button>
        </form>
      ) : null}

      <h3>What happened</h3>
      {journey.events.length ? (
        <ol className="journey-events" data-testid="journey-events">
          {journey.events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>: {event.title}
              {event.organisationName ? ` (${event.organisationName})` : ''}
              {event.note ? <span className="hint"> {event.note}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>Nothing yet. Meetings, named document versions, reflections and logged contact appear here.</p>
      )}
    </section>
  );
}
