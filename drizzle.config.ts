import { defineConfig } from 'drizzle-kit';

// The schema in TypeScript is the truth; `npm run db:generate` writes the SQL migration for a change.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/*.ts',
  out: './src/server/db/migrations',
  casing: 'snake_case',
});
