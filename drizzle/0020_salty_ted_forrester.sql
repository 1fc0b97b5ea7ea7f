CREATE TABLE "content_translations" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"field" text NOT NULL,
	"lang" text NOT NULL,
	"text" text NOT NULL,
	"source_hash" text NOT NULL,
	"source_text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "content_translations_tenant_id_lang_kind_item_id_field_pk" PRIMARY KEY("tenant_id","lang","kind","item_id","field")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "show_outdated_translations" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "content_translations" ADD CONSTRAINT "content_translations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_translations_tenant_id_kind_item_id_index" ON "content_translations" USING btree ("tenant_id","kind","item_id");