import { configure } from '@testing-library/react';
import '@testing-library/jest-dom';

// Views render whole pages (tables, calendars, charts) that take seconds on a
// busy two-core machine; these are waits for the page, not speed checks.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });
