CREATE TABLE "attachments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid,
	"follow_up_id" uuid,
	"control_result_id" uuid,
	"deviation_id" uuid,
	"review_id" uuid,
	"recommendation_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage" text NOT NULL,
	"content" "bytea",
	"object_key" text,
	"description" text,
	"uploaded_by_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "attachments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "attachments_one_target" CHECK (num_nonnulls("attachments"."plan_id", "attachments"."follow_up_id", "attachments"."control_result_id", "attachments"."deviation_id", "attachments"."review_id", "attachments"."recommendation_id") = 1),
	CONSTRAINT "attachments_storage_check" CHECK ("attachments"."storage" in ('database', 'object_storage')),
	CONSTRAINT "attachments_stored_somewhere" CHECK (("attachments"."storage" = 'database' and "attachments"."content" is not null) or ("attachments"."storage" = 'object_storage' and "attachments"."object_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "common_control_targets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"common_control_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "common_control_targets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "common_controls" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"origin_unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"risk_title" text NOT NULL,
	"risk_description" text,
	"process_id" uuid,
	"category_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"method_id" uuid,
	"scope" text,
	"frequency" jsonb,
	"reporting_time" text,
	"reports_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "common_controls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "common_controls_frequency_is_object" CHECK ("common_controls"."frequency" is null or jsonb_typeof("common_controls"."frequency") = 'object')
);
--> statement-breakpoint
CREATE TABLE "action_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "action_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"indicator" text,
	"target" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "risk_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_addressees" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"answer" text,
	"answered_on" date,
	"actions_taken" text,
	"due_date" date,
	"status_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_addressees_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"issued_report_id" uuid NOT NULL,
	"decision_unit_id" uuid NOT NULL,
	"decision_date" date NOT NULL,
	"decision_paragraph" text,
	"diarienummer" text,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "report_decisions_outcome_check" CHECK ("report_decisions"."outcome" in ('approved', 'referred_back', 'noted'))
);
--> statement-breakpoint
CREATE TABLE "function_holders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"function_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "function_holders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "function_holders_dates_in_order" CHECK ("function_holders"."valid_to" is null or "function_holders"."valid_from" is null or "function_holders"."valid_to" >= "function_holders"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "unit_functions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_manager" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_functions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "responsible_function_id" uuid;--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "common_control_id" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "review_state" text DEFAULT 'submitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "reviewed_by_id" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "decision_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "decision_paragraph" text;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "diarienummer" text;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "follows_up_review_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "common_control_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_follow_up_fk" FOREIGN KEY ("tenant_id","follow_up_id") REFERENCES "public"."follow_ups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_control_result_fk" FOREIGN KEY ("tenant_id","control_result_id") REFERENCES "public"."control_results"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_deviation_fk" FOREIGN KEY ("tenant_id","deviation_id") REFERENCES "public"."deviations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_review_fk" FOREIGN KEY ("tenant_id","review_id") REFERENCES "public"."reviews"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_recommendation_fk" FOREIGN KEY ("tenant_id","recommendation_id") REFERENCES "public"."recommendations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_fk" FOREIGN KEY ("tenant_id","uploaded_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_control_targets" ADD CONSTRAINT "common_control_targets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_control_targets" ADD CONSTRAINT "common_control_targets_control_fk" FOREIGN KEY ("tenant_id","common_control_id") REFERENCES "public"."common_controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_control_targets" ADD CONSTRAINT "common_control_targets_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_controls" ADD CONSTRAINT "common_controls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_controls" ADD CONSTRAINT "common_controls_origin_unit_fk" FOREIGN KEY ("tenant_id","origin_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_controls" ADD CONSTRAINT "common_controls_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_controls" ADD CONSTRAINT "common_controls_category_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_controls" ADD CONSTRAINT "common_controls_method_fk" FOREIGN KEY ("tenant_id","method_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_goals" ADD CONSTRAINT "action_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_goals" ADD CONSTRAINT "action_goals_action_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_goals" ADD CONSTRAINT "action_goals_goal_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_goals" ADD CONSTRAINT "risk_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_goals" ADD CONSTRAINT "risk_goals_risk_fk" FOREIGN KEY ("tenant_id","risk_id") REFERENCES "public"."risks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_goals" ADD CONSTRAINT "risk_goals_goal_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."goals"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_addressees" ADD CONSTRAINT "recommendation_addressees_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_addressees" ADD CONSTRAINT "recommendation_addressees_recommendation_fk" FOREIGN KEY ("tenant_id","recommendation_id") REFERENCES "public"."recommendations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_addressees" ADD CONSTRAINT "recommendation_addressees_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_addressees" ADD CONSTRAINT "recommendation_addressees_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_report_fk" FOREIGN KEY ("tenant_id","issued_report_id") REFERENCES "public"."issued_reports"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_unit_fk" FOREIGN KEY ("tenant_id","decision_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_recorded_by_fk" FOREIGN KEY ("tenant_id","recorded_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_holders" ADD CONSTRAINT "function_holders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_holders" ADD CONSTRAINT "function_holders_function_fk" FOREIGN KEY ("tenant_id","function_id") REFERENCES "public"."unit_functions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_holders" ADD CONSTRAINT "function_holders_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_functions" ADD CONSTRAINT "unit_functions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_functions" ADD CONSTRAINT "unit_functions_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_plan_idx" ON "attachments" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "attachments_follow_up_idx" ON "attachments" USING btree ("tenant_id","follow_up_id");--> statement-breakpoint
CREATE INDEX "attachments_control_result_idx" ON "attachments" USING btree ("tenant_id","control_result_id");--> statement-breakpoint
CREATE INDEX "attachments_deviation_idx" ON "attachments" USING btree ("tenant_id","deviation_id");--> statement-breakpoint
CREATE INDEX "attachments_review_idx" ON "attachments" USING btree ("tenant_id","review_id");--> statement-breakpoint
CREATE INDEX "attachments_recommendation_idx" ON "attachments" USING btree ("tenant_id","recommendation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "common_control_targets_key" ON "common_control_targets" USING btree ("tenant_id","common_control_id","unit_id");--> statement-breakpoint
CREATE INDEX "common_controls_origin_idx" ON "common_controls" USING btree ("tenant_id","origin_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "action_goals_key" ON "action_goals" USING btree ("tenant_id","action_id","goal_id");--> statement-breakpoint
CREATE INDEX "action_goals_goal_idx" ON "action_goals" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE INDEX "goals_unit_year_idx" ON "goals" USING btree ("tenant_id","unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_goals_key" ON "risk_goals" USING btree ("tenant_id","risk_id","goal_id");--> statement-breakpoint
CREATE INDEX "risk_goals_goal_idx" ON "risk_goals" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_addressees_key" ON "recommendation_addressees" USING btree ("tenant_id","recommendation_id","unit_id");--> statement-breakpoint
CREATE INDEX "recommendation_addressees_unit_idx" ON "recommendation_addressees" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_decisions_report_key" ON "report_decisions" USING btree ("tenant_id","issued_report_id");--> statement-breakpoint
CREATE INDEX "function_holders_function_idx" ON "function_holders" USING btree ("tenant_id","function_id");--> statement-breakpoint
CREATE INDEX "function_holders_user_idx" ON "function_holders" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "unit_functions_unit_idx" ON "unit_functions" USING btree ("tenant_id","unit_id");--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_responsible_function_fk" FOREIGN KEY ("tenant_id","responsible_function_id") REFERENCES "public"."unit_functions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_common_control_fk" FOREIGN KEY ("tenant_id","common_control_id") REFERENCES "public"."common_controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_reviewed_by_fk" FOREIGN KEY ("tenant_id","reviewed_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_decision_unit_fk" FOREIGN KEY ("tenant_id","decision_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."recommendations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_follows_up_fk" FOREIGN KEY ("tenant_id","follows_up_review_id") REFERENCES "public"."reviews"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_common_control_fk" FOREIGN KEY ("tenant_id","common_control_id") REFERENCES "public"."common_controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "controls_common_control_idx" ON "controls" USING btree ("tenant_id","common_control_id");--> statement-breakpoint
CREATE INDEX "recommendations_parent_idx" ON "recommendations" USING btree ("tenant_id","parent_id");--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_review_state_check" CHECK ("follow_ups"."review_state" in ('draft', 'submitted', 'returned', 'approved'));--> statement-breakpoint
-- Follow-ups written before the review step existed stand as they were reported: approved, with no reviewer recorded.
UPDATE "follow_ups" SET "review_state" = 'approved';
