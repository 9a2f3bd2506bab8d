-- The stored state is derived: emptied here, recomputed by the worker (and live until then), so the new
-- NOT NULL columns need no default.
DELETE FROM "alert_state";--> statement-breakpoint
ALTER TABLE "alert_state" ADD COLUMN "antenne_id" uuid;--> statement-breakpoint
ALTER TABLE "alert_state" ADD COLUMN "dispositif" "dispositif" NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_state" ADD COLUMN "statut" "jeune_statut" NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_state" ADD CONSTRAINT "alert_state_antenne_id_antennes_id_fk" FOREIGN KEY ("antenne_id") REFERENCES "public"."antennes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_state_structure_day_idx" ON "alert_state" USING btree ("structure_id","computed_on","dispositif","antenne_id","conseiller_id","statut","remplacement","titre_sejour","contrat_fin","cej_heures","absence","sans_contact","sanction","allocation_a_decider","demande_droits","transmission_echouee","limitation","mineur");