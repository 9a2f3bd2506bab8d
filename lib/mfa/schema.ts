import { z } from "zod";
import { checkbox } from "@/lib/validation/fields";

const totpCode = z
  .string({ error: "Saisissez le code à 6 chiffres affiché par votre application." })
  .max(32, "Saisissez le code à 6 chiffres affiché par votre application.")
  .transform((v) => v.replace(/[\s-]/g, ""))
  .refine((v) => v !== "", "Saisissez le code à 6 chiffres affiché par votre application.")
  .refine((v) => v === "" || /^\d{6}$/.test(v), "Le code compte 6 chiffres, sans lettre : par exemple 123456.");

export const enrolmentSchema = z.object({
  /** The sealed secret the page showed (lib/mfa/enrolment.ts): the form cannot choose its own. */
  enrolment: z.string({ error: "Rechargez la page pour obtenir un nouveau QR code." }).min(1).max(512),
  code: totpCode,
});

export const verifySchema = z.object({ code: totpCode });

export const recoverySchema = z.object({
  recoveryCode: z
    .string({ error: "Saisissez un de vos codes de secours." })
    .trim()
    .min(1, "Saisissez un de vos codes de secours.")
    .max(32, "Un code de secours compte 10 caractères, par exemple ABCDE-23456."),
});

export const resetSchema = z.object({
  compteId: z.uuid({ error: "Compte inconnu : rechargez la page." }),
  confirmation: checkbox.refine((v) => v, { error: "Cochez la case pour confirmer la réinitialisation." }),
});
