ALTER TABLE "measure_updates" ADD COLUMN "review" text;--> statement-breakpoint
ALTER TABLE "measure_updates" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "measure_updates" ADD COLUMN "reviewed_by_name" text;--> statement-breakpoint
ALTER TABLE "measure_updates" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "review_partner_reports" boolean DEFAULT true NOT NULL;