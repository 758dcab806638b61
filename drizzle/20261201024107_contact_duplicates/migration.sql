-- Folds accents in the possible duplicates' normalised names (trusted extension, shipped by PGlite too).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE INDEX "crm_contacts_name_trgm_idx" ON "customer_relations_contacts" USING gin (lower("first_name" || ' ' || "last_name") gin_trgm_ops);
