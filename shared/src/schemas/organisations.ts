import { z } from 'zod';
import { emailDomainSchema } from '../identity/webmailDomains.ts';
import { LIMITS } from '../limits.ts';
import { idSchema, isoDateSchema, organisationNameSchema } from './common.ts';

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
  name: organisationNameSchema,
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
  /**
   * Whether a community facilitator or a platform administrator has checked that it is who it says. Until then
   * every page that shows its name says "unverified": anyone can create an organisation of any name.
   */
  verified: z.boolean(),
  /** Email domains it says are its own: a person with a verified address there asks to join it on sign-up. */
  emailDomains: z.array(z.string()),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** An organisation as shown next to a person's name (messages, presence, member lists): with its standing. */
export const organisationTagSchema = z.object({ id: idSchema, name: z.string(), verified: z.boolean() });
export type OrganisationTag = z.infer<typeof organisationTagSchema>;

/** What the caller may do about an organisation itself, decided on the server by shared rules. */
export const organisationManageAbilitiesSchema = z.object({
  /** Change its email domains (its admins). */
  editDomains: z.boolean(),
  /** Mark it verified or unverified (a community facilitator who knows it, or a platform administrator). */
  verify: z.boolean(),
});
export type OrganisationManageAbilities = z.infer<typeof organisationManageAbilitiesSchema>;

export const organisationResponseSchema = z.object({
  organisation: organisationSchema,
  abilities: organisationManageAbilitiesSchema.optional(),
});

/** `PATCH /api/organisations/:id` body: an admin sets its email domains. */
export const updateOrganisationBodySchema = z.strictObject({
  emailDomains: z
    .array(emailDomainSchema)
    .max(LIMITS.organisationEmailDomains)
    .transform((domains) => [...new Set(domains)]),
});
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBodySchema>;

/** `PUT /api/organisations/:id/verification` body: mark an organisation verified, or take that back. */
export const verifyOrganisationBodySchema = z.strictObject({ verified: z.boolean() });
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
  /** The address is at a free webmail provider (shown to admins, who see the address): it proves nothing. */
  webmail: z.boolean(),
  /** The person asked automatically, because their verified address is at one of the organisation's domains. */
  byEmailDomain: z.boolean(),
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
