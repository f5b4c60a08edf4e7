// The map: a bundled world outline (no tile server: it works offline), and the filtered events
// as clustered circles, coloured by event type and sized by fatalities.
/* global L, topojson */
import { COLOURS, el } from "./api.js";

export function radius(fatalities) {
  return Math.min(22, 5 + 3 * Math.log2(1 + (fatalities || 0)));
}

// Rings that cross the antimeridian jump from +180 to -180; drawn as they are, they smear a band
// across the whole map. Their western points are moved east by 360° so each ring is continuous.
function unwrap(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const jumps = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
      if (jumps) for (const p of ring) if (p[0] < 0) p[0] += 360;
    }
  }
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
  const label = n < 10000 ? String(n) : `${Math.round(n / 1000)}k`;
  const box = el("div", { class: "cluster" }, el("span", {}, label));
  return L.divIcon({ html: box, className: "cluster-icon", iconSize: L.point(size, size) });
}

export class EventMap {
  constructor(id, onMove, onPick) {
    this.map = L.map(id, { worldCopyJump: true, minZoom: 2, maxZoom: 14, preferCanvas: true });
    this.map.setView([30, 20], 3);
    this.map.attributionControl.addAttribution("Natural Earth (public domain) via world-atlas");
    this.renderer = L.canvas({ padding: 0.3 });
    this.cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      iconCreateFunction: clusterIcon,
    });
    this.map.addLayer(this.cluster);
    this.onPick = onPick;
    this.fitted = false;
    this.map.on("moveend", () => onMove(this.bbox()));
    this.loadWorld();
  }

  async loadWorld() {
    try {
      const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
      const topo = await response.json();
      const land = topojson.feature(topo, topo.objects.countries);
      for (const feature of land.features) unwrap(feature.geometry);
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#8a8f98", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
      }).addTo(this.map).bringToBack();
    } catch (e) {
      console.warn("world outline not loaded", e);
    }
  }

  bbox() {
    const b = this.map.getBounds();
    const west = Math.max(-180, b.getWest());
    const east = Math.min(180, b.getEast());
    const south = Math.max(-90, b.getSouth());
    const north = Math.min(90, b.getNorth());
    if (b.getEast() - b.getWest() >= 360) return "-180,-90,180,90";
    return [west, south, east, north].map((v) => v.toFixed(4)).join(",");
  }

  // points: [[id, lat, lon, type, fatalities, date], ...]
  show(points) {
    this.cluster.clearLayers();
    const markers = points.map(([id, lat, lon, type, deaths, day]) => {
      const colour = COLOURS[type] || "#555";
      const marker = L.circleMarker([lat, lon], {
        renderer: this.renderer,
        radius: radius(deaths),
        color: "#222",
        weight: 0.8,
        fillColor: colour,
        fillOpacity: 0.8,
      });
      // A DOM node, not a string: Leaflet would parse a string as HTML.
      marker.bindTooltip(() => el("span", {}, `${type}, ${day || "date unknown"}, ${deaths ?? "?"} killed`));
      marker.on("click", () => this.onPick(id));
      marker.eventId = id;
      return marker;
    });
    this.cluster.addLayers(markers);
    if (!this.fitted && points.length) {
      // First answer: show where the events are (later moves ask for what is in view).
      this.fitted = true;
      const bounds = L.latLngBounds(points.map((p) => [p[1], p[2]]));
      this.map.fitBounds(bounds.pad(0.1), { maxZoom: 7 });
    }
  }
}
