CREATE TYPE "public"."demande_canal" AS ENUM('espace_jeune', 'guichet', 'courrier', 'courriel');--> statement-breakpoint
CREATE TYPE "public"."demande_issue" AS ENUM('acceptee', 'partielle', 'refusee');--> statement-breakpoint
CREATE TYPE "public"."demande_statut" AS ENUM('recue', 'identite_a_verifier', 'en_cours', 'prolongee', 'repondue', 'close');--> statement-breakpoint
CREATE TYPE "public"."demande_type" AS ENUM('acces', 'rectification', 'effacement', 'limitation', 'opposition', 'portabilite', 'question_transmission');--> statement-breakpoint
CREATE TABLE "demande_evenements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"demande_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"par" uuid,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demande_pauses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"demande_id" uuid NOT NULL,
	"demandee_le" date NOT NULL,
	"recue_le" date,
	"objet" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demandes_droits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"numero" text NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid,
	"type" "demande_type" NOT NULL,
	"finalite" text,
	"canal" "demande_canal" NOT NULL,
	"saisie_par" uuid,
	"objet" text NOT NULL,
	"recue_le" date NOT NULL,
	"statut" "demande_statut" DEFAULT 'recue' NOT NULL,
	"identite_verifiee_le" date,
	"identite_methode" text,
	"prolongee_le" date,
	"prolongation_motif" text,
	"echeance" date,
	"issue" "demande_issue",
	"reponse_motif" text,
	"repondu_le" date,
	"close_le" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demandes_numero_key" UNIQUE("structure_id","numero"),
	CONSTRAINT "demandes_issue_when_answered" CHECK ("demandes_droits"."statut" not in ('repondue', 'close') or "demandes_droits"."issue" is not null)
);
--> statement-breakpoint
ALTER TABLE "jeunes" ADD COLUMN "limitation_depuis" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jeunes" ADD COLUMN "limitation_demande_id" uuid;--> statement-breakpoint
ALTER TABLE "demande_evenements" ADD CONSTRAINT "demande_evenements_demande_id_demandes_droits_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes_droits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_evenements" ADD CONSTRAINT "demande_evenements_par_users_id_fk" FOREIGN KEY ("par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_pauses" ADD CONSTRAINT "demande_pauses_demande_id_demandes_droits_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes_droits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_droits" ADD CONSTRAINT "demandes_droits_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_droits" ADD CONSTRAINT "demandes_droits_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_droits" ADD CONSTRAINT "demandes_droits_saisie_par_users_id_fk" FOREIGN KEY ("saisie_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demande_evenements_demande_idx" ON "demande_evenements" USING btree ("demande_id","at");--> statement-breakpoint
CREATE INDEX "demande_pauses_demande_idx" ON "demande_pauses" USING btree ("demande_id");--> statement-breakpoint
CREATE INDEX "demandes_structure_statut_echeance_idx" ON "demandes_droits" USING btree ("structure_id","statut","echeance");--> statement-breakpoint
CREATE INDEX "demandes_jeune_idx" ON "demandes_droits" USING btree ("jeune_id","recue_le");