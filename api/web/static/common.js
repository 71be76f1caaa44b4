/*
 * Shared by the moderation desk and the ops page: DOM helpers that only ever insert text,
 * a bearer-token JSON client, the sign-in form, and a polite live region.
 */
(() => {
  'use strict';

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
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** Seconds as "4 s", "3 min", "2 h 5 min". */
  function duration(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '–';
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60 ? `${s % 60} s` : ''}`.trim();
    const minutes = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
  }

  function ago(iso) {
    const then = new Date(iso).getTime();
    if (Number.isNaN(then)) return '';
    const seconds = (Date.now() - then) / 1000;
    return seconds < 45 ? 'just now' : `${duration(seconds)} ago`;
  }

  function clockTime(date = new Date()) {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  class ApiError extends Error {
    constructor(status, body) {
      const error = (body && body.error) || {};
      super(error.message || `HTTP ${status}`);
      this.status = status;
      this.code = error.code;
      this.fields = error.fields || {};
      this.body = body;
    }
  }

  /** A JSON client that sends the bearer token; throws ApiError for answers that are not 2xx. */
  class Client {
    constructor(token, onUnauthorized) {
      this.token = token;
      this.onUnauthorized = onUnauthorized;
    }

    async request(method, path, body) {
      const headers = { Accept: 'application/json', Authorization: `Bearer ${this.token}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
      const data = await res.json().catch(() => null);
      if (res.status === 401 && this.onUnauthorized) this.onUnauthorized();
      if (!res.ok) throw new ApiError(res.status, data);
      return data;
    }

    get(path) { return this.request('GET', path); }

    post(path, body) { return this.request('POST', path, body === undefined ? {} : body); }

    put(path, body) { return this.request('PUT', path, body); }

    delete(path) { return this.request('DELETE', path); }
  }

  /** Announce a message to screen readers (and show it in the visible status line, if any). */
  function announcer(live, visible) {
    return (message) => {
      if (visible) visible.textContent = message;
      live.textContent = '';
      window.setTimeout(() => { live.textContent = message; }, 60);
    };
  }

  /**
   * The sign-in form: keeps the token in sessionStorage under `key`; `check(client)` must
   * resolve (to anything) for a token that may use the page, or throw ApiError.
   */
  class SignIn {
    constructor({ key, form, input, error, check, onSignedIn }) {
      Object.assign(this, { key, form, input, error, check, onSignedIn });
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        this.tryToken(input.value.trim());
      });
    }

    stored() {
      try { return window.sessionStorage.getItem(this.key); } catch (err) { return null; }
    }

    async start() {
      const token = this.stored();
      if (token) await this.tryToken(token, true);
      else this.show();
    }

    show(message) {
      this.form.closest('[data-signin]').hidden = false;
      this.error.hidden = !message;
      this.error.textContent = message || '';
      if (message) this.input.setAttribute('aria-invalid', 'true');
      else this.input.removeAttribute('aria-invalid');
      this.input.focus();
      this.input.select(); // typing replaces a refused token
    }

    async tryToken(token, quiet) {
      if (!token) {
        this.show('Paste a token first.');
        return;
      }
      const client = new Client(token, () => this.signOut('Your token is no longer valid. Sign in again.'));
      let info;
      try {
        info = await this.check(client);
      } catch (err) {
        const message = err.status === 401 ? 'That token is not valid.'
          : err.status === 403 ? `That token may not use this page.${err.code === 'wrong_role' ? ` ${err.message}` : ''}`
            : 'The service did not answer. Try again.';
        try { window.sessionStorage.removeItem(this.key); } catch (e) { /* ignore */ }
        this.show(quiet && err.status === 401 ? 'Your token is no longer valid. Sign in again.' : message);
        return;
      }
      try { window.sessionStorage.setItem(this.key, token); } catch (err) { /* ignore */ }
      this.input.value = '';
      this.form.closest('[data-signin]').hidden = true;
      this.onSignedIn(client, info);
    }

    signOut(message) {
      try { window.sessionStorage.removeItem(this.key); } catch (err) { /* ignore */ }
      document.dispatchEvent(new CustomEvent('gatehouse:signed-out'));
      this.show(message);
    }
  }

  window.GH = { el, duration, ago, clockTime, ApiError, Client, SignIn, announcer };
})();
