import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from './common.ts';

/** The kinds of organisation in children's social care. */
export const ORGANISATION_KINDS = [
  'local-authority',
  'voluntary',
  'private',
  'health',
  'education',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Readable labels for {@link ORGANISATION_KINDS}. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  'local-authority': 'Local authority',
  voluntary: 'Voluntary or community sector',
  private: 'Private sector',
  health: 'Health',
  education: 'Education',
  other: 'Other',
};

/** `POST /api/organisations` body. */
export const createOrganisationBodySchema = z.strictObject({
  name: nameSchema,
  kind: z.enum(ORGANISATION_KINDS),
  region: z.string().trim().max(120).optional(),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

/** An organisation. */
export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  region: z.string().nullable(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationResponseSchema = z.object({ organisation: organisationSchema });
export const organisationListSchema = z.object({ organisations: z.array(organisationSchema) });

/** `GET /api/organisations?search=` query. */
export const organisationSearchQuerySchema = z.strictObject({
  search: z.string().trim().max(120).optional(),
});

/** What the caller may do about one affiliation, as `affiliationAbilities` in shared decided it on the server. */
export const affiliationAbilitiesSchema = z.object({
  /** Confirm the claim, or make or unmake them an admin. */
  update: z.boolean(),
  /** Decline or remove it, or (for one's own) withdraw it. */
  remove: z.boolean(),
});
export type AffiliationAbilities = z.infer<typeof affiliationAbilitiesSchema>;

/** Someone's claim to belong to an organisation, and whether its admins have confirmed it. */
export const affiliationSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  email: z.string().nullable(),
  status: z.enum(['pending', 'confirmed']),
  isAdmin: z.boolean(),
  requestedAt: isoDateSchema,
  /** What the caller may do about it; sent with each affiliation so the page never re-derives the rule. */
  abilities: affiliationAbilitiesSchema.optional(),
});
export type Affiliation = z.infer<typeof affiliationSchema>;
export const affiliationListSchema = z.object({ affiliations: z.array(affiliationSchema) });
export const affiliationResponseSchema = z.object({ affiliation: affiliationSchema });

/** `/api/organisations/:id/affiliations/:userId` parameters. */
export const affiliationParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

/** `PATCH /api/organisations/:id/affiliations/:userId` body: confirm a claim, or make someone an admin. */
export const updateAffiliationBodySchema = z.strictObject({
  status: z.literal('confirmed').optional(),
  isAdmin: z.boolean().optional(),
});
