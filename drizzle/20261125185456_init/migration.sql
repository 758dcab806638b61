CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"actor_id" integer,
	"group_id" integer,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" integer NOT NULL,
	"changes" jsonb DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_relations_contacts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_relations_contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"organization_id" integer,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"description" text,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_contacts_first_name_length" CHECK (char_length("first_name") between 1 and 255),
	CONSTRAINT "crm_contacts_last_name_length" CHECK (char_length("last_name") between 1 and 255),
	CONSTRAINT "crm_contacts_email_length" CHECK (char_length("email") between 1 and 255),
	CONSTRAINT "crm_contacts_phone_length" CHECK (char_length("phone") <= 32),
	CONSTRAINT "crm_contacts_description_length" CHECK (char_length("description") <= 1024),
	CONSTRAINT "crm_contacts_state" CHECK ("state" in ('active', 'inactive'))
);
--> statement-breakpoint
CREATE TABLE "customer_relations_organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_relations_organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"default_rate" numeric(18,2),
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_organizations_id_group_key" UNIQUE("id","group_id"),
	CONSTRAINT "crm_organizations_name_length" CHECK (char_length("name") between 1 and 255),
	CONSTRAINT "crm_organizations_description_length" CHECK (char_length("description") <= 1024),
	CONSTRAINT "crm_organizations_default_rate" CHECK ("default_rate" >= 0),
	CONSTRAINT "crm_organizations_state" CHECK ("state" in ('active', 'inactive'))
);
--> statement-breakpoint
CREATE TABLE "group_crm_settings" (
	"group_id" integer PRIMARY KEY,
	"enabled" boolean DEFAULT true NOT NULL,
	"source_group_id" integer
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_id" integer,
	"path" text NOT NULL,
	"name" text NOT NULL,
	"full_path" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_path_format" CHECK ("path" ~ '^[A-Za-z0-9_.-]{2,255}$'),
	CONSTRAINT "groups_name_length" CHECK (char_length("name") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"group_id" integer,
	"project_id" integer,
	"access_level" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_one_source" CHECK (("group_id" is null) <> ("project_id" is null)),
	CONSTRAINT "members_access_level" CHECK ("access_level" in (10, 15, 20, 30, 40, 50))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"path" text NOT NULL,
	"name" text NOT NULL,
	"full_path" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"last_issue_iid" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_path_format" CHECK ("path" ~ '^[A-Za-z0-9_.-]{2,255}$')
);
--> statement-breakpoint
CREATE TABLE "issue_customer_relations_contacts" (
	"issue_id" integer,
	"contact_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issue_customer_relations_contacts_pkey" PRIMARY KEY("issue_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "issues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"iid" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"state" text DEFAULT 'opened' NOT NULL,
	"author_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "issues_project_iid_key" UNIQUE("project_id","iid"),
	CONSTRAINT "issues_iid_positive" CHECK ("iid" > 0),
	CONSTRAINT "issues_title_length" CHECK (char_length("title") between 1 and 255),
	CONSTRAINT "issues_description_length" CHECK (char_length("description") <= 1048576),
	CONSTRAINT "issues_state" CHECK ("state" in ('opened', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issue_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_body_length" CHECK (char_length("body") between 1 and 1048576)
);
--> statement-breakpoint
CREATE TABLE "personal_access_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_access_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_digest" text NOT NULL UNIQUE,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_digest" text PRIMARY KEY,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_events_group_idx" ON "audit_events" ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_contacts_group_email_idx" ON "customer_relations_contacts" ("group_id",lower("email"));--> statement-breakpoint
CREATE INDEX "crm_contacts_organization_id_idx" ON "customer_relations_contacts" ("organization_id");--> statement-breakpoint
CREATE INDEX "crm_contacts_group_last_name_idx" ON "customer_relations_contacts" ("group_id","last_name","id");--> statement-breakpoint
CREATE INDEX "crm_contacts_search_idx" ON "customer_relations_contacts" USING gin (("first_name" || ' ' || "last_name" || ' ' || "email" || ' ' || coalesce("description", '')) gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "crm_organizations_group_name_idx" ON "customer_relations_organizations" ("group_id",lower("name"));--> statement-breakpoint
CREATE INDEX "crm_organizations_search_idx" ON "customer_relations_organizations" USING gin (("name" || ' ' || coalesce("description", '')) gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "groups_full_path_lower_idx" ON "groups" (lower("full_path"));--> statement-breakpoint
CREATE UNIQUE INDEX "groups_sibling_path_idx" ON "groups" (coalesce("parent_id", 0),lower("path"));--> statement-breakpoint
CREATE INDEX "groups_parent_id_idx" ON "groups" ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_user_group_idx" ON "members" ("user_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_user_project_idx" ON "members" ("user_id","project_id");--> statement-breakpoint
CREATE INDEX "members_group_id_idx" ON "members" ("group_id");--> statement-breakpoint
CREATE INDEX "members_project_id_idx" ON "members" ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_full_path_lower_idx" ON "projects" (lower("full_path"));--> statement-breakpoint
CREATE INDEX "projects_group_id_idx" ON "projects" ("group_id");--> statement-breakpoint
CREATE INDEX "issue_crm_contacts_contact_id_idx" ON "issue_customer_relations_contacts" ("contact_id");--> statement-breakpoint
CREATE INDEX "notes_issue_id_idx" ON "notes" ("issue_id","id");--> statement-breakpoint
CREATE INDEX "personal_access_tokens_user_id_idx" ON "personal_access_tokens" ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_idx" ON "users" (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" (lower("email"));--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "customer_relations_contacts" ADD CONSTRAINT "customer_relations_contacts_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "customer_relations_contacts" ADD CONSTRAINT "crm_contacts_organization_same_group_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "customer_relations_organizations"("id","group_id");--> statement-breakpoint
ALTER TABLE "customer_relations_organizations" ADD CONSTRAINT "customer_relations_organizations_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "group_crm_settings" ADD CONSTRAINT "group_crm_settings_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "group_crm_settings" ADD CONSTRAINT "group_crm_settings_source_group_id_groups_id_fkey" FOREIGN KEY ("source_group_id") REFERENCES "groups"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_parent_id_groups_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_group_id_groups_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "issue_customer_relations_contacts" ADD CONSTRAINT "issue_customer_relations_contacts_issue_id_issues_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "issue_customer_relations_contacts" ADD CONSTRAINT "issue_customer_relations_contacts_VjLwFtaoNoJS_fkey" FOREIGN KEY ("contact_id") REFERENCES "customer_relations_contacts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_author_id_users_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_issue_id_issues_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "personal_access_tokens" ADD CONSTRAINT "personal_access_tokens_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;