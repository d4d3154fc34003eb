ALTER TABLE "audit_events" ADD COLUMN "actor_token_id" uuid;--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_token_fk" FOREIGN KEY ("tenant_id","actor_token_id") REFERENCES "public"."api_tokens"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_failures_address_idx" ON "sign_in_failures" USING btree ("client_address","occurred_at");--> statement-breakpoint
-- Secrets never belong in the audit log, not even hashed. Earlier versions wrote the API token's
-- hash when a token was created and the password hashes when a password was changed: replace each
-- such value by "[redacted]" (a null stays null, so the log still shows that a password was set or removed).
UPDATE "audit_events" SET "changes" = (
  SELECT jsonb_object_agg(field, CASE WHEN field IN ('passwordHash', 'secretHash', 'tokenHash', 'csrfToken')
    THEN jsonb_build_array(
      CASE WHEN value->0 = 'null'::jsonb THEN 'null'::jsonb ELSE '"[redacted]"'::jsonb END,
      CASE WHEN value->1 = 'null'::jsonb THEN 'null'::jsonb ELSE '"[redacted]"'::jsonb END)
    ELSE value END)
  FROM jsonb_each("changes") AS entry(field, value)
) WHERE "changes" ?| array['passwordHash', 'secretHash', 'tokenHash', 'csrfToken'];
