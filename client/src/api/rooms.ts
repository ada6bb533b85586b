import { routes, type CreateRoomBody, type Room } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** The rooms of a community (without its community space). */
export async function listRooms(communityId: string): Promise<Room[]> {
  return (await api(routes.listRooms, { params: { id: communityId } })).rooms;
}

/** Creates a learning set, partnership or open-day room in a community. */
export async function createRoom(communityId: string, body: CreateRoomBody): Promise<Room> {
  return (await api(routes.createRoom, { params: { id: communityId }, body })).room;
}

/** One room with the caller's role; works for open-day visitors too. */
export async function getRoom(id: string): Promise<Room> {
  return (await api(routes.getRoom, { params: { id } })).room;
}
