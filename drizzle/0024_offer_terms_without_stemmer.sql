-- offer_terms without the German stemmer: to_tsvector('german', …) stems differently in PGlite (PostgreSQL 18) and
-- PostgreSQL 15, so a backup of one kind restored into the other got the target's stems beside the backup's
-- (backup.mismatch). Words as the search vocabulary splits them (lower case, letters and digits, four or more).
CREATE OR REPLACE FUNCTION collect_offer_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO offer_terms (tenant_id, term, offer_id)
  SELECT DISTINCT n.tenant_id, w, n.id
  FROM new_rows n, regexp_split_to_table(lower(n.title || ' ' || n.description), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') AS w
  WHERE length(w) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION renew_offer_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM offer_terms WHERE tenant_id = OLD.tenant_id AND offer_id = OLD.id;
  INSERT INTO offer_terms (tenant_id, term, offer_id)
  SELECT DISTINCT NEW.tenant_id, w, NEW.id
  FROM regexp_split_to_table(lower(NEW.title || ' ' || NEW.description), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') AS w
  WHERE length(w) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
DELETE FROM offer_terms;
--> statement-breakpoint
INSERT INTO offer_terms (tenant_id, term, offer_id)
SELECT DISTINCT o.tenant_id, w, o.id
FROM offers o, regexp_split_to_table(lower(o.title || ' ' || o.description), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') AS w
WHERE length(w) >= 4
ON CONFLICT DO NOTHING;
