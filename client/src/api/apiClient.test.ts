import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@common-ground/shared';
import { api, ApiError } from './apiClient.ts';

const room = {
  id: 'a'.repeat(24),
  communityId: 'b'.repeat(24),
  communityName: 'North',
  kind: 'learning-set',
  title: 'Care leavers',
  documentId: 'c'.repeat(24),
  sourceOrganisation: null,
  recipientOrganisations: [],
  innovationId: null,
  visibility: 'community',
  createdAt: '2026-01-01T00:00:00.000Z',
  role: 'member',
  learningSet: {
    abilities: { seePeople: true, manage: false, agree: true },
    groundRulesRevision: null,
    agreed: false,
  },
};

/** Answers every fetch with one response and keeps what was asked. */
function answer(status: number, body?: unknown) {
  const fetch = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('api(route, request)', () => {
  it('builds the URL and method from the table entry and parses the answer with its schema', async () => {
    const fetch = answer(200, { room });
    const result = await api(routes.getRoom, { params: { id: room.id } });
    expect(result.room.title).toBe('Care leavers');
    expect(fetch).toHaveBeenCalledWith(`/api/rooms/${room.id}`, expect.objectContaining({ method: 'GET' }));
  });

  it('sends the body as JSON and the query in the URL', async () => {
    const fetch = answer(200, { messages: [], hasMore: false, latestSeq: 0 });
    await api(routes.listMessages, { params: { id: room.id }, query: { after: '5' } });
    expect(fetch.mock.calls[0]![0]).toBe(`/api/rooms/${room.id}/messages?after=5`);
    const created = answer(201, { room });
    await api(routes.createRoom, {
      params: { id: room.communityId },
      body: { kind: 'learning-set', title: 'T' },
    });
    const [, init] = created.mock.calls[0]!;
    expect(init).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ kind: 'learning-set', title: 'T' }),
    });
  });

  it('fails loudly when the answer does not match the route’s response schema', async () => {
    answer(200, { room: { ...room, kind: 'ballroom' } });
    await expect(api(routes.getRoom, { params: { id: room.id } })).rejects.toThrow();
  });

  it('turns an error body into an ApiError with its code and details', async () => {
    answer(400, {
      error: { code: 'validation_failed', message: 'No', details: { fields: { title: 'required' } } },
    });
    const error = await api(routes.createRoom, {
      params: { id: room.communityId },
      body: { kind: 'learning-set', title: '' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors()).toEqual({ title: 'required' });
  });
});
