/** Recovery codes shown once: a list the person copies or prints, with what they are for. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  return (
    <section aria-labelledby="titre-codes-secours" className="flex flex-col gap-3 rounded-sm border border-border bg-alt p-4 sm:p-6">
      <h2 id="titre-codes-secours" className="text-lg">
        Vos codes de secours
      </h2>
      <p>
        Si vous perdez votre téléphone, chacun de ces codes remplace une fois le code de l&apos;application. Recopiez-les ou imprimez-les
        maintenant et gardez-les en lieu sûr, hors de votre téléphone : ils ne seront plus affichés.
      </p>
      <ol className="grid grid-cols-1 gap-2 font-mono text-lg tracking-wider min-[400px]:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded-sm border border-border bg-white px-3 py-1">
            {code}
          </li>
        ))}
      </ol>
    </section>
  );
}
