// The event panel: what the event is, every claim side by side with who made it and the
// article it is in, links to every source article, and the article text with the evidence
// sentences and the claims highlighted. Built with text nodes only: article text stays text.
import { COLOURS, el, safeUrl } from "./api.js";

function figure(claim) {
  const { low, high, qualifier } = claim;
  if (low === null && high === null) return "?";
  let text = low === null ? `≤ ${high}` : high === null || high === low ? String(low) : `${low}–${high}`;
  if (high === null && low !== null && qualifier !== "exact") text += "+";
  return text;
}

function actorText(actor) {
  return actor ? `${actor.name}${actor.type ? ` (${actor.type})` : ""}` : null;
}

function place(loc) {
  const parts = [loc.name, loc.admin1, loc.country].filter((p) => p);
  return parts.length ? parts.join(", ") : "place unknown";
}

function sourceLink(source) {
  const label = source.title || source.source || source.id;
  const url = safeUrl(source.source);
  const text = url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, label) : el("span", {}, label);
  const meta = [source.publisher, source.published].filter((p) => p).join(", ");
  return el("li", {}, text, meta ? ` (${meta}) ` : " ",
    el("a", { href: `/api/articles/${encodeURIComponent(source.id)}`, class: "record" }, "record"));
}

function facts(event) {
  const when = event.date || {};
  const deaths = event.fatalities || {};
  const rows = [
    ["When", when.start ? (when.end && when.end !== when.start ? `${when.start} – ${when.end}` : when.start) : "unknown"],
    ["Where", place(event.location || {})],
    ["Actor 1", actorText(event.actor1)],
    ["Actor 2", actorText(event.actor2)],
    ["Killed", deaths.best ?? deaths.low ?? null],
    ["Range", deaths.low !== null && deaths.high !== null && deaths.low !== deaths.high ? `${deaths.low}–${deaths.high}` : null],
    ["Tags", (event.tags || []).join(", ") || null],
    ["Attack type", event.attack_type],
    ["Background", event.background ? "recalled earlier event" : null],
  ];
  const list = el("dl", { class: "facts" });
  for (const [key, value] of rows) {
    if (value === null || value === undefined) continue;
    list.append(el("dt", {}, key), el("dd", {}, value));
  }
  return list;
}

function claimsTable(claims, sources) {
  if (!claims.length) return el("p", { class: "muted" }, "No figures claimed.");
  const titles = new Map(sources.map((s) => [s.id, s]));
  const body = el("tbody");
  for (const c of claims) {
    const src = titles.get(c.article_id) || { id: c.article_id };
    const url = safeUrl(src.source);
    const article = url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, src.publisher || "article") : src.publisher || c.article_id;
    body.append(el("tr", {},
      el("td", {}, `${c.kind}${c.group ? ` (${c.group})` : ""}`),
      el("td", { class: "num" }, figure(c)),
      el("td", {}, c.source || "the article itself"),
      el("td", { class: "words" }, `“${c.text}”`),
      el("td", {}, article)));
  }
  const head = el("thead", {}, el("tr", {}, ...["figure of", "n", "claimed by", "words", "in"].map((h) => el("th", {}, h))));
  return el("table", { class: "claims" }, head, body);
}

// The text with [start, end) ranges wrapped in <mark class=...>; overlaps are split cleanly.
export function highlighted(text, ranges) {
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    if (r.start >= 0 && r.end <= text.length && r.start < r.end) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const kinds = ranges.filter((r) => r.start <= a && r.end >= b).map((r) => r.kind);
    const piece = text.slice(a, b);
    box.append(kinds.length ? el("mark", { class: [...new Set(kinds)].join(" ") }, piece) : document.createTextNode(piece));
  }
  return box;
}

export function renderEvent(container, detail, onClose) {
  const { event, article, sources, claims } = detail;
  const ranges = [
    ...(event.evidence || []).map((e) => ({ start: e.start, end: e.end, kind: "evidence" })),
    ...claims.filter((c) => c.article_id === article.id).map((c) => ({ start: c.start, end: c.end, kind: "claim" })),
  ];
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = COLOURS[event.event_type] || "#555";
  const close = el("button", { type: "button", class: "close", "aria-label": "Close" }, "×");
  close.addEventListener("click", onClose);
  container.replaceChildren(
    close,
    el("h2", {}, swatch, `${event.sub_event_type}`),
    el("p", { class: "muted" }, `${event.event_type} · ${event.id} · confidence ${Number(event.confidence).toFixed(2)}`),
    facts(event),
    el("h3", {}, "Claims"),
    claimsTable(claims, sources),
    el("h3", {}, `Sources (${sources.length})`),
    el("ul", { class: "sources" }, ...sources.map(sourceLink)),
    el("h3", {}, article.title || "Article"),
    el("p", { class: "legend" }, el("mark", { class: "evidence" }, "evidence"), " ", el("mark", { class: "claim" }, "claim")),
    highlighted(article.text || "", ranges),
  );
  container.hidden = false;
  container.parentElement.scrollTop = 0;
}
