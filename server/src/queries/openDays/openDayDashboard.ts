import type { OpenDayDashboard, QuestionStatus } from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { OpenDayAttendanceModel } from '../../models/OpenDayAttendance.ts';
import { OpenDayFeedbackModel } from '../../models/OpenDayFeedback.ts';
import { OpenDayQuestionModel } from '../../models/OpenDayQuestion.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';

/**
 * The host dashboard, computed from the stored registrations, attendance, questions and feedback each time it is
 * asked: ratings counted one by one, free text grouped by the question it answers. Nothing ranks organisations.
 */
export async function openDayDashboard(openDayId: string): Promise<OpenDayDashboard> {
  const [registrations, attended, questions, feedback] = await Promise.all([
    OpenDayRegistrationModel.find(
      { openDayId },
      { status: 1, displayName: 1, organisationName: 1, conversationOfferedAt: 1 },
    ).lean(),
    OpenDayAttendanceModel.countDocuments({ openDayId }),
    OpenDayQuestionModel.find({ openDayId }, { status: 1 }).lean(),
    OpenDayFeedbackModel.find({ openDayId }).sort({ submittedAt: 1 }).lean(),
  ]);
  const countStatus = (status: string) => registrations.filter((entry) => entry.status === status).length;
  const questionCounts: Record<QuestionStatus, number> = {
    pending: 0,
    approved: 0,
    answered: 0,
    rejected: 0,
    merged: 0,
  };
  for (const question of questions) questionCounts[question.status as QuestionStatus] += 1;
  const usefulnessCounts = [0, 0, 0, 0, 0];
  for (const entry of feedback) usefulnessCounts[entry.usefulness - 1]! += 1;
  const total = feedback.reduce((sum, entry) => sum + entry.usefulness, 0);
  const texts = (field: 'nextStep' | 'whoElse' | 'whatWouldStop') =>
    feedback.map((entry) => entry[field] ?? '').filter((text) => text.trim() !== '');
  const talkIds = feedback.filter((entry) => entry.wouldLikeToTalk).map((entry) => entry._id);
  const talkers = registrations.filter((registration) =>
    talkIds.some((id) => String(id) === String(registration._id)),
  );
  return {
    openDayId,
    registrations: {
      confirmed: countStatus('confirmed'),
      waiting: countStatus('waiting'),
      cancelled: countStatus('cancelled'),
      attended,
    },
    questions: questionCounts,
    feedback: {
      responses: feedback.length,
      usefulnessCounts,
      usefulnessAverage: feedback.length ? Math.round((total / feedback.length) * 100) / 100 : null,
      wouldLikeToTalk: talkIds.length,
      text: { nextStep: texts('nextStep'), whoElse: texts('whoElse'), whatWouldStop: texts('whatWouldStop') },
    },
    wouldLikeToTalk: talkers.map((registration) => ({
      registrationId: String(registration._id),
      displayName: registration.displayName,
      organisationName: registration.organisationName,
      conversationOfferedAt: registration.conversationOfferedAt?.toISOString() ?? null,
    })),
  };
}

/** Ids of the open day's registrations that came (for the registration list). */
export async function attendedRegistrationIds(openDayId: string): Promise<Set<string>> {
  const rows = await OpenDayAttendanceModel.find({ openDayId }, { registrationId: 1 }).lean();
  return new Set(rows.map((row) => String(row.registrationId)));
}

/** Attendance as CSV: one row per registered visitor who joined, never presenters or hosts. */
export async function attendanceCsv(openDayId: string): Promise<string> {
  const rows = await OpenDayAttendanceModel.find({ openDayId }).sort({ firstSeenAt: 1 }).lean();
  const registrations = await OpenDayRegistrationModel.find({
    _id: trusted({ $in: rows.map((row) => row.registrationId) }),
  }).lean();
  const byId = new Map(registrations.map((registration) => [String(registration._id), registration]));
  const cell = (value: string) => {
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = ['Name,Email,Organisation,Organisation verified,Role,First joined'];
  for (const row of rows) {
    const registration = byId.get(String(row.registrationId));
    if (!registration) continue;
    lines.push(
      [
        registration.displayName,
        registration.email,
        registration.organisationName,
        registration.organisationVerified ? 'yes' : 'no',
        registration.role,
        row.firstSeenAt.toISOString(),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
