import { describe, expect, it } from 'vitest';
import { SOCKET_EVENTS } from '@common-ground/shared';
import { describeSocketError, emitWithAck } from './socket.ts';

describe('describeSocketError', () => {
  it('says when to try again after a rate limit', () => {
    expect(
      describeSocketError({
        code: 'rate_limited',
        message: 'You are sending messages too quickly.',
        details: { retryAfterSeconds: 42 },
      }),
    ).toBe('You are sending messages too quickly. You can try again in 42 seconds.');
  });

  it('names the fields to fix after a validation error', () => {
    expect(
      describeSocketError({
        code: 'validation_failed',
        message: 'The payload is not valid: body: must be at most 5000 characters',
        details: { fields: { body: 'must be at most 5000 characters' } },
      }),
    ).toBe('Check the message: must be at most 5000 characters.');
  });

  it('falls back to the message without details', () => {
    expect(describeSocketError({ code: 'forbidden', message: 'Not yours.' })).toBe('Not yours.');
  });
});

describe('emitWithAck', () => {
  it('is typed from ClientToServerEvents: a wrong payload or answer does not compile', () => {
    // Never called: the checks are the compiler's.
    const typed = async () => {
      // @ts-expect-error a message:send payload needs a body and a clientMessageId
      await emitWithAck(SOCKET_EVENTS.messageSend, { roomId: 'r' });
      const answer = await emitWithAck(SOCKET_EVENTS.roomJoin, { roomId: 'r' });
      // @ts-expect-error a room:join answer carries no single message
      if (answer.ok) void answer.message;
    };
    expect(typed).toBeTypeOf('function');
  });
});
