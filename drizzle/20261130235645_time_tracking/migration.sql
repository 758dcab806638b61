CREATE TABLE "timelogs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "timelogs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issue_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"time_spent" integer NOT NULL,
	"spent_at" timestamp with time zone NOT NULL,
	"summary" text,
	"note_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timelogs_summary_length" CHECK (char_length("summary") <= 255)
);
--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "time_estimate" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "timelogs_issue_spent_at_idx" ON "timelogs" ("issue_id","spent_at");--> statement-breakpoint
ALTER TABLE "timelogs" ADD CONSTRAINT "timelogs_issue_id_issues_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "timelogs" ADD CONSTRAINT "timelogs_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "timelogs" ADD CONSTRAINT "timelogs_note_id_notes_id_fkey" FOREIGN KEY ("note_id") REFERENCES "notes"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_time_estimate_not_negative" CHECK ("time_estimate" >= 0);