CREATE TABLE "customer_relations_organization_domains" (
	"group_id" integer,
	"organization_id" integer NOT NULL,
	"domain" text,
	CONSTRAINT "customer_relations_organization_domains_pkey" PRIMARY KEY("group_id","domain"),
	CONSTRAINT "crm_organization_domains_lower_case" CHECK ("domain" = lower("domain")),
	CONSTRAINT "crm_organization_domains_length" CHECK (char_length("domain") between 1 and 253)
);
--> statement-breakpoint
CREATE TABLE "customer_relations_organization_tiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_relations_organization_tiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_organization_tiers_name_length" CHECK (char_length("name") between 1 and 64),
	CONSTRAINT "crm_organization_tiers_position" CHECK ("position" >= 1)
);
--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD COLUMN "tier_id" integer;--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD COLUMN "annual_revenue" numeric(18,2);--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD COLUMN "account_owner_id" integer;--> statement-breakpoint
ALTER TABLE "group_crm_settings" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_customer_relations_contacts" ADD COLUMN "important" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_customer_relations_contacts" ADD COLUMN "request_note" text;--> statement-breakpoint
CREATE INDEX "crm_organization_domains_organization_id_idx" ON "customer_relations_organization_domains" ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_organization_tiers_group_name_idx" ON "customer_relations_organization_tiers" ("group_id",lower("name"));--> statement-breakpoint
CREATE INDEX "crm_organization_tiers_group_position_idx" ON "customer_relations_organization_tiers" ("group_id","position");--> statement-breakpoint
CREATE INDEX "crm_organizations_tier_id_idx" ON "customer_relations_organizations" ("tier_id");--> statement-breakpoint
ALTER TABLE "customer_relations_organization_domains" ADD CONSTRAINT "crm_organization_domains_organization_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "customer_relations_organizations"("id","group_id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "customer_relations_organization_tiers" ADD CONSTRAINT "customer_relations_organization_tiers_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD CONSTRAINT "customer_relations_organizations_account_owner_id_users_id_fkey" FOREIGN KEY ("account_owner_id") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD CONSTRAINT "crm_organizations_tier_fk" FOREIGN KEY ("tier_id") REFERENCES "customer_relations_organization_tiers"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD CONSTRAINT "crm_organizations_annual_revenue" CHECK ("annual_revenue" >= 0);--> statement-breakpoint
ALTER TABLE "group_crm_settings" ADD CONSTRAINT "group_crm_settings_currency" CHECK ("currency" ~ '^[A-Z]{3}$');--> statement-breakpoint
ALTER TABLE "issue_customer_relations_contacts" ADD CONSTRAINT "issue_crm_contacts_request_note_length" CHECK (char_length("request_note") <= 255);