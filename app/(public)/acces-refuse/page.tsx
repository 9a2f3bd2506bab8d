import { forbidden } from "next/navigation";

/** proxy.ts rewrites refused areas here; forbidden() gives the French 403 page with a real 403 status. */
export default function AccessDeniedPage() {
  forbidden();
}
