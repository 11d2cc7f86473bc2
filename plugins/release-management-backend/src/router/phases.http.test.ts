import { pipelineModels } from '../__testUtils__/pipelineModels';
import { as, base, startTestApp } from '../__testUtils__/testApp';

jest.setTimeout(60_000);

const rm = as('user:default/rm');
const hour = 3_600_000;

describe('phased and feature-flag rollouts over HTTP', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    app = await startTestApp({ models: pipelineModels });
  });

  const post = (path: string, body: object) =>
    app.api.post(`${base}${path}`).set('Authorization', rm).send(body);
  const get = (path: string) =>
    app.api.get(`${base}${path}`).set('Authorization', rm);

  it('widens a feature flag ring by ring and ships it with no deployment', async () => {
    const start = Math.ceil(Date.now() / hour) * hour + hour;
    const created = await post('/releases', {
      model: 'flag',
      title: 'Saved baskets behind a flag',
      versionLabel: 'saved-baskets',
      scope: [{ entityRef: 'component:default/cart', version: '4.2.0' }],
      plannedWindow: {
        start: new Date(start).toISOString(),
        end: new Date(start + 2 * hour).toISOString(),
        timeZone: 'Europe/Oslo',
      },
      phases: [
        { ring: 'staff', audiencePercent: 1 },
        { ring: 'everyone', audiencePercent: 100 },
      ],
    }).expect(201);
    const id = created.body.id;
    let revision = created.body.revision;
    const move = async (to: string) => {
      const res = await post(`/releases/${id}/transitions`, { to });
      expect(res.body.error?.message).toBeUndefined();
      revision = res.body.revision;
    };
    const ring = (name: string, body: object) =>
      post(`/releases/${id}/phases/${name}`, { revision, ...body });

    await move('scheduled');
    const early = await ring('staff', { status: 'in-progress' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      `Release ${id} is scheduled; its rings move while it is in-progress, deployed, verified`,
    );
    await move('in-progress');

    const staff = await ring('staff', {
      status: 'in-progress',
      at: '2030-01-07T09:00:00Z',
    });
    expect(staff.status).toBe(200);
    expect(staff.body.phases[0]).toMatchObject({
      ring: 'staff',
      status: 'in-progress',
      actualStart: '2030-01-07T09:00:00Z',
    });
    revision = staff.body.revision;

    const stale = await ring('staff', {
      status: 'completed',
      revision: revision - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('reload it');
    expect(
      (await ring('beta', { status: 'in-progress' })).body.error.message,
    ).toBe('The release has no ring "beta"; its rings are staff, everyone');
    expect(
      (await ring('everyone', { status: 'completed' })).body.error.message,
    ).toBe(
      'Ring "everyone" is pending and cannot become completed; it may become in-progress',
    );
    expect((await ring('staff', { status: 'open' })).status).toBe(400);

    const widened = await ring('staff', {
      status: 'completed',
      at: '2030-01-07T12:00:00Z',
    });
    revision = widened.body.revision;
    // Deployed and verified without a single deployment: the code was
    // already out, the flag is what releases it.
    await move('deployed');
    const everyone = await ring('everyone', {
      status: 'in-progress',
      audiencePercent: 50,
      at: '2030-01-08T09:00:00Z',
      note: 'half of all users',
    });
    expect(everyone.status).toBe(200);
    revision = everyone.body.revision;
    const all = await ring('everyone', {
      status: 'in-progress',
      audiencePercent: 100,
      at: '2030-01-09T09:00:00Z',
    });
    revision = all.body.revision;
    await move('verified');

    const exposure = await get(`/releases/${id}/exposure`);
    expect(exposure.body).toEqual({
      releaseId: id,
      currentPercent: 100,
      points: [
        {
          at: '2030-01-07T09:00:00Z',
          audiencePercent: 1,
          ring: 'staff',
          status: 'in-progress',
        },
        {
          at: '2030-01-07T12:00:00Z',
          audiencePercent: 1,
          ring: 'staff',
          status: 'completed',
        },
        {
          at: '2030-01-08T09:00:00Z',
          audiencePercent: 50,
          ring: 'everyone',
          status: 'in-progress',
        },
        {
          at: '2030-01-09T09:00:00Z',
          audiencePercent: 100,
          ring: 'everyone',
          status: 'in-progress',
        },
      ],
    });
    expect((await get(`/releases/${id}/deployments`)).body.totalCount).toBe(0);
    expect((await get(`/releases/${id}`)).body.status).toBe('verified');
    expect(
      app.auditEvents.filter(e => e.eventId === 'release-phase').length,
    ).toBeGreaterThan(0);
  });
});
