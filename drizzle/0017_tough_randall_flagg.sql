CREATE TABLE "interview_actors" (
	"tenant_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "interview_actors_tenant_id_interview_id_actor_id_pk" PRIMARY KEY("tenant_id","interview_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "interview_measures" (
	"tenant_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "interview_measures_tenant_id_interview_id_measure_id_pk" PRIMARY KEY("tenant_id","interview_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"themes" text DEFAULT '' NOT NULL,
	"findings" text NOT NULL,
	"conflict_potential" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', title || ' ' || themes || ' ' || findings || ' ' || conflict_potential || ' ' || participants)) STORED,
	CONSTRAINT "interviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "interview_actors" ADD CONSTRAINT "interview_actors_tenant_id_interview_id_interviews_tenant_id_id_fk" FOREIGN KEY ("tenant_id","interview_id") REFERENCES "public"."interviews"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_actors" ADD CONSTRAINT "interview_actors_tenant_id_actor_id_actors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."actors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_measures" ADD CONSTRAINT "interview_measures_tenant_id_interview_id_interviews_tenant_id_id_fk" FOREIGN KEY ("tenant_id","interview_id") REFERENCES "public"."interviews"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_measures" ADD CONSTRAINT "interview_measures_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interviews_tenant_id_held_on_index" ON "interviews" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE INDEX "interviews_search_idx" ON "interviews" USING gin ("search_vector");--> statement-breakpoint
-- The words of interview notes join the Kommune's search vocabulary (typo tolerance), like measures and goals (0004).
CREATE OR REPLACE FUNCTION collect_interview_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (tenant_id, term)
  SELECT DISTINCT n.tenant_id, w
  FROM new_rows n,
       regexp_split_to_table(lower(n.title || ' ' || n.themes || ' ' || n.findings || ' ' || n.conflict_potential), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') AS w
  WHERE length(w) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interviews_search_terms_insert AFTER INSERT ON interviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_interview_search_terms();
--> statement-breakpoint
CREATE TRIGGER interviews_search_terms_update AFTER UPDATE ON interviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_interview_search_terms();
