import "server-only";
import { getDb } from "@/db/client";
import { peekSignInLink } from "./code-sign-in";

/** Whether a sign-in link can still be used, and what it is for (the link page's read; nothing is used). */
export async function isLinkLive(token: string) {
  return peekSignInLink(await getDb(), token);
}
