// Calls to the strife REST API. Every answer is data; nothing from it is ever parsed as HTML.

export const TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
];
export const COLOURS = {
  Battles: "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  Protests: "#2ca02c",
  Riots: "#8c564b",
  "Strategic developments": "#1f77b4",
};

let token = "";
export function setToken(value) {
  token = value.trim();
}
export function hasToken() {
  return token !== "";
}

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") q.set(key, String(value));
  }
  return q.toString();
}

async function call(path, params = {}, init = {}) {
  const qs = query(params);
  const response = await fetch(qs ? `${path}?${qs}` : path, init);
  if (response.status === 204) return null;
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

export const points = (filters) => call("/api/points", { ...filters, limit: 3000 });
export const events = (filters, limit = 25) => call("/api/events", { ...filters, limit });
export const stats = (filters) => call("/api/stats", filters);
export const eventDetail = (id) => call(`/api/events/${encodeURIComponent(id)}`);

export function addArticle(article) {
  return call("/api/articles", {}, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(article),
  });
}

// A URL fit for a link: http(s) only (never javascript:, data:, ...), else null.
export function safeUrl(text) {
  if (typeof text !== "string") return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (e) {
    return null;
  }
}

// A DOM element built with text only: el("a", {href, class}, "text", child, ...).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "href") {
      const safe = safeUrl(value) || (value.startsWith("/api/") ? value : null);
      if (safe) node.setAttribute("href", safe);
    } else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
