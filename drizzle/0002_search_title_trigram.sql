DROP INDEX "measures_text_trgm_idx";--> statement-breakpoint
CREATE INDEX "measures_title_trgm_idx" ON "measures" USING gin ("title" gin_trgm_ops);