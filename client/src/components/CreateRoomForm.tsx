import { useState, type FormEvent } from 'react';
import {
  ROOM_KIND_LABELS,
  ROOM_KINDS,
  ROOM_VISIBILITIES,
  ROOM_VISIBILITY_LABELS,
  type Organisation,
  type Room,
  type RoomVisibility,
} from '@common-ground/shared';
import { createRoom } from '../api/rooms.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { OrganisationPicker } from './OrganisationPicker.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

type CreatableKind = (typeof ROOM_KINDS)[number];

const ids = {
  title: 'room-title',
  kind: 'room-kind',
  sourceOrganisationId: 'room-source-search',
  recipientOrganisationIds: 'room-recipients-search',
};
const kindOptions = ROOM_KINDS.map((kind) => ({ value: kind, label: ROOM_KIND_LABELS[kind] }));
const KIND_HINTS: Record<CreatableKind, string> = {
  'learning-set':
    'A small group that meets to work through real problems and co-edits a learning document live.',
  partnership:
    'Sustained discussion between the source organisation and the organisations adopting its innovation.',
  'open-day': 'A room visitors can watch read-only with a pass link, without an account.',
};

/** Creates a room in a community; a partnership also names its source and recipient organisations. */
export function CreateRoomForm({
  communityId,
  onCreated,
}: {
  communityId: string;
  onCreated(room: Room): void;
}) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CreatableKind | ''>('');
  const [source, setSource] = useState<Organisation[]>([]);
  const [recipients, setRecipients] = useState<Organisation[]>([]);
  const [visibility, setVisibility] = useState<RoomVisibility>('partners');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = 'Enter a title for the room';
    if (!kind) problems.kind = 'Choose the kind of room';
    if (kind === 'partnership') {
      if (!source.length) problems.sourceOrganisationId = 'Choose the source organisation';
      if (!recipients.length)
        problems.recipientOrganisationIds = 'Choose at least one recipient organisation';
    }
    if (Object.keys(problems).length || !kind) return fail(problems);
    setBusy(true);
    try {
      const partnership =
        kind === 'partnership'
          ? {
              sourceOrganisationId: source[0]?.id,
              recipientOrganisationIds: recipients.map((o) => o.id),
              visibility,
            }
          : {};
      onCreated(await createRoom(communityId, { title, kind, ...partnership }));
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="create-room-heading">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.title}
        label="Room title"
        hint="For example “Learning set 3: first family group conferences”."
        value={title}
        onChange={setTitle}
        error={errors.fields.title}
      />
      <SelectField
        id={ids.kind}
        label="Kind of room"
        hint={kind ? KIND_HINTS[kind] : 'Action learning set, partnership or open day.'}
        value={kind}
        options={kindOptions}
        onChange={setKind}
        error={errors.fields.kind}
      />
      {kind === 'partnership' ? (
        <>
          <OrganisationPicker
            id="room-source"
            legend="Source organisation"
            hint="The organisation that made the innovation work."
            multiple={false}
            chosen={source}
            exclude={recipients.map((o) => o.id)}
            onChange={setSource}
            error={errors.fields.sourceOrganisationId}
          />
          <OrganisationPicker
            id="room-recipients"
            legend="Recipient organisations"
            hint="The organisations adopting it. Their questions start each discussion."
            multiple
            chosen={recipients}
            exclude={source.map((o) => o.id)}
            onChange={setRecipients}
            error={errors.fields.recipientOrganisationIds}
          />
          <SelectField
            id="room-visibility"
            label="Who can see it"
            hint="Partners only keeps its document, discussion, journey and adaptation log to the partner organisations and the community’s facilitators."
            value={visibility}
            options={ROOM_VISIBILITIES.map((value) => ({ value, label: ROOM_VISIBILITY_LABELS[value] }))}
            onChange={setVisibility}
          />
        </>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        Create room
      </button>
    </form>
  );
}
