import type { DiscussionSocket } from './socketTypes.ts';

/** The Socket.IO room of everyone who joined a meeting. */
export const meetingChannel = (meetingId: string): string => `meeting:${meetingId}`;

/** One person's sockets in one meeting, so a hidden clock reaches the presenter alone. */
export const meetingPersonChannel = (meetingId: string, userId: string): string =>
  `meeting:${meetingId}:person:${userId}`;

/** Takes a socket out of a meeting's channels. */
export function leaveMeetingChannels(socket: DiscussionSocket, meetingId: string): void {
  const userId = socket.data.caller.kind === 'user' ? socket.data.caller.user.id : null;
  void socket.leave(meetingChannel(meetingId));
  if (userId) void socket.leave(meetingPersonChannel(meetingId, userId));
  delete socket.data.meetings[meetingId];
}
