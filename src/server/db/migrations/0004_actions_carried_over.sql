ALTER TABLE "actions" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_carried_from_fk" FOREIGN KEY ("tenant_id","carried_from_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_carried_from_idx" ON "actions" USING btree ("tenant_id","carried_from_id");