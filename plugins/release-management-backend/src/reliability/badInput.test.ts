import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { pipelineModels } from '../__testUtils__/pipelineModels';
import {
  as,
  base,
  createNormalModel,
  releaseBody,
  startTestApp,
} from '../__testUtils__/testApp';
import { normalModelInput } from '../__testUtils__/fixtures';
import { auditSince, databaseState } from '../__testUtils__/reliability';

jest.setTimeout(120_000);

const rm = as('user:default/rm');

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Case = {
  name: string;
  method: Method;
  /** `:release` and `:freeze` stand for ids created before the cases run. */
  path: string;
  body?: unknown;
  /** Sent as it is with this content type instead of as JSON. */
  raw?: { type: string; text: string };
  status?: number;
  message: RegExp;
};

const window = {
  start: '2030-01-07T09:00:00Z',
  end: '2030-01-07T11:00:00Z',
  timeZone: 'Europe/Oslo',
};
const freeze = {
  title: 'Year end',
  severity: 'hard',
  start: '2030-12-20T00:00:00Z',
  end: '2031-01-03T00:00:00Z',
  timeZone: 'Europe/Oslo',
  scope: { type: 'all' },
};
const deployment = {
  externalId: 'run-1',
  entityRef: 'component:default/cart',
  environment: 'staging',
  version: '1.0.0',
  status: 'succeeded',
};
// A link that would run script if the UI rendered it as a link.
// eslint-disable-next-line no-script-url
const scriptUrl = 'javascript:alert(1)';
const tenThousand = <T>(item: (i: number) => T) =>
  Array.from({ length: 10_000 }, (_, i) => item(i));
const badRef = 'not a ref';
const range = (from: string, to: string) =>
  `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
// 02:10 at +01:00 is after 02:50 at +02:00 (the night clocks go back in
// Oslo): compared as text the range looks fine, as instants it is reversed.
const reversedAcrossDst = range(
  '2030-10-27T02:10:00+01:00',
  '2030-10-27T02:50:00+02:00',
);

/** Malformed input for every write endpoint, all of which is audited. */
const writes: Case[] = [
  // Body format, checked before any route.
  ...(['post', 'put', 'patch'] as const).flatMap(method => {
    const path = {
      post: '/releases',
      put: '/freeze-windows/:freeze',
      patch: '/releases/:release',
    }[method];
    return [
      {
        name: `${method} ${path}: not JSON`,
        method,
        path,
        raw: { type: 'application/json', text: '{"title": ' },
        message: /not valid JSON/,
      },
      {
        name: `${method} ${path}: wrong content type`,
        method,
        path,
        raw: { type: 'text/plain', text: 'title=Basket' },
        message: /application\/json/,
      },
      {
        name: `${method} ${path}: form-encoded`,
        method,
        path,
        raw: {
          type: 'application/x-www-form-urlencoded',
          text: 'title=Basket',
        },
        message: /application\/json/,
      },
      {
        name: `${method} ${path}: oversized body`,
        method,
        path,
        body: { ...releaseBody(), notes: 'x'.repeat(600 * 1024) },
        status: 413,
        message: /larger than 512 KiB/,
      },
    ];
  }),
  ...['[1,2]', '"text"', '42', 'null', 'true'].map(text => ({
    name: `post /releases: non-object JSON ${text}`,
    method: 'post' as const,
    path: '/releases',
    raw: { type: 'application/json', text },
    message: /Invalid release/,
  })),
  {
    name: 'post /models: non-object JSON',
    method: 'post',
    path: '/models',
    raw: { type: 'application/json', text: '["normal"]' },
    message: /Invalid release model/,
  },
  {
    name: 'post /models: unknown field',
    method: 'post',
    path: '/models',
    body: { name: 'other', ...normalModelInput, colour: 'red' },
    message: /colour/,
  },
  {
    name: 'post /models: 10k stages',
    method: 'post',
    path: '/models',
    body: {
      name: 'huge',
      ...normalModelInput,
      // Short items: the array, not the body size, is what is refused.
      stages: tenThousand(i => ({ key: `s${i}` })),
    },
    message: /stages/,
  },
  {
    name: 'put /models/normal: missing revision',
    method: 'put',
    path: '/models/normal',
    body: normalModelInput,
    message: /revision/,
  },
  {
    name: 'put /models/Bad%20Name: malformed name',
    method: 'put',
    path: '/models/Bad%20Name',
    body: { revision: 1, ...normalModelInput },
    message: /model name/,
  },
  {
    name: 'post /releases: malformed entity ref',
    method: 'post',
    path: '/releases',
    body: releaseBody({ scope: [{ entityRef: badRef, version: '1' }] }),
    message: /is not an entity ref/,
  },
  {
    name: 'post /releases: entity ref without kind',
    method: 'post',
    path: '/releases',
    body: releaseBody({ scope: [{ entityRef: 'default/cart', version: '1' }] }),
    message: /is not an entity ref/,
  },
  {
    name: 'post /releases: release manager that is not a user or group',
    method: 'post',
    path: '/releases',
    body: releaseBody({ releaseManager: 'component:default/cart' }),
    message: /releaseManager: must be a group or user ref/,
  },
  {
    name: 'post /releases: end before start',
    method: 'post',
    path: '/releases',
    body: releaseBody({
      plannedWindow: { ...window, start: window.end, end: window.start },
    }),
    message: /end must be after start/,
  },
  {
    name: 'post /releases: window reversed across the DST change',
    method: 'post',
    path: '/releases',
    body: releaseBody({
      plannedWindow: {
        start: '2030-10-27T02:10:00+01:00',
        end: '2030-10-27T02:50:00+02:00',
        timeZone: 'Europe/Oslo',
      },
    }),
    message: /end must be after start/,
  },
  {
    name: 'post /releases: local time without offset in the DST gap',
    method: 'post',
    path: '/releases',
    body: releaseBody({
      plannedWindow: {
        start: '2030-03-31T02:30:00',
        end: '2030-03-31T04:00:00',
        timeZone: 'Europe/Oslo',
      },
    }),
    message: /ISO 8601 date-time with offset/,
  },
  {
    name: 'post /releases: unknown time zone',
    method: 'post',
    path: '/releases',
    body: releaseBody({ plannedWindow: { ...window, timeZone: 'Mars/Base' } }),
    message: /IANA time zone/,
  },
  {
    name: 'post /releases: 10k scope items',
    method: 'post',
    path: '/releases',
    body: releaseBody({
      scope: tenThousand(i => ({ entityRef: `c:d/c${i}`, version: '1' })),
    }),
    message: /at most 500 entities/,
  },
  {
    name: 'post /releases: 10k phases',
    method: 'post',
    path: '/releases',
    body: releaseBody({
      phases: tenThousand(i => ({ ring: `r${i}`, audiencePercent: 1 })),
    }),
    message: /phases/,
  },
  {
    name: 'post /releases: unknown field',
    method: 'post',
    path: '/releases',
    body: releaseBody({ status: 'closed' }),
    message: /Unrecognized key.*status/,
  },
  {
    name: 'post /releases: unknown model',
    method: 'post',
    path: '/releases',
    body: releaseBody({ model: 'no-such-model' }),
    message: /no release model named "no-such-model"/,
  },
  {
    name: 'patch /releases/:id: no revision',
    method: 'patch',
    path: '/releases/:release',
    body: { title: 'New' },
    message: /revision/,
  },
  {
    name: 'patch /releases/:id: revision as text',
    method: 'patch',
    path: '/releases/:release',
    body: { revision: '1', title: 'New' },
    message: /revision/,
  },
  {
    name: 'patch /releases/:id: unknown field',
    method: 'patch',
    path: '/releases/:release',
    body: { revision: 1, status: 'closed' },
    message: /status/,
  },
  {
    name: 'patch /releases/:id: malformed entity ref',
    method: 'patch',
    path: '/releases/:release',
    body: { revision: 1, scope: [{ entityRef: badRef, version: '1' }] },
    message: /is not an entity ref/,
  },
  {
    name: 'patch /releases/:id: same entity twice',
    method: 'patch',
    path: '/releases/:release',
    body: {
      revision: 1,
      scope: [
        { entityRef: 'component:default/cart', version: '1' },
        { entityRef: 'Component:cart', version: '2' },
      ],
    },
    message: /same entity more than once/,
  },
  {
    name: 'patch /releases/:id: incident link that is not a URL',
    method: 'patch',
    path: '/releases/:release',
    body: {
      revision: 1,
      review: { outcome: 'successful', incidentLinks: ['not a url'] },
    },
    message: /incidentLinks/,
  },
  {
    name: 'patch /releases/:id: incident link that runs script',
    method: 'patch',
    path: '/releases/:release',
    body: {
      revision: 1,
      review: { outcome: 'successful', incidentLinks: [scriptUrl] },
    },
    message: /incidentLinks.0: must be an http or https URL/,
  },
  {
    name: 'patch /releases/:id: id longer than any id',
    method: 'patch',
    path: `/releases/${'x'.repeat(65)}`,
    body: { revision: 1, title: 'New' },
    message: /release id/,
  },
  {
    name: 'post /releases/:id/transitions: unknown status',
    method: 'post',
    path: '/releases/:release/transitions',
    body: { to: 'shipped' },
    message: /to:/,
  },
  {
    name: 'post /releases/:id/transitions: justification too short',
    method: 'post',
    path: '/releases/:release/transitions',
    body: { to: 'planned', override: { justification: 'x' } },
    message: /justification/,
  },
  {
    name: 'post /releases/:id/approvals: unknown decision',
    method: 'post',
    path: '/releases/:release/approvals',
    body: { stage: 'verify-components', gate: 'owners', decision: 'maybe' },
    message: /decision/,
  },
  {
    name: 'post /releases/:id/approvals: unknown stage',
    method: 'post',
    path: '/releases/:release/approvals',
    body: { stage: 'nope', gate: 'owners', decision: 'approve' },
    message: /has no stage "nope"/,
  },
  {
    name: 'put /releases/:id/checklist/:item: done as text',
    method: 'put',
    path: '/releases/:release/checklist/tests-green',
    body: { done: 'yes' },
    message: /done/,
  },
  {
    name: 'put /releases/:id/checklist/:item: unknown item',
    method: 'put',
    path: '/releases/:release/checklist/nope',
    body: { done: true },
    status: 404,
    message: /no checklist item "nope"/,
  },
  {
    name: 'post /releases/:id/phases/:ring: unknown status',
    method: 'post',
    path: '/releases/:release/phases/ring-1',
    body: { status: 'exploded' },
    message: /status/,
  },
  {
    name: 'post /releases/:id/ratings: rating out of range',
    method: 'post',
    path: '/releases/:release/ratings',
    body: { rating: 11 },
    message: /rating/,
  },
  {
    name: 'post /freeze-windows: end before start',
    method: 'post',
    path: '/freeze-windows',
    body: { ...freeze, start: freeze.end, end: freeze.start },
    message: /end must be after start/,
  },
  {
    name: 'post /freeze-windows: malformed RRULE',
    method: 'post',
    path: '/freeze-windows',
    body: { ...freeze, rrule: 'every friday' },
    message: /RRULE/,
  },
  {
    name: 'post /freeze-windows: RRULE with an impossible part',
    method: 'post',
    path: '/freeze-windows',
    body: { ...freeze, rrule: 'FREQ=WEEKLY;BYDAY=XX' },
    message: /rrule/i,
  },
  {
    name: 'post /freeze-windows: hourly RRULE where hourly is not allowed',
    method: 'post',
    path: '/freeze-windows',
    body: { ...freeze, rrule: 'FREQ=HOURLY' },
    message: /repeats hourly.*releaseManagement\.recurrence\.allowHourly/,
  },
  {
    name: 'post /freeze-windows: RRULE that never occurs',
    method: 'post',
    path: '/freeze-windows',
    body: { ...freeze, rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' },
    message: /occurs too rarely or never/,
  },
  {
    name: 'post /freeze-windows: start beyond the horizon',
    method: 'post',
    path: '/freeze-windows',
    body: {
      ...freeze,
      start: '9000-12-20T00:00:00Z',
      end: '9001-01-03T00:00:00Z',
    },
    message: /start: 9000-12-20T00:00:00Z is more than 10 years from now/,
  },
  {
    name: 'post /freeze-windows: 10k entity refs',
    method: 'post',
    path: '/freeze-windows',
    body: {
      ...freeze,
      scope: {
        type: 'entities',
        refs: tenThousand(i => `c:d/c${i}`),
      },
    },
    message: /scope/,
  },
  {
    name: 'post /freeze-windows: malformed entity ref in scope',
    method: 'post',
    path: '/freeze-windows',
    body: { ...freeze, scope: { type: 'systems', refs: [badRef] } },
    message: /is not an entity ref/,
  },
  {
    name: 'put /freeze-windows/:id: unknown field',
    method: 'put',
    path: '/freeze-windows/:freeze',
    body: { revision: 1, window: freeze, extra: true },
    message: /extra/,
  },
  {
    name: 'delete /freeze-windows/:id: id longer than any id',
    method: 'delete',
    path: `/freeze-windows/${'x'.repeat(65)}`,
    message: /freeze window id/,
  },
  {
    name: 'post /deployments: malformed entity ref',
    method: 'post',
    path: '/deployments',
    body: { ...deployment, entityRef: badRef },
    message: /is not an entity ref/,
  },
  {
    name: 'post /deployments: pipeline URL that is not http(s)',
    method: 'post',
    path: '/deployments',
    body: { ...deployment, pipelineUrl: scriptUrl },
    message: /pipelineUrl: must be an http or https URL/,
  },
  {
    name: 'post /deployments: unknown field',
    method: 'post',
    path: '/deployments',
    body: { ...deployment, releaseId: 'r1' },
    message: /releaseId/,
  },
  {
    name: 'post /gate: malformed entity ref',
    method: 'post',
    path: '/gate',
    body: { entityRef: badRef, environment: 'production', version: '1' },
    message: /is not an entity ref/,
  },
  {
    name: 'post /feeds: unknown scope type',
    method: 'post',
    path: '/feeds',
    body: { scope: { type: 'everything' } },
    message: /scope/,
  },
  {
    name: 'post /feeds: malformed entity ref',
    method: 'post',
    path: '/feeds',
    body: { scope: { type: 'entity', entityRef: badRef } },
    message: /is not an entity ref/,
  },
  {
    name: 'delete /feeds/:id: id longer than any id',
    method: 'delete',
    path: `/feeds/${'x'.repeat(65)}`,
    message: /feed id/,
  },
];

/** The main reads, which write nothing and so are not audited. */
const reads: Case[] = [
  {
    name: 'get /releases: from after to',
    method: 'get',
    path: `/releases?${range('2030-02-01T00:00:00Z', '2030-01-01T00:00:00Z')}`,
    message: /from/,
  },
  {
    name: 'get /releases: malformed entity ref',
    method: 'get',
    path: `/releases?entityRef=${encodeURIComponent(badRef)}`,
    message: /is not an entity ref/,
  },
  {
    name: 'get /releases: limit far too large',
    method: 'get',
    path: '/releases?limit=100000',
    message: /limit/,
  },
  {
    name: 'get /releases: unknown parameter',
    method: 'get',
    path: '/releases?owner=me',
    message: /owner/,
  },
  {
    name: 'get /calendar: from after to',
    method: 'get',
    path: `/calendar?${range('2030-02-01T00:00:00Z', '2030-01-01T00:00:00Z')}`,
    message: /from must be before to/,
  },
  {
    name: 'get /calendar: range reversed across the DST change',
    method: 'get',
    path: `/calendar?${reversedAcrossDst}`,
    message: /from must be before to/,
  },
  {
    name: 'get /calendar: local times without offset',
    method: 'get',
    path: `/calendar?${range('2030-03-31T02:30:00', '2030-04-01T00:00:00')}`,
    message: /offset/,
  },
  {
    name: 'get /calendar: ten years',
    method: 'get',
    path: `/calendar?${range('2030-01-01T00:00:00Z', '2040-01-01T00:00:00Z')}`,
    message: /to:/,
  },
  {
    name: 'get /freeze-windows/occurrences: reversed across the DST change',
    method: 'get',
    path: `/freeze-windows/occurrences?${reversedAcrossDst}`,
    message: /from must not be after to/,
  },
  {
    name: 'get /deployments: malformed entity ref',
    method: 'get',
    path: `/deployments?entityRef=${encodeURIComponent(badRef)}`,
    message: /is not an entity ref/,
  },
  {
    name: 'get /metrics: from after to',
    method: 'get',
    path: `/metrics?${range('2030-02-01T00:00:00Z', '2030-01-01T00:00:00Z')}`,
    message: /from must be before to/,
  },
  {
    name: 'get /analysis/impact: malformed entity ref',
    method: 'get',
    path: `/analysis/impact?entityRef=${encodeURIComponent(badRef)}`,
    message: /is not an entity ref/,
  },
  {
    name: 'post /analysis/applicable-models: 10k + 1 entity refs',
    method: 'post',
    path: '/analysis/applicable-models',
    body: {
      entityRefs: [...tenThousand(i => `component:default/c${i}`), 'x:y/z'],
    },
    message: /entityRefs/,
  },
  {
    name: 'post /conflicts/check: end before start',
    method: 'post',
    path: '/conflicts/check',
    body: {
      model: 'normal',
      scope: ['component:default/cart'],
      window: { ...window, start: window.end, end: window.start },
    },
    message: /end must be after start/,
  },
  {
    name: 'get /freeze-windows/occurrences: the year 9000',
    method: 'get',
    path: `/freeze-windows/occurrences?${range(
      '9000-01-01T00:00:00Z',
      '9000-02-01T00:00:00Z',
    )}`,
    message: /from: 9000-01-01T00:00:00Z is more than 10 years from now/,
  },
  {
    name: 'get /calendar: the year 5000',
    method: 'get',
    path: `/calendar?${range('5000-01-01T00:00:00Z', '5000-01-31T00:00:00Z')}`,
    message: /more than 10 years from now/,
  },
  {
    name: 'get /calendar: the distant past',
    method: 'get',
    path: `/calendar?${range('1900-01-01T00:00:00Z', '1900-01-31T00:00:00Z')}`,
    message: /more than 10 years from now/,
  },
  {
    name: 'get /metrics: from alone, further back than a period may last',
    method: 'get',
    path: `/metrics?from=${encodeURIComponent(
      new Date(Date.now() - 5 * 365 * 86_400_000).toISOString(),
    )}`,
    message: /a metrics period can last at most 1096 days/,
  },
  {
    name: 'post /conflicts/check: a window in the year 3000',
    method: 'post',
    path: '/conflicts/check',
    body: {
      model: 'normal',
      scope: ['component:default/cart'],
      window: {
        ...window,
        start: '3000-01-07T09:00:00Z',
        end: '3000-01-07T11:00:00Z',
      },
    },
    message: /window.start: 3000-01-07T09:00:00Z is more than 10 years/,
  },
  {
    name: 'post /conflicts/slots: searching from the year 4000',
    method: 'post',
    path: '/conflicts/slots',
    body: {
      model: 'normal',
      scope: ['component:default/cart'],
      durationMinutes: 60,
      timeZone: 'Europe/Oslo',
      from: '4000-01-01T00:00:00Z',
    },
    message: /from: 4000-01-01T00:00:00Z is more than 10 years/,
  },
  {
    name: 'post /conflicts/slots: non-object JSON',
    method: 'post',
    path: '/conflicts/slots',
    raw: { type: 'application/json', text: '[]' },
    message: /Invalid slot search/,
  },
];

describe('bad input: a clear 4xx, nothing written, a failed audit event', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let knex: Knex;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startTestApp({ knex, models: pipelineModels });
      await createNormalModel(app.api);
      const release = await app.api
        .post(`${base}/releases`)
        .set('Authorization', rm)
        .send(releaseBody());
      const freezeWindow = await app.api
        .post(`${base}/freeze-windows`)
        .set('Authorization', rm)
        .send(freeze);
      if (release.status !== 201 || freezeWindow.status !== 201) {
        throw new Error(`setup failed: ${release.text} ${freezeWindow.text}`);
      }
      ids[':release'] = release.body.id;
      ids[':freeze'] = freezeWindow.body.id;
    });

    async function send(c: Case) {
      const path = c.path.replace(/:release|:freeze/g, m => ids[m]);
      const req = app.api[c.method](`${base}${path}`).set('Authorization', rm);
      if (c.raw) {
        return req.set('Content-Type', c.raw.type).send(c.raw.text);
      }
      return c.body === undefined ? req : req.send(c.body as object);
    }

    async function expectRefused(c: Case) {
      const before = await databaseState(knex);
      const res = await send(c);
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        { status: c.status ?? 400, message: expect.stringMatching(c.message) },
      );
      // A message for people: no stack, no SQL, no library internals.
      expect(res.body.error.message).not.toMatch(
        /\n\s+at |select |insert |knex|ZodError|TypeError/i,
      );
      expect(await databaseState(knex)).toEqual(before);
    }

    it.each(writes.map(c => [c.name, c] as const))('%s', async (_name, c) => {
      const auditedBefore = app.auditEvents.length;
      await expectRefused(c);
      const events = auditSince(app.auditEvents, auditedBefore);
      expect(events).toHaveLength(1);
      expect(events[0].outcome).toBe('fail');
    });

    it.each(reads.map(c => [c.name, c] as const))('%s', async (_name, c) => {
      await expect(expectRefused(c)).resolves.toBeUndefined();
    });

    it('answers ranges across DST changes when they are the right way round', async () => {
      const res = await app.api
        .get(
          `${base}/freeze-windows/occurrences?${range(
            '2030-10-27T02:50:00+02:00',
            '2030-10-27T02:10:00+01:00',
          )}`,
        )
        .set('Authorization', rm);
      expect(res.status).toBe(200);
    });
  });
});
