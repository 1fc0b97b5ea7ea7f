-- Keeps search_terms (the vocabulary per Kommune, for typo tolerance) in step with the words of
-- goals and measures. Statement-level triggers with transition tables: one insert per statement,
-- so bulk imports stay fast. Terms are never removed: a stale term only makes a typo search try a
-- word that finds nothing.
CREATE OR REPLACE FUNCTION collect_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (tenant_id, term)
  SELECT DISTINCT n.tenant_id, w
  FROM new_rows n,
       regexp_split_to_table(lower(n.title || ' ' || n.description), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') AS w
  WHERE length(w) >= 4
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER measures_search_terms_insert AFTER INSERT ON measures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_search_terms();
--> statement-breakpoint
CREATE TRIGGER measures_search_terms_update AFTER UPDATE ON measures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_search_terms();
--> statement-breakpoint
CREATE TRIGGER goals_search_terms_insert AFTER INSERT ON goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_search_terms();
--> statement-breakpoint
CREATE TRIGGER goals_search_terms_update AFTER UPDATE ON goals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collect_search_terms();
--> statement-breakpoint
INSERT INTO search_terms (tenant_id, term)
SELECT DISTINCT x.tenant_id, w
FROM (SELECT tenant_id, title, description FROM measures UNION ALL SELECT tenant_id, title, description FROM goals) x,
     regexp_split_to_table(lower(x.title || ' ' || x.description), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') AS w
WHERE length(w) >= 4
ON CONFLICT DO NOTHING;
