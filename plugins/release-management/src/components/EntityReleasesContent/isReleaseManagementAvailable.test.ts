import type { Entity } from '@backstage/catalog-model';
import { isReleaseManagementAvailable } from './isReleaseManagementAvailable';

const anEntity = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
});

describe('isReleaseManagementAvailable', () => {
  it.each(['Component', 'Resource', 'API', 'System', 'component', 'api'])(
    'is available for %s',
    kind => expect(isReleaseManagementAvailable(anEntity(kind))).toBe(true),
  );

  it.each(['Domain', 'Group', 'User', 'Location', 'Template'])(
    'is not available for %s',
    kind => expect(isReleaseManagementAvailable(anEntity(kind))).toBe(false),
  );
});
