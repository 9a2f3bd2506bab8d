CREATE TABLE "alert_state" (
	"jeune_id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"conseiller_id" uuid,
	"computed_on" date NOT NULL,
	"remplacement" boolean NOT NULL,
	"titre_sejour" boolean NOT NULL,
	"contrat_fin" boolean NOT NULL,
	"cej_heures" boolean NOT NULL,
	"absence" boolean NOT NULL,
	"sans_contact" boolean NOT NULL,
	"sanction" boolean NOT NULL,
	"allocation_a_decider" boolean NOT NULL,
	"demande_droits" boolean NOT NULL,
	"transmission_echouee" boolean NOT NULL,
	"limitation" boolean NOT NULL,
	"mineur" boolean NOT NULL,
	"semaine" date NOT NULL,
	"cej_minutes_validees" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_state" ADD CONSTRAINT "alert_state_jeune_id_jeunes_id_fk" FOREIGN KEY ("jeune_id") REFERENCES "public"."jeunes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_state" ADD CONSTRAINT "alert_state_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_state" ADD CONSTRAINT "alert_state_conseiller_id_users_id_fk" FOREIGN KEY ("conseiller_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_state_structure_conseiller_idx" ON "alert_state" USING btree ("structure_id","conseiller_id");--> statement-breakpoint
CREATE INDEX "alert_state_computed_on_idx" ON "alert_state" USING btree ("computed_on");