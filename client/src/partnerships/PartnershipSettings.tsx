import { useCallback, useState } from 'react';
import {
  ROOM_VISIBILITIES,
  ROOM_VISIBILITY_LABELS,
  type Room,
  type RoomVisibility,
} from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listInnovations } from '../api/innovations.ts';
import { updatePartnership } from '../api/partnerships.ts';
import { SelectField } from '../components/SelectField.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/** For the partnership's people and facilitators: which of its source's innovations it spreads, and who sees it. */
export function PartnershipSettings({ room, onChanged }: { room: Room; onChanged(): void }) {
  const load = useCallback(() => listInnovations(room.communityId), [room.communityId]);
  const { data } = useApiData(load);
  const [innovationId, setInnovationId] = useState(room.innovationId ?? '');
  const [visibility, setVisibility] = useState<RoomVisibility>(room.visibility);
  const [news, setNews] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const options = (data?.innovations ?? [])
    .filter((innovation) => innovation.sourceOrganisation.id === room.sourceOrganisation?.id)
    .map((innovation) => ({ value: innovation.id, label: innovation.name }));
  return (
    <details className="partnership-settings">
      <summary>Partnership settings</summary>
      <form
        className="partnership-form"
        onSubmit={(event) => {
          event.preventDefault();
          setProblem(null);
          updatePartnership(room.id, { visibility, ...(innovationId ? { innovationId } : {}) })
            .then(() => {
              setNews('Settings saved.');
              onChanged();
            })
            .catch((error: unknown) =>
              setProblem(error instanceof ApiError ? error.message : 'That did not save. Try again.'),
            );
        }}
      >
        <div role="status" aria-live="polite">
          {news ? <p className="notice">{news}</p> : null}
        </div>
        {problem ? <p className="error-message">{problem}</p> : null}
        <SelectField
          id="partnership-innovation"
          label="The innovation this partnership spreads"
          hint="One of the source organisation’s innovations; the same one may be spread to several sites."
          value={innovationId}
          options={options}
          onChange={setInnovationId}
        />
        <SelectField
          id="partnership-visibility"
          label="Who can see it"
          value={visibility}
          options={ROOM_VISIBILITIES.map((value) => ({ value, label: ROOM_VISIBILITY_LABELS[value] }))}
          onChange={setVisibility}
        />
        <button type="submit" className="button button-secondary">
          Save settings
        </button>
      </form>
    </details>
  );
}
