CREATE TYPE "public"."transmission_ledger_event" AS ENUM('creee', 'envoyee', 'accusee', 'echec', 'rejetee', 'retenue', 'liberee', 'abandonnee');--> statement-breakpoint
CREATE TYPE "public"."transmission_kind" AS ENUM('inscription', 'mise_a_jour', 'sortie', 'c2s', 'paiement', 'rectification');--> statement-breakpoint
CREATE TYPE "public"."transmission_statut" AS ENUM('a_envoyer', 'envoyee', 'accusee', 'echec_temporaire', 'rejetee', 'retenue', 'abandonnee');--> statement-breakpoint
CREATE TABLE "transmission_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"transmission_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"event" "transmission_ledger_event" NOT NULL,
	"recipient" text NOT NULL,
	"finality" text NOT NULL,
	"legal_basis" text NOT NULL,
	"field_names" text[] NOT NULL,
	"payload_hash" text NOT NULL,
	"detail" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transmissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"finality" text NOT NULL,
	"kind" "transmission_kind" NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"field_names" text[] NOT NULL,
	"payload_hash" text NOT NULL,
	"status" "transmission_statut" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"acknowledgement" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "transmissions" ADD CONSTRAINT "transmissions_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transmissions" ADD CONSTRAINT "transmissions_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transmission_ledger_transmission_idx" ON "transmission_ledger" USING btree ("transmission_id","id");--> statement-breakpoint
CREATE INDEX "transmission_ledger_jeune_idx" ON "transmission_ledger" USING btree ("jeune_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "transmissions_idempotency_key_idx" ON "transmissions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "transmissions_due_idx" ON "transmissions" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "transmissions_jeune_idx" ON "transmissions" USING btree ("jeune_id","created_at");--> statement-breakpoint
CREATE INDEX "transmissions_structure_idx" ON "transmissions" USING btree ("structure_id","created_at");