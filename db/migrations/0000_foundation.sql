CREATE TYPE "public"."role" AS ENUM('admin', 'directeur', 'conseiller', 'dpo', 'jeune');--> statement-breakpoint
CREATE TYPE "public"."dispositif" AS ENUM('aucun', 'PACEA', 'CEJ');--> statement-breakpoint
CREATE TYPE "public"."jeune_statut" AS ENUM('actif', 'archive');--> statement-breakpoint
CREATE TYPE "public"."nationalite_categorie" AS ENUM('francaise', 'ue', 'hors_ue');--> statement-breakpoint
CREATE TYPE "public"."sexe" AS ENUM('F', 'M');--> statement-breakpoint
CREATE TABLE "antennes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"name" text NOT NULL,
	"commune" text NOT NULL,
	"code_postal" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"siret" text NOT NULL,
	"departement" text NOT NULL,
	"commune" text NOT NULL,
	"dpo_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"structure_id" uuid,
	"antenne_id" uuid,
	"jeune_id" uuid,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_login_at" timestamp with time zone,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_staff_structure" CHECK ("users"."role" in ('admin', 'jeune') or "users"."structure_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "jeunes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"antenne_id" uuid,
	"conseiller_id" uuid,
	"nom_naissance" text NOT NULL,
	"nom_usage" text,
	"prenoms" text NOT NULL,
	"date_naissance" date NOT NULL,
	"commune_naissance" text,
	"sexe" "sexe" NOT NULL,
	"nationalite" "nationalite_categorie" DEFAULT 'francaise' NOT NULL,
	"telephone" text,
	"email" text,
	"adresse" text,
	"code_postal" text,
	"commune" text,
	"nir_encrypted" text,
	"nir_hmac" text,
	"ft_identifiant" text,
	"niveau_qualification" text,
	"logement" text,
	"permis_b" boolean DEFAULT false NOT NULL,
	"vehicule" boolean DEFAULT false NOT NULL,
	"rqth" boolean DEFAULT false NOT NULL,
	"protection_juridique" text DEFAULT 'aucune' NOT NULL,
	"titre_sejour_fin" date,
	"situation_justice" text,
	"sante" text,
	"commentaire" text,
	"dispositif" "dispositif" DEFAULT 'aucun' NOT NULL,
	"statut" "jeune_statut" DEFAULT 'actif' NOT NULL,
	"archive_motif" text,
	"archived_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jeunes_protection_check" CHECK ("jeunes"."protection_juridique" in ('aucune', 'tutelle', 'curatelle', 'sauvegarde'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "role",
	"structure_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"jeune_id" uuid,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"before_hash" text,
	"after_hash" text,
	"meta" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"structure_id" uuid,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"to_confirm" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_key_scope_date_key" UNIQUE NULLS NOT DISTINCT("key","structure_id","effective_from")
);
--> statement-breakpoint
ALTER TABLE "antennes" ADD CONSTRAINT "antennes_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_antenne_id_antennes_id_fk" FOREIGN KEY ("antenne_id") REFERENCES "public"."antennes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jeunes" ADD CONSTRAINT "jeunes_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jeunes" ADD CONSTRAINT "jeunes_antenne_id_antennes_id_fk" FOREIGN KEY ("antenne_id") REFERENCES "public"."antennes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jeunes" ADD CONSTRAINT "jeunes_conseiller_id_users_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "antennes_structure_idx" ON "antennes" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "structures_siret_key" ON "structures" USING btree ("siret");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_structure_idx" ON "users" USING btree ("structure_id","role");--> statement-breakpoint
CREATE INDEX "jeunes_structure_conseiller_idx" ON "jeunes" USING btree ("structure_id","conseiller_id","statut");--> statement-breakpoint
CREATE INDEX "jeunes_structure_naissance_idx" ON "jeunes" USING btree ("structure_id","date_naissance");--> statement-breakpoint
CREATE INDEX "jeunes_nir_hmac_idx" ON "jeunes" USING btree ("nir_hmac");--> statement-breakpoint
CREATE INDEX "jeunes_ft_idx" ON "jeunes" USING btree ("structure_id","ft_identifiant");--> statement-breakpoint
CREATE INDEX "audit_structure_at_idx" ON "audit_log" USING btree ("structure_id","at");--> statement-breakpoint
CREATE INDEX "audit_jeune_at_idx" ON "audit_log" USING btree ("jeune_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_at_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "settings_key_date_idx" ON "settings" USING btree ("key","effective_from");