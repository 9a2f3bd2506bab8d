"use client";

import { useEffect } from "react";

const KEEPER = "data-title-keeper";

/**
 * Keeps the document titled during a client-side navigation. Next renders each page's metadata anew
 * for every navigation, in a boundary of its own: the old <title> leaves the head when the new page
 * is shown, and the new one follows a moment later (a dossier tab left the page untitled for some
 * 30 ms). When the head is left without a title, the last one is put back until the next arrives,
 * before anything else can read the page (observers run right after the change).
 */
export function TitleKeeper() {
  useEffect(() => {
    let last = document.title;
    const observer = new MutationObserver(() => {
      // The document's title is its first <title> outside SVG, wherever React put it (head or body).
      const titles = Array.from(document.querySelectorAll("title")).filter((t) => !t.closest("svg"));
      const own = titles.filter((t) => !t.hasAttribute(KEEPER));
      if (own.length > 0) {
        for (const t of titles) if (t.hasAttribute(KEEPER)) t.remove();
        last = own[0]!.textContent ?? last;
      } else if (titles.length === 0 && last) {
        const keeper = document.createElement("title");
        keeper.setAttribute(KEEPER, "");
        keeper.textContent = last;
        document.head.prepend(keeper);
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return null;
}
