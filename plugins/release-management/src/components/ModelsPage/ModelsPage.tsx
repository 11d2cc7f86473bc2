import { Route, Routes } from 'react-router-dom';
import { ModelDetail } from './ModelDetail';
import { ModelEditor } from './ModelEditor';
import { ModelList } from './ModelList';

/**
 * The models tab: the list at `/`, a new model at `/new`, one model at
 * `/:name` and its editor at `/:name/edit` (API-managed models only).
 *
 * @public
 */
export const ModelsPage = () => (
  <Routes>
    <Route path="/" element={<ModelList />} />
    <Route path="/new" element={<ModelEditor />} />
    <Route path="/:name" element={<ModelDetail />} />
    <Route path="/:name/edit" element={<ModelEditor />} />
  </Routes>
);
