import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';

/**
 * The release management page: calendar, releases, models and metrics grow
 * here. Until releases exist it explains what the page is for.
 */
export const ReleaseManagementPage = () => {
  const api = useApi(releaseManagementApiRef);
  const health = useAsync(() => api.getHealth(), [api]);

  let body: JSX.Element;
  if (health.loading) {
    body = <Progress />;
  } else if (health.error) {
    body = <ResponseErrorPanel error={health.error} />;
  } else {
    body = (
      <EmptyState
        missing="content"
        title="No releases planned yet"
        description="Plan a release from a release model to see it on the calendar here and on the pages of every entity in its scope."
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Release Management"
        subtitle="Plan, coordinate and review releases across the catalog"
      />
      <Content>
        <ContentHeader title="Releases">
          <SupportButton>
            Releases make new and changed services and features available to
            their users. Each follows a release model and is checked against
            freezes and the releases of its neighbours in the catalog.
          </SupportButton>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
