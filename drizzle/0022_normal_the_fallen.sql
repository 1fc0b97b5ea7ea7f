CREATE TABLE "municipality_populations" (
	"tenant_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"population" integer NOT NULL,
	"reference_date" date NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "municipality_populations_tenant_id_municipality_id_pk" PRIMARY KEY("tenant_id","municipality_id"),
	CONSTRAINT "municipality_populations_positive" CHECK ("municipality_populations"."population" > 0)
);
--> statement-breakpoint
CREATE TABLE "offer_pair_decisions" (
	"tenant_id" uuid NOT NULL,
	"offer_a" uuid NOT NULL,
	"offer_b" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_pair_decisions_tenant_id_offer_a_offer_b_pk" PRIMARY KEY("tenant_id","offer_a","offer_b"),
	CONSTRAINT "offer_pair_decisions_ordered" CHECK ("offer_pair_decisions"."offer_a" < "offer_pair_decisions"."offer_b")
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "municipality_populations" ADD CONSTRAINT "municipality_populations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_populations" ADD CONSTRAINT "municipality_populations_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_pair_decisions" ADD CONSTRAINT "offer_pair_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_pair_decisions" ADD CONSTRAINT "offer_pair_decisions_tenant_id_offer_a_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_a") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_pair_decisions" ADD CONSTRAINT "offer_pair_decisions_tenant_id_offer_b_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_b") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_pair_decisions_tenant_id_offer_b_index" ON "offer_pair_decisions" USING btree ("tenant_id","offer_b");--> statement-breakpoint
CREATE INDEX "offers_title_trgm_idx" ON "offers" USING gist ("title" gist_trgm_ops);