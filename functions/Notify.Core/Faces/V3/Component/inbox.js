// <notify-inbox api-key="…" user-id="…" user-token="…" base-url="…">: a live in-app inbox served by Notify.
// No dependencies and no build step. Notification content is only ever set as text (textContent), and links and
// icons only with http(s) addresses, so nothing a sender writes can run as code on the embedding page.
(() => {
  "use strict";
  const scriptBase = document.currentScript ? new URL(".", document.currentScript.src).href : location.origin + "/";
  const PAGE = 10;
  const POLL_MS = 30000;
  const STREAM_FAILURES_BEFORE_POLLING = 3;

  const STYLE = `
    :host { position: relative; display: inline-block; font: 14px/1.4 system-ui, sans-serif; color: #1c1e21; }
    [hidden] { display: none !important; }
    button { font: inherit; cursor: pointer; border-radius: 6px; }
    button:focus-visible, a:focus-visible, input:focus-visible, h2:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
    .bell { position: relative; border: 1px solid #c9ccd1; background: #fff; padding: 6px 10px; min-width: 44px; min-height: 44px; }
    .bell svg { width: 22px; height: 22px; vertical-align: middle; }
    .badge { position: absolute; top: -6px; right: -6px; min-width: 20px; padding: 0 5px; border-radius: 10px;
             background: #c81e1e; color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; text-align: center; }
    .panel { position: absolute; right: 0; z-index: 1000; margin-top: 8px; width: min(380px, calc(100vw - 16px));
             max-height: min(70vh, 560px); overflow: auto; background: #fff; border: 1px solid #c9ccd1; border-radius: 10px;
             box-shadow: 0 8px 24px rgba(0,0,0,.15); }
    @media (max-width: 480px) { .panel { position: fixed; left: 8px; right: 8px; width: auto; } }
    header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 10px 12px; border-bottom: 1px solid #e4e6eb; }
    h2 { margin: 0; font-size: 16px; }
    .link { border: 0; background: none; color: #1d4ed8; padding: 6px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 10px 12px; border-bottom: 1px solid #eef0f3; }
    li.unread { background: #eff6ff; }
    .title { font-weight: 600; margin: 0; overflow-wrap: anywhere; }
    li.unread .title::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 4px; background: #2563eb; margin-right: 6px; }
    .message { margin: 2px 0 0; overflow-wrap: anywhere; white-space: pre-line; }
    .meta { color: #606770; font-size: 12px; margin-top: 4px; }
    .row { display: flex; align-items: center; gap: 8px; }
    .row img { width: 32px; height: 32px; border-radius: 6px; flex: none; }
    .tools, .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    .tools button, .actions button, .more { border: 1px solid #c9ccd1; background: #f5f6f7; padding: 4px 10px; min-height: 32px; }
    .actions button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
    fieldset { border: 0; margin: 6px 0 0; padding: 0; }
    label { display: block; padding: 2px 0; }
    .empty, .status { padding: 16px 12px; color: #606770; margin: 0; }
    .more { display: block; margin: 10px auto; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  const BELL = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>';

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "on") for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function safeUrl(text) {
    try {
      const url = new URL(String(text), location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  class NotifyInbox extends HTMLElement {
    static get observedAttributes() { return ["api-key", "user-id", "user-token", "base-url"]; }

    constructor() {
      super();
      this.items = [];
      this.liveEvents = 0;
      this.unread = 0;
      this.total = 0;
      this.pageNo = 0;
      this.lastEventId = null;
      this.failures = 0;
      const root = this.attachShadow({ mode: "open" });
      this.panelId = "notify-panel";
      this.badge = el("span", { class: "badge", "aria-hidden": "true", hidden: true });
      this.bell = el("button", { class: "bell", type: "button", "aria-expanded": "false", "aria-controls": this.panelId,
        on: { click: () => this.toggle() } });
      this.bell.innerHTML = BELL;
      this.bell.append(this.badge);
      this.live = el("p", { class: "sr", "aria-live": "polite", "aria-atomic": "true", role: "status" });
      this.heading = el("h2", { tabindex: "-1", text: "Notifications" });
      this.seenButton = el("button", { class: "link", type: "button", text: "Mark all as seen", on: { click: () => this.markAllSeen() } });
      this.list = el("ul", { "aria-label": "Notifications" });
      this.status = el("p", { class: "status", hidden: true });
      this.more = el("button", { class: "more", type: "button", text: "Load more", hidden: true, on: { click: () => this.loadPage(this.pageNo + 1) } });
      this.panel = el("section", { class: "panel", id: this.panelId, hidden: true, "aria-label": "Notifications" },
        [el("header", {}, [this.heading, this.seenButton]), this.status, this.list, this.more]);
      this.panel.addEventListener("keydown", e => { if (e.key === "Escape") this.close(true); });
      root.append(el("style", { text: STYLE }), this.bell, this.panel, this.live);
    }

    connectedCallback() {
      this.renderCount(false);
      this.connected = true;
      this.start();
    }

    disconnectedCallback() {
      this.connected = false;
      this.stop();
    }

    // An element upgraded in the page reports each attribute before it is connected, while isConnected is already
    // true: starting then would spend a stream ticket per attribute. A change after connecting restarts.
    attributeChangedCallback(name, before, after) { if (this.connected && before !== after) this.start(); }

    get base() {
      const given = this.getAttribute("base-url");
      return given ? (given.endsWith("/") ? given : given + "/") : scriptBase;
    }

    headers(json) {
      const headers = { "X-ENGAGESPOT-API-KEY": this.getAttribute("api-key") || "", "X-ENGAGESPOT-USER-ID": this.getAttribute("user-id") || "" };
      const token = this.getAttribute("user-token");
      // A JWT (three dot-separated parts) is the secure-mode token; anything else is the user's HMAC signature.
      if (token && token.split(".").length === 3) headers.Authorization = "Bearer " + token;
      else if (token) headers["X-ENGAGESPOT-USER-SIGNATURE"] = token;
      if (json) headers["Content-Type"] = "application/json";
      return headers;
    }

    async call(method, path, body) {
      const response = await fetch(this.base + path, { method, headers: this.headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
      return response.status === 204 ? null : response.json();
    }

    start() {
      this.stop();
      if (!this.getAttribute("api-key") || !this.getAttribute("user-id")) return;
      this.generation = (this.generation || 0) + 1;
      this.failures = 0;
      this.lastEventId = null;
      this.loaded = false;
      // With a stream, the list is read once the stream is watching (on ready), so nothing falls between the two.
      if (typeof EventSource === "function") this.openStream(this.generation);
      else {
        this.startPolling();
        this.loadPage(1);
      }
    }

    stop() {
      this.generation = (this.generation || 0) + 1;
      if (this.source) this.source.close();
      this.source = null;
      clearTimeout(this.retryTimer);
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }

    async openStream(generation) {
      try {
        const { ticket } = await this.call("POST", "v3/notifications/stream-tickets");
        if (generation !== this.generation) return;
        const query = new URLSearchParams({ apiKey: this.getAttribute("api-key"), userId: this.getAttribute("user-id"), ticket });
        if (this.lastEventId) query.set("lastEventId", this.lastEventId);
        const source = new EventSource(this.base + "v3/notifications/stream?" + query);
        this.source = source;
        const on = (name, fn) => source.addEventListener(name, e => {
          if (e.lastEventId) this.lastEventId = e.lastEventId;
          this.liveEvents++;
          this.failures = 0;
          clearInterval(this.pollTimer);
          this.pollTimer = null;
          fn(JSON.parse(e.data));
        });
        on("ready", d => { this.setCounts(d, false); this.loadPage(1); });
        on("resync", d => { this.setCounts(d, false); this.loadPage(1); });
        on("counts", d => this.setCounts(d, true));
        on("notification.created", d => { this.upsert(d.notification, true); this.setCounts(d, true); this.announce(d.notification); });
        on("notification.updated", d => { this.upsert(d.notification, false); this.setCounts(d, true); });
        on("notification.deleted", d => { this.remove(d.id); this.setCounts(d, true); });
        // The server ends each stream after a while; a ticket is single use, so the next stream needs a new one.
        source.addEventListener("reconnect", () => this.reopen(generation, 0));
        source.onerror = () => { this.failures++; this.reopen(generation, Math.min(30000, 1000 * 2 ** this.failures)); };
      } catch {
        this.failures++;
        this.reopen(generation, Math.min(30000, 1000 * 2 ** this.failures));
      }
    }

    reopen(generation, delay) {
      if (this.source) this.source.close();
      this.source = null;
      if (generation !== this.generation) return;
      if (!this.loaded) this.loadPage(1);
      if (this.failures >= STREAM_FAILURES_BEFORE_POLLING) this.startPolling();
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.openStream(generation), delay);
    }

    startPolling() {
      if (this.pollTimer) return;
      this.pollTimer = setInterval(() => this.loadPage(1, true), POLL_MS);
    }

    async loadPage(pageNo, refresh) {
      try {
        const size = refresh ? Math.max(PAGE, this.items.length) : PAGE;
        const path = `v3/notifications?pageNo=${refresh ? 1 : pageNo}&limit=${Math.min(100, size)}`;
        // A live event that arrives while the page is read makes the page stale: read it again.
        let page, seen;
        do {
          seen = this.liveEvents;
          page = await this.call("GET", path);
        } while (seen !== this.liveEvents);
        if (pageNo === 1 || refresh) this.items = [];
        for (const item of page.data) if (!this.items.some(i => i.id === item.id)) this.items.push(item);
        if (!refresh) this.pageNo = pageNo;
        this.loaded = true;
        this.totalPages = page.pagination.totalPages;
        this.setCounts({ unreadCount: page.unreadCount, totalCount: page.pagination.totalCount }, false);
        this.status.hidden = true;
        this.renderList();
      } catch {
        this.showStatus("Notifications could not be loaded.");
      }
    }

    setCounts(counts, announce) {
      const before = this.unread;
      this.unread = counts.unreadCount;
      this.total = counts.totalCount;
      this.renderCount(announce && this.unread !== before);
    }

    renderCount(announce) {
      const n = this.unread;
      this.badge.textContent = n > 99 ? "99+" : String(n);
      this.badge.hidden = n === 0;
      this.bell.setAttribute("aria-label", n === 0 ? "Notifications, none unread" : `Notifications, ${n} unread`);
      this.setAttribute("data-unread", String(n));
      if (announce) this.live.textContent = n === 0 ? "No unread notifications" : `${n} unread notifications`;
    }

    announce(item) {
      this.live.textContent = `New notification: ${item.title || item.message || ""}. ${this.unread} unread.`;
    }

    upsert(item, isNew) {
      const at = this.items.findIndex(i => i.id === item.id);
      if (at >= 0) this.items[at] = item;
      else if (isNew) this.items.unshift(item);
      this.renderList();
    }

    remove(id) {
      this.items = this.items.filter(i => i.id !== id);
      this.renderList();
    }

    toggle() {
      if (this.panel.hidden) this.open(); else this.close(true);
    }

    open() {
      this.panel.hidden = false;
      this.bell.setAttribute("aria-expanded", "true");
      this.heading.focus();
    }

    close(returnFocus) {
      this.panel.hidden = true;
      this.bell.setAttribute("aria-expanded", "false");
      if (returnFocus) this.bell.focus();
    }

    showStatus(text) {
      this.status.textContent = text;
      this.status.hidden = false;
    }

    async act(work, failure) {
      try {
        await work();
      } catch {
        this.showStatus(failure);
      }
    }

    markRead(item) {
      return this.act(async () => {
        await this.call("POST", `v3/notifications/${item.id}/click`);
        this.upsert({ ...item, clickedAt: item.clickedAt || new Date().toISOString(), seenAt: item.seenAt || new Date().toISOString() }, false);
      }, "The notification could not be marked as read.");
    }

    markAllSeen() {
      return this.act(async () => {
        await this.call("POST", "v3/notifications/markAllNotificationsAsSeen");
        this.items = this.items.map(i => ({ ...i, seenAt: i.seenAt || new Date().toISOString() }));
        this.setCounts({ unreadCount: 0, totalCount: this.total }, true);
        this.renderList();
      }, "Notifications could not be marked as seen.");
    }

    deleteItem(item, row) {
      const next = row.nextElementSibling || row.previousElementSibling;
      return this.act(async () => {
        await this.call("DELETE", `v3/notifications/${item.id}`);
        this.remove(item.id);
        const target = next && this.list.querySelector(`li[data-id="${next.dataset.id}"] button`);
        (target || this.heading).focus();
      }, "The notification could not be deleted.");
    }

    answer(item, action, fieldset) {
      const options = fieldset ? [...fieldset.querySelectorAll("input:checked")].map(i => i.value) : [];
      return this.act(async () => {
        const answered = await this.call("POST", `v3/notifications/${item.id}/responses`, { action, options });
        this.upsert(answered, false);
      }, "The answer could not be sent.");
    }

    renderList() {
      this.list.replaceChildren(...this.items.map(item => this.renderItem(item)));
      if (this.items.length === 0) this.list.append(el("li", { class: "empty", text: "No notifications yet." }));
      this.more.hidden = !(this.pageNo < (this.totalPages || 0));
    }

    renderItem(item) {
      const unread = !item.clickedAt;
      const li = el("li", { class: unread ? "unread" : "read", "data-id": item.id });
      const titleText = item.title || "";
      const url = item.url && safeUrl(item.url);
      const title = el("p", { class: "title" }, [url
        ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: titleText || url, on: { click: () => { if (unread) this.markRead(item); } } })
        : document.createTextNode(titleText)]);
      const icon = item.icon && safeUrl(item.icon);
      const text = el("div", {}, [title, item.message ? el("p", { class: "message", text: item.message }) : null,
        el("p", { class: "meta", text: `${unread ? "Unread · " : ""}${new Date(item.createdAt).toLocaleString()}` })]);
      li.append(el("div", { class: "row" }, [icon ? el("img", { src: icon, alt: "" }) : null, text]));
      if (item.actions) li.append(this.renderActions(item));
      const label = titleText || item.message || "notification";
      li.append(el("div", { class: "tools" }, [
        unread ? el("button", { type: "button", "aria-label": `Mark as read: ${label}`, text: "Mark read", on: { click: () => this.markRead(item) } }) : null,
        el("button", { type: "button", "aria-label": `Delete: ${label}`, text: "Delete", on: { click: () => this.deleteItem(item, li) } }),
      ]));
      return li;
    }

    renderActions(item) {
      if (item.respondedAt) {
        const chosen = (item.response || []).map(a => a.text).join(", ");
        return el("p", { class: "meta answered", text: `Answered${chosen ? ": " + chosen : ""}` });
      }
      const type = String(item.type || "").toUpperCase();
      const options = item.actions.filter(a => a.type === type && (type === "RADIO" || type === "CHECKBOX"));
      const fieldset = options.length ? el("fieldset", {}, [el("legend", { class: "sr", text: "Options" }), ...options.map(o => el("label", {}, [
        el("input", { type: type === "RADIO" ? "radio" : "checkbox", name: `answer-${item.id}`, value: o.id, checked: o.selected }),
        document.createTextNode(" " + o.text),
      ]))]) : null;
      const buttons = item.actions.filter(a => a.type === "SUBMIT" || a.type === "CLOSE").map(a =>
        el("button", { type: "button", class: a.type === "SUBMIT" ? "primary" : "", text: a.text, on: { click: () => this.answer(item, a.type, fieldset) } }));
      return el("div", {}, [fieldset, el("div", { class: "actions" }, buttons)]);
    }
  }

  if (!customElements.get("notify-inbox")) customElements.define("notify-inbox", NotifyInbox);
})();
