import { useCallback } from 'react';
import type { Room } from '@common-ground/shared';
import { getJourney } from '../api/partnerships.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { AdaptationLogSection } from './AdaptationLogSection.tsx';
import { HealthSection } from './HealthSection.tsx';
import { JourneySection } from './JourneySection.tsx';
import { PartnershipSettings } from './PartnershipSettings.tsx';
import { ReflectionsSection } from './ReflectionsSection.tsx';
import './partnerships.css';

/**
 * A partnership's own page sections: its health (for its people and facilitators only), its journey, its adaptation
 * log and its reflections. What the caller may do comes with the journey, decided by the server.
 */
export function PartnershipSections({ room, onChanged }: { room: Room; onChanged(): void }) {
  const load = useCallback(() => getJourney(room.id), [room.id]);
  const journey = useApiData(load);
  if (journey.error) return <p className="error-message">{journey.error.message}</p>;
  if (!journey.data) return <p role="status">Loading the partnership…</p>;
  const { abilities } = journey.data;
  return (
    <div className="partnership">
      <p className="hint" data-testid="partnership-visibility">
        {room.visibility === 'partners'
          ? 'Partners only: only people of these organisations and the community’s facilitators can see this partnership.'
          : 'Everyone in the community can see this partnership. Its health is still for its own people and the facilitators.'}
      </p>
      {abilities.configure ? <PartnershipSettings room={room} onChanged={onChanged} /> : null}
      {abilities.seeHealth ? <HealthSection roomId={room.id} /> : null}
      <JourneySection room={room} journey={journey.data} reload={journey.reload} />
      <AdaptationLogSection key={room.innovationId ?? 'none'} roomId={room.id} />
      <ReflectionsSection room={room} abilities={abilities} onChanged={journey.reload} />
    </div>
  );
}
