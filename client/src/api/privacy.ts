import { routes, urlFor, type AuditLog, type DeleteAccountBody } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Where the browser downloads everything stored about the signed-in person (one JSON file). */
export const myDataUrl = (): string => urlFor(routes.exportMyData);

/** Deletes the signed-in person's account; their session ends with it. */
export async function deleteMyAccount(body: DeleteAccountBody): Promise<void> {
  await api(routes.deleteMyAccount, { body });
}

/** One page of a community's audit log, newest first, ending before the given event. */
export async function getAuditLog(communityId: string, before?: string): Promise<AuditLog> {
  return api(routes.getCommunityAuditLog, {
    params: { id: communityId },
    query: before ? { before } : {},
  });
}
