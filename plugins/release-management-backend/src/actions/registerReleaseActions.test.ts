import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RouterContext } from '../router/RouterContext';
import { registerReleaseActions } from './registerReleaseActions';

const credentials = mockCredentials.user('user:default/rm');

/** Permissions that allow everything except the names given. */
function permissions(denied: string[] = []) {
  const decide = (requests: Array<{ permission: { name: string } }>) =>
    requests.map(r => ({
      result: denied.includes(r.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    }));
  return mockServices.permissions.mock({
    authorize: async requests => decide(requests as any),
    authorizeConditional: async requests => decide(requests as any) as any,
  });
}

function setUp(denied: string[] = []) {
  const registry = actionsRegistryServiceMock();
  const auditor = mockServices.auditor.mock();
  const services = {
    releases: {
      create: jest.fn(async (body: any) => ({
        id: 'r1',
        title: body.title,
        status: 'draft',
      })),
      getStored: jest.fn(async () => ({ id: 'r1' })),
    },
    calendars: {
      calendar: jest.fn(async () => ({
        releases: [{ id: 'r1', title: 'T', status: 'planned', reason: 'own' }],
        freezes: [],
        busy: [],
        truncated: false,
      })),
    },
    scheduling: {
      check: jest.fn(async () => [
        { kind: 'freeze', severity: 'blocking', message: 'Frozen' },
      ]),
    },
    analysis: {
      impact: jest.fn(async () => ({
        roots: ['component:default/cart'],
        entities: [],
        owners: [],
        systems: [],
        cutOff: false,
      })),
    },
    metrics: {
      metrics: jest.fn(async () => ({
        from: 'a',
        to: 'b',
        groupBy: null,
        generatedAt: 'c',
        definitions: [],
        totals: {},
        groups: [],
      })),
    },
  };
  registerReleaseActions(registry, {
    ctx: new RouterContext({
      httpAuth: mockServices.httpAuth(),
      userInfo: mockServices.userInfo({ ownershipEntityRefs: [] }),
      permissions: permissions(denied),
      auditor,
      releaseConditionTransformer: jest.fn(),
    }),
    appBaseUrl: 'http://localhost:3000',
    ...(services as any),
  });
  const invoke = (name: string, input: object) =>
    registry.invoke({
      id: `test:${name}`,
      input: input as any,
      credentials,
    });
  return { registry, invoke, services, auditor };
}

describe('release management actions', () => {
  it('registers four read actions and one that creates a draft release', async () => {
    const { registry } = setUp();
    const { actions } = await registry.list();
    expect(actions.map(a => [a.name, a.attributes.readOnly]).sort()).toEqual([
      ['check-release-conflicts', true],
      ['create-draft-release', false],
      ['get-release-calendar', true],
      ['get-release-impact', true],
      ['get-release-metrics', true],
    ]);
    for (const action of actions) {
      expect(action.description.length).toBeGreaterThan(60);
      expect(action.schema.input).toMatchObject({ type: 'object' });
      expect(action.schema.output).toMatchObject({ type: 'object' });
    }
  });

  it('reads the calendar of an entity for the next 30 days by default', async () => {
    const { invoke, services } = setUp();
    const { output } = await invoke('get-release-calendar', {
      entityRef: 'component:default/cart',
      from: '2030-01-01T00:00:00Z',
    });
    expect(output).toMatchObject({
      releases: [{ id: 'r1' }],
      truncated: false,
    });
    expect(services.calendars.calendar).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/cart',
        from: '2030-01-01T00:00:00Z',
        to: '2030-01-31T00:00:00.000Z',
        neighbours: 'direct',
        deployments: true,
      }),
    );
  });

  it('checks the conflicts of a plan and says whether any blocks it', async () => {
    const { invoke } = setUp();
    const { output } = await invoke('check-release-conflicts', {
      model: 'normal',
      scope: ['component:default/cart'],
      window: {
        start: '2030-01-07T09:00:00Z',
        end: '2030-01-07T11:00:00Z',
        timeZone: 'Europe/Oslo',
      },
    });
    expect(output).toMatchObject({ blocking: true });
  });

  it('refuses a plan whose window ends before it starts, naming the field', async () => {
    const { invoke } = setUp();
    await expect(
      invoke('check-release-conflicts', {
        model: 'normal',
        scope: ['component:default/cart'],
        window: {
          start: '2030-01-07T11:00:00Z',
          end: '2030-01-07T09:00:00Z',
          timeZone: 'Europe/Oslo',
        },
      }),
    ).rejects.toThrow(/window.end: end must be after start/);
  });

  it('answers impact and metrics only with their permissions', async () => {
    const { invoke } = setUp([
      'release-management.analysis.read',
      'release-management.metrics.read',
    ]);
    await expect(
      invoke('get-release-impact', { releaseId: 'r1' }),
    ).rejects.toThrow(/release-management.analysis.read/);
    await expect(invoke('get-release-metrics', {})).rejects.toThrow(
      /release-management.metrics.read/,
    );
    const allowed = setUp();
    expect(
      (await allowed.invoke('get-release-impact', { releaseId: 'r1' })).output,
    ).toMatchObject({ roots: ['component:default/cart'] });
    expect(
      (await allowed.invoke('get-release-metrics', { groupBy: 'model' }))
        .output,
    ).toMatchObject({ groups: [] });
    expect(allowed.services.metrics.metrics).toHaveBeenCalledWith({
      groupBy: 'model',
    });
  });

  it('creates a draft release as the caller, audited, with a link to it', async () => {
    const { invoke, services, auditor } = setUp();
    const { output } = await invoke('create-draft-release', {
      model: 'normal',
      title: 'Basket sharing',
      versionLabel: 'cart 4.2',
      scope: [{ entityRef: 'component:default/cart', version: '4.2.0' }],
    });
    expect(output).toEqual({
      id: 'r1',
      title: 'Basket sharing',
      status: 'draft',
      url: 'http://localhost:3000/release-management/releases/r1',
    });
    expect(services.releases.create).toHaveBeenCalledWith(
      expect.objectContaining({ model: 'normal', notes: '' }),
      { ref: 'user:default/rm', ownershipEntityRefs: [] },
      credentials,
      expect.any(Function),
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'release-create' }),
    );
  });

  it('has the creation refuse a scope the caller could not change', async () => {
    const { invoke, services } = setUp(['release-management.release.update']);
    await invoke('create-draft-release', {
      model: 'normal',
      title: 'Basket sharing',
      versionLabel: 'cart 4.2',
      scope: [{ entityRef: 'component:default/cart', version: '4.2.0' }],
    });
    // What the service calls with the release it is about to store.
    const guard = (services.releases.create.mock.calls[0] as any[])[3];
    await expect(
      guard({
        releaseManager: 'user:default/rm',
        scope: [{ entityRef: 'component:default/cart', version: '4.2.0' }],
      }),
    ).rejects.toThrow(
      'You may plan releases only on entities whose releases you could change (permission release-management.release.update); not on component:default/cart',
    );
  });

  it('creates nothing without the create permission', async () => {
    const { invoke, services } = setUp(['release-management.release.create']);
    await expect(
      invoke('create-draft-release', {
        model: 'normal',
        title: 'Basket sharing',
        versionLabel: 'cart 4.2',
        scope: [],
      }),
    ).rejects.toThrow(/release-management.release.create/);
    expect(services.releases.create).not.toHaveBeenCalled();
  });
});
