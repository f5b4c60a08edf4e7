// The timeline: events per day, week or month as an SVG histogram. Dragging across it chooses
// a period (the brush), which filters the map; a click without a drag clears it.

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function binStart(ms, unit) {
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
  return ms;
}

function nextBin(ms, unit) {
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return ms + (unit === "week" ? 7 : 1) * DAY;
}

export class Timeline {
  constructor(node, label, onBrush) {
    this.node = node;
    this.label = label;
    this.onBrush = onBrush;
    this.range = null; // [startMs, endMs) of the data drawn
    this.brush = null;
    node.addEventListener("mousedown", (e) => this.start(e));
    window.addEventListener("mousemove", (e) => this.drag(e));
    window.addEventListener("mouseup", (e) => this.end(e));
  }

  // byDay: [[date, events, fatalities], ...] sorted by date
  draw(byDay) {
    this.node.replaceChildren();
    const width = this.node.clientWidth || 800;
    const height = this.node.clientHeight || 90;
    if (!byDay.length) {
      this.range = null;
      this.label.textContent = "Timeline: no dated events";
      return;
    }
    const first = Date.parse(byDay[0][0]);
    const last = Date.parse(byDay[byDay.length - 1][0]);
    const span = (last - first) / DAY;
    const unit = span <= 120 ? "day" : span <= 3 * 366 ? "week" : "month";
    const bins = new Map();
    for (const [day, n] of byDay) {
      const key = binStart(Date.parse(day), unit);
      bins.set(key, (bins.get(key) || 0) + n);
    }
    // One empty bin on each side, so a single busy day does not fill the whole width.
    const start = binStart(binStart(first, unit) - DAY, unit);
    const end = nextBin(nextBin(binStart(last, unit), unit), unit);
    this.range = [start, end];
    this.width = width;
    const max = Math.max(...bins.values());
    for (let t = start; t < end; t = nextBin(t, unit)) {
      const n = bins.get(t) || 0;
      if (!n) continue;
      const x0 = this.x(t);
      const x1 = this.x(nextBin(t, unit));
      const h = Math.max(1, ((height - 14) * n) / max);
      const bar = svg("rect", { x: x0, y: height - 14 - h, width: Math.max(1, x1 - x0 - 1), height: h, class: "bar" });
      const tip = svg("title", {});
      tip.textContent = `${iso(t)} (${unit}): ${n} events`;
      bar.append(tip);
      this.node.append(bar);
    }
    for (const [t, anchor] of [[start, "start"], [end - DAY, "end"]]) {
      const text = svg("text", { x: anchor === "start" ? 2 : width - 2, y: height - 2, "text-anchor": anchor, class: "axis" });
      text.textContent = iso(t);
      this.node.append(text);
    }
    this.shade = svg("rect", { x: 0, y: 0, width: 0, height: height - 14, class: "brush" });
    this.node.append(this.shade);
    this.paintBrush();
    this.label.textContent = `Timeline (events per ${unit}): drag to choose a period, click to clear`;
  }

  x(ms) {
    const [a, b] = this.range;
    return ((ms - a) / (b - a)) * this.width;
  }

  time(x) {
    const [a, b] = this.range;
    return a + (Math.min(Math.max(x, 0), this.width) / this.width) * (b - a);
  }

  offset(e) {
    return e.clientX - this.node.getBoundingClientRect().left;
  }

  start(e) {
    if (!this.range) return;
    e.preventDefault();
    this.dragFrom = this.offset(e);
    this.dragTo = this.dragFrom;
  }

  drag(e) {
    if (this.dragFrom === undefined) return;
    this.dragTo = this.offset(e);
    const lo = Math.min(this.dragFrom, this.dragTo);
    const hi = Math.max(this.dragFrom, this.dragTo);
    this.shade.setAttribute("x", lo);
    this.shade.setAttribute("width", hi - lo);
  }

  end() {
    if (this.dragFrom === undefined) return;
    const lo = Math.min(this.dragFrom, this.dragTo);
    const hi = Math.max(this.dragFrom, this.dragTo);
    this.dragFrom = undefined;
    this.brush = hi - lo < 3 ? null : [iso(this.time(lo)), iso(this.time(hi) - 1)];
    this.paintBrush();
    this.onBrush(this.brush);
  }

  setBrush(brush) {
    this.brush = brush;
    this.paintBrush();
  }

  paintBrush() {
    if (!this.shade || !this.range) return;
    if (!this.brush) {
      this.shade.setAttribute("width", 0);
      return;
    }
    const x0 = this.x(Date.parse(this.brush[0]));
    const x1 = this.x(Date.parse(this.brush[1]) + DAY);
    this.shade.setAttribute("x", x0);
    this.shade.setAttribute("width", Math.max(1, x1 - x0));
  }
}
