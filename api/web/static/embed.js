/*
 * Gatehouse comment widget. Plain JavaScript, no build step. On any page:
 *
 *   <div data-gatehouse-article="my-article-id"></div>
 *   <script src="https://comments.example.com/embed.js" defer></script>
 *
 * The API base is where this script came from (its src without "embed.js"), unless the script
 * tag or the container says data-gatehouse-api="https://...". The live stream is read from the
 * stream process when the API names one (STREAM_URL, filled in below as /embed.js is served)
 * or data-gatehouse-stream says where, else from the API itself. The widget renders the published
 * thread with replies, posts new comments (JSON, one Idempotency-Key per submission, reused
 * when a lost answer is retried, so a retry never doubles a comment), shows the reader's own
 * comment as "awaiting moderation" until it is decided, and follows the thread live over
 * Server-Sent Events. data-gatehouse-css="none" on the script tag skips its stylesheet.
 *
 * Comment text only ever reaches the page as text nodes: nothing here uses innerHTML.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  const API = apiBase(script);
  const CONFIGURED_STREAM = "__GATEHOUSE_STREAM__"; // replaced by the API that serves this file
  const STREAM = (script && script.getAttribute('data-gatehouse-stream'))
    || (CONFIGURED_STREAM.startsWith('__') ? '' : CONFIGURED_STREAM);
  const POLL_FIRST_MS = 1000;
  const POLL_MAX_MS = 15000;
  const RETRY_DELAYS_MS = [800, 2500];
  const RETRYABLE = [409, 502, 503, 504]; // 409: a twin request with this key is in flight
  const FIELD_ORDER = ['body', 'author_name', 'author_email'];
  let widgets = 0;

  function apiBase(tag) {
    const given = tag && tag.getAttribute('data-gatehouse-api');
    if (given) return given.replace(/\/+$/, '');
    if (!tag || !tag.src) return window.location.origin;
    return new URL('.', tag.src).href.replace(/\/+$/, '');
  }

  /* --- DOM helpers: every string becomes a text node ----------------------------------- */

  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** The comment body as paragraphs of text nodes, line breaks kept. */
  function bodyNodes(text) {
    const box = el('div', { class: 'gh-body' });
    for (const para of String(text || '').split(/\n\s*\n/)) {
      const p = el('p');
      para.split('\n').forEach((line, i) => {
        if (i > 0) p.appendChild(el('br'));
        p.appendChild(document.createTextNode(line));
      });
      box.appendChild(p);
    }
    return box;
  }

  function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return date.toLocaleString(undefined, {
      day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
    });
  }

  /** A random key; crypto.getRandomValues works on plain-http pages too, unlike randomUUID. */
  function newKey() {
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Hide the honeypot from people and assistive technology, but not from naive bots. */
  function offscreen(node) {
    Object.assign(node.style, {
      position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden',
    });
  }

  function loadStyles() {
    if (script && script.getAttribute('data-gatehouse-css') === 'none') return;
    if (document.querySelector('link[data-gatehouse-css]')) return;
    document.head.appendChild(el('link', {
      rel: 'stylesheet', href: `${API}/assets/embed.css`, 'data-gatehouse-css': '',
    }));
  }

  /* --- the API --------------------------------------------------------------------------- */

  class Api {
    constructor(base, articleId, streamBase) {
      const path = `/api/v1/articles/${encodeURIComponent(articleId)}/comments`;
      this.base = base;
      this.articleUrl = `${base}${path}`;
      this.streamUrl = `${streamBase || base}${path}/stream`;
    }

    async thread() {
      const res = await fetch(this.articleUrl, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`thread: HTTP ${res.status}`);
      return res.json();
    }

    async status(id) {
      const url = `${this.base}/api/v1/comments/${encodeURIComponent(id)}`;
      const res = await fetch(url, { headers: { Accept: 'application/json' } });
      if (res.status === 404) return { id, status: 'gone' };
      if (!res.ok) throw new Error(`status: HTTP ${res.status}`);
      return res.json();
    }

    /** POST a comment; a lost answer, a 409 or a 502-504 is retried with the same Idempotency-Key. */
    async post(data, key) {
      for (let attempt = 0; ; attempt += 1) {
        const last = attempt >= RETRY_DELAYS_MS.length;
        try {
          const res = await fetch(this.articleUrl, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify(data),
          });
          if (last || !RETRYABLE.includes(res.status)) return res;
        } catch (err) {
          if (last) throw err;
        }
        await sleep(RETRY_DELAYS_MS[attempt]);
      }
    }

  }

  /* --- the reader's own comments awaiting a decision, kept across reloads ----------------- */

  class PendingStore {
    constructor(base, articleId) {
      this.key = `gatehouse:pending:${base}:${articleId}`;
    }

    all() {
      try {
        const list = JSON.parse(window.localStorage.getItem(this.key) || '[]');
        return Array.isArray(list) ? list : [];
      } catch (err) {
        return [];
      }
    }

    save(list) {
      try {
        if (list.length) window.localStorage.setItem(this.key, JSON.stringify(list));
        else window.localStorage.removeItem(this.key);
      } catch (err) {
        // storage refused (private mode, quota): pending comments then last this page only
      }
    }

    add(item) {
      this.save(this.all().filter((c) => c.id !== item.id).concat([item]));
    }

    remove(id) {
      this.save(this.all().filter((c) => c.id !== id));
    }
  }

  /* --- the form's words ------------------------------------------------------------------ */

  /** A reader-friendly version of a validation message from the API. */
  function friendly(field, message) {
    if (/minimum length 1\b|Missing data|required|null/i.test(message)) {
      return { body: 'Please write a comment.', author_name: 'Please give a name.' }[field]
        || message;
    }
    const longer = /Longer than maximum length (\d+)/.exec(message);
    if (longer) return `Please keep it under ${Number(longer[1]).toLocaleString()} characters.`;
    return message;
  }

  /** "comments are closed" -> "Comments are closed." */
  function sentence(text) {
    const trimmed = String(text).trim();
    const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
    return /[.!?]$/.test(capital) ? capital : `${capital}.`;
  }

  function messages(list) {
    return (Array.isArray(list) ? list : [String(list)]).join(' ');
  }

  /* --- the widget ------------------------------------------------------------------------ */

  class Widget {
    constructor(container) {
      widgets += 1;
      this.uid = `gh${widgets}`;
      this.container = container;
      this.articleId = container.getAttribute('data-gatehouse-article');
      const ownApi = container.getAttribute('data-gatehouse-api');
      const base = (ownApi || API).replace(/\/+$/, '');
      const stream = container.getAttribute('data-gatehouse-stream') || (ownApi ? '' : STREAM);
      this.api = new Api(base, this.articleId, stream.replace(/\/+$/, ''));
      this.store = new PendingStore(base, this.articleId);
      this.items = {}; // id -> {li, replies, slot, button, name}: published comments shown
      this.pending = {}; // id -> {li, parentId, delay, timer}: the reader's own, undecided
      this.key = null; // the Idempotency-Key of the submission being attempted
      this.replyTo = null; // {id, name} while the form is a reply
      this.busy = false;
      this.waitUntil = 0;
      this.build();
      this.load();
    }

    build() {
      const u = this.uid;
      this.countEl = el('span', { class: 'gh-count' });
      this.heading = el('h2', { id: `${u}-title`, class: 'gh-title', tabindex: '-1' },
        ['Comments ', this.countEl]);
      this.live = el('div', {
        class: 'gh-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true',
      });
      this.notice = el('div', { class: 'gh-notice', hidden: true });
      this.list = el('ol', { class: 'gh-thread', 'aria-labelledby': `${u}-title` });
      this.empty = el('p', {
        class: 'gh-empty', hidden: true, text: 'No comments yet. Start the conversation.',
      });
      this.formHome = el('div', { class: 'gh-form-home' }, [this.buildForm()]);
      this.root = el('section', { class: 'gh', 'aria-labelledby': `${u}-title` },
        [this.heading, this.live, this.notice, this.list, this.empty, this.formHome]);
      this.container.appendChild(this.root);
    }

    field(name, label, control, hintText) {
      const id = `${this.uid}-${name}`;
      Object.assign(control, { id, name });
      const hint = hintText ? el('p', { class: 'gh-hint', id: `${id}-hint`, text: hintText }) : null;
      const error = el('p', { class: 'gh-error', id: `${id}-error`, hidden: true });
      control.setAttribute('aria-describedby', `${hint ? `${id}-hint ` : ''}${id}-error`);
      this.fields[name] = control;
      this.errors[name] = error;
      return el('div', { class: `gh-field gh-field-${name}` },
        [el('label', { for: id }, label), control, hint, error]);
    }

    buildForm() {
      const u = this.uid;
      this.fields = {};
      this.errors = {};
      this.formTitle = el('h3', {
        id: `${u}-form-title`, class: 'gh-form-title', text: 'Join the discussion',
      });
      this.replying = el('p', { class: 'gh-replying', hidden: true });
      this.submitButton = el('button', {
        type: 'submit', class: 'gh-submit', text: 'Post Comment',
        'aria-describedby': `${u}-form-error`,
      });
      this.errors.form = el('p', { class: 'gh-error gh-form-error', id: `${u}-form-error`, hidden: true });
      const honeypot = el('div', { class: 'gh-hp', 'aria-hidden': 'true' }, [
        el('label', { for: `${u}-website`, text: 'Website (leave this empty)' }),
        el('input', {
          id: `${u}-website`, name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off',
        }),
      ]);
      offscreen(honeypot);
      this.fields.website = honeypot.querySelector('input');
      const textarea = el('textarea', { rows: 5, required: true });
      const name = el('input', { type: 'text', autocomplete: 'name', maxlength: 80, required: true });
      const email = el('input', { type: 'email', autocomplete: 'email', spellcheck: 'false' });
      this.form = el('form', {
        class: 'gh-form', novalidate: true, 'aria-labelledby': `${u}-form-title`,
        onsubmit: (ev) => this.submit(ev),
        oninput: (ev) => this.edited(ev),
        onkeydown: (ev) => {
          if (ev.key === 'Escape' && this.replyTo) this.cancelReply();
        },
      }, [
        this.formTitle,
        this.replying,
        this.field('body', ['Comment'], textarea,
          'Plain text. Every comment is checked before it appears.'),
        el('div', { class: 'gh-row' }, [
          this.field('author_name', ['Name'], name, 'Shown with your comment.'),
          this.field('author_email', ['Email ', el('span', { class: 'gh-optional', text: '(optional)' })],
            email, 'Never shown to readers.'),
        ]),
        honeypot,
        el('div', { class: 'gh-actions' }, [this.submitButton, this.errors.form]),
      ]);
      return this.form;
    }

    /* loading and drawing the thread */

    async load() {
      this.showNotice('Loading comments…');
      await this.refresh();
      for (const item of this.store.all()) {
        if (this.items[item.id]) this.store.remove(item.id);
        else this.addPending(item);
      }
      this.connect();
    }

    showNotice(text, retry) {
      this.notice.textContent = '';
      this.notice.hidden = !text;
      if (!text) return;
      this.notice.appendChild(el('p', { text }));
      if (retry) {
        this.notice.appendChild(el('button', {
          type: 'button', class: 'gh-link-button', text: 'Try again', onclick: retry,
        }));
      }
    }

    async refresh() {
      let thread;
      try {
        thread = await this.api.thread();
      } catch (err) {
        this.showNotice('Comments could not be loaded.', () => this.refresh());
        return;
      }
      this.showNotice('');
      this.render(thread.comments || []);
    }

    render(roots) {
      const focused = document.activeElement;
      const focusedId = focused && focused.closest && focused.closest('.gh-comment')
        ? focused.closest('.gh-comment').getAttribute('data-id') : null;
      const replyTo = this.replyTo;
      if (replyTo) this.formHome.appendChild(this.form); // keep the form out of the redraw
      this.items = {};
      this.list.textContent = '';
      this.renderTree(roots, this.list);
      for (const [id, entry] of Object.entries(this.pending)) {
        if (this.items[id]) this.settlePublished(id);
        else this.place(entry.li, entry.parentId);
      }
      if (replyTo && this.items[replyTo.id]) this.items[replyTo.id].slot.appendChild(this.form);
      else if (replyTo) this.returnForm();
      this.restoreFocus(focused, focusedId);
      this.updateCount();
    }

    restoreFocus(focused, focusedId) {
      if (!focused || focused === document.body) return;
      if (document.contains(focused)) focused.focus();
      else if (focusedId && this.items[focusedId]) this.items[focusedId].button.focus();
      else if (this.root.contains(focused) || focusedId) this.heading.focus();
    }

    renderTree(nodes, list) {
      for (const node of nodes) {
        list.appendChild(this.renderComment(node));
        this.renderTree(node.replies || [], this.items[node.id].replies);
      }
    }

    renderComment(c) {
      const authorId = `${this.uid}-a-${c.id}`;
      const replies = el('ol', { class: 'gh-replies' });
      const slot = el('div', { class: 'gh-reply-slot' });
      const button = el('button', {
        type: 'button', class: 'gh-reply', text: 'Reply', 'aria-expanded': 'false',
        'aria-label': `Reply to ${c.author_name}`,
        onclick: () => this.toggleReply(c.id),
      });
      const li = el('li', {
        class: 'gh-comment', id: `${this.uid}-c-${c.id}`, 'data-id': c.id, tabindex: '-1',
      }, [
        el('article', { 'aria-labelledby': authorId }, [
          el('header', { class: 'gh-meta' }, [
            el('span', { class: 'gh-author', id: authorId, text: c.author_name }), ' ',
            el('time', { datetime: c.published_at, text: formatTime(c.published_at) }),
          ]),
          bodyNodes(c.body),
          el('div', { class: 'gh-tools' }, [button]),
          slot,
        ]),
        replies,
      ]);
      this.items[c.id] = { li, replies, slot, button, name: c.author_name };
      return li;
    }

    /** Put a comment under its parent if that is shown, else at the end of the thread. */
    place(li, parentId) {
      const parent = parentId && this.items[parentId];
      (parent ? parent.replies : this.list).appendChild(li);
    }

    updateCount() {
      const shown = Object.keys(this.items).length;
      this.countEl.textContent = `(${shown})`;
      this.empty.hidden = shown > 0 || Object.keys(this.pending).length > 0;
    }

    say(message) {
      this.live.textContent = '';
      window.setTimeout(() => { this.live.textContent = message; }, 60);
    }

    /* live updates */

    connect() {
      if (!window.EventSource) return;
      const source = new EventSource(this.api.streamUrl);
      const parse = (data) => {
        try { return JSON.parse(data); } catch (err) { return null; }
      };
      source.addEventListener('comment.published', (ev) => this.onPublished(parse(ev.data)));
      source.addEventListener('comment.removed', (ev) => {
        const data = parse(ev.data);
        if (data && data.id) this.onRemoved(data.id);
      });
      source.addEventListener('open', () => {
        this.reconnectDelay = 0;
        if (this.streamLost) this.refresh(); // catch up with what was missed meanwhile
        this.streamLost = false;
      });
      source.addEventListener('error', () => {
        this.streamLost = true;
        if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        this.reconnectDelay = Math.min((this.reconnectDelay || 1000) * 2, 60000);
        window.setTimeout(() => this.connect(), this.reconnectDelay);
      });
      this.source = source;
    }

    onPublished(c) {
      if (!c || !c.id || (c.article_id && c.article_id !== this.articleId)) return;
      if (this.items[c.id]) return;
      if (this.pending[c.id]) {
        this.replacePending(c);
        return;
      }
      this.place(this.renderComment(c), c.parent_id);
      this.updateCount();
      this.announceNew(c.author_name);
    }

    announceNew(name) {
      this.newNames = (this.newNames || []).concat([name]);
      window.clearTimeout(this.newTimer);
      this.newTimer = window.setTimeout(() => {
        const names = this.newNames;
        this.newNames = [];
        this.say(names.length === 1 ? `New comment from ${names[0]}.` : `${names.length} new comments.`);
      }, 1200);
    }

    onRemoved(id) {
      if (this.pending[id]) {
        this.dropPending(id);
        return;
      }
      const item = this.items[id];
      if (!item) return;
      if (this.replyTo && this.replyTo.id === id) this.returnForm();
      const hadReplies = item.replies.children.length > 0;
      const hadFocus = item.li.contains(document.activeElement);
      item.li.remove();
      delete this.items[id];
      if (hadFocus) this.heading.focus();
      if (hadReplies) this.refresh(); // its replies now stand alone, where the server puts them
      else this.updateCount();
    }

    /* the reader's own comments */

    addPending(item) {
      if (this.pending[item.id]) return this.pending[item.id].li;
      const li = el('li', {
        class: 'gh-comment gh-mine gh-pending', id: `${this.uid}-c-${item.id}`,
        'data-id': item.id, tabindex: '-1',
      }, [
        el('article', { 'aria-label': `Your comment, ${item.author_name}` }, [
          el('header', { class: 'gh-meta' }, [
            el('span', { class: 'gh-author', text: item.author_name }), ' ',
            el('span', { class: 'gh-badge', text: 'Awaiting moderation' }),
          ]),
          bodyNodes(item.body),
          el('p', {
            class: 'gh-note',
            text: 'Only you can see this for now: it appears for everyone once it is approved.',
          }),
        ]),
      ]);
      this.pending[item.id] = { li, parentId: item.parent_id, delay: POLL_FIRST_MS, timer: 0 };
      this.place(li, item.parent_id);
      this.updateCount();
      this.schedulePoll(item.id);
      return li;
    }

    schedulePoll(id) {
      const entry = this.pending[id];
      if (!entry) return;
      entry.timer = window.setTimeout(() => this.poll(id), entry.delay);
      entry.delay = Math.min(Math.round(entry.delay * 1.5), POLL_MAX_MS);
    }

    async poll(id) {
      let info;
      try {
        info = await this.api.status(id);
      } catch (err) {
        this.schedulePoll(id);
        return;
      }
      if (!this.pending[id]) return;
      if (info.status === 'published') this.settlePublished(id);
      else if (info.status === 'rejected') this.settleRejected(id);
      else if (info.status === 'removed' || info.status === 'gone') this.dropPending(id);
      else this.schedulePoll(id);
    }

    /** Our comment is published: fetch its published form (maybe censored) and swap it in. */
    async settlePublished(id) {
      if (this.items[id]) {
        this.replacePending(null, id);
        return;
      }
      let thread;
      try {
        thread = await this.api.thread();
      } catch (err) {
        this.schedulePoll(id);
        return;
      }
      const found = findComment(thread.comments || [], id);
      if (found) this.replacePending(found);
      else this.schedulePoll(id);
    }

    /** Swap the pending item for the published comment, in place. */
    replacePending(comment, id = comment.id) {
      const entry = this.pending[id];
      if (!entry) return;
      window.clearTimeout(entry.timer);
      delete this.pending[id];
      this.store.remove(id);
      const hadFocus = entry.li.contains(document.activeElement);
      if (comment && !this.items[id]) {
        const li = this.renderComment({ ...comment, replies: [] });
        entry.li.replaceWith(li);
        if (hadFocus) li.focus();
      } else {
        entry.li.remove();
        if (hadFocus && this.items[id]) this.items[id].li.focus();
      }
      this.updateCount();
      this.say('Your comment has been published.');
    }

    settleRejected(id) {
      const entry = this.pending[id];
      delete this.pending[id];
      this.store.remove(id);
      entry.li.classList.remove('gh-pending');
      entry.li.classList.add('gh-rejected');
      entry.li.querySelector('.gh-badge').textContent = 'Not published';
      entry.li.querySelector('.gh-note').textContent =
        'A moderator decided not to publish this comment.';
      this.say('A moderator decided not to publish your comment.');
    }

    dropPending(id) {
      const entry = this.pending[id];
      window.clearTimeout(entry.timer);
      delete this.pending[id];
      this.store.remove(id);
      if (entry.li.contains(document.activeElement)) this.heading.focus();
      entry.li.remove();
      this.updateCount();
    }

    /* replying */

    toggleReply(id) {
      if (this.replyTo && this.replyTo.id === id) {
        this.cancelReply();
        return;
      }
      const item = this.items[id];
      if (!item) return;
      this.returnForm();
      this.replyTo = { id, name: item.name };
      this.replying.textContent = '';
      this.replying.append('Replying to ', el('strong', { text: item.name }), ' ', el('button', {
        type: 'button', class: 'gh-link-button', text: 'Cancel reply',
        onclick: () => this.cancelReply(),
      }));
      this.replying.hidden = false;
      this.formTitle.textContent = `Reply to ${item.name}`;
      item.button.setAttribute('aria-expanded', 'true');
      item.slot.appendChild(this.form);
      this.key = null;
      this.fields.body.focus();
    }

    /** Put the form back under the thread; returns whom it was replying to. */
    returnForm() {
      const previous = this.replyTo;
      this.replyTo = null;
      this.replying.hidden = true;
      this.replying.textContent = '';
      this.formTitle.textContent = 'Join the discussion';
      if (previous && this.items[previous.id]) {
        this.items[previous.id].button.setAttribute('aria-expanded', 'false');
      }
      if (this.form.parentNode !== this.formHome) this.formHome.appendChild(this.form);
      return previous;
    }

    cancelReply() {
      const previous = this.returnForm();
      this.key = null;
      if (previous && this.items[previous.id]) this.items[previous.id].button.focus();
      else this.fields.body.focus();
    }

    /* posting */

    edited(ev) {
      this.key = null; // different words make a different submission
      const name = ev.target && ev.target.name;
      if (name && this.errors[name] && !this.errors[name].hidden) this.clearError(name);
    }

    formData() {
      const value = (name) => this.fields[name].value;
      return {
        body: value('body'),
        author_name: value('author_name'),
        author_email: value('author_email').trim() || null,
        parent_id: this.replyTo ? this.replyTo.id : null,
        website: value('website'),
      };
    }

    async submit(ev) {
      ev.preventDefault();
      if (this.busy) return;
      this.clearErrors();
      const data = this.formData();
      const missing = {};
      if (!data.body.trim()) missing.body = ['Please write a comment.'];
      if (!data.author_name.trim()) missing.author_name = ['Please give a name.'];
      if (Object.keys(missing).length) {
        this.showFieldErrors(missing);
        return;
      }
      if (Date.now() < this.waitUntil) {
        this.rateLimited(Math.ceil((this.waitUntil - Date.now()) / 1000));
        return;
      }
      this.key = this.key || newKey();
      this.setBusy(true);
      this.say('Posting your comment…');
      let res;
      try {
        res = await this.api.post(data, this.key);
      } catch (err) {
        this.setBusy(false);
        this.formError('Your comment could not be sent: the comment service did not answer. '
          + 'Your text is still here; please try again.');
        return;
      }
      this.setBusy(false);
      await this.answered(res, data);
    }

    async answered(res, data) {
      const body = await res.json().catch(() => ({}));
      if (res.status === 202 || res.status === 200) {
        this.accepted(body, data);
        return;
      }
      const error = body.error || {};
      if (res.status === 429) {
        this.rateLimited(Number(res.headers.get('Retry-After')) || 60);
        return;
      }
      if (res.status < 500) this.key = null; // a definite no: the next try is a new submission
      if (res.status === 422 && error.fields) this.showFieldErrors(error.fields);
      else if (res.status === 413) this.showFieldErrors({ body: ['This comment is too long.'] });
      else if (res.status === 403) this.formError(sentence(error.message || 'Comments are closed on this article'));
      else if (res.status >= 500) {
        this.formError('The comment service is having trouble. Your text is still here; '
          + 'please try again in a moment.');
      } else this.formError(sentence(error.message || `Your comment could not be posted (HTTP ${res.status})`));
    }

    accepted(body, data) {
      this.key = null;
      const item = {
        id: body.id, author_name: data.author_name.trim(), body: data.body.trim(),
        parent_id: data.parent_id,
      };
      this.fields.body.value = '';
      if (this.replyTo) this.returnForm();
      if (this.items[item.id]) return; // published and shown already (a replayed submission)
      this.store.add(item);
      this.addPending(item).focus();
      this.say('Thank you. Your comment was received and is awaiting moderation.');
    }

    setBusy(busy) {
      this.busy = busy;
      this.form.setAttribute('aria-busy', String(busy));
      this.submitButton.setAttribute('aria-disabled', String(busy));
      this.submitButton.textContent = busy ? 'Posting…' : 'Post Comment';
    }

    rateLimited(seconds) {
      this.waitUntil = Date.now() + seconds * 1000;
      const text = (left) => `You are posting too quickly. Please wait ${left} second${left === 1 ? '' : 's'}, then post again. Your text is kept.`;
      this.formError(text(seconds));
      window.clearInterval(this.countdown);
      this.countdown = window.setInterval(() => {
        const left = Math.ceil((this.waitUntil - Date.now()) / 1000);
        if (left > 0) this.errors.form.textContent = text(left);
        else {
          window.clearInterval(this.countdown);
          this.clearError('form');
        }
      }, 1000);
    }

    formError(message) {
      this.setError('form', message);
      this.say(message);
    }

    showFieldErrors(fields) {
      const other = [];
      for (const [name, list] of Object.entries(fields)) {
        if (this.errors[name] && name !== 'website' && name !== 'form') {
          this.setError(name, friendly(name, messages(list)));
        } else {
          other.push(name === 'parent_id'
            ? 'The comment you are replying to is no longer available.' : messages(list));
        }
      }
      if (other.length) this.setError('form', other.join(' '));
      const first = FIELD_ORDER.find((name) => fields[name]);
      const count = Object.keys(fields).length;
      this.say(`Your comment was not posted: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`);
      if (first) this.fields[first].focus();
      else this.submitButton.focus();
    }

    setError(name, message) {
      const error = this.errors[name];
      error.textContent = message;
      error.hidden = false;
      if (this.fields[name]) this.fields[name].setAttribute('aria-invalid', 'true');
    }

    clearError(name) {
      const error = this.errors[name];
      error.textContent = '';
      error.hidden = true;
      if (this.fields[name]) this.fields[name].removeAttribute('aria-invalid');
    }

    clearErrors() {
      for (const name of Object.keys(this.errors)) {
        if (name !== 'form' || Date.now() >= this.waitUntil) this.clearError(name);
      }
    }
  }

  function findComment(nodes, id) {
    for (const node of nodes) {
      if (node.id === id) return node;
      const found = findComment(node.replies || [], id);
      if (found) return found;
    }
    return null;
  }

  function start() {
    loadStyles();
    for (const node of document.querySelectorAll('[data-gatehouse-article]')) {
      if (node.hasAttribute('data-gatehouse-ready')) continue;
      node.setAttribute('data-gatehouse-ready', '');
      new Widget(node); // eslint-disable-line no-new
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
