import { isValidObjectId } from 'mongoose';
import { AppError } from '../../errors.ts';
import { InnovationModel } from '../../models/Innovation.ts';

/**
 * Refuses (422) an innovation a partnership cannot spread: one from another community, or one whose source is not the
 * partnership's source. One source may link the same innovation to several partnerships.
 */
export async function checkInnovationFits(
  communityId: string,
  innovationId: string,
  sourceOrganisationId: string | null | undefined,
): Promise<void> {
  const innovation = isValidObjectId(innovationId)
    ? await InnovationModel.findOne({ _id: innovationId, communityId }, { sourceOrganisationId: 1 }).lean()
    : null;
  if (!innovation || String(innovation.sourceOrganisationId) !== String(sourceOrganisationId)) {
    throw new AppError(
      'validation_failed',
      'Choose an innovation of this partnership’s source in this community.',
      {
        fields: { innovationId: 'Choose an innovation of the source organisation' },
      },
    );
  }
}
