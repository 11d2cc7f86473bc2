import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

/** A system or domain the explorer can start from. */
export type ExplorerRoot = {
  ref: string;
  kind: 'system' | 'domain';
  title: string;
};

/**
 * Picks the system or domain to explore from the catalog. Systems and
 * domains are few, so one projected request fetches them all.
 */
export const RootPicker = ({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (root: ExplorerRoot | undefined) => void;
}) => {
  const catalogApi = useApi(catalogApiRef);
  const roots = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: ['System', 'Domain'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(
        (e): ExplorerRoot => ({
          ref: stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          kind: e.kind.toLocaleLowerCase('en-US') as ExplorerRoot['kind'],
          title: e.metadata.title ?? e.metadata.name,
        }),
      )
      .sort(
        (a, b) =>
          a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title),
      );
  }, [catalogApi]);

  const options = roots.value ?? [];
  return (
    <Autocomplete<ExplorerRoot>
      options={options}
      loading={roots.loading}
      value={options.find(o => o.ref === value) ?? null}
      groupBy={o => (o.kind === 'system' ? 'Systems' : 'Domains')}
      getOptionLabel={o => `${o.title} (${o.ref})`}
      getOptionSelected={(o, v) => o.ref === v.ref}
      onChange={(_event, root) => onChange(root ?? undefined)}
      style={{ maxWidth: 480 }}
      renderInput={params => (
        <TextField
          {...params}
          label="System or domain"
          variant="outlined"
          size="small"
          helperText={
            roots.error
              ? `Cannot read the catalog: ${roots.error.message}`
              : undefined
          }
        />
      )}
    />
  );
};
