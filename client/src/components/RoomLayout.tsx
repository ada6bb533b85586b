import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useMediaQuery } from '../hooks/useMediaQuery.ts';
import { Tabs } from './Tabs.tsx';
import { MESSAGE_PARAM } from '../discussion/permalinks.ts';

/** Below this width the document and the discussion do not fit side by side, so they become tabs. */
export const ROOM_TABS_QUERY = '(max-width: 999px)';

/**
 * A room's parts: on a wide screen the details, then the document beside a discussion that scrolls on its own;
 * on a phone or narrow window, tabs for the document, the discussion and the room's details, so the document is
 * the first thing under the title.
 */
export function RoomLayout({
  about,
  document,
  discussion,
  after,
}: {
  about: ReactNode;
  document: ReactNode;
  discussion: ReactNode;
  /** Shown below the panels on a wide screen, and in the details tab on a narrow one. */
  after?: ReactNode;
}) {
  const narrow = useMediaQuery(ROOM_TABS_QUERY);
  // A message's permalink opens the discussion tab.
  const [searchParams] = useSearchParams();
  if (narrow) {
    return (
      <Tabs
        label="Room"
        initial={searchParams.has(MESSAGE_PARAM) ? 'discussion' : 'document'}
        className="room-tabs"
        tabs={[
          { id: 'document', label: 'Document', panel: document },
          { id: 'discussion', label: 'Discussion', panel: discussion },
          {
            id: 'about',
            label: 'About',
            panel: (
              <>
                {about}
                {after}
              </>
            ),
          },
        ]}
      />
    );
  }
  return (
    <>
      {about}
      <div className="room-panels">
        <div className="room-panels__document">{document}</div>
        <div className="room-panels__discussion">{discussion}</div>
      </div>
      {after}
    </>
  );
}
