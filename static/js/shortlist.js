// The comparison shortlist between pages (optional: without JavaScript the URL
// carries it). The page's own list wins: the compare page, or any page whose
// URL has `t`, stores it; a page without one gets the stored list back into its
// "Compare" links and its shortlist bar. Nothing is sent to the server.
(() => {
  const KEY = "cible.shortlist";
  const MAX = 6;
  const SLUG = /^[-a-zA-Z0-9_]{1,180}$/;

  const read = () => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? stored.filter((slug) => SLUG.test(slug)).slice(0, MAX) : [];
    } catch {
      return [];
    }
  };
  const write = (slugs) => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(slugs));
    } catch {
      // Storage full or disabled: the URL still carries the list.
    }
  };
  const withList = (href, slugs) => {
    const url = new URL(href, window.location.href);
    url.searchParams.delete("t");
    slugs.forEach((slug) => url.searchParams.append("t", slug));
    return url.pathname + url.search + url.hash;
  };

  document.addEventListener("DOMContentLoaded", () => {
    const page = document.querySelector("[data-shortlist-page]");
    const fromUrl = new URLSearchParams(window.location.search).has("t");
    if (page || fromUrl) {
      const source = page || document.querySelector("[data-shortlist-bar]");
      if (source) write((source.dataset.shortlist || "").split(" ").filter(Boolean));
      return;
    }
    const slugs = read();
    if (!slugs.length) return;
    document.querySelectorAll("a[data-shortlist-add]").forEach((link) => {
      const slug = link.dataset.shortlistAdd;
      const listed = slugs.includes(slug);
      if (!listed && slugs.length >= MAX) {
        link.hidden = true;
        return;
      }
      // Already listed: the link still opens the whole remembered list.
      link.href = withList(link.href, listed ? slugs : [...slugs, slug]);
    });
    const bar = document.querySelector("[data-shortlist-bar]");
    if (bar) {
      bar.querySelector("[data-shortlist-count]").textContent = String(slugs.length);
      const compare = bar.querySelector("[data-shortlist-compare]");
      compare.href = withList(compare.href, slugs);
      bar.hidden = false;
    }
  });
})();
