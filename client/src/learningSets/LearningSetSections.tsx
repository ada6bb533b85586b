import type { Room } from '@common-ground/shared';
import { MeetingsSection } from '../meetings/MeetingsSection.tsx';
import { GroundRulesSection } from './GroundRulesSection.tsx';
import { SetPeopleSection } from './SetPeopleSection.tsx';

/** A learning set's contracting and its people, shown on its room page above the document and discussion. */
export function LearningSetSections({ room, onChanged }: { room: Room; onChanged(): void }) {
  return (
    <div className="learning-set">
      <GroundRulesSection roomId={room.id} onAgreed={onChanged} />
      <SetPeopleSection roomId={room.id} communityId={room.communityId} />
      {room.role ? <MeetingsSection room={room} /> : null}
    </div>
  );
}
