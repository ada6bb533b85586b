import { createContext } from 'react';

/** The display names of the room's people, so a rendered message can highlight `@Name` mentions of them. */
export const MentionNames = createContext<readonly string[]>([]);
