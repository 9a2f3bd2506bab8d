CREATE TYPE "public"."pack_statut" AS ENUM('en_attente', 'en_preparation', 'pret', 'echec', 'expire');--> statement-breakpoint
CREATE TYPE "public"."run_statut" AS ENUM('en_cours', 'termine', 'echec');--> statement-breakpoint
CREATE TABLE "access_pack_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jeune_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"demande_id" uuid,
	"requested_by" uuid,
	"status" "pack_statut" DEFAULT 'en_attente' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_by" text,
	"pdf_file_id" uuid,
	"json_file_id" uuid,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "demande_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"demande_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"file_id" uuid,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text DEFAULT 'connexion' NOT NULL,
	"code_hash" text NOT NULL,
	"link_hash" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_verifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"ok" boolean,
	"entries_checked" integer DEFAULT 0 NOT NULL,
	"first_bad_seq" bigint,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "retention_run_items" (
	"run_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"structure_id" uuid,
	"outcome" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"status" "run_statut" DEFAULT 'en_cours' NOT NULL,
	"claimed_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" jsonb DEFAULT '{"done":0,"total":0}'::jsonb NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "access_pack_jobs" ADD CONSTRAINT "access_pack_jobs_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_pack_jobs" ADD CONSTRAINT "access_pack_jobs_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_pack_jobs" ADD CONSTRAINT "access_pack_jobs_demande_id_demandes_droits_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes_droits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_pack_jobs" ADD CONSTRAINT "access_pack_jobs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_pack_jobs" ADD CONSTRAINT "access_pack_jobs_pdf_file_id_stored_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_pack_jobs" ADD CONSTRAINT "access_pack_jobs_json_file_id_stored_files_id_fk" FOREIGN KEY ("json_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_documents" ADD CONSTRAINT "demande_documents_demande_id_demandes_droits_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes_droits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_documents" ADD CONSTRAINT "demande_documents_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_documents" ADD CONSTRAINT "demande_documents_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_documents" ADD CONSTRAINT "demande_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_documents" ADD CONSTRAINT "demande_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_codes" ADD CONSTRAINT "sign_in_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_codes" ADD CONSTRAINT "sign_in_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_run_items" ADD CONSTRAINT "retention_run_items_run_id_retention_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_pack_jobs_jeune_idx" ON "access_pack_jobs" USING btree ("jeune_id","created_at");--> statement-breakpoint
CREATE INDEX "access_pack_jobs_due_idx" ON "access_pack_jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "demande_documents_demande_idx" ON "demande_documents" USING btree ("demande_id","created_at");--> statement-breakpoint
CREATE INDEX "demande_documents_jeune_idx" ON "demande_documents" USING btree ("jeune_id");--> statement-breakpoint
CREATE INDEX "sign_in_codes_user_idx" ON "sign_in_codes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_codes_link_key" ON "sign_in_codes" USING btree ("link_hash");--> statement-breakpoint
CREATE INDEX "ledger_verifications_started_idx" ON "ledger_verifications" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "retention_run_items_run_idx" ON "retention_run_items" USING btree ("run_id","rule");--> statement-breakpoint
CREATE INDEX "retention_runs_started_idx" ON "retention_runs" USING btree ("started_at");