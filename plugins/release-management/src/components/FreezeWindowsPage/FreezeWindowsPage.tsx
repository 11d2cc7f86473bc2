import { Route, Routes } from 'react-router-dom';
import { FreezeWindowEditor } from './FreezeWindowEditor';
import { FreezeWindowList } from './FreezeWindowList';

/**
 * The freeze windows tab: the list at `/`, a new window at `/new`, one
 * window to edit or delete at `/:id`.
 *
 * @public
 */
export const FreezeWindowsPage = () => (
  <Routes>
    <Route path="/" element={<FreezeWindowList />} />
    <Route path="/new" element={<FreezeWindowEditor />} />
    <Route path="/:id" element={<FreezeWindowEditor />} />
  </Routes>
);
