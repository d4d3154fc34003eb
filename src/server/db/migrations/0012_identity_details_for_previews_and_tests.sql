ALTER TABLE "external_identities" ADD COLUMN "last_claims" jsonb;--> statement-breakpoint
ALTER TABLE "sso_attempts" ADD COLUMN "test_result" jsonb;