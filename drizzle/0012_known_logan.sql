CREATE TABLE "measure_target_groups" (
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	CONSTRAINT "measure_target_groups_tenant_id_measure_id_target_group_id_pk" PRIMARY KEY("tenant_id","measure_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "target_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_tenant_id_target_group_id_target_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","target_group_id") REFERENCES "public"."target_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_groups" ADD CONSTRAINT "target_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_target_groups_tenant_id_target_group_id_index" ON "measure_target_groups" USING btree ("tenant_id","target_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_groups_name_unique" ON "target_groups" USING btree ("tenant_id",lower("name"));--> statement-breakpoint
-- Zielgruppen (issue 7.18): the free text of every measure becomes entries of its Kommune's
-- vocabulary. Each text is split on the separators the form always accepted (, ; line break),
-- trimmed, inner spaces collapsed; spellings equal but for case become one entry (the most used
-- spelling wins, then the alphabetically first). Every piece of text ends up as an entry.
INSERT INTO "target_groups" ("tenant_id", "name")
SELECT DISTINCT ON ("tenant_id", lower("name")) "tenant_id", "name"
FROM (
	SELECT m."tenant_id", regexp_replace(btrim(p.piece), '[[:space:]]+', ' ', 'g') AS "name", count(*) AS "uses"
	FROM "measures" m
	CROSS JOIN LATERAL unnest(m."target_groups") AS g("entry")
	CROSS JOIN LATERAL regexp_split_to_table(g."entry", '[,;\n]') AS p("piece")
	GROUP BY 1, 2
) spellings
WHERE "name" <> ''
ORDER BY "tenant_id", lower("name"), "uses" DESC, "name";--> statement-breakpoint
INSERT INTO "measure_target_groups" ("tenant_id", "measure_id", "target_group_id")
SELECT DISTINCT m."tenant_id", m."id", t."id"
FROM "measures" m
CROSS JOIN LATERAL unnest(m."target_groups") AS g("entry")
CROSS JOIN LATERAL regexp_split_to_table(g."entry", '[,;\n]') AS p("piece")
JOIN "target_groups" t ON t."tenant_id" = m."tenant_id" AND lower(t."name") = lower(regexp_replace(btrim(p.piece), '[[:space:]]+', ' ', 'g'));--> statement-breakpoint
ALTER TABLE "measures" DROP COLUMN "target_groups";