import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { CollabAwarenessUser } from '@common-ground/shared';

interface Present {
  user: CollabAwarenessUser;
  isYou: boolean;
}

function presentUsers(provider: WebsocketProvider): Present[] {
  const byId = new Map<string, Present>();
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = (state as { user?: Partial<CollabAwarenessUser> }).user;
    if (!user?.id || typeof user.name !== 'string' || !user.name) continue;
    const isYou = clientId === provider.doc.clientID;
    const previous = byId.get(user.id);
    byId.set(user.id, {
      user: {
        id: user.id,
        name: user.name,
        organisation: user.organisation ?? null,
        color: user.color ?? '#505a5f',
      },
      isYou: isYou || Boolean(previous?.isYou),
    });
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isYou) - Number(a.isYou) || a.user.name.localeCompare(b.user.name),
  );
}

/**
 * Who is editing now, by name and organisation, each organisation in its own colour (the colour of their carets), and
 * how many people are watching read-only.
 */
export function PresenceList({ provider, watchers }: { provider: WebsocketProvider; watchers: number }) {
  const [people, setPeople] = useState<Present[]>(() => presentUsers(provider));
  useEffect(() => {
    const refresh = (): void => setPeople(presentUsers(provider));
    refresh();
    provider.awareness.on('change', refresh);
    return () => provider.awareness.off('change', refresh);
  }, [provider]);

  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h3 id="presence-heading" className="presence__heading">
        In the document
      </h3>
      <ul className="presence__list">
        {people.map(({ user, isYou }) => (
          <li key={user.id} className="presence__person" data-testid="presence-person">
            <span className="presence__swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
            <span className="presence__name">
              {user.name}
              {isYou ? ' (you)' : ''}
            </span>
            {user.organisation ? (
              <span className="presence__organisation">{user.organisation.name}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="presence__watchers" data-testid="watcher-count">
        {watchers === 1 ? '1 person watching' : `${watchers} people watching`}
      </p>
    </section>
  );
}
