import { roomListSchema, roomResponseSchema, type CreateRoomBody, type Room } from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

/** The rooms of a community (without its community space). */
export async function listRooms(communityId: string): Promise<Room[]> {
  return (
    await apiRequest('GET', `/api/communities/${encodeURIComponent(communityId)}/rooms`, {
      schema: roomListSchema,
    })
  ).rooms;
}

/** Creates a learning set, partnership or open-day room in a community. */
export async function createRoom(communityId: string, body: CreateRoomBody): Promise<Room> {
  return (
    await apiRequest('POST', `/api/communities/${encodeURIComponent(communityId)}/rooms`, {
      body,
      schema: roomResponseSchema,
    })
  ).room;
}

/** One room with the caller's role; works for open-day visitors too. */
export async function getRoom(id: string): Promise<Room> {
  return (await apiRequest('GET', `/api/rooms/${encodeURIComponent(id)}`, { schema: roomResponseSchema }))
    .room;
}
