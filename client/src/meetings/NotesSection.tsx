import { useCallback, useState } from 'react';
import { can, meetingNotesRole, type Room, type SetMember } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listMeetingNotes, optInNotes } from '../api/meetings.ts';
import { DocumentPanel } from '../collaboration/DocumentPanel.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/**
 * A presenter's notes: nothing is written about their slot unless they opt in and choose who takes notes. The notes
 * open here as a co-edited document; the presenter and their note-takers write, the rest of the set reads.
 */
export function NotesSection({
  meetingId,
  room,
  userId,
  members,
  mayOptIn,
}: {
  meetingId: string;
  room: Room;
  userId: string;
  members: SetMember[];
  mayOptIn: boolean;
}) {
  const load = useCallback(() => listMeetingNotes(meetingId), [meetingId]);
  const state = useApiData(load);
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const notes = state.data ?? [];
  const names = new Map(members.map((member) => [member.userId, member.person.displayName]));
  const mine = notes.find((entry) => entry.presenterId === userId);
  const candidates = members.filter(
    (member) => member.userId !== userId && can(member.role, 'document.edit'),
  );
  const opened = notes.find((entry) => entry.id === open);

  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {notes.length ? (
        <ul className="link-list" data-testid="notes-list">
          {notes.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="link-button"
                aria-expanded={open === entry.id}
                onClick={() => setOpen(open === entry.id ? null : entry.id)}
              >
                Notes on {names.get(entry.presenterId) ?? 'a presenter'}’s slot
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No notes: nothing is written about a presenter’s issue unless they opt in.</p>
      )}
      {mayOptIn && !mine ? (
        <form
          aria-labelledby="opt-in-heading"
          onSubmit={(event) => {
            event.preventDefault();
            setProblem(null);
            optInNotes(meetingId, chosen).then(
              (made) => {
                state.reload();
                setOpen(made.id);
              },
              (error: unknown) =>
                setProblem(error instanceof ApiError ? error.message : 'That did not work.'),
            );
          }}
        >
          <h3 id="opt-in-heading">Notes on your slot</h3>
          <fieldset className="fieldset">
            <legend>Who takes notes? You can write in them too.</legend>
            {candidates.map((member) => (
              <div key={member.userId} className="checkbox-row">
                <input
                  type="checkbox"
                  id={`note-taker-${member.userId}`}
                  checked={chosen.includes(member.userId)}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked
                        ? [...chosen, member.userId]
                        : chosen.filter((id) => id !== member.userId),
                    )
                  }
                />
                <label htmlFor={`note-taker-${member.userId}`}>{member.person.displayName}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            Opt in to notes on my slot
          </button>
        </form>
      ) : null}
      {problem ? <p className="error-message">{problem}</p> : null}
      {opened ? (
        <DocumentPanel
          key={opened.documentId}
          room={{
            ...room,
            documentId: opened.documentId,
            title: `notes on ${names.get(opened.presenterId) ?? 'a presenter'}’s slot`,
            role: meetingNotesRole(room.role, userId, opened),
          }}
        />
      ) : null}
    </section>
  );
}
