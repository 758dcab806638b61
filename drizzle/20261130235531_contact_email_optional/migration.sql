ALTER TABLE "customer_relations_contacts" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
DROP INDEX "crm_contacts_search_idx";--> statement-breakpoint
CREATE INDEX "crm_contacts_search_idx" ON "customer_relations_contacts" USING gin (("first_name" || ' ' || "last_name" || ' ' || coalesce("email", '') || ' ' || coalesce("description", '')) gin_trgm_ops);