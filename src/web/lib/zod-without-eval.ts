import { config } from 'zod/v4/core';

// The domain's schemas come along with the shared rules; in the browser they must not probe for
// `new Function`, which the content security policy forbids (and reports as a violation).
config({ jitless: true });
