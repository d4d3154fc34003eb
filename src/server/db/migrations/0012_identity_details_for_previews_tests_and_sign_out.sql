ALTER TABLE "external_identities" ADD COLUMN "last_claims" jsonb;--> statement-breakpoint
ALTER TABLE "sso_attempts" ADD COLUMN "test_result" jsonb;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "provider_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_provider_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "public"."identity_providers"("tenant_id","id") ON DELETE no action ON UPDATE no action;