/** An address as a list shows it: first letter of the local part, then the domain (l***@exemple.fr). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
