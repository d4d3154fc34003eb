CREATE TABLE "actions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"risk_id" uuid,
	"review_id" uuid,
	"title" text NOT NULL,
	"what_to_do" text,
	"measures_taken" text,
	"responsible_unit_id" uuid,
	"status_id" uuid,
	"start_date" date,
	"end_date" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "actions_dates_in_order" CHECK ("actions"."end_date" is null or "actions"."start_date" is null or "actions"."end_date" >= "actions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"cost_and_resources" text,
	"performers" text,
	"status_id" uuid,
	"start_date" date,
	"end_date" date,
	"carry_over" text,
	"carried_from_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "activities_carry_over_check" CHECK ("activities"."carry_over" in ('carry_over', 'do_not_carry_over')),
	CONSTRAINT "activities_dates_in_order" CHECK ("activities"."end_date" is null or "activities"."start_date" is null or "activities"."end_date" >= "activities"."start_date")
);
--> statement-breakpoint
CREATE TABLE "activity_focus_areas" (
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"focus_area_id" uuid NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_focus_areas_tenant_id_activity_id_focus_area_id_pk" PRIMARY KEY("tenant_id","activity_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "focus_areas" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "focus_areas_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sub_activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"status_id" uuid,
	"carry_over" text,
	"carried_from_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sub_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sub_activities_carry_over_check" CHECK ("sub_activities"."carry_over" in ('carry_over', 'do_not_carry_over'))
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"control_id" uuid,
	"action_id" uuid,
	"activity_id" uuid,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assignments_one_item" CHECK (num_nonnulls("assignments"."control_id", "assignments"."action_id", "assignments"."activity_id") = 1),
	CONSTRAINT "assignments_role_check" CHECK ("assignments"."role" in ('responsible', 'reporting'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "audit_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "audit_events_actor_kind_check" CHECK ("audit_events"."actor_kind" in ('user', 'token', 'system'))
);
--> statement-breakpoint
CREATE TABLE "calendar_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"unit_id" uuid,
	"period_id" uuid,
	"role" text,
	"date" date NOT NULL,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "calendar_events_kind_check" CHECK ("calendar_events"."kind" in ('namnd_meeting', 'ks_meeting', 'kf_meeting', 'deadline')),
	CONSTRAINT "calendar_events_precision_check" CHECK ("calendar_events"."date_precision" in ('day', 'month')),
	CONSTRAINT "calendar_events_role_check" CHECK ("calendar_events"."role" in ('administrator', 'coordinator', 'responsible', 'reader', 'auditor'))
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"control_id" uuid,
	"action_id" uuid,
	"activity_id" uuid,
	"date" date NOT NULL,
	"note" text,
	CONSTRAINT "checkpoints_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "checkpoints_one_item" CHECK (num_nonnulls("checkpoints"."control_id", "checkpoints"."action_id", "checkpoints"."activity_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "controls" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"method" text,
	"frequency" text,
	"status_id" uuid,
	"start_date" date,
	"end_date" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "controls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "controls_dates_in_order" CHECK ("controls"."end_date" is null or "controls"."start_date" is null or "controls"."end_date" >= "controls"."start_date")
);
--> statement-breakpoint
CREATE TABLE "deviations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"control_id" uuid NOT NULL,
	"follow_up_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"found_on" date NOT NULL,
	"found_by_id" uuid,
	"severity" text NOT NULL,
	"reported_to_id" uuid,
	"reported_to_text" text,
	"reported_on" date,
	"action_id" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deviations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "deviations_severity_check" CHECK ("deviations"."severity" in ('minor', 'significant', 'very_significant')),
	CONSTRAINT "deviations_state_check" CHECK ("deviations"."state" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"control_id" uuid,
	"action_id" uuid,
	"activity_id" uuid,
	"period_id" uuid NOT NULL,
	"reported_on" date,
	"body" text NOT NULL,
	"analysis" text,
	"author_id" uuid,
	"status_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "follow_ups_one_item" CHECK (num_nonnulls("follow_ups"."control_id", "follow_ups"."action_id", "follow_ups"."activity_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "org_units_kind_check" CHECK ("org_units"."kind" in ('kommun', 'region', 'namnd', 'bolag', 'kommunalforbund', 'forvaltning', 'avdelning', 'enhet')),
	CONSTRAINT "org_units_not_own_parent" CHECK ("org_units"."parent_id" is distinct from "org_units"."id")
);
--> statement-breakpoint
CREATE TABLE "plan_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"period_id" uuid,
	"topic" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"written_on" date,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_notes_topic_check" CHECK ("plan_notes"."topic" in ('deviations', 'general'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"description" text,
	"risk_matrix_id" uuid,
	"decision_unit_id" uuid,
	"decision_date" date,
	"decision_paragraph" text,
	"diarienummer" text,
	"adopted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plans_kind_check" CHECK ("plans"."kind" in ('internal_control', 'activity')),
	CONSTRAINT "plans_state_check" CHECK ("plans"."state" in ('draft', 'adopted', 'closed')),
	CONSTRAINT "plans_years_in_order" CHECK ("plans"."end_year" >= "plans"."start_year")
);
--> statement-breakpoint
CREATE TABLE "report_texts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"report_kind" text NOT NULL,
	"section" text NOT NULL,
	"unit_id" uuid,
	"year" smallint,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_texts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"number" smallint,
	"name" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "reporting_periods_kind_check" CHECK ("reporting_periods"."kind" in ('quarter', 'tertial', 'forecast', 'interim', 'annual', 'custom')),
	CONSTRAINT "reporting_periods_dates_in_order" CHECK ("reporting_periods"."end_date" >= "reporting_periods"."start_date"),
	CONSTRAINT "reporting_periods_custom_named" CHECK (("reporting_periods"."kind" = 'custom') = ("reporting_periods"."name" is not null))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"risk_id" uuid,
	"diarienummer" text,
	"title" text NOT NULL,
	"decision_unit_id" uuid,
	"meeting_date" date,
	"decision_paragraph" text,
	"findings" text,
	"status_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_matrices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"valid_from_year" smallint NOT NULL,
	"likelihood_levels" jsonb NOT NULL,
	"consequence_levels" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_matrices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "risk_matrices_levels_are_arrays" CHECK (jsonb_typeof("risk_matrices"."likelihood_levels") = 'array' and jsonb_typeof("risk_matrices"."consequence_levels") = 'array' and jsonb_typeof("risk_matrices"."bands") = 'array')
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"likelihood" smallint NOT NULL,
	"consequence" smallint NOT NULL,
	"assessed_on" date,
	"assessed_by_id" uuid,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "risk_assessments_year_key" UNIQUE("tenant_id","risk_id","year"),
	CONSTRAINT "risk_assessments_likelihood_range" CHECK ("risk_assessments"."likelihood" between 1 and 10),
	CONSTRAINT "risk_assessments_consequence_range" CHECK ("risk_assessments"."consequence" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"process" text,
	"category" text,
	"likelihood" smallint,
	"consequence" smallint,
	"risk_value" smallint GENERATED ALWAYS AS ("risks"."likelihood" * "risks"."consequence") STORED,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"carried_from_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "risks_plan_scoped_key" UNIQUE("tenant_id","plan_id","id"),
	CONSTRAINT "risks_likelihood_range" CHECK ("risks"."likelihood" between 1 and 10),
	CONSTRAINT "risks_consequence_range" CHECK ("risks"."consequence" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "role_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "role_assignments_role_check" CHECK ("role_assignments"."role" in ('administrator', 'coordinator', 'responsible', 'reader', 'auditor'))
);
--> statement-breakpoint
CREATE TABLE "statuses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"label_sv" text NOT NULL,
	"label_en" text NOT NULL,
	"colour" text NOT NULL,
	"icon" text NOT NULL,
	"category" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statuses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "statuses_category_check" CHECK ("statuses"."category" in ('not_started', 'in_progress', 'completed', 'not_completed')),
	CONSTRAINT "statuses_icon_check" CHECK ("statuses"."icon" in ('circle', 'half', 'check', 'cross', 'star', 'pause')),
	CONSTRAINT "statuses_colour_format" CHECK ("statuses"."colour" ~ '^#[0-9a-fA-F]{6}$')
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_slug_format" CHECK ("tenants"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"title" text,
	"password_hash" text,
	"locale" text DEFAULT 'sv' NOT NULL,
	"deactivated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('sv', 'en')),
	CONSTRAINT "users_email_format" CHECK ("users"."email" is null or "users"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_risk_fk" FOREIGN KEY ("tenant_id","plan_id","risk_id") REFERENCES "public"."risks"("tenant_id","plan_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_review_fk" FOREIGN KEY ("tenant_id","review_id") REFERENCES "public"."reviews"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_responsible_unit_fk" FOREIGN KEY ("tenant_id","responsible_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_carried_from_fk" FOREIGN KEY ("tenant_id","carried_from_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_focus_areas" ADD CONSTRAINT "activity_focus_areas_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_focus_areas" ADD CONSTRAINT "activity_focus_areas_focus_area_fk" FOREIGN KEY ("tenant_id","focus_area_id") REFERENCES "public"."focus_areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_areas" ADD CONSTRAINT "focus_areas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_activities" ADD CONSTRAINT "sub_activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_activities" ADD CONSTRAINT "sub_activities_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_activities" ADD CONSTRAINT "sub_activities_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_activities" ADD CONSTRAINT "sub_activities_carried_from_fk" FOREIGN KEY ("tenant_id","carried_from_id") REFERENCES "public"."sub_activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_control_fk" FOREIGN KEY ("tenant_id","control_id") REFERENCES "public"."controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_action_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_fk" FOREIGN KEY ("tenant_id","actor_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_period_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."reporting_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_control_fk" FOREIGN KEY ("tenant_id","control_id") REFERENCES "public"."controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_action_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_risk_fk" FOREIGN KEY ("tenant_id","plan_id","risk_id") REFERENCES "public"."risks"("tenant_id","plan_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_control_fk" FOREIGN KEY ("tenant_id","control_id") REFERENCES "public"."controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_follow_up_fk" FOREIGN KEY ("tenant_id","follow_up_id") REFERENCES "public"."follow_ups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_found_by_fk" FOREIGN KEY ("tenant_id","found_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_reported_to_fk" FOREIGN KEY ("tenant_id","reported_to_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_action_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_control_fk" FOREIGN KEY ("tenant_id","control_id") REFERENCES "public"."controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_action_fk" FOREIGN KEY ("tenant_id","action_id") REFERENCES "public"."actions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_period_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."reporting_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_author_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_notes" ADD CONSTRAINT "plan_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_notes" ADD CONSTRAINT "plan_notes_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_notes" ADD CONSTRAINT "plan_notes_period_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."reporting_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_notes" ADD CONSTRAINT "plan_notes_author_fk" FOREIGN KEY ("tenant_id","author_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_decision_unit_fk" FOREIGN KEY ("tenant_id","decision_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_risk_matrix_fk" FOREIGN KEY ("tenant_id","risk_matrix_id") REFERENCES "public"."risk_matrices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_texts" ADD CONSTRAINT "report_texts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_texts" ADD CONSTRAINT "report_texts_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_risk_fk" FOREIGN KEY ("tenant_id","plan_id","risk_id") REFERENCES "public"."risks"("tenant_id","plan_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_decision_unit_fk" FOREIGN KEY ("tenant_id","decision_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_status_fk" FOREIGN KEY ("tenant_id","status_id") REFERENCES "public"."statuses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_risk_fk" FOREIGN KEY ("tenant_id","risk_id") REFERENCES "public"."risks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_assessed_by_fk" FOREIGN KEY ("tenant_id","assessed_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_plan_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_carried_from_fk" FOREIGN KEY ("tenant_id","carried_from_id") REFERENCES "public"."risks"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_unit_fk" FOREIGN KEY ("tenant_id","unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statuses" ADD CONSTRAINT "statuses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_risk_idx" ON "actions" USING btree ("tenant_id","risk_id");--> statement-breakpoint
CREATE INDEX "actions_plan_idx" ON "actions" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "activities_plan_idx" ON "activities" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "activities_carried_from_idx" ON "activities" USING btree ("tenant_id","carried_from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "focus_areas_name_key" ON "focus_areas" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
CREATE INDEX "sub_activities_activity_idx" ON "sub_activities" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "sub_activities_carried_from_idx" ON "sub_activities" USING btree ("tenant_id","carried_from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_unique_key" ON "assignments" USING btree ("tenant_id",coalesce("control_id", "action_id", "activity_id"),"user_id","role");--> statement-breakpoint
CREATE INDEX "assignments_user_idx" ON "assignments" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "calendar_events_date_idx" ON "calendar_events" USING btree ("tenant_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoints_item_date_key" ON "checkpoints" USING btree ("tenant_id",coalesce("control_id", "action_id", "activity_id"),"date");--> statement-breakpoint
CREATE INDEX "controls_risk_idx" ON "controls" USING btree ("tenant_id","risk_id");--> statement-breakpoint
CREATE INDEX "controls_plan_idx" ON "controls" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "deviations_control_idx" ON "deviations" USING btree ("tenant_id","control_id");--> statement-breakpoint
CREATE INDEX "follow_ups_control_idx" ON "follow_ups" USING btree ("tenant_id","control_id");--> statement-breakpoint
CREATE INDEX "follow_ups_action_idx" ON "follow_ups" USING btree ("tenant_id","action_id");--> statement-breakpoint
CREATE INDEX "follow_ups_activity_idx" ON "follow_ups" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "plan_notes_plan_idx" ON "plan_notes" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "plans_unit_idx" ON "plans" USING btree ("tenant_id","unit_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_texts_scope_key" ON "report_texts" USING btree ("tenant_id","report_kind","section",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("year", 0));--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_periods_key" ON "reporting_periods" USING btree ("tenant_id","kind","year",coalesce("number", 0),coalesce("name", ''));--> statement-breakpoint
CREATE INDEX "reviews_plan_idx" ON "reviews" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_matrices_year_key" ON "risk_matrices" USING btree ("tenant_id","valid_from_year");--> statement-breakpoint
CREATE INDEX "risks_plan_idx" ON "risks" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_active_key" ON "role_assignments" USING btree ("tenant_id","user_id","unit_id","role") WHERE "role_assignments"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "role_assignments_unit_idx" ON "role_assignments" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statuses_key_key" ON "statuses" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("tenant_id",lower("email"));