CREATE TABLE "throttle_counters" (
	"key" text PRIMARY KEY,
	"attempts" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "throttle_counters_window_ends_at_idx" ON "throttle_counters" ("window_ends_at");