// The page: filters, map, timeline, event list and panel, and the "add article" form. The
// browser never holds all events: the map asks for the deadliest few thousand in view, the
// list for one page, the timeline for counts per day.
import * as api from "./api.js";
import { EventMap } from "./map.js";
import { renderEvent } from "./panel.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const state = { filters: {}, brush: null, bbox: null, seq: 0 };

function mapFilters() {
  const f = { ...state.filters };
  if (state.brush) [f.since, f.until] = state.brush;
  if (state.bbox) f.bbox = state.bbox;
  return f;
}

function readForm() {
  const form = new FormData($("filters"));
  const f = {};
  for (const key of ["since", "until", "type", "country", "q"]) {
    const value = String(form.get(key) || "").trim();
    if (value) f[key] = value;
  }
  return f;
}

function showError(message) {
  $("status").textContent = `Error: ${message}`;
  $("status").classList.add("error");
}

async function refreshMap() {
  const seq = ++state.seq; // answers to an older request are dropped
  try {
    const f = mapFilters();
    const [found, page] = await Promise.all([api.points(f), api.events(f)]);
    if (seq !== state.seq) return;
    map.show(found.points);
    $("status").classList.remove("error");
    const shown = found.points.length;
    $("status").textContent = found.total > shown
      ? `${found.total} events here; the ${shown} deadliest are on the map. Zoom in or filter for more.`
      : `${found.total} events here.`;
    listEvents(page.events);
  } catch (e) {
    showError(e.message);
  }
}

function listEvents(events) {
  const items = events.map((event) => {
    const loc = event.location || {};
    const deaths = (event.fatalities || {}).best;
    const button = api.el("button", { type: "button", class: "event-link", "data-id": event.id },
      `${(event.date || {}).start || "?"} · ${event.sub_event_type} · ${[loc.name, loc.country].filter((p) => p).join(", ") || "?"}`
      + (deaths ? ` · ${deaths} killed` : ""));
    button.addEventListener("click", () => openEvent(event.id));
    return api.el("li", {}, button);
  });
  $("event-list").replaceChildren(...items);
}

async function refreshTimeline() {
  try {
    const f = { ...state.filters };
    delete f.since;
    delete f.until;
    const counts = await api.stats(f);
    timeline.draw(counts.by_day);
    const names = counts.by_country.map(([name]) => name).filter((n) => n);
    $("countries").replaceChildren(...names.map((n) => api.el("option", { value: n })));
  } catch (e) {
    showError(e.message);
  }
}

async function openEvent(id) {
  try {
    const detail = await api.eventDetail(id);
    $("panel-empty").hidden = true;
    renderEvent($("event"), detail, closeEvent);
  } catch (e) {
    showError(e.message);
  }
}

function closeEvent() {
  $("event").hidden = true;
  $("event").replaceChildren();
  $("panel-empty").hidden = false;
}

function applyFilters() {
  state.filters = readForm();
  state.brush = null;
  timeline.setBrush(null);
  refreshTimeline();
  refreshMap();
}

let moveTimer = null;
const map = new EventMap("map", (bbox) => {
  state.bbox = bbox;
  clearTimeout(moveTimer);
  moveTimer = setTimeout(refreshMap, 150);
}, openEvent);
const timeline = new Timeline($("timeline"), $("timeline-label"), (brush) => {
  state.brush = brush;
  refreshMap();
});

function legend() {
  const items = api.TYPES.map((type) => {
    const dot = api.el("span", { class: "swatch" });
    dot.style.background = api.COLOURS[type];
    return api.el("span", { class: "legend-item" }, dot, type);
  });
  $("legend").replaceChildren(...items);
}

function wireForms() {
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    applyFilters();
  });
  $("filters").addEventListener("reset", () => setTimeout(applyFilters, 0));
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    api.setToken($("token").value); // kept in memory only, never stored
    $("add-open").hidden = !api.hasToken();
  });
  $("add-open").addEventListener("click", () => $("add-dialog").showModal());
  $("add-close").addEventListener("click", () => $("add-dialog").close());
  $("add-submit").addEventListener("click", submitArticle);
}

async function submitArticle() {
  const out = $("add-result");
  const article = {};
  const file = $("add-file").files[0];
  if (file) article.html = await file.text();
  else article.text = $("add-text").value;
  for (const [key, id] of [["title", "add-title"], ["url", "add-url"], ["published", "add-published"]]) {
    const value = $(id).value.trim();
    if (value) article[key] = value;
  }
  out.textContent = "Extracting…";
  try {
    const result = await api.addArticle(article);
    out.replaceChildren(`Stored ${result.id}: ${result.events.length} event(s). `);
    for (const id of result.events) {
      const link = api.el("button", { type: "button", class: "event-link" }, id);
      link.addEventListener("click", () => {
        $("add-dialog").close();
        openEvent(id);
      });
      out.append(link, " ");
    }
    refreshTimeline();
    refreshMap();
  } catch (e) {
    out.textContent = `Not stored: ${e.message}`;
  }
}

legend();
wireForms();
applyFilters(); // the whole world first; the map then fits the events and asks for its view
