CREATE TABLE "control_results" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"control_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"performed_on" date,
	"reason" text,
	"comment" text,
	"recorded_by_id" uuid,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_results_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "control_results_outcome_check" CHECK ("control_results"."outcome" in ('no_remarks', 'with_deviation', 'not_performed')),
	CONSTRAINT "control_results_reason_when_not_performed" CHECK ("control_results"."outcome" <> 'not_performed' or "control_results"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "vocabulary_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"label_sv" text NOT NULL,
	"label_en" text NOT NULL,
	"description" text,
	"report_immediately" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"valid_from_year" smallint,
	"valid_to_year" smallint,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vocabulary_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "vocabulary_entries_kind_check" CHECK ("vocabulary_entries"."kind" in ('process', 'risk_category', 'control_method', 'deviation_severity')),
	CONSTRAINT "vocabulary_entries_years_in_order" CHECK ("vocabulary_entries"."valid_to_year" is null or "vocabulary_entries"."valid_from_year" is null or "vocabulary_entries"."valid_to_year" >= "vocabulary_entries"."valid_from_year")
);
--> statement-breakpoint
-- Every existing tenant starts from the default vocabularies (new tenants get them from the code).
INSERT INTO "vocabulary_entries" ("tenant_id", "id", "kind", "key", "label_sv", "label_en", "description", "report_immediately", "sort_order")
SELECT "tenants"."id", gen_random_uuid(), d.kind, d.key, d.label_sv, d.label_en, d.description, d.report_immediately, d.sort_order
FROM "tenants" CROSS JOIN (VALUES
	('process', 'styra-och-leda', 'Styra och leda', 'Governance and management', NULL, false, 0),
	('process', 'ekonomi', 'Ekonomi', 'Finance', NULL, false, 1),
	('process', 'personal', 'Personal', 'Human resources', NULL, false, 2),
	('process', 'upphandling', 'Upphandling', 'Procurement', NULL, false, 3),
	('process', 'it-och-informationssakerhet', 'IT och informationssäkerhet', 'IT and information security', NULL, false, 4),
	('process', 'myndighetsutovning', 'Myndighetsutövning', 'Exercise of public authority', NULL, false, 5),
	('process', 'dokument-och-arendehantering', 'Dokument- och ärendehantering', 'Records and case management', NULL, false, 6),
	('risk_category', 'oegentligheter-och-korruption', 'Oegentligheter och korruption', 'Irregularities and corruption', NULL, false, 0),
	('risk_category', 'verksamhetsrisk', 'Verksamhetsrisk', 'Operational risk', NULL, false, 1),
	('risk_category', 'finansiell-risk', 'Finansiell risk', 'Financial risk', NULL, false, 2),
	('risk_category', 'legal-risk', 'Legal risk', 'Legal risk', NULL, false, 3),
	('risk_category', 'omvarldsrisk', 'Omvärldsrisk', 'External risk', NULL, false, 4),
	('control_method', 'stickprov', 'Stickprov', 'Sample check', NULL, false, 0),
	('control_method', 'fullstandig-granskning', 'Fullständig granskning', 'Full review', NULL, false, 1),
	('control_method', 'avstamning', 'Avstämning', 'Reconciliation', NULL, false, 2),
	('control_method', 'genomgang', 'Genomgång', 'Walk-through', NULL, false, 3),
	('control_method', 'analys', 'Analys', 'Analysis', NULL, false, 4),
	('control_method', 'intervju', 'Intervju', 'Interview', NULL, false, 5),
	('control_method', 'annan', 'Annan', 'Other', NULL, false, 6),
	('deviation_severity', 'minor', 'Mindre väsentlig', 'Minor', 'Brist av liten betydelse som rättas inom verksamheten.', false, 0),
	('deviation_severity', 'significant', 'Väsentlig', 'Significant', 'Brist som påverkar verksamhetens mål, ekonomi eller förtroende och som ska åtgärdas.', false, 1),
	('deviation_severity', 'very_significant', 'Mycket väsentlig', 'Very significant', 'Allvarlig brist, till exempel misstänkt oegentlighet, som genast rapporteras till nämnden.', true, 2)
) AS d(kind, key, label_sv, label_en, description, report_immediately, sort_order);--> statement-breakpoint
ALTER TABLE "deviations" DROP CONSTRAINT "deviations_severity_check";--> statement-breakpoint
ALTER TABLE "controls" RENAME COLUMN "frequency" TO "frequency_text";--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "frequency" jsonb;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD COLUMN "generated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "method_id" uuid;--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "reporting_time" text;--> statement-breakpoint
ALTER TABLE "controls" ADD COLUMN "reports_to" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "severity_id" uuid;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "result_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "process_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "category_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "effect" text;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "response" text;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "response_motivation" text;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "legal_references" text;--> statement-breakpoint
ALTER TABLE "control_results" ADD CONSTRAINT "control_results_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_results" ADD CONSTRAINT "control_results_control_fk" FOREIGN KEY ("tenant_id","control_id") REFERENCES "public"."controls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_results" ADD CONSTRAINT "control_results_period_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."reporting_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_results" ADD CONSTRAINT "control_results_recorded_by_fk" FOREIGN KEY ("tenant_id","recorded_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocabulary_entries" ADD CONSTRAINT "vocabulary_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "control_results_current_key" ON "control_results" USING btree ("tenant_id","control_id","period_id") WHERE "control_results"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "control_results_period_idx" ON "control_results" USING btree ("tenant_id","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vocabulary_entries_key_key" ON "vocabulary_entries" USING btree ("tenant_id","kind","key");--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_method_fk" FOREIGN KEY ("tenant_id","method_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_severity_fk" FOREIGN KEY ("tenant_id","severity_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_result_fk" FOREIGN KEY ("tenant_id","result_id") REFERENCES "public"."control_results"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_process_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_category_fk" FOREIGN KEY ("tenant_id","category_id") REFERENCES "public"."vocabulary_entries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The old free texts become structured data where they name an entry; nothing is lost.
UPDATE "deviations" SET "severity_id" = v."id" FROM "vocabulary_entries" v
WHERE v."tenant_id" = "deviations"."tenant_id" AND v."kind" = 'deviation_severity' AND v."key" = "deviations"."severity";--> statement-breakpoint
ALTER TABLE "deviations" ALTER COLUMN "severity_id" SET NOT NULL;--> statement-breakpoint
INSERT INTO "vocabulary_entries" ("tenant_id", "id", "kind", "key", "label_sv", "label_en", "sort_order")
SELECT DISTINCT ON (r."tenant_id", x.kind, lower(btrim(x.label))) r."tenant_id", gen_random_uuid(), x.kind, 'migrated-' || left(md5(lower(btrim(x.label))), 12), btrim(x.label), btrim(x.label), 100
FROM "risks" r CROSS JOIN LATERAL (VALUES ('process', r."process"), ('risk_category', r."category")) AS x(kind, label)
WHERE x.label IS NOT NULL AND btrim(x.label) <> '' AND NOT EXISTS (
	SELECT 1 FROM "vocabulary_entries" v WHERE v."tenant_id" = r."tenant_id" AND v."kind" = x.kind
	AND (lower(v."label_sv") = lower(btrim(x.label)) OR lower(v."label_en") = lower(btrim(x.label))));--> statement-breakpoint
UPDATE "risks" SET "process_id" = v."id" FROM "vocabulary_entries" v
WHERE v."tenant_id" = "risks"."tenant_id" AND v."kind" = 'process' AND (lower(v."label_sv") = lower(btrim("risks"."process")) OR lower(v."label_en") = lower(btrim("risks"."process")));--> statement-breakpoint
UPDATE "risks" SET "category_id" = v."id" FROM "vocabulary_entries" v
WHERE v."tenant_id" = "risks"."tenant_id" AND v."kind" = 'risk_category' AND (lower(v."label_sv") = lower(btrim("risks"."category")) OR lower(v."label_en") = lower(btrim("risks"."category")));--> statement-breakpoint
UPDATE "controls" SET "scope" = "method" WHERE "method" IS NOT NULL AND btrim("method") <> '';--> statement-breakpoint
UPDATE "controls" SET "method_id" = (
	SELECT v."id" FROM "vocabulary_entries" v WHERE v."tenant_id" = "controls"."tenant_id" AND v."kind" = 'control_method'
	AND strpos(lower("controls"."method"), lower(v."label_sv")) > 0 ORDER BY v."sort_order" LIMIT 1)
WHERE "method" IS NOT NULL;--> statement-breakpoint
UPDATE "controls" SET "frequency" = jsonb_build_object('kind', CASE
	WHEN "frequency_text" ~* '(månad|monthly)' THEN 'monthly'
	WHEN "frequency_text" ~* '(kvartal|quarter)' THEN 'quarterly'
	WHEN "frequency_text" ~* 'tertial' THEN 'tertial'
	WHEN "frequency_text" ~* '(halvår|termin|half)' THEN 'half_yearly'
	WHEN "frequency_text" ~* '(årlig|per år|varje år|årligen|annual|yearly)' THEN 'yearly'
	WHEN "frequency_text" ~* '(en gång|once)' THEN 'once' END)
WHERE "frequency_text" ~* '(månad|monthly|kvartal|quarter|tertial|halvår|termin|half|årlig|per år|varje år|årligen|annual|yearly|en gång|once)';--> statement-breakpoint
-- A frequency no kind fits is kept, as written, with the control's scope.
UPDATE "controls" SET "scope" = concat_ws(E'\n\n', "scope", 'Frekvens: ' || "frequency_text")
WHERE "frequency" IS NULL AND "frequency_text" IS NOT NULL AND btrim("frequency_text") <> '';--> statement-breakpoint
ALTER TABLE "controls" DROP COLUMN "frequency_text";--> statement-breakpoint
ALTER TABLE "controls" DROP COLUMN "method";--> statement-breakpoint
ALTER TABLE "deviations" DROP COLUMN "severity";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "process";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "category";--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_frequency_is_object" CHECK ("controls"."frequency" is null or jsonb_typeof("controls"."frequency") = 'object');--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_response_check" CHECK ("risks"."response" in ('accept', 'treat', 'control', 'review'));