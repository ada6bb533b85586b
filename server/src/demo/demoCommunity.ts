import type { CommunityRole, OrganisationKind } from '@common-ground/shared';

/**
 * The demo community, as data: wholly fictional places and people (any likeness is chance) and no information about
 * any child or family. Later features add their demo data here and in `fillDemoDatabase.ts`.
 */

/** The one password every demo account signs in with; printed by `./run demo`. Never use it for real accounts. */
export const DEMO_PASSWORD = 'common-ground-demo';

/** A fictional organisation; `key` is how people and rooms below refer to it. */
export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  region: string;
}

/** The source council that made the practice work, then the three organisations adopting it. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'source', name: 'Harrowmere Borough Council', kind: 'local-authority', region: 'North West' },
  {
    key: 'northfold',
    name: 'Northfold County Council',
    kind: 'local-authority',
    region: 'Yorkshire and the Humber',
  },
  { key: 'calder', name: 'Calder Vale Council', kind: 'local-authority', region: 'West Midlands' },
  { key: 'saltmarsh', name: 'Saltmarsh Family Project', kind: 'voluntary', region: 'East of England' },
];

/** A fictional person; the first person of each organisation creates it and is its admin. */
export interface DemoPerson {
  key: string;
  displayName: string;
  email: string;
  organisation: string;
  role: CommunityRole;
  /** What they do, printed with their sign-in. */
  about: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'priya',
    displayName: 'Priya Nair',
    email: 'priya.nair@harrowmere.example',
    organisation: 'source',
    role: 'facilitator',
    about: 'practice lead at the source council; created the community',
  },
  {
    key: 'daniel',
    displayName: 'Daniel Mensah',
    email: 'daniel.mensah@harrowmere.example',
    organisation: 'source',
    role: 'facilitator',
    about: 'facilitates the action learning set',
  },
  {
    key: 'sophie',
    displayName: 'Sophie Clarke',
    email: 'sophie.clarke@northfold.example',
    organisation: 'northfold',
    role: 'member',
    about: 'team manager adopting the practice; asked the question in the learning set',
  },
  {
    key: 'imran',
    displayName: 'Imran Shah',
    email: 'imran.shah@caldervale.example',
    organisation: 'calder',
    role: 'member',
    about: 'advanced practitioner',
  },
  {
    key: 'fiona',
    displayName: 'Fiona MacLeod',
    email: 'fiona.macleod@saltmarsh.example',
    organisation: 'saltmarsh',
    role: 'member',
    about: 'family network coordinator',
  },
  {
    key: 'helen',
    displayName: 'Helen Whitfield',
    email: 'helen.whitfield@northfold.example',
    organisation: 'northfold',
    role: 'observer',
    about: 'head of service; observes, read-only',
  },
];

export const DEMO_COMMUNITY = {
  name: 'Family network meetings: from Harrowmere to three new places',
  purpose:
    'Harrowmere holds a family network meeting within ten working days of a family first asking for help. ' +
    'Northfold, Calder Vale and Saltmarsh are adopting it: we learn together what the core of it is, ' +
    'what the evidence says, and what did not work.',
};

/** The first post in the community's own discussion space; the @mention notifies that member. */
export const DEMO_WELCOME = {
  author: 'priya',
  body:
    'Welcome, everyone. Our learning sets meet every four weeks; between them, post here what you tried. ' +
    '@Imran Shah, could you bring Calder Vale’s note on what did not work to the next session?',
};

/** The learning-set room: a document in progress and a discussion with a learner's question and its answer. */
export const DEMO_LEARNING_SET = {
  title: 'Action learning set: the first conversation',
  question: {
    author: 'sophie',
    body:
      'When your duty team was short-staffed, how did you keep the ten-day promise for family network meetings ' +
      'without it becoming a box-ticking exercise?',
  },
  answer: {
    author: 'priya',
    body:
      'We protected two coordinator days a week that duty could not borrow, and we let the meeting be small: ' +
      'two or three people who matter to the family is enough to start. What did not work was delegating the ' +
      'first call to whoever was free; families could tell.',
  },
  followUp: {
    author: 'fiona',
    body: 'That matches our pilot. We will try ring-fenced coordinator time from next month and report back here.',
  },
};

/** A heading or a paragraph of the learning document. */
export type DemoBlock = { heading: string } | { paragraph: string };

/** The document as it stood after the last session (kept as a named version). */
export const DEMO_DOCUMENT_SESSION_ONE: DemoBlock[] = [
  { heading: 'Session 1: what is the core of a family network meeting?' },
  {
    paragraph:
      'Agreed core: the family chooses who comes; the meeting happens within ten working days; the plan is written ' +
      'in the family’s words.',
  },
  { heading: 'Evidence we have' },
  {
    paragraph:
      'Harrowmere’s two-year evaluation: fewer repeat contacts within a year for families offered a meeting. ' +
      'Still missing: how it works for families where English is not the first language.',
  },
];

/** Added since: the set's work in progress, which shows as "changed since your last visit" for members. */
export const DEMO_DOCUMENT_IN_PROGRESS: DemoBlock[] = [
  { heading: 'Session 2: what did not work' },
  {
    paragraph:
      'Calder Vale: inviting professionals first made meetings feel like case conferences. Next: family first, ' +
      'professionals by invitation of the family.',
  },
  { heading: 'Questions to take back' },
  { paragraph: 'How do we protect coordinator time when duty is stretched? (see the discussion)' },
];

export const DEMO_OPEN_DAY = {
  title: 'Open day: how Harrowmere runs family network meetings',
  passLabel: 'Spring open day visitors',
  passDays: 30,
};

export const DEMO_PARTNERSHIP = {
  title: 'Harrowmere and Northfold partnership',
  recipients: ['northfold'],
};
