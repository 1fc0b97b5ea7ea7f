-- UNLOGGED by hand (drizzle cannot say so): which transactions changed a Kommune's content, for an hour;
-- not worth a backup or crash recovery (platform/audit/schema.ts).
CREATE UNLOGGED TABLE "content_changes" (
	"tenant_id" uuid NOT NULL,
	"tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "content_changes_tenant_id_tx_index" ON "content_changes" USING btree ("tenant_id","tx");