CREATE TABLE "consultations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agenda_number" text DEFAULT '' NOT NULL,
	"result" text,
	"unanimous" boolean DEFAULT false NOT NULL,
	"votes_yes" integer,
	"votes_no" integer,
	"votes_abstain" integer,
	"decision_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consultations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "council_bodies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_bodies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"meets_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "decision_follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"consultation_id" uuid,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decision_follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "paper_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"role" text DEFAULT 'auxiliary' NOT NULL,
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "paper_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "paper_measures" (
	"tenant_id" uuid NOT NULL,
	"paper_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"adopted_on" date NOT NULL,
	CONSTRAINT "paper_measures_tenant_id_paper_id_measure_id_pk" PRIMARY KEY("tenant_id","paper_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "paper_number_counters" (
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "paper_number_counters_tenant_id_scope_pk" PRIMARY KEY("tenant_id","scope")
);
--> statement-breakpoint
CREATE TABLE "paper_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"number_format" text DEFAULT '{Jahr}/{Amt}/{lfd}' NOT NULL,
	"office_code" text DEFAULT '' NOT NULL,
	"lead_office" text DEFAULT '' NOT NULL,
	"inhabitants" integer,
	"inhabitants_as_of" date,
	"inhabitants_source" text DEFAULT '' NOT NULL,
	"foreign_nationals" integer,
	"foreign_nationals_as_of" date,
	"foreign_nationals_source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_versions" (
	"tenant_id" uuid NOT NULL,
	"paper_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_versions_tenant_id_paper_id_version_pk" PRIMARY KEY("tenant_id","paper_id","version")
);
--> statement-breakpoint
CREATE TABLE "papers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"kind" text DEFAULT 'beschlussvorlage' NOT NULL,
	"subject" text NOT NULL,
	"paper_date" date NOT NULL,
	"lead_office" text DEFAULT '' NOT NULL,
	"office_code" text DEFAULT '' NOT NULL,
	"clerk" text DEFAULT '' NOT NULL,
	"file_reference" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"proposal" text DEFAULT '' NOT NULL,
	"facts" text DEFAULT '' NOT NULL,
	"has_financial_effects" boolean DEFAULT false NOT NULL,
	"financial_text" text DEFAULT '' NOT NULL,
	"financial_amount" numeric(14, 2),
	"climate_impact" text,
	"climate_text" text DEFAULT '' NOT NULL,
	"signature" text DEFAULT '' NOT NULL,
	"edition_id" uuid,
	"state" text DEFAULT 'entwurf' NOT NULL,
	"finalized_at" timestamp with time zone,
	"figures" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "papers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_tenant_id_paper_id_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."papers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_tenant_id_body_id_council_bodies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","body_id") REFERENCES "public"."council_bodies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_tenant_id_meeting_id_council_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."council_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_tenant_id_body_id_council_bodies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","body_id") REFERENCES "public"."council_bodies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD CONSTRAINT "decision_follow_ups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD CONSTRAINT "decision_follow_ups_tenant_id_paper_id_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."papers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_files" ADD CONSTRAINT "paper_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_files" ADD CONSTRAINT "paper_files_tenant_id_paper_id_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."papers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_measures" ADD CONSTRAINT "paper_measures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_measures" ADD CONSTRAINT "paper_measures_tenant_id_paper_id_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."papers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_measures" ADD CONSTRAINT "paper_measures_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_number_counters" ADD CONSTRAINT "paper_number_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_settings" ADD CONSTRAINT "paper_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_versions" ADD CONSTRAINT "paper_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_versions" ADD CONSTRAINT "paper_versions_tenant_id_paper_id_papers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","paper_id") REFERENCES "public"."papers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_tenant_id_paper_id_position_index" ON "consultations" USING btree ("tenant_id","paper_id","position");--> statement-breakpoint
CREATE INDEX "consultations_tenant_id_meeting_id_index" ON "consultations" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "consultations_tenant_id_updated_at_index" ON "consultations" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "council_bodies_name_unique" ON "council_bodies" USING btree ("tenant_id",lower("name")) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "council_bodies_tenant_id_updated_at_index" ON "council_bodies" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "council_meetings_body_day" ON "council_meetings" USING btree ("tenant_id","body_id","meets_on") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "council_meetings_tenant_id_updated_at_index" ON "council_meetings" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "decision_follow_ups_tenant_id_due_on_index" ON "decision_follow_ups" USING btree ("tenant_id","due_on");--> statement-breakpoint
CREATE INDEX "paper_files_tenant_id_paper_id_index" ON "paper_files" USING btree ("tenant_id","paper_id");--> statement-breakpoint
CREATE INDEX "paper_measures_tenant_id_measure_id_index" ON "paper_measures" USING btree ("tenant_id","measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "papers_number_unique" ON "papers" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "papers_tenant_id_edition_id_index" ON "papers" USING btree ("tenant_id","edition_id");--> statement-breakpoint
CREATE INDEX "papers_tenant_id_updated_at_index" ON "papers" USING btree ("tenant_id","updated_at");