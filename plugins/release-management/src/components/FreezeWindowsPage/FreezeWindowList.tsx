import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import {
  type FreezeWindow,
  nextOccurrences,
} from '@release-management/plugin-release-management-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { releaseManagementApiRef } from '../../api';
import { freezeWindowRouteRef, freezeWindowsRouteRef } from '../../routes';
import { formatWindow } from '../shared/formatTime';
import { describeScope } from './describeScope';
import { ruleInWords } from './ruleInWords';

interface Row {
  window: FreezeWindow;
  rule: string;
  next?: { start: string; end: string };
}

// A stored rule that no longer parses must not take the list down with it.
function rowOf(window: FreezeWindow, now: Date): Row {
  try {
    const [next] = nextOccurrences(window, now.toISOString(), 1);
    return { window, rule: ruleInWords(window), next };
  } catch {
    return { window, rule: `unreadable rule: ${window.rrule}` };
  }
}

const NewButton = () => {
  const listLink = useRouteRef(freezeWindowsRouteRef);
  return (
    <Button
      variant="contained"
      color="primary"
      component={RouterLink}
      to={`${listLink()}/new`}
    >
      New freeze window
    </Button>
  );
};

/** The freeze windows, each with its rule in words and next occurrence. */
export const FreezeWindowList = ({ now = new Date() }: { now?: Date }) => {
  const api = useApi(releaseManagementApiRef);
  const windowLink = useRouteRef(freezeWindowRouteRef);
  const windows = useAsync(() => api.listFreezeWindows(), [api]);

  if (windows.loading) return <Progress />;
  if (windows.error) return <ResponseErrorPanel error={windows.error} />;
  if (!windows.value?.length) {
    return (
      <EmptyState
        missing="data"
        title="No freeze windows"
        description="A freeze window blocks (hard) or warns about (soft) releases in a period, once or repeating, for everything or part of the catalog."
        action={<NewButton />}
      />
    );
  }

  const columns: TableColumn<Row>[] = [
    {
      title: 'Title',
      field: 'window.title',
      render: row => (
        <Link to={windowLink({ id: row.window.id })}>{row.window.title}</Link>
      ),
    },
    {
      title: 'Severity',
      field: 'window.severity',
      render: row => (
        <Chip
          size="small"
          label={row.window.severity}
          color={row.window.severity === 'hard' ? 'secondary' : 'default'}
        />
      ),
    },
    { title: 'Scope', render: row => describeScope(row.window.scope) },
    { title: 'When', field: 'rule' },
    {
      title: 'Next occurrence',
      customSort: (a, b) =>
        (a.next?.start ?? '~').localeCompare(b.next?.start ?? '~'),
      render: row =>
        row.next ? (
          <span
            title={formatWindow(
              row.next.start,
              row.next.end,
              row.window.timeZone,
            )}
          >
            {formatWindow(row.next.start, row.next.end)}
          </span>
        ) : (
          'none (over)'
        ),
    },
  ];

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <NewButton />
      </Box>
      <Table<Row>
        title="Freeze windows"
        options={{
          draggable: false,
          paging: false,
          search: true,
          padding: 'dense',
        }}
        columns={columns}
        data={windows.value.map(w => rowOf(w, now))}
      />
    </>
  );
};
