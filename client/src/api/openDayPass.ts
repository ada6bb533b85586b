import {
  routes,
  urlFor,
  type AskQuestionBody,
  type Feedback,
  type FeedbackBody,
  type OpenDayLive,
  type OpenDayPass,
  type OwnQuestion,
  type PreRead,
  type PublicOpenDay,
  type PublicQuestion,
  type RegisterForOpenDayBody,
  type TakeBackPack,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Calls anyone makes (the public page, registration, cancelling) and a pass holder makes. */
export const openDayPassApi = {
  publicDetails: async (slug: string): Promise<PublicOpenDay> =>
    (await api(routes.getOpenDay, { params: { slug } })).openDay,
  organisations: async (slug: string): Promise<{ id: string; name: string }[]> =>
    (await api(routes.listOpenDayOrganisations, { params: { slug } })).organisations,
  register: async (slug: string, body: RegisterForOpenDayBody): Promise<void> => {
    await api(routes.registerForOpenDay, { params: { slug }, body });
  },
  cancelRegistration: async (token: string): Promise<void> => {
    await api(routes.cancelOpenDayRegistration, { body: { token } });
  },
  /** Opens the pass from its emailed token: the server starts a session for this open day only. */
  open: async (token: string): Promise<OpenDayPass> =>
    (await api(routes.startOpenDayPassSession, { body: { token } })).pass,
  get: async (): Promise<OpenDayPass> => (await api(routes.getOpenDayPass)).pass,
  preRead: async (): Promise<PreRead> => (await api(routes.getOpenDayPreRead)).preRead,
  documentUrl: (id: string, format: 'html' | 'pdf'): string =>
    urlFor(routes.readPreReadDocument, { params: { id }, query: { format } }),
  live: (): Promise<OpenDayLive> => api(routes.getOpenDayLive),
  questions: (): Promise<{ questions: PublicQuestion[]; mine: OwnQuestion[] }> =>
    api(routes.listPassQuestions),
  ask: async (body: AskQuestionBody): Promise<OwnQuestion> =>
    (await api(routes.askOpenDayQuestion, { body })).question,
  vote: async (id: string): Promise<PublicQuestion> =>
    (await api(routes.voteForQuestion, { params: { id }, body: {} })).question,
  takeBack: async (): Promise<TakeBackPack> => (await api(routes.getTakeBackPack)).pack,
  feedback: async (body: FeedbackBody): Promise<Feedback> =>
    (await api(routes.submitOpenDayFeedback, { body })).feedback,
};
