-- Trigram similarity for typo-tolerant search, unaccent for accent-insensitive matching.
-- Both ship with PGlite (contrib) and with PostgreSQL's contrib package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
