-- btree_gist: the first columns (uuid, text) of offers_cell_title_trgm_idx, a GiST index with the title's trigrams.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "offer_terms" (
	"tenant_id" uuid NOT NULL,
	"term" text NOT NULL,
	"offer_id" uuid NOT NULL,
	CONSTRAINT "offer_terms_tenant_id_term_offer_id_pk" PRIMARY KEY("tenant_id","term","offer_id")
);
--> statement-breakpoint
DROP INDEX "offers_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "offer_terms" ADD CONSTRAINT "offer_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_terms" ADD CONSTRAINT "offer_terms_tenant_id_offer_id_offers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","offer_id") REFERENCES "public"."offers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_terms_tenant_id_offer_id_index" ON "offer_terms" USING btree ("tenant_id","offer_id");--> statement-breakpoint
CREATE INDEX "offers_cell_title_trgm_idx" ON "offers" USING gist ("tenant_id","category","municipality_id","title" gist_trgm_ops);--> statement-breakpoint
-- The stemmed words of each offer's title and description (issue 10.4, the duplicate check of one offer): the lexemes of
-- search_vector, kept by triggers and filled for the existing offers here.
CREATE FUNCTION collect_offer_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO offer_terms (tenant_id, term, offer_id)
  SELECT n.tenant_id, w, n.id FROM new_rows n, unnest(tsvector_to_array(n.search_vector)) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION renew_offer_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM offer_terms WHERE tenant_id = OLD.tenant_id AND offer_id = OLD.id;
  INSERT INTO offer_terms (tenant_id, term, offer_id)
  SELECT NEW.tenant_id, w, NEW.id FROM unnest(tsvector_to_array(NEW.search_vector)) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER offers_terms_insert AFTER INSERT ON offers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_offer_terms();
--> statement-breakpoint
CREATE TRIGGER offers_terms_update AFTER UPDATE OF title, description ON offers FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description) EXECUTE FUNCTION renew_offer_terms();
--> statement-breakpoint
INSERT INTO offer_terms (tenant_id, term, offer_id)
SELECT o.tenant_id, w, o.id FROM offers o, unnest(tsvector_to_array(o.search_vector)) AS w
ON CONFLICT DO NOTHING;
