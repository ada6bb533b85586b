import {
  routes,
  urlFor,
  type CreateOpenDayBody,
  type CreatePresenterBody,
  type HostedOpenDay,
  type HostHeadcount,
  type HostQuestion,
  type HostRegistration,
  type ModerateQuestionBody,
  type OpenDayDashboard,
  type Presenter,
  type UpdateOpenDayBody,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Calls a host makes: scheduling, registrations, moderation, presenters, headcount and the dashboard. */
export const openDaysApi = {
  create: async (communityId: string, body: CreateOpenDayBody): Promise<HostedOpenDay> =>
    (await api(routes.createOpenDay, { params: { id: communityId }, body })).openDay,
  list: async (communityId: string): Promise<HostedOpenDay[]> =>
    (await api(routes.listOpenDays, { params: { id: communityId } })).openDays,
  get: async (id: string): Promise<HostedOpenDay> =>
    (await api(routes.getHostedOpenDay, { params: { id } })).openDay,
  update: async (id: string, body: UpdateOpenDayBody): Promise<HostedOpenDay> =>
    (await api(routes.updateOpenDay, { params: { id }, body })).openDay,
  cancel: async (id: string, reason?: string): Promise<HostedOpenDay> =>
    (await api(routes.cancelOpenDay, { params: { id }, body: { reason } })).openDay,
  registrations: async (id: string): Promise<HostRegistration[]> =>
    (await api(routes.listOpenDayRegistrations, { params: { id } })).registrations,
  offerConversation: async (id: string, registrationId: string, message: string): Promise<void> => {
    await api(routes.offerConversation, { params: { id, registrationId }, body: { message } });
  },
  attendanceUrl: (id: string): string => urlFor(routes.exportOpenDayAttendance, { params: { id } }),
  headcount: (id: string): Promise<HostHeadcount> => api(routes.getOpenDayHeadcount, { params: { id } }),
  dashboard: (id: string): Promise<OpenDayDashboard> => api(routes.getOpenDayDashboard, { params: { id } }),
  queue: async (id: string): Promise<HostQuestion[]> =>
    (await api(routes.listQuestionQueue, { params: { id } })).questions,
  moderate: async (id: string, questionId: string, body: ModerateQuestionBody): Promise<HostQuestion> =>
    (await api(routes.moderateQuestion, { params: { id, questionId }, body })).question,
  presenters: async (id: string): Promise<Presenter[]> =>
    (await api(routes.listPresenters, { params: { id } })).presenters,
  addPresenter: async (id: string, body: CreatePresenterBody): Promise<Presenter> =>
    (await api(routes.createPresenter, { params: { id }, body })).presenter,
  withdrawConsent: async (
    id: string,
    presenterId: string,
    consent: 'recording' | 'all',
  ): Promise<Presenter> =>
    (await api(routes.withdrawPresenterConsent, { params: { id, presenterId }, body: { consent } }))
      .presenter,
};
