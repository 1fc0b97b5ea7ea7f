CREATE TABLE "indicator_values" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(16, 4) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"goal_id" uuid,
	"measure_id" uuid,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"baseline_value" numeric(16, 4),
	"baseline_date" date,
	"target_value" numeric(16, 4),
	"target_year" integer,
	"direction" text DEFAULT 'higher' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"predecessor_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indicators_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "measure_updates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"attachment_name" text,
	"attachment_type" text,
	"attachment" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_updates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "status_rules" (
	"tenant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"implied_progress" integer,
	"counts_in_rollup" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "status_rules_tenant_id_status_pk" PRIMARY KEY("tenant_id","status")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "update_interval_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "silent_after_months" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "reminders_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "fields" ADD COLUMN "predecessor_id" uuid;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "predecessor_id" uuid;--> statement-breakpoint
ALTER TABLE "guidelines" ADD COLUMN "predecessor_id" uuid;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "progress" integer;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "weight" numeric(6, 2) DEFAULT '1' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "predecessor_id" uuid;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_tenant_id_indicator_id_indicators_tenant_id_id_fk" FOREIGN KEY ("tenant_id","indicator_id") REFERENCES "public"."indicators"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_edition_id_editions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","edition_id") REFERENCES "public"."editions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_goal_id_goals_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."goals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_updates" ADD CONSTRAINT "measure_updates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_updates" ADD CONSTRAINT "measure_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_updates" ADD CONSTRAINT "measure_updates_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_rules" ADD CONSTRAINT "status_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_tenant_id_indicator_id_measured_on_index" ON "indicator_values" USING btree ("tenant_id","indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "indicators_tenant_id_edition_id_index" ON "indicators" USING btree ("tenant_id","edition_id");--> statement-breakpoint
CREATE INDEX "measure_updates_tenant_id_measure_id_reported_on_index" ON "measure_updates" USING btree ("tenant_id","measure_id","reported_on");