import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Each web unit test starts from an empty document: what one test rendered is removed after it.
afterEach(cleanup);
