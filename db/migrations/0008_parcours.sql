CREATE TYPE "public"."action_categorie" AS ENUM('emploi', 'formation', 'sante', 'logement', 'citoyennete', 'loisirs_sport', 'projet_pro', 'demarches', 'autre');--> statement-breakpoint
CREATE TYPE "public"."action_statut" AS ENUM('a_faire', 'en_cours', 'terminee', 'annulee');--> statement-breakpoint
CREATE TYPE "public"."contrat_evenement" AS ENUM('signature', 'modification', 'prolongation', 'sortie', 'bascule');--> statement-breakpoint
CREATE TYPE "public"."contrat_type" AS ENUM('PACEA', 'CEJ');--> statement-breakpoint
CREATE TYPE "public"."phase_type" AS ENUM('diagnostic', 'accompagnement');--> statement-breakpoint
CREATE TYPE "public"."presence" AS ENUM('prevu', 'present', 'absent_excuse', 'absent_non_excuse');--> statement-breakpoint
CREATE TYPE "public"."sanction_statut" AS ENUM('proposee', 'contradictoire', 'decidee', 'abandonnee');--> statement-breakpoint
CREATE TYPE "public"."seance_type" AS ENUM('rendez_vous_individuel', 'atelier', 'information_collective');--> statement-breakpoint
CREATE TABLE "actions_jeune" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"contrat_id" uuid,
	"categorie" "action_categorie" NOT NULL,
	"libelle" text NOT NULL,
	"commentaire" text,
	"debut" date NOT NULL,
	"fin" date,
	"duree_minutes" integer,
	"statut" "action_statut" DEFAULT 'a_faire' NOT NULL,
	"qualifiee_le" timestamp with time zone,
	"qualifiee_par" uuid,
	"creee_par" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_jeune_dates_check" CHECK ("actions_jeune"."fin" is null or "actions_jeune"."fin" >= "actions_jeune"."debut"),
	CONSTRAINT "actions_jeune_duree_check" CHECK ("actions_jeune"."duree_minutes" is null or "actions_jeune"."duree_minutes" between 0 and 100000),
	CONSTRAINT "actions_jeune_qualifiee_check" CHECK ("actions_jeune"."qualifiee_le" is null or "actions_jeune"."statut" = 'terminee')
);
--> statement-breakpoint
CREATE TABLE "allocation_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"contrat_id" uuid NOT NULL,
	"dispositif" "contrat_type" NOT NULL,
	"mois" text NOT NULL,
	"montant_cents" integer NOT NULL,
	"entrees" jsonb NOT NULL,
	"regle_version" text NOT NULL,
	"explication" text NOT NULL,
	"decidee_par" uuid,
	"decidee_le" timestamp with time zone DEFAULT now() NOT NULL,
	"remplacee_par_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_decisions_mois_check" CHECK ("allocation_decisions"."mois" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "allocation_decisions_montant_check" CHECK ("allocation_decisions"."montant_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contrat_evenements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contrat_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"type" "contrat_evenement" NOT NULL,
	"date_effet" date NOT NULL,
	"motif" text,
	"etat" jsonb NOT NULL,
	"par_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contrats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"type" "contrat_type" NOT NULL,
	"signe_le" date NOT NULL,
	"debut" date NOT NULL,
	"fin_prevue" date NOT NULL,
	"prolongation_motif" text,
	"fin_reelle" date,
	"motif_sortie" text,
	"etudiant" boolean DEFAULT false NOT NULL,
	"precedent_contrat_id" uuid,
	"bascule_motif" text,
	"conseiller_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contrats_fin_prevue_check" CHECK ("contrats"."fin_prevue" >= "contrats"."debut"),
	CONSTRAINT "contrats_fin_reelle_check" CHECK ("contrats"."fin_reelle" is null or "contrats"."fin_reelle" >= "contrats"."debut"),
	CONSTRAINT "contrats_sortie_check" CHECK (("contrats"."fin_reelle" is null) = ("contrats"."motif_sortie" is null))
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"seance_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"presence" "presence" DEFAULT 'prevu' NOT NULL,
	"motif_absence" text,
	"marquee_le" timestamp with time zone,
	"marquee_par" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participations_seance_jeune_key" UNIQUE("seance_id","jeune_id")
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"contrat_id" uuid NOT NULL,
	"type" "phase_type" NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL,
	"objectifs" text NOT NULL,
	"bilan" text,
	"bilan_le" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phases_dates_check" CHECK ("phases"."fin" >= "phases"."debut")
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"jeune_id" uuid NOT NULL,
	"contrat_id" uuid NOT NULL,
	"date_fait" date NOT NULL,
	"motif" text NOT NULL,
	"participation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"regime" text NOT NULL,
	"palier" text NOT NULL,
	"palier_index" integer NOT NULL,
	"bareme_en_vigueur_depuis" date NOT NULL,
	"statut" "sanction_statut" DEFAULT 'proposee' NOT NULL,
	"reponse_jeune" text,
	"reponse_le" date,
	"decision" text,
	"effet" jsonb,
	"decidee_le" date,
	"decidee_par" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"type" "seance_type" NOT NULL,
	"titre" text NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"lieu" text,
	"animateur_id" uuid,
	"capacite" integer,
	"annulee_le" timestamp with time zone,
	"cloturee_le" timestamp with time zone,
	"cloturee_par" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seances_dates_check" CHECK ("seances"."fin" > "seances"."debut"),
	CONSTRAINT "seances_capacite_check" CHECK ("seances"."capacite" is null or "seances"."capacite" > 0)
);
--> statement-breakpoint
ALTER TABLE "actions_jeune" ADD CONSTRAINT "actions_jeune_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_jeune" ADD CONSTRAINT "actions_jeune_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_jeune" ADD CONSTRAINT "actions_jeune_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_jeune" ADD CONSTRAINT "actions_jeune_qualifiee_par_users_id_fk" FOREIGN KEY ("qualifiee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions_jeune" ADD CONSTRAINT "actions_jeune_creee_par_users_id_fk" FOREIGN KEY ("creee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_decisions" ADD CONSTRAINT "allocation_decisions_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_decisions" ADD CONSTRAINT "allocation_decisions_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_decisions" ADD CONSTRAINT "allocation_decisions_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_decisions" ADD CONSTRAINT "allocation_decisions_decidee_par_users_id_fk" FOREIGN KEY ("decidee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat_evenements" ADD CONSTRAINT "contrat_evenements_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat_evenements" ADD CONSTRAINT "contrat_evenements_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrat_evenements" ADD CONSTRAINT "contrat_evenements_par_id_users_id_fk" FOREIGN KEY ("par_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrats" ADD CONSTRAINT "contrats_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrats" ADD CONSTRAINT "contrats_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contrats" ADD CONSTRAINT "contrats_conseiller_id_users_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_seance_id_seances_id_fk" FOREIGN KEY ("seance_id") REFERENCES "public"."seances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_marquee_par_users_id_fk" FOREIGN KEY ("marquee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_decidee_par_users_id_fk" FOREIGN KEY ("decidee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_animateur_id_users_id_fk" FOREIGN KEY ("animateur_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_cloturee_par_users_id_fk" FOREIGN KEY ("cloturee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_jeune_jeune_idx" ON "actions_jeune" USING btree ("jeune_id","debut");--> statement-breakpoint
CREATE INDEX "actions_jeune_structure_idx" ON "actions_jeune" USING btree ("structure_id","statut","debut");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_decisions_current_idx" ON "allocation_decisions" USING btree ("contrat_id","mois") WHERE "allocation_decisions"."remplacee_par_id" is null;--> statement-breakpoint
CREATE INDEX "allocation_decisions_jeune_idx" ON "allocation_decisions" USING btree ("jeune_id","mois");--> statement-breakpoint
CREATE INDEX "contrat_evenements_contrat_idx" ON "contrat_evenements" USING btree ("contrat_id","at");--> statement-breakpoint
CREATE INDEX "contrats_jeune_idx" ON "contrats" USING btree ("jeune_id","debut");--> statement-breakpoint
CREATE INDEX "contrats_structure_fin_idx" ON "contrats" USING btree ("structure_id","fin_prevue");--> statement-breakpoint
CREATE UNIQUE INDEX "contrats_one_open_per_jeune_idx" ON "contrats" USING btree ("jeune_id") WHERE "contrats"."fin_reelle" is null;--> statement-breakpoint
CREATE INDEX "participations_jeune_idx" ON "participations" USING btree ("jeune_id","presence");--> statement-breakpoint
CREATE INDEX "phases_contrat_idx" ON "phases" USING btree ("contrat_id","debut");--> statement-breakpoint
CREATE INDEX "sanctions_jeune_idx" ON "sanctions" USING btree ("jeune_id","date_fait");--> statement-breakpoint
CREATE INDEX "sanctions_structure_statut_idx" ON "sanctions" USING btree ("structure_id","statut");--> statement-breakpoint
CREATE INDEX "seances_structure_debut_idx" ON "seances" USING btree ("structure_id","debut");