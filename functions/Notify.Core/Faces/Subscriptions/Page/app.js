"use strict";
// The subscriber's page. Every text from the server is placed with textContent, never parsed as HTML.
(() => {
  const api = "/feeds/api";
  const pollMilliseconds = 5000;
  const $ = (id) => document.getElementById(id);
  const state = { subscription: null, next: null, source: null, poll: 0 };

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function call(method, path, body) {
    const init = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(api + path, init);
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, (data && data.message) || "Something went wrong. Try again.");
    return data;
  }

  function show(section) {
    $("loading").hidden = true;
    for (const id of ["subscribe", "feed", "home", "message"]) $(id).hidden = id !== section;
  }

  function message(title, text) {
    stopLive();
    $("message-title").textContent = title;
    $("message-text").textContent = text;
    document.title = title;
    show("message");
  }

  function when(unixSeconds) {
    const date = new Date(unixSeconds * 1000);
    const sameDay = date.toDateString() === new Date().toDateString();
    return sameDay
      ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
      : date.toLocaleDateString([], { day: "numeric", month: "short", year: "numeric" });
  }

  async function offer(code) {
    let preview;
    try {
      preview = await call("GET", `/codes/${encodeURIComponent(code)}`);
    } catch (error) {
      message("This code cannot be used", error.message);
      return;
    }
    $("subscribe-name").textContent = preview.feed.name;
    document.title = `Subscribe to ${preview.feed.name}`;
    show("subscribe");
    const button = $("subscribe-button");
    button.onclick = async () => {
      button.disabled = true;
      try {
        const claimed = await call("POST", `/codes/${encodeURIComponent(code)}/claim`);
        history.replaceState(null, "", `/feeds/subscriptions/${encodeURIComponent(claimed.subscription.id)}`);
        await openSubscription(claimed.subscription.id);
      } catch (error) {
        message("Could not subscribe", error.message);
      }
    };
  }

  async function openSubscription(id) {
    try {
      state.subscription = await call("GET", `/subscriptions/${encodeURIComponent(id)}`);
    } catch (error) {
      message("Subscription not found", error.status === 401 || error.status === 404
        ? "This browser does not hold this subscription. Open a new subscription link to subscribe."
        : error.message);
      return;
    }
    renderHead();
    show("feed");
    await reload();
    startLive();
  }

  function renderHead() {
    const s = state.subscription;
    $("feed-name").textContent = s.feedName;
    document.title = s.feedName;
    const mute = $("mute-button");
    mute.textContent = s.mute ? "Muted" : "Mute";
    mute.setAttribute("aria-pressed", String(s.mute));
    $("muted-note").hidden = !s.mute;
  }

  function path(suffix) {
    return `/subscriptions/${encodeURIComponent(state.subscription.id)}${suffix}`;
  }

  async function reload() {
    const page = await call("GET", path("/notifications"));
    $("notifications").replaceChildren(...page.items.map(item));
    setNext(page.next);
    $("empty").hidden = page.items.length > 0;
  }

  function setNext(next) {
    state.next = next;
    $("more").hidden = !next;
  }

  function item(notification) {
    const li = document.createElement("li");
    li.className = notification.readedAt ? "item read" : "item unread";
    li.dataset.id = notification.id;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "item-button";
    button.setAttribute("aria-expanded", "false");
    const unread = document.createElement("span");
    unread.className = "visually-hidden unread-label";
    unread.textContent = notification.readedAt ? "" : "Unread: ";
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = notification.title;
    const time = document.createElement("time");
    time.className = "time";
    time.dateTime = new Date(notification.createdAt * 1000).toISOString();
    time.textContent = when(notification.createdAt);
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = notification.text;
    button.append(unread, title, time, text);
    button.onclick = () => openItem(li, button, notification);
    li.append(button);
    return li;
  }

  async function openItem(li, button, notification) {
    const open = !li.classList.contains("open");
    li.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
    if (!open || li.classList.contains("read")) return;
    try {
      await call("POST", path(`/notifications/${encodeURIComponent(notification.id)}/read`));
      li.classList.replace("unread", "read");
      li.querySelector(".unread-label").textContent = "";
    } catch (error) {
      if (error.status === 404) unsubscribed();
    }
  }

  async function refresh() {
    try {
      state.subscription = await call("GET", path(""));
    } catch (error) {
      if (error.status === 404 || error.status === 401) unsubscribed();
      return;
    }
    renderHead();
    await reload();
  }

  function setLive(text, on) {
    const live = $("live");
    live.textContent = text;
    live.classList.toggle("on", on);
  }

  function startLive() {
    stopLive();
    if (!("EventSource" in window)) {
      startPolling();
      return;
    }
    const source = new EventSource(api + path("/events"));
    state.source = source;
    source.addEventListener("ready", () => setLive("Live", true));
    source.addEventListener("changed", refresh);
    source.addEventListener("gone", unsubscribed);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) startPolling();
      else setLive("Reconnecting…", false);
    };
  }

  function startPolling() {
    stopLive();
    setLive("Updates every few seconds", false);
    let seen = JSON.stringify([state.subscription.pushedAt, state.subscription.mute]);
    state.poll = setInterval(async () => {
      try {
        const current = await call("GET", path(""));
        const now = JSON.stringify([current.pushedAt, current.mute]);
        if (now === seen) return;
        seen = now;
        state.subscription = current;
        renderHead();
        await reload();
      } catch (error) {
        if (error.status === 404 || error.status === 401) unsubscribed();
      }
    }, pollMilliseconds);
  }

  function stopLive() {
    if (state.source) state.source.close();
    state.source = null;
    clearInterval(state.poll);
  }

  function unsubscribed() {
    const name = state.subscription ? state.subscription.feedName : "this feed";
    message("You have unsubscribed", `You will no longer receive notifications from ${name}.`);
  }

  async function toggleMute() {
    const button = $("mute-button");
    button.disabled = true;
    try {
      state.subscription = await call("PATCH", path(""), { mute: !state.subscription.mute });
      renderHead();
    } catch (error) {
      if (error.status === 404) unsubscribed();
    } finally {
      button.disabled = false;
    }
  }

  async function unsubscribe() {
    const button = $("unsubscribe-button");
    if (button.dataset.confirm !== "yes") {
      button.dataset.confirm = "yes";
      button.textContent = "Tap again to unsubscribe";
      return;
    }
    button.disabled = true;
    try {
      await call("DELETE", path(""));
    } catch (error) {
      if (error.status !== 404) {
        button.disabled = false;
        return;
      }
    }
    unsubscribed();
  }

  async function more() {
    const page = await call("GET", path(`/notifications?after=${encodeURIComponent(state.next)}`));
    $("notifications").append(...page.items.map(item));
    setNext(page.next);
  }

  async function home() {
    let held = [];
    try {
      held = await call("GET", "/subscriptions");
    } catch (error) {
      if (error.status !== 401) {
        message("Could not load your subscriptions", error.message);
        return;
      }
    }
    $("subscriptions").replaceChildren(...held.map((s) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/feeds/subscriptions/${encodeURIComponent(s.id)}`;
      link.textContent = s.feedName;
      if (s.mute) {
        const muted = document.createElement("span");
        muted.className = "note";
        muted.textContent = "Muted";
        link.append(muted);
      }
      li.append(link);
      return li;
    }));
    $("none").hidden = held.length > 0;
    show("home");
  }

  function start() {
    $("mute-button").onclick = toggleMute;
    $("unsubscribe-button").onclick = unsubscribe;
    $("more").onclick = more;
    const [, view, id] = location.pathname.split("/").filter(Boolean);
    if (view === "subscribe" && id) offer(decodeURIComponent(id));
    else if (view === "subscriptions" && id) openSubscription(decodeURIComponent(id));
    else home();
  }

  start();
})();
