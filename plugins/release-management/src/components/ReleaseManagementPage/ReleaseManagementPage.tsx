import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ArchitectureExplorer } from '../ArchitectureExplorer';
import { FreezeWindowsPage } from '../FreezeWindowsPage';
import { MetricsDashboard } from '../MetricsDashboard';
import { ModelsPage } from '../ModelsPage';
import { ReleaseCalendarPage } from '../ReleaseCalendar';
import { ReleaseDetailPage } from '../ReleaseDetailPage';
import { ReleasesTable } from '../ReleasesTable';
import { ReleaseWizard } from '../ReleaseWizard';

/** The releases tab: the list, the wizard and one release. */
const ReleasesRoutes = () => (
  <Routes>
    <Route path="/" element={<ReleasesTable />} />
    <Route path="/new" element={<ReleaseWizard />} />
    <Route path="/:id" element={<ReleaseDetailPage />} />
    <Route path="/:id/edit" element={<ReleaseWizard />} />
  </Routes>
);

/**
 * The release management page: calendar, releases, models, freeze windows,
 * the architecture explorer and the metrics dashboard, each a tab with its
 * own sub-routes (see `routes.ts`).
 *
 * On the new frontend system the app draws the page header, so the page
 * renders its tabs only (`withHeader={false}`).
 */
export const ReleaseManagementPage = ({
  withHeader = true,
}: {
  withHeader?: boolean;
}) => {
  const tabs = (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title="Calendar">
        <ReleaseCalendarPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/releases" title="Releases">
        <ReleasesRoutes />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/models" title="Models">
        <ModelsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/freeze-windows" title="Freeze windows">
        <FreezeWindowsPage />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/architecture" title="Architecture">
        <ArchitectureExplorer />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/metrics" title="Metrics">
        <MetricsDashboard />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
  if (!withHeader) return tabs;
  return (
    <Page themeId="tool">
      <Header
        title="Release Management"
        subtitle="Plan, coordinate and review releases across the catalog"
      />
      {tabs}
    </Page>
  );
};
