ALTER TYPE "public"."transmission_ledger_event" ADD VALUE 'annulee';--> statement-breakpoint
ALTER TYPE "public"."transmission_kind" ADD VALUE 'effacement';--> statement-breakpoint
ALTER TYPE "public"."transmission_kind" ADD VALUE 'limitation';--> statement-breakpoint
ALTER TYPE "public"."transmission_kind" ADD VALUE 'levee_limitation';--> statement-breakpoint
ALTER TYPE "public"."transmission_statut" ADD VALUE 'annulee';