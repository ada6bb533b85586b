/** The Socket.IO room everyone in a discussion room is in. */
export const roomChannel = (roomId: string): string => `discussion:${roomId}`;

/** The Socket.IO room of a discussion room's moderators, who also see hidden messages' text. */
export const moderatorChannel = (roomId: string): string => `discussion:${roomId}:moderators`;

/** A person's own Socket.IO room (all their tabs and devices), for notifications. */
export const userChannel = (userId: string): string => `user:${userId}`;
