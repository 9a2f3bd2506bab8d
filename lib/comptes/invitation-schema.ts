import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { STAFF_ROLE_VALUES } from "./params";

const optionalUuid = (message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid({ error: message }).optional());

export const INVITATION_MESSAGES = {
  email: "L'adresse e-mail n'est pas valide : elle doit ressembler à prenom.nom@mission-locale.fr, sans espace.",
  emailTaken: "Cette adresse e-mail est déjà celle d'un compte de Sillage : vérifiez l'adresse, ou retrouvez le compte dans la liste.",
  otherStructure: "Vous ne pouvez inviter que dans votre mission locale.",
  structureRequired: "Choisissez la mission locale de ce compte.",
  structureUnknown: "Choisissez une mission locale active de la liste.",
  antenneUnknown: "Choisissez une antenne active de cette mission locale.",
} as const;

export const inviteSchema = z.object({
  name: text({
    required: "Saisissez le prénom et le nom de la personne.",
    min: { length: 2, message: "Le nom compte au moins 2 caractères." },
    max: 200,
    tooLong: "Le nom est trop long (200 caractères au plus).",
    collapseSpaces: true,
  }),
  email: text({
    required: "Saisissez l'adresse e-mail de la personne.",
    max: 254,
    tooLong: "L'adresse est trop longue (254 caractères au plus).",
  })
    .transform((v) => v.toLowerCase())
    .pipe(z.email({ error: INVITATION_MESSAGES.email })),
  role: z.enum(STAFF_ROLE_VALUES, { error: "Choisissez un rôle." }),
  /** The admin chooses it for any role but admin; a director's is always their own. */
  structureId: optionalUuid(INVITATION_MESSAGES.structureUnknown),
  antenneId: optionalUuid(INVITATION_MESSAGES.antenneUnknown),
});

export const invitationAccountSchema = z.object({ compteId: z.uuid({ error: "Compte inconnu : rechargez la page." }) });

/** The link's token, then the password twice; the policy itself (lib/auth/password-policy.ts) needs the account. */
export const acceptInvitationSchema = z
  .object({
    token: z.string({ error: "Lien invalide." }).regex(/^[A-Za-z0-9_-]{43}$/, "Lien invalide."),
    password: z
      .string({ error: "Saisissez un mot de passe." })
      .min(1, "Saisissez un mot de passe.")
      .max(1024, "Ce mot de passe est trop long."),
    confirmation: z.string({ error: "Saisissez de nouveau le mot de passe." }),
  })
  .refine((v) => v.confirmation === v.password, {
    path: ["confirmation"],
    error: "Les deux mots de passe ne sont pas identiques. Saisissez le même mot de passe dans les deux champs.",
  });
