// AgentDesk customer chat page: plain script, no build step, no external resources.
//
// Layers, top to bottom: the string dictionary, storage (what survives a reload), the link
// (one WebSocket with reconnect and request ids), the view (DOM only) and the chat (protocol
// state: conversations, the outbox, typing). The protocol is docs/protocol.md.
"use strict";

(() => {
  // ------------------------------------------------------------------ strings

  const STRINGS = {
    zh: {
      pageTitle: "在线客服",
      heading: "在线客服",
      langToggle: "English",
      dismiss: "知道了",
      joinHeading: "开始咨询",
      joinIntro: "请留下您的称呼，我们的客服马上为您服务。",
      nameLabel: "您的称呼",
      nameHint: "最多 64 个字符",
      joinButton: "开始咨询",
      chatHeading: "对话",
      connecting: "正在连接…",
      reconnecting: "连接已断开，正在重新连接…",
      queued: "正在排队，您是第 {n} 位。",
      queuedUnknown: "正在排队，请稍候…",
      assignedPending: "客服已接入。",
      assigned: "客服 {name} 正在为您服务。",
      requeued: "正在为您转接其他客服…",
      closedStatus: "对话已结束。",
      typing: "{name} 正在输入…",
      agentFallback: "客服",
      transcriptLabel: "对话记录",
      you: "我",
      pending: "发送中…",
      failed: "未发送",
      messageLabel: "消息",
      messagePlaceholder: "输入消息…",
      messageHint: "按 Enter 发送，Shift+Enter 换行",
      send: "发送",
      leave: "结束对话",
      noteQueued: "您已进入排队。",
      noteAssigned: "客服 {name} 已接入对话。",
      noteRequeued: "客服已离开，正在为您转接…",
      noteClosedAgent: "客服已结束对话。",
      noteClosedCustomer: "您已结束对话。",
      ratingHeading: "对话已结束",
      ratingLegend: "请为本次服务评分",
      rating5: "很满意",
      rating4: "满意",
      rating3: "一般",
      rating2: "不满",
      rating1: "很不满",
      submitRating: "提交评价",
      thanks: "感谢您的评价！",
      newChat: "开始新的对话",
      errNameRequired: "请输入您的称呼。",
      errRatingRequired: "请先选择一个评分。",
      errTooLong: "消息太长了，请分几条发送（每条最多 {n} 个字）。",
      errOffline: "网络尚未连接，请稍后再试。",
      errRateLimited: "您的操作太频繁了，请稍等片刻。",
      errClosed: "这个对话已经结束，无法继续操作。",
      errSession: "您的会话已失效，请重新开始咨询。",
      errRetrying: "暂时没能保存，我们会自动重试。",
      errVersion: "页面版本过旧，请刷新页面。",
      errNotSent: "有一条消息没能发送。",
      errGeneric: "抱歉，出了点问题，请稍后再试。",
    },
    en: {
      pageTitle: "Customer service",
      heading: "Customer service",
      langToggle: "中文",
      dismiss: "Dismiss",
      joinHeading: "Start a chat",
      joinIntro: "Tell us your name and an agent will be with you shortly.",
      nameLabel: "Your name",
      nameHint: "Up to 64 characters",
      joinButton: "Start chat",
      chatHeading: "Chat",
      connecting: "Connecting…",
      reconnecting: "Connection lost. Reconnecting…",
      queued: "You are number {n} in the queue.",
      queuedUnknown: "You are in the queue. Please wait…",
      assignedPending: "An agent has joined.",
      assigned: "{name} is helping you.",
      requeued: "Finding you another agent…",
      closedStatus: "The chat has ended.",
      typing: "{name} is typing…",
      agentFallback: "The agent",
      transcriptLabel: "Conversation",
      you: "You",
      pending: "Sending…",
      failed: "Not sent",
      messageLabel: "Message",
      messagePlaceholder: "Type a message…",
      messageHint: "Press Enter to send, Shift+Enter for a new line",
      send: "Send",
      leave: "Leave chat",
      noteQueued: "You joined the queue.",
      noteAssigned: "{name} joined the chat.",
      noteRequeued: "The agent left. Finding you another agent…",
      noteClosedAgent: "The agent ended the chat.",
      noteClosedCustomer: "You left the chat.",
      ratingHeading: "The chat has ended",
      ratingLegend: "How satisfied are you with this chat?",
      rating5: "Very satisfied",
      rating4: "Satisfied",
      rating3: "Neutral",
      rating2: "Dissatisfied",
      rating1: "Very dissatisfied",
      submitRating: "Submit rating",
      thanks: "Thank you for your feedback!",
      newChat: "Start a new chat",
      errNameRequired: "Please enter your name.",
      errRatingRequired: "Please choose a rating first.",
      errTooLong: "That message is too long. Please split it up (at most {n} characters each).",
      errOffline: "Not connected yet. Please try again in a moment.",
      errRateLimited: "That was a bit fast. Please wait a moment.",
      errClosed: "This chat has ended, so that is no longer possible.",
      errSession: "Your session has expired. Please start a new chat.",
      errRetrying: "We could not save that just now. We will retry automatically.",
      errVersion: "This page is out of date. Please reload it.",
      errNotSent: "A message could not be sent.",
      errGeneric: "Sorry, something went wrong. Please try again later.",
    },
  };
  const HTML_LANG = { zh: "zh-CN", en: "en" };

  // Polite text for the error codes of docs/protocol.md; anything else gets errGeneric.
  const ERROR_TEXT = {
    rate_limited: "errRateLimited",
    invalid_state: "errClosed",
    token_invalid: "errSession",
    token_expired: "errSession",
    version_unsupported: "errVersion",
    storage_unavailable: "errRetrying",
  };

  let lang = "zh";

  function t(key, args) {
    const text = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(args?.[name] ?? ""));
  }

  /** Set an element's text from the dictionary and remember how, so a language switch redoes it. */
  function setText(el, key, args) {
    el.dataset.i18n = key;
    if (args) el.dataset.i18nArgs = JSON.stringify(args);
    else delete el.dataset.i18nArgs;
    el.textContent = t(key, args);
  }

  function clearText(el) {
    delete el.dataset.i18n;
    delete el.dataset.i18nArgs;
    el.textContent = "";
  }

  function applyLanguage(next) {
    lang = next;
    document.documentElement.lang = HTML_LANG[lang];
    document.title = t("pageTitle");
    for (const el of document.querySelectorAll("[data-i18n]")) {
      el.textContent = t(el.dataset.i18n, el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : undefined);
    }
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    }
    for (const el of document.querySelectorAll("[data-i18n-aria-label]")) {
      el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
    }
    const toggle = document.getElementById("lang-toggle");
    toggle.lang = HTML_LANG[lang === "zh" ? "en" : "zh"];
  }

  function defaultLanguage() {
    const languages = navigator.languages?.length ? navigator.languages : [navigator.language || "zh"];
    const first = String(languages[0]).toLowerCase();
    return first.startsWith("zh") ? "zh" : first.startsWith("en") ? "en" : "zh";
  }

  // ------------------------------------------------------------------ storage

  const KEYS = {
    customer: "agentdesk.customer",
    chat: "agentdesk.chat",
    outbox: "agentdesk.outbox",
    lang: "agentdesk.lang",
  };

  /** localStorage that degrades to memory when storage is blocked or full. */
  const storage = {
    read(key, fallback) {
      try {
        const raw = localStorage.getItem(key);
        return raw === null ? fallback : JSON.parse(raw);
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Private mode or a full quota: the chat still works until the page closes.
      }
    },
  };

  function newClientMsgId() {
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
    // randomUUID exists only in secure contexts; a plain-http LAN address is not one.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ------------------------------------------------------------------ link

  const RECONNECT_FIRST_MS = 500;
  const RECONNECT_MAX_MS = 10000;
  const PING_EVERY_MS = 25000;
  const PONG_WITHIN_MS = 10000;

  /**
   * One WebSocket at a time, replaced after every loss with exponential backoff and jitter.
   * Replies are matched to requests by id; every other frame goes to onFrame. A replaced
   * socket's late frames are ignored, so nothing from a dead connection is ever applied.
   */
  class Link {
    constructor(url, { onOpen, onFrame, onLost }) {
      this.url = url;
      this.onOpen = onOpen;
      this.onFrame = onFrame;
      this.onLost = onLost;
      this.socket = null;
      this.replies = new Map();
      this.nextId = 0;
      this.attempt = 0;
      this.retryTimer = null;
      this.pingTimer = null;
      this.stopped = true;
    }

    start() {
      this.stopped = false;
      if (!this.socket && !this.retryTimer) this.connect();
    }

    stop() {
      this.stopped = true;
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.drop();
    }

    connect() {
      this.retryTimer = null;
      const socket = new WebSocket(this.url);
      this.socket = socket;
      socket.onopen = () => socket === this.socket && this.onOpen();
      socket.onmessage = (e) => socket === this.socket && this.receive(e.data);
      socket.onclose = () => socket === this.socket && this.drop();
    }

    /** Forget the current socket as if the network had failed, then reconnect later. */
    drop() {
      const socket = this.socket;
      if (!socket) return;
      this.socket = null;
      socket.close();
      clearTimeout(this.pingTimer);
      this.replies.clear();
      this.onLost();
      if (!this.stopped) this.scheduleRetry();
    }

    scheduleRetry() {
      const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.attempt);
      this.attempt += 1;
      const delay = ceiling / 2 + Math.random() * (ceiling / 2);
      this.retryTimer = setTimeout(() => this.connect(), delay);
    }

    /** The network is back (the browser says so): skip the rest of the backoff. */
    retryNow() {
      if (this.retryTimer && !this.stopped) {
        clearTimeout(this.retryTimer);
        this.connect();
      }
    }

    /** The session is fully restored: the next loss starts the backoff from the beginning. */
    healthy() {
      this.attempt = 0;
      this.schedulePing();
    }

    get open() {
      return this.socket?.readyState === WebSocket.OPEN;
    }

    send(frame) {
      if (!this.open) return false;
      this.socket.send(JSON.stringify(frame));
      return true;
    }

    request(frame, onReply) {
      this.nextId += 1;
      const id = String(this.nextId);
      if (!this.send({ ...frame, id })) return false;
      this.replies.set(id, onReply);
      return true;
    }

    receive(data) {
      let frame;
      try {
        frame = JSON.parse(data);
      } catch {
        return;
      }
      const onReply = frame.ref != null ? this.replies.get(frame.ref) : undefined;
      if (onReply) {
        this.replies.delete(frame.ref);
        onReply(frame);
      } else {
        this.onFrame(frame);
      }
    }

    // A half-open TCP connection can look alive for minutes; a ping that gets no pong ends it.
    schedulePing() {
      clearTimeout(this.pingTimer);
      this.pingTimer = setTimeout(() => {
        const socket = this.socket;
        const deadline = setTimeout(() => socket === this.socket && this.drop(), PONG_WITHIN_MS);
        const sent = this.request({ type: "ping" }, () => {
          clearTimeout(deadline);
          this.schedulePing();
        });
        if (!sent) clearTimeout(deadline);
      }, PING_EVERY_MS);
    }
  }

  // ------------------------------------------------------------------ view

  const $ = (id) => document.getElementById(id);

  /** The DOM, and nothing else: it never talks to the link. */
  class View {
    constructor() {
      this.timeFormat = null;
      this.alertTimer = null;
    }

    showJoin() {
      $("join-view").hidden = false;
      $("chat-view").hidden = true;
      $("join-submit").disabled = false;
    }

    showChat() {
      $("join-view").hidden = true;
      $("chat-view").hidden = false;
    }

    setJoining(busy) {
      $("join-submit").disabled = busy;
    }

    setConnection(state) {
      const el = $("conn-status");
      if (state === "ok" || state === "idle") clearText(el);
      else setText(el, state);
    }

    setStatus(key, args) {
      setText($("chat-status"), key, args);
    }

    alert(key, args) {
      setText($("alert-text"), key, args);
      $("alert").classList.remove("is-empty");
      $("alert-dismiss").hidden = false;
      clearTimeout(this.alertTimer);
      this.alertTimer = setTimeout(() => this.clearAlert(), 15000);
    }

    clearAlert() {
      const hadFocus = $("alert").contains(document.activeElement);
      clearText($("alert-text"));
      $("alert").classList.add("is-empty");
      $("alert-dismiss").hidden = true;
      if (hadFocus) $($("chat-view").hidden ? "join-name" : "transcript").focus();
    }

    setTyping(name) {
      const el = $("typing");
      if (name === null) clearText(el);
      else setText(el, "typing", { name });
    }

    /** Show or hide the parts that depend on whether the chat is open, closed or rated. */
    setPhase(phase) {
      const closed = phase !== "open";
      $("composer").hidden = closed;
      $("leave").hidden = closed;
      $("rating-view").hidden = !closed;
      $("rating-form").hidden = phase !== "closed";
      $("thanks").hidden = phase !== "rated";
      if (closed) this.setTyping(null);
    }

    /** Move focus somewhere useful when what had it disappears. */
    focusIfLost(id) {
      const active = document.activeElement;
      if (!active || active === document.body || active.closest("[hidden]")) $(id).focus();
    }

    clearMessages() {
      $("messages").replaceChildren();
    }

    /** Many changes at once (history, a redraw): the log is marked busy so it is not read out item by item. */
    batch(work) {
      const log = $("transcript");
      log.setAttribute("aria-busy", "true");
      try {
        work();
      } finally {
        log.removeAttribute("aria-busy");
      }
    }

    formatTime(ts) {
      if (!this.timeFormat || this.timeFormat.lang !== lang) {
        const fmt = new Intl.DateTimeFormat(HTML_LANG[lang], { hour: "2-digit", minute: "2-digit" });
        this.timeFormat = { lang, fmt };
      }
      const when = new Date(ts * 1000);
      const el = document.createElement("time");
      el.dateTime = when.toISOString();
      el.textContent = this.timeFormat.fmt.format(when);
      return el;
    }

    /** A message bubble; own messages say "me" in the current language, others the agent's name. */
    buildMessage({ own, author, text, ts }) {
      const li = document.createElement("li");
      li.className = own ? "msg msg--own" : "msg msg--agent";
      const meta = document.createElement("p");
      meta.className = "msg__meta";
      const who = document.createElement("span");
      who.className = "msg__author";
      if (own) setText(who, "you");
      else who.textContent = author || t("agentFallback");
      const state = document.createElement("span");
      state.className = "msg__state";
      meta.append(who, " ", this.formatTime(ts), " ", state);
      const body = document.createElement("p");
      body.className = "msg__text";
      body.textContent = text;
      li.append(meta, body);
      return li;
    }

    buildNote(key, args, ts) {
      const li = document.createElement("li");
      li.className = "note";
      const span = document.createElement("span");
      setText(span, key, args);
      li.append(span, " ", this.formatTime(ts));
      return li;
    }

    /** Put a stored item in seq order; items still waiting for a seq stay at the end. */
    placeBySeq(li, seq) {
      li.dataset.seq = String(seq);
      const list = $("messages");
      const after = Array.from(list.children).find((el) => !el.dataset.seq || Number(el.dataset.seq) > seq);
      list.insertBefore(li, after ?? null);
      this.scrollToEnd();
    }

    /** Show a stored event. ``unacked``: our own message, stored, but its ack has not come yet. */
    addEvent(ev, own, unacked) {
      const note = noteFor(ev);
      if (ev.kind === "message") {
        const existing = own && ev.client_msg_id ? this.findPending(ev.client_msg_id) : null;
        const li = existing ?? this.buildMessage({ own, author: ev.author_name, text: ev.text, ts: ev.ts });
        if (own) this.setMessageState(li, unacked ? "pending" : "sent", ev.client_msg_id);
        this.placeBySeq(li, ev.seq);
      } else if (note) {
        this.placeBySeq(this.buildNote(note.key, note.args, ev.ts), ev.seq);
      }
    }

    addPending(item) {
      if (this.findPending(item.client_msg_id)) return; // already shown, from an event
      const li = this.buildMessage({ own: true, text: item.text, ts: item.created });
      this.setMessageState(li, "pending", item.client_msg_id);
      $("messages").append(li);
      this.scrollToEnd(true);
    }

    findPending(clientMsgId) {
      return Array.from($("messages").children).find((el) => el.dataset.cmid === clientMsgId) ?? null;
    }

    setMessageState(li, state, clientMsgId) {
      li.dataset.state = state;
      if (clientMsgId) li.dataset.cmid = clientMsgId;
      const label = li.querySelector(".msg__state");
      if (state === "sent") {
        clearText(label);
      } else {
        setText(label, state === "pending" ? "pending" : "failed");
      }
    }

    markSent(clientMsgId, seq) {
      const li = this.findPending(clientMsgId);
      if (!li || li.dataset.state === "sent") return;
      this.setMessageState(li, "sent");
      this.placeBySeq(li, seq);
    }

    markFailed(clientMsgId) {
      const li = this.findPending(clientMsgId);
      if (li && li.dataset.state === "pending") this.setMessageState(li, "failed");
    }

    scrollToEnd(force = false) {
      const box = $("transcript");
      const nearEnd = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
      if (force || nearEnd) box.scrollTop = box.scrollHeight;
    }
  }

  function noteFor(ev) {
    switch (ev.kind) {
      case "queued":
        return { key: "noteQueued" };
      case "assigned":
        return { key: "noteAssigned", args: { name: ev.author_name || t("agentFallback") } };
      case "requeued":
        return { key: "noteRequeued" };
      case "closed":
        return { key: ev.detail?.by === "customer" ? "noteClosedCustomer" : "noteClosedAgent" };
      default:
        return null;
    }
  }

  // ------------------------------------------------------------------ chat

  const TYPING_IDLE_MS = 2000;
  const AGENT_TYPING_TTL_MS = 15000;
  const RETRY_SEND_MS = 2000;
  const HISTORY_PAGE = 200;

  /**
   * What the page knows of one chat. ``lastSeq`` is the highest seq applied to the state;
   * older events (a history page) are only shown. The state fields are persisted with it, so a
   * reload resumes from there without keeping the transcript itself in the browser.
   */
  function emptyConversation(id) {
    return {
      id,
      events: new Map(),
      lastSeq: 0,
      state: "queued",
      requeued: false,
      agentName: null,
      rating: null,
      queuePosition: null,
      historyLoaded: false,
    };
  }

  function applyEvent(conv, ev) {
    switch (ev.kind) {
      case "queued":
        conv.state = "queued";
        break;
      case "requeued":
        Object.assign(conv, { state: "queued", requeued: true, agentName: null, queuePosition: null });
        break;
      case "assigned":
        Object.assign(conv, { state: "assigned", requeued: false, queuePosition: 0 });
        conv.agentName = ev.author_name;
        break;
      case "closed":
        Object.assign(conv, { state: "closed", queuePosition: null });
        break;
      case "rated":
        conv.rating = Number(ev.detail?.rating) || conv.rating;
        break;
      default:
        break;
    }
  }

  /**
   * The customer's side of the protocol. Conversations are kept by id because the server
   * sends a new chat's first events before the reply that names it.
   */
  class CustomerChat {
    constructor(view) {
      this.view = view;
      this.link = new Link(socketUrl(), {
        onOpen: () => this.greet(),
        onFrame: (frame) => this.handleFrame(frame),
        onLost: () => this.lost(),
      });
      this.customer = storage.read(KEYS.customer, null);
      this.outbox = storage.read(KEYS.outbox, []);
      this.conversations = new Map();
      this.currentId = null;
      this.joinName = null;
      this.ready = false;
      this.everReady = false;
      this.inFlight = new Set();
      this.typingActive = false;
      this.typingTimer = null;
      this.agentTypingTimer = null;
      this.retryTimer = null;
      this.maxTextChars = 4000;
      this.restoreConversation();
    }

    // ---------------------------------------------------------------- start-up and identity

    start() {
      if (this.customer?.token) {
        this.view.showChat();
        this.renderConversation();
        this.view.setConnection("connecting");
        this.link.start();
      } else {
        this.view.showJoin();
      }
    }

    join(name) {
      this.joinName = name;
      // One key per join: a join resent after a dropped reply finds the same customer.
      this.joinKey = newClientMsgId();
      this.view.setJoining(true);
      this.view.setConnection("connecting");
      this.link.start();
    }

    greet() {
      const hello = { type: "hello", versions: [1], client: "customer-page/1.0" };
      if (this.customer?.token) hello.customer_token = this.customer.token;
      this.link.request(hello, (reply) => {
        if (reply.type === "welcome") this.welcomed(reply);
        else this.helloRefused(reply);
      });
    }

    welcomed(welcome) {
      if (welcome.limits?.max_text_chars) this.maxTextChars = welcome.limits.max_text_chars;
      if (this.customer?.token) this.resume();
      else if (this.joinName) this.sendJoin();
      else this.halt();
    }

    /** Stop connecting: only the customer can start again (join once more, or reload). */
    halt() {
      this.link.stop();
      this.view.setConnection("idle");
    }

    helloRefused(error) {
      if (error.code === "token_invalid" || error.code === "token_expired") {
        this.forgetCustomer();
        this.view.alert("errSession");
      } else {
        this.halt();
        this.showError(error);
      }
    }

    sendJoin() {
      const frame = { type: "customer_join", display_name: this.joinName, lang, join_key: this.joinKey };
      this.link.request(frame, (reply) => {
        if (reply.type !== "customer_joined") {
          this.joinName = null;
          this.view.setJoining(false);
          this.halt();
          this.showError(reply);
          return;
        }
        this.customer = { token: reply.customer_token, id: reply.customer_id, name: this.joinName };
        storage.write(KEYS.customer, this.customer);
        this.joinName = null;
        this.view.showChat();
        // Joining subscribes at once: every event of the new chat, from seq 1, is already here.
        this.conversation(reply.conversation_id).historyLoaded = true;
        this.switchTo(reply.conversation_id);
        this.becomeReady();
        $("composer-input").focus();
      });
    }

    /** Replay what this page missed, then send what it still owes. */
    resume() {
      const conv = this.current();
      const positions = conv ? { [conv.id]: conv.lastSeq } : {};
      this.link.request({ type: "resume", positions }, (reply) => {
        if (reply.type !== "resumed") return this.showError(reply);
        this.becomeReady();
        if (!conv) this.openChat();
        else if (!conv.historyLoaded) this.loadHistory(conv);
      });
    }

    becomeReady() {
      this.ready = true;
      this.everReady = true;
      this.link.healthy();
      this.view.setConnection("ok");
      this.flushOutbox();
    }

    lost() {
      this.ready = false;
      this.inFlight.clear();
      this.typingActive = false;
      this.showAgentTyping(false);
      this.view.setConnection(this.everReady ? "reconnecting" : "connecting");
    }

    forgetCustomer() {
      this.halt();
      this.customer = null;
      this.currentId = null;
      this.conversations.clear();
      this.outbox = [];
      for (const key of [KEYS.customer, KEYS.chat, KEYS.outbox]) storage.write(key, null);
      this.view.clearMessages();
      this.view.showJoin();
    }

    // ---------------------------------------------------------------- conversations

    conversation(id) {
      let conv = this.conversations.get(id);
      if (!conv) {
        conv = emptyConversation(id);
        this.conversations.set(id, conv);
      }
      return conv;
    }

    current() {
      return this.currentId ? this.conversation(this.currentId) : null;
    }

    restoreConversation() {
      const saved = storage.read(KEYS.chat, null);
      if (!saved?.id || !this.customer) return;
      const conv = this.conversation(saved.id);
      for (const key of ["lastSeq", "state", "requeued", "agentName", "rating", "queuePosition"]) {
        if (saved[key] !== undefined) conv[key] = saved[key];
      }
      this.currentId = saved.id;
    }

    saveConversation() {
      const conv = this.current();
      if (!conv) return storage.write(KEYS.chat, null);
      const { id, lastSeq, state, requeued, agentName, rating, queuePosition } = conv;
      return storage.write(KEYS.chat, { id, lastSeq, state, requeued, agentName, rating, queuePosition });
    }

    switchTo(id) {
      this.currentId = id;
      this.renderConversation();
      this.saveConversation();
    }

    loadHistory(conv) {
      const frame = { type: "fetch_events", conversation_id: conv.id, limit: HISTORY_PAGE };
      this.link.request(frame, (reply) => {
        if (reply.type !== "events_page") return this.showError(reply);
        conv.historyLoaded = true;
        this.view.batch(() => this.absorb(conv, reply.events));
        return undefined;
      });
    }

    /**
     * Take events into a conversation, each seq once, and show the new ones. Events past
     * ``lastSeq`` arrive in order (replay, then live) and move the state on; older ones
     * are history and are only shown.
     */
    absorb(conv, events) {
      const fresh = [];
      for (const ev of events) {
        if (conv.events.has(ev.seq)) continue;
        conv.events.set(ev.seq, ev);
        fresh.push(ev);
        if (ev.seq > conv.lastSeq) {
          applyEvent(conv, ev);
          conv.lastSeq = ev.seq;
        }
      }
      if (!fresh.length || conv.id !== this.currentId) return fresh;
      for (const ev of fresh) this.show(ev);
      this.renderState();
      this.saveConversation();
      return fresh;
    }

    isOwn(ev) {
      return ev.author_role === "customer";
    }

    /** Our own message stays "sending" until its ack, even once its echo shows it stored. */
    show(ev) {
      const own = this.isOwn(ev);
      const unacked = own && this.outbox.some((item) => item.client_msg_id === ev.client_msg_id);
      this.view.addEvent(ev, own, unacked);
    }

    renderConversation() {
      this.view.clearMessages();
      const conv = this.current();
      if (!conv) return;
      this.view.batch(() => {
        for (const ev of Array.from(conv.events.values()).sort((a, b) => a.seq - b.seq)) this.show(ev);
        for (const item of this.outbox) {
          if (item.conversation_id === conv.id) this.view.addPending(item);
        }
      });
      this.renderState();
    }

    renderState() {
      const conv = this.current();
      if (!conv) return;
      const agent = conv.agentName || t("agentFallback");
      if (conv.state === "closed") this.view.setStatus("closedStatus");
      else if (conv.state === "assigned") this.view.setStatus("assigned", { name: agent });
      else if (conv.queuePosition > 0) this.view.setStatus("queued", { n: conv.queuePosition });
      else if (conv.queuePosition === 0) this.view.setStatus("assignedPending");
      else if (conv.requeued) this.view.setStatus("requeued");
      else this.view.setStatus("queuedUnknown");
      this.view.setPhase(conv.state !== "closed" ? "open" : conv.rating ? "rated" : "closed");
    }

    // ---------------------------------------------------------------- frames from the server

    handleFrame(frame) {
      switch (frame.type) {
        case "event":
          return this.onEvent(frame);
        case "queue_position":
          return this.onQueuePosition(frame);
        case "typing_notice":
          return this.onTypingNotice(frame);
        case "error":
          return this.onUnsolicitedError(frame);
        default:
          return undefined; // unknown frames are ignored, as the protocol asks
      }
    }

    onEvent(ev) {
      const conv = this.conversation(ev.conversation_id);
      if (!this.absorb(conv, [ev]).length || conv.id !== this.currentId) return;
      if (ev.kind === "message" && !this.isOwn(ev)) this.showAgentTyping(false);
      if (ev.kind === "closed") {
        this.stopTyping();
        this.view.focusIfLost("rating-heading");
      }
    }

    onTypingNotice(frame) {
      if (frame.conversation_id === this.currentId && frame.role !== "customer") this.showAgentTyping(frame.active);
    }

    onQueuePosition(frame) {
      const conv = this.conversation(frame.conversation_id);
      conv.queuePosition = frame.position;
      if (conv.id !== this.currentId) return;
      this.renderState();
      this.saveConversation();
    }

    onUnsolicitedError(error) {
      // A rate-limited frame was dropped unanswered: whatever it was, the outbox sends it again.
      if (error.code === "rate_limited") this.retrySoon();
      this.showError(error);
    }

    showError(error) {
      this.view.alert(ERROR_TEXT[error.code] ?? "errGeneric");
    }

    showAgentTyping(active) {
      clearTimeout(this.agentTypingTimer);
      const conv = this.current();
      if (!active || !conv || conv.state === "closed") return this.view.setTyping(null);
      this.view.setTyping(conv.agentName || t("agentFallback"));
      // The "stopped" frame is lost when the agent's connection drops: do not show it forever.
      this.agentTypingTimer = setTimeout(() => this.view.setTyping(null), AGENT_TYPING_TTL_MS);
      return undefined;
    }

    // ---------------------------------------------------------------- sending, with the outbox

    submitMessage(raw) {
      const text = raw.trim();
      const conv = this.current();
      if (!text || !conv || conv.state === "closed") return false;
      if (text.length > this.maxTextChars) {
        this.view.alert("errTooLong", { n: this.maxTextChars });
        return false;
      }
      const created = Date.now() / 1000;
      const item = { client_msg_id: newClientMsgId(), conversation_id: conv.id, text, created };
      this.outbox.push(item);
      storage.write(KEYS.outbox, this.outbox);
      this.view.addPending(item);
      this.stopTyping();
      this.transmit(item);
      return true;
    }

    flushOutbox() {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      for (const item of this.outbox) this.transmit(item);
    }

    retrySoon() {
      if (this.retryTimer) return;
      this.retryTimer = setTimeout(() => {
        this.inFlight.clear();
        this.flushOutbox();
      }, RETRY_SEND_MS);
    }

    /** Send an outbox item (again): the same client_msg_id every time, so the server stores it once. */
    transmit(item) {
      if (!this.ready || this.inFlight.has(item.client_msg_id)) return;
      const { conversation_id, client_msg_id, text } = item;
      const frame = { type: "send", conversation_id, client_msg_id, text };
      if (this.link.request(frame, (reply) => this.sendAnswered(item, reply))) this.inFlight.add(client_msg_id);
    }

    sendAnswered(item, reply) {
      this.inFlight.delete(item.client_msg_id);
      if (reply.type === "ack") {
        // duplicate: true means an earlier attempt was stored; either way it is durable now.
        this.dropFromOutbox(item.client_msg_id);
        if (reply.conversation_id === this.currentId) this.view.markSent(item.client_msg_id, reply.seq);
        return;
      }
      if (reply.code === "storage_unavailable" || reply.code === "internal" || reply.code === "rate_limited") {
        this.retrySoon();
      } else {
        this.dropFromOutbox(item.client_msg_id);
        this.view.markFailed(item.client_msg_id);
      }
      this.showError(reply);
    }

    dropFromOutbox(clientMsgId) {
      this.outbox = this.outbox.filter((item) => item.client_msg_id !== clientMsgId);
      storage.write(KEYS.outbox, this.outbox);
    }

    // ---------------------------------------------------------------- typing

    composerChanged(value) {
      const conv = this.current();
      if (!value.trim() || !conv || conv.state === "closed") return this.stopTyping();
      if (!this.typingActive && this.sendTyping(true)) this.typingActive = true;
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
      return undefined;
    }

    stopTyping() {
      clearTimeout(this.typingTimer);
      if (this.typingActive) this.sendTyping(false);
      this.typingActive = false;
    }

    sendTyping(active) {
      return this.ready && this.link.send({ type: "typing", conversation_id: this.currentId, active });
    }

    // ---------------------------------------------------------------- leave, rate, new chat

    /** Run a request only when connected; say so politely otherwise. */
    whenReady(frame, onReply) {
      if (this.ready && this.link.request(frame, onReply)) return true;
      this.view.alert("errOffline");
      return false;
    }

    leave() {
      const conv = this.current();
      if (!conv || conv.state === "closed") return;
      // No wrap-up: that is for staff. The closed event that follows shows the rating prompt.
      this.whenReady({ type: "close_chat", conversation_id: conv.id }, (reply) => {
        if (reply.type !== "ok") this.showError(reply);
      });
    }

    rate(rating) {
      const conv = this.current();
      if (!conv) return;
      if (!rating) {
        this.view.alert("errRatingRequired");
        return;
      }
      this.whenReady({ type: "rate", conversation_id: conv.id, rating }, (reply) => {
        // invalid_state: it was rated already (in another tab, say); thank them all the same.
        if (reply.type !== "ok" && reply.code !== "invalid_state") return this.showError(reply);
        conv.rating = conv.rating || rating;
        this.view.clearAlert();
        this.renderState();
        this.saveConversation();
        $("thanks").focus();
        return undefined;
      });
    }

    openChat() {
      this.whenReady({ type: "open_chat" }, (reply) => {
        if (reply.type !== "chat_opened") return this.showError(reply);
        const conv = this.conversation(reply.conversation_id);
        // A brand-new chat's events came before this reply; an older open chat needs its history.
        if (conv.events.has(1)) conv.historyLoaded = true;
        this.switchTo(conv.id);
        if (!conv.historyLoaded) this.loadHistory(conv);
        $("composer-input").focus();
        return undefined;
      });
    }

    /** Test and debugging hook: lose the socket like a network failure would. */
    dropConnection() {
      this.link.drop();
    }
  }

  function socketUrl() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${location.host}/ws`;
  }

  // ------------------------------------------------------------------ wiring

  function wire(chat, view) {
    $("lang-toggle").addEventListener("click", () => {
      const next = lang === "zh" ? "en" : "zh";
      storage.write(KEYS.lang, next);
      applyLanguage(next);
    });
    $("alert-dismiss").addEventListener("click", () => view.clearAlert());

    $("join-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const input = $("join-name");
      const name = input.value.trim();
      if (!name) {
        input.setAttribute("aria-invalid", "true");
        view.alert("errNameRequired");
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      view.clearAlert();
      chat.join(name);
    });

    const composer = $("composer-input");
    $("composer").addEventListener("submit", (e) => {
      e.preventDefault();
      if (chat.submitMessage(composer.value)) composer.value = "";
      composer.focus();
    });
    composer.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        $("composer").requestSubmit();
      }
    });
    composer.addEventListener("input", () => chat.composerChanged(composer.value));
    composer.addEventListener("blur", () => chat.stopTyping());

    $("leave").addEventListener("click", () => chat.leave());
    $("rating-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const picked = $("rating-form").querySelector("input[name=rating]:checked");
      chat.rate(picked ? Number(picked.value) : 0);
    });
    $("new-chat").addEventListener("click", () => chat.openChat());

    window.addEventListener("online", () => chat.link.retryNow());
  }

  function main() {
    applyLanguage(storage.read(KEYS.lang, null) ?? defaultLanguage());
    const view = new View();
    const chat = new CustomerChat(view);
    wire(chat, view);
    chat.start();
    // Test and debugging hook, on purpose and documented: end-to-end tests drop the socket as a
    // network failure would, to check reconnect, resume and the outbox. It reads and changes no data.
    window.agentDeskChat = Object.freeze({ dropConnection: () => chat.dropConnection() });
  }

  main();
})();
