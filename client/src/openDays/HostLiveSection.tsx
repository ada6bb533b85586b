import { useCallback } from 'react';
import type { HostedOpenDay } from '@common-ground/shared';
import { getRoom } from '../api/rooms.ts';
import { DocumentPanel } from '../collaboration/DocumentPanel.tsx';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { Headcount } from './Headcount.tsx';
import { ModerationQueue } from './ModerationQueue.tsx';
import { useHostPosition } from './useHostPosition.ts';
import { useOpenDayLive } from './useOpenDayLive.ts';

/**
 * The host's live view: who is here, the question queue, and the live document, where the heading the host's caret
 * is under is sent to visitors who follow.
 */
export function HostLiveSection({ openDay }: { openDay: HostedOpenDay }) {
  const live = useOpenDayLive(openDay.id);
  const loadRoom = useCallback(() => getRoom(openDay.roomId), [openDay.roomId]);
  const room = useApiData(loadRoom);
  useHostPosition(live.sendPosition, openDay.phase === 'live');

  return (
    <>
      {live.problem ? <p className="error-message">{live.problem}</p> : null}
      <div className="room-panels">
        <div>
          <Headcount headcount={live.headcount} />
          <p data-testid="host-watching">
            {live.watching} {live.watching === 1 ? 'person is' : 'people are'} watching the room.
          </p>
        </div>
        {live.queue ? (
          <ModerationQueue openDayId={openDay.id} queue={live.queue} onChanged={live.putQueued} />
        ) : (
          <p role="status">Loading the questions…</p>
        )}
      </div>
      {room.data ? (
        <PanelBoundary name="learning document">
          <p className="hint">
            During the live window, visitors who follow you see the section your cursor is in.
          </p>
          <div className="open-day-live">
            <DocumentPanel room={room.data} />
          </div>
        </PanelBoundary>
      ) : null}
    </>
  );
}
