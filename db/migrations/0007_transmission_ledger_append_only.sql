-- The transmission ledger is append-only: a transfer's history is evidence, never edited.
CREATE OR REPLACE FUNCTION transmission_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'transmission_ledger is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER transmission_ledger_append_only BEFORE UPDATE OR DELETE ON transmission_ledger
  FOR EACH ROW EXECUTE FUNCTION transmission_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transmission_ledger_no_truncate BEFORE TRUNCATE ON transmission_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION transmission_ledger_refuse_change();
