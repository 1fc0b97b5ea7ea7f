CREATE TABLE "partner_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"recipient_contact_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "partner_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "partner_links_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "partner_links_tenantId_actorId_unique" UNIQUE("tenant_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "partner_submissions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid,
	"changes" jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"submission_key" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'offen' NOT NULL,
	"accepted_fields" text[] DEFAULT '{}' NOT NULL,
	"review_note" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_name" text,
	"created_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "partner_submissions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "partner_submissions_tenantId_linkId_submissionKey_unique" UNIQUE("tenant_id","link_id","submission_key")
);
--> statement-breakpoint
ALTER TABLE "partner_links" ADD CONSTRAINT "partner_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_links" ADD CONSTRAINT "partner_links_tenant_id_actor_id_actors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","actor_id") REFERENCES "public"."actors"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_submissions" ADD CONSTRAINT "partner_submissions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_submissions" ADD CONSTRAINT "partner_submissions_tenant_id_link_id_partner_links_tenant_id_id_fk" FOREIGN KEY ("tenant_id","link_id") REFERENCES "public"."partner_links"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_submissions_tenant_id_status_index" ON "partner_submissions" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "partner_submissions_tenant_id_actor_id_index" ON "partner_submissions" USING btree ("tenant_id","actor_id");