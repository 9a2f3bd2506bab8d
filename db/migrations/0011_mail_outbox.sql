CREATE TYPE "public"."mail_statut" AS ENUM('a_envoyer', 'envoye', 'echec_temporaire', 'abandonne');--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to" text NOT NULL,
	"reply_to" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "mail_statut" DEFAULT 'a_envoyer' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"demande_id" uuid,
	"jeune_id" uuid
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_demande_id_demandes_droits_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes_droits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_messages_due_idx" ON "mail_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "mail_messages_structure_idx" ON "mail_messages" USING btree ("structure_id","status","created_at");--> statement-breakpoint
CREATE INDEX "mail_messages_jeune_idx" ON "mail_messages" USING btree ("jeune_id");