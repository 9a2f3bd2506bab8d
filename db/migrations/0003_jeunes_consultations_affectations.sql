CREATE TYPE "public"."consultation_motif" AS ENUM('remplacement', 'rendez_vous', 'demande_du_jeune', 'controle_dpo', 'demande_de_droits', 'autre');--> statement-breakpoint
CREATE TYPE "public"."affectation_type" AS ENUM('permanente', 'temporaire');--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"jeune_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"user_id" uuid,
	"user_role" "role" NOT NULL,
	"onglet" text NOT NULL,
	"hors_portefeuille" boolean DEFAULT false NOT NULL,
	"motif" "consultation_motif",
	"motif_detail" text
);
--> statement-breakpoint
CREATE TABLE "affectations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"jeune_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"type" "affectation_type" NOT NULL,
	"de_conseiller_id" uuid,
	"vers_conseiller_id" uuid NOT NULL,
	"debut" date NOT NULL,
	"fin" date,
	"motif" text NOT NULL,
	"decide_par" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jeunes" ADD COLUMN "archive_detail" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affectations" ADD CONSTRAINT "affectations_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affectations" ADD CONSTRAINT "affectations_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affectations" ADD CONSTRAINT "affectations_de_conseiller_id_users_id_fk" FOREIGN KEY ("de_conseiller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affectations" ADD CONSTRAINT "affectations_vers_conseiller_id_users_id_fk" FOREIGN KEY ("vers_conseiller_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affectations" ADD CONSTRAINT "affectations_decide_par_users_id_fk" FOREIGN KEY ("decide_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_jeune_at_idx" ON "consultations" USING btree ("jeune_id","at");--> statement-breakpoint
CREATE INDEX "consultations_user_at_idx" ON "consultations" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "affectations_jeune_idx" ON "affectations" USING btree ("jeune_id","debut");--> statement-breakpoint
CREATE INDEX "affectations_vers_idx" ON "affectations" USING btree ("vers_conseiller_id","fin");--> statement-breakpoint
CREATE INDEX "jeunes_search_trgm_idx" ON "jeunes" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "jeunes" ADD CONSTRAINT "jeunes_archive_motif_check" CHECK ("jeunes"."archive_motif" is null or "jeunes"."archive_motif" in ('sortie_emploi', 'formation', 'demenagement', 'fin_de_dispositif', 'abandon', 'deces', 'autre'));