import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { organisationColour, type CollabAwarenessUser } from '@common-ground/shared';
import { OrganisationName } from '../components/OrganisationName.tsx';

interface Present {
  user: CollabAwarenessUser;
  isYou: boolean;
}

/** The signed-in editor's own identity; the server sets it in what others see, but never echoes it back. */
export type PresenceSelf = Omit<CollabAwarenessUser, 'color'>;

const NEUTRAL = '#505a5f';

function presentUsers(provider: WebsocketProvider, self: PresenceSelf | null): Present[] {
  const byId = new Map<string, Present>();
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (clientId === provider.doc.clientID) continue;
    const user = (state as { user?: Partial<CollabAwarenessUser> }).user;
    if (!user?.id || typeof user.name !== 'string' || !user.name) continue;
    byId.set(user.id, {
      user: {
        id: user.id,
        name: user.name,
        organisation: user.organisation ?? null,
        color: user.color ?? NEUTRAL,
      },
      isYou: user.id === self?.id,
    });
  }
  if (self) {
    // The server never echoes our own awareness, so compute our colour the way it does.
    const color = organisationColour(self.organisation?.id ?? null);
    byId.set(self.id, { user: { ...self, color }, isYou: true });
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isYou) - Number(a.isYou) || a.user.name.localeCompare(b.user.name),
  );
}

/**
 * Who is editing now, by name and organisation, each organisation in its own colour (the colour of their carets), and
 * how many people are watching read-only.
 */
export function PresenceList({
  provider,
  watchers,
  self,
}: {
  provider: WebsocketProvider;
  watchers: number;
  self: PresenceSelf | null;
}) {
  const [people, setPeople] = useState<Present[]>(() => presentUsers(provider, self));
  useEffect(() => {
    const refresh = (): void => setPeople(presentUsers(provider, self));
    provider.awareness.on('change', refresh);
    return () => provider.awareness.off('change', refresh);
  }, [provider, self]);

  return (
    <section className="doc-presence" aria-labelledby="document-presence-heading">
      <h3 id="document-presence-heading" className="doc-presence__heading">
        In the document
      </h3>
      <ul className="doc-presence__list">
        {people.map(({ user, isYou }) => (
          <li key={user.id} className="doc-presence__person" data-testid="document-presence-person">
            <span
              className="doc-presence__swatch"
              style={{ backgroundColor: user.color }}
              aria-hidden="true"
            />
            <span className="doc-presence__name">
              {user.name}
              {isYou ? ' (you)' : ''}
            </span>
            {user.organisation ? (
              <span className="doc-presence__organisation">
                <OrganisationName organisation={user.organisation} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="doc-presence__watchers" data-testid="document-watcher-count">
        {watchers === 1 ? '1 person watching' : `${watchers} people watching`}
      </p>
    </section>
  );
}
