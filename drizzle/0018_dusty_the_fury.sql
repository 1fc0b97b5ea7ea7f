CREATE TABLE "offer_fields" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	CONSTRAINT "offer_fields_tenant_id_offer_id_field_id_pk" PRIMARY KEY("tenant_id","offer_id","field_id")
);
--> statement-breakpoint
CREATE TABLE "offer_measures" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "offer_measures_tenant_id_offer_id_measure_id_pk" PRIMARY KEY("tenant_id","offer_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "offer_providers" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "offer_providers_tenant_id_offer_id_actor_id_pk" PRIMARY KEY("tenant_id","offer_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "offer_target_groups" (
	"tenant_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	CONSTRAINT "offer_target_groups_tenant_id_offer_id_target_group_id_pk" PRIMARY KEY("tenant_id","offer_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"municipality_id" uuid,
	"street" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"schedule" jsonb NOT NULL,
	"weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"temporarily_closed" boolean DEFAULT false NOT NULL,
	"reopens_on" date,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"female_contact" boolean DEFAULT false NOT NULL,
	"male_contact" boolean DEFAULT false NOT NULL,
	"childcare" boolean DEFAULT false NOT NULL,
	"barrier_free" text DEFAULT 'unbekannt' NOT NULL,
	"free" boolean DEFAULT true NOT NULL,
	"cost_note" text DEFAULT '' NOT NULL,
	"registration_required" boolean DEFAULT false NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'aktiv' NOT NULL,
	"verified_on" date,
	"published" boolean DEFAULT false NOT NULL,
	"internal_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german', title || ' ' || description)) STORED,
	CONSTRAINT "offers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "offer_fields" ADD CONSTRAINT "offer_fields_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_fields" ADD CONSTRAINT "offer_fields_tenant_id_offer_id_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_fields" ADD CONSTRAINT "offer_fields_tenant_id_field_id_fields_tenant_id_id_fk" FOREIGN KEY ("tenant_id","field_id") REFERENCES "public"."fields"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_measures" ADD CONSTRAINT "offer_measures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_measures" ADD CONSTRAINT "offer_measures_tenant_id_offer_id_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_measures" ADD CONSTRAINT "offer_measures_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_providers" ADD CONSTRAINT "offer_providers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_providers" ADD CONSTRAINT "offer_providers_tenant_id_offer_id_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_providers" ADD CONSTRAINT "offer_providers_tenant_id_actor_id_actors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."actors"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_target_groups" ADD CONSTRAINT "offer_target_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_target_groups" ADD CONSTRAINT "offer_target_groups_tenant_id_offer_id_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_target_groups" ADD CONSTRAINT "offer_target_groups_tenant_id_target_group_id_target_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","target_group_id") REFERENCES "public"."target_groups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_measures_tenant_id_measure_id_index" ON "offer_measures" USING btree ("tenant_id","measure_id");--> statement-breakpoint
CREATE INDEX "offer_providers_tenant_id_actor_id_index" ON "offer_providers" USING btree ("tenant_id","actor_id");--> statement-breakpoint
CREATE INDEX "offer_target_groups_tenant_id_target_group_id_index" ON "offer_target_groups" USING btree ("tenant_id","target_group_id");--> statement-breakpoint
CREATE INDEX "offers_tenant_id_category_index" ON "offers" USING btree ("tenant_id","category");--> statement-breakpoint
CREATE INDEX "offers_tenant_id_municipality_id_index" ON "offers" USING btree ("tenant_id","municipality_id");--> statement-breakpoint
CREATE INDEX "offers_search_idx" ON "offers" USING gin ("search_vector");