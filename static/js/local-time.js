// An online session shows the visitor's own time next to the session's zone,
// when the browser's time zone differs from the session's.
document.addEventListener("DOMContentLoaded", () => {
  const lang = document.documentElement.lang || "fr";
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const el of document.querySelectorAll(".visitor-time[data-start]")) {
    if (!visitorZone || visitorZone === el.dataset.zone) continue;
    const time = new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", { hour: "numeric", minute: "2-digit" });
    const zone = new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", { timeZoneName: "short" });
    const start = new Date(el.dataset.start);
    const end = new Date(el.dataset.end);
    const zoneName = zone.formatToParts(start).find((part) => part.type === "timeZoneName");
    const sep = lang === "fr" ? "\u00a0à\u00a0" : "–";
    el.textContent = `${el.dataset.label} ${time.format(start)}${sep}${time.format(end)}${zoneName ? ` (${zoneName.value})` : ""}`;
    el.hidden = false;
  }
});
