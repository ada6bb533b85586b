/** The Socket.IO room everyone in a discussion room is in. */
export const roomChannel = (roomId: string): string => `discussion:${roomId}`;

/** The Socket.IO room of a discussion room's moderators, who also see hidden messages' text. */
export const moderatorChannel = (roomId: string): string => `discussion:${roomId}:moderators`;

/** A person's own Socket.IO room (all their tabs and devices), for notifications. */
export const userChannel = (userId: string): string => `user:${userId}`;

/** The Socket.IO room of everyone watching an open day live (visitors and hosts): approved questions, watching. */
export const openDayChannel = (openDayId: string): string => `openday:${openDayId}`;

/** The Socket.IO room of an open day's hosts: the moderation queue and the headcount by organisation. */
export const openDayHostsChannel = (openDayId: string): string => `openday:${openDayId}:hosts`;

/** The Socket.IO room of the visitors who chose to follow the host's position; nobody else gets it. */
export const openDayFollowersChannel = (openDayId: string): string => `openday:${openDayId}:followers`;
