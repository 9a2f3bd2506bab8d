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
CREATE INDEX "alert_state_computed_on_idx" ON "alert_state" USING btree ("computed_on");--> statement-breakpoint
-- A stored alert row is forgotten by any change to what its alerts read, whoever writes it (an action, the
-- delivery worker, the retention run, a seed, a script): the portfolio then computes it live until the
-- action's refresh (same transaction) or the worker writes it again. Statement-level, with transition
-- tables, so a bulk insert costs one delete.
CREATE FUNCTION alert_state_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('DELETE FROM alert_state WHERE jeune_id IN (SELECT %I FROM new_rows)', TG_ARGV[0]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('DELETE FROM alert_state WHERE jeune_id IN (SELECT %I FROM old_rows)', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION alert_state_forget_seance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM alert_state WHERE jeune_id IN (SELECT pa.jeune_id FROM participations pa WHERE pa.seance_id IN (SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION alert_state_forget_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The CEJ gauge's weights and target feed every file's hours alert.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE key LIKE 'cej.heures.%') THEN
      DELETE FROM alert_state;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE key LIKE 'cej.heures.%') THEN
      DELETE FROM alert_state;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "participations_alert_state_insert" AFTER INSERT ON "participations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "participations_alert_state_update" AFTER UPDATE ON "participations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "participations_alert_state_delete" AFTER DELETE ON "participations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "contrats_alert_state_insert" AFTER INSERT ON "contrats" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "contrats_alert_state_update" AFTER UPDATE ON "contrats" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "contrats_alert_state_delete" AFTER DELETE ON "contrats" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "actions_jeune_alert_state_insert" AFTER INSERT ON "actions_jeune" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "actions_jeune_alert_state_update" AFTER UPDATE ON "actions_jeune" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "actions_jeune_alert_state_delete" AFTER DELETE ON "actions_jeune" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "allocation_decisions_alert_state_insert" AFTER INSERT ON "allocation_decisions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "allocation_decisions_alert_state_update" AFTER UPDATE ON "allocation_decisions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "allocation_decisions_alert_state_delete" AFTER DELETE ON "allocation_decisions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "sanctions_alert_state_insert" AFTER INSERT ON "sanctions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "sanctions_alert_state_update" AFTER UPDATE ON "sanctions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "sanctions_alert_state_delete" AFTER DELETE ON "sanctions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "affectations_alert_state_insert" AFTER INSERT ON "affectations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "affectations_alert_state_update" AFTER UPDATE ON "affectations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "affectations_alert_state_delete" AFTER DELETE ON "affectations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "demandes_droits_alert_state_insert" AFTER INSERT ON "demandes_droits" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "demandes_droits_alert_state_update" AFTER UPDATE ON "demandes_droits" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "demandes_droits_alert_state_delete" AFTER DELETE ON "demandes_droits" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "transmissions_alert_state_insert" AFTER INSERT ON "transmissions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "transmissions_alert_state_update" AFTER UPDATE ON "transmissions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "transmissions_alert_state_delete" AFTER DELETE ON "transmissions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('jeune_id');
--> statement-breakpoint
CREATE TRIGGER "jeunes_alert_state_update" AFTER UPDATE ON "jeunes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget('id');
--> statement-breakpoint
CREATE TRIGGER "seances_alert_state_update" AFTER UPDATE ON "seances" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget_seance();
--> statement-breakpoint
CREATE TRIGGER "settings_alert_state_insert" AFTER INSERT ON "settings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget_all();
--> statement-breakpoint
CREATE TRIGGER "settings_alert_state_update" AFTER UPDATE ON "settings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget_all();
--> statement-breakpoint
CREATE TRIGGER "settings_alert_state_delete" AFTER DELETE ON "settings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alert_state_forget_all();--> statement-breakpoint
-- word_similarity is far dearer than the planner's default cost of 1 per call: at that price it would
-- rather filter every file of the structure than read the trigram index (jeunes_search_trgm_idx) for
-- the portfolio's fuzzy search (`q <% search_text`). The true order of magnitude lets it choose the index.
-- (Extension members: a restore recreates them from pg_trgm; `npm run db:migrate` on a restored
-- database does not re-apply this, see README "Recherche".)
ALTER FUNCTION word_similarity_op(text, text) COST 200;
--> statement-breakpoint
ALTER FUNCTION word_similarity_commutator_op(text, text) COST 200;
--> statement-breakpoint
ALTER FUNCTION word_similarity(text, text) COST 200;
