/*
 * The moderation desk: the queue with reasons and highlighted matches, one-key decisions,
 * bans, article settings, the word lists (admins) and the recent audit trail. The queue is
 * polled every few seconds, so new held comments appear without a reload.
 *
 * Comment text only ever reaches the page as text nodes (matches are wrapped in <mark>
 * elements built around text nodes): nothing here uses innerHTML.
 */
(() => {
  'use strict';

  const GH = window.GH;
  const { el, ago, clockTime, SignIn, announcer } = GH;
  const API = '/api/v1/moderation';
  const POLL_MS = 4000;
  const AUDIT_MS = 20000;
  const $ = (id) => document.getElementById(id);
  const say = announcer($('live'), $('desk-status'));
  const queueList = $('queue');
  const PAST = { approve: 'Approved', reject: 'Rejected', remove: 'Removed' };
  const ACTIONS = {
    a: { action: 'approve', label: 'Approve', applies: ['held', 'pending'] },
    r: { action: 'reject', label: 'Reject', applies: ['held', 'pending'] },
    x: { action: 'remove', label: 'Remove', applies: ['published'] },
    b: { action: 'ban', label: 'Ban author', applies: ['held', 'pending', 'published', 'rejected', 'removed'] },
  };

  const desk = {
    client: null,
    role: null,
    items: new Map(), // id -> {item, li, body, matchesLine, busy}
    selected: null,
    timers: [],
    filters: { status: 'held', article_id: '', order: 'oldest' },
  };

  /* --- signing in and out ---------------------------------------------------------------- */

  /** The token's role; an ops token may not use the desk (403, as the API would say). */
  async function roleOf(client) {
    const me = await client.get('/whoami');
    if (me.role !== 'moderator' && me.role !== 'admin') {
      const message = `It is an ${me.role} token: use it on the ops page.`;
      throw new GH.ApiError(403, { error: { code: 'wrong_role', message } });
    }
    return me;
  }

  const signIn = new SignIn({
    key: 'gatehouse.desk.token',
    form: $('signin-form'),
    input: $('token'),
    error: $('token-error'),
    check: roleOf,
    onSignedIn: start,
  });

  function showSignedIn(on) {
    for (const node of document.querySelectorAll('[data-signed-in]')) node.hidden = !on;
  }

  function start(client, me) {
    const role = me.role;
    Object.assign(desk, { client, role });
    showSignedIn(true);
    $('whoami').textContent = `${me.name} (${role})`;
    $('terms-panel').hidden = role !== 'admin';
    const focusedBefore = document.activeElement;
    refreshQueue(true).then(() => {
      // the queue takes the focus unless the moderator has put it somewhere meanwhile (a
      // term being typed would lose its last letters to the queue)
      const now = document.activeElement;
      const keep = now !== focusedBefore && now !== document.body;
      const first = queueList.querySelector('.item');
      if (first) select(first.dataset.id, !keep);
      else if (!keep) $('main').focus();
    });
    refreshAudit();
    loadSettings();
    if (role === 'admin') loadTerms();
    desk.timers = [
      window.setInterval(() => refreshQueue(false), POLL_MS),
      window.setInterval(refreshAudit, AUDIT_MS),
    ];
  }

  document.addEventListener('gatehouse:signed-out', () => {
    desk.timers.forEach((t) => window.clearInterval(t));
    desk.timers = [];
    desk.client = null;
    desk.items.clear();
    desk.selected = null;
    queueList.textContent = '';
    showSignedIn(false);
  });

  $('sign-out').addEventListener('click', () => signIn.signOut('Signed out.'));

  /* --- the queue ------------------------------------------------------------------------- */

  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    desk.filters = {
      status: form.get('status'), article_id: String(form.get('article_id') || '').trim(),
      order: form.get('order'),
    };
    desk.items.clear();
    desk.selected = null;
    queueList.textContent = '';
    refreshQueue(true).then(() => say(`Showing ${desk.items.size} ${desk.filters.status} comments.`));
  });

  async function refreshQueue(initial) {
    if (!desk.client) return;
    const { status, article_id: articleId, order } = desk.filters;
    const params = new URLSearchParams({ status, order, limit: '100' });
    if (articleId) params.set('article_id', articleId);
    let page;
    try {
      page = await desk.client.get(`${API}/queue?${params}`);
    } catch (err) {
      $('queue-updated').textContent = `Could not refresh (${err.message}).`;
      return;
    }
    const added = merge(page.items || []);
    $('queue-updated').textContent = `Updated ${clockTime()}.`;
    if (!initial && added) {
      say(`${added} new ${status} comment${added === 1 ? '' : 's'} in the queue.`);
    }
  }

  /** Add new items in the server's order and drop decided ones, never moving existing nodes. */
  function merge(items) {
    const ids = new Set(items.map((item) => item.id));
    for (const id of [...desk.items.keys()]) {
      if (!ids.has(id)) dropItem(id);
    }
    let previous = null;
    let added = 0;
    for (const item of items) {
      let entry = desk.items.get(item.id);
      if (!entry) {
        entry = renderItem(item);
        if (previous) previous.after(entry.li);
        else queueList.prepend(entry.li);
        entry.li.classList.add('new');
        window.setTimeout(() => entry.li.classList.remove('new'), 4000);
        added += 1;
        loadDetail(entry);
      }
      previous = entry.li;
    }
    updateCount();
    if (!desk.selected || !desk.items.has(desk.selected)) {
      const first = queueList.querySelector('.item');
      if (first) select(first.dataset.id, false);
    }
    return added;
  }

  function updateCount() {
    const n = desk.items.size;
    $('queue-count').textContent = `(${n} ${desk.filters.status})`;
    $('queue-empty').hidden = n > 0;
  }

  function renderItem(item) {
    const id = item.id;
    const titleId = `item-${id}-title`;
    const body = el('p', { class: 'body' }, [item.body]);
    const matchesLine = el('p', { class: 'matches', hidden: true });
    const scores = Object.entries(item.scores || {}).map(([name, value]) => el('span', {
      class: `score${value >= 0.7 ? ' high' : value >= 0.4 ? ' mid' : ''}`,
    }, [`${name} ${Number(value).toFixed(2)}`]));
    const reasons = (item.reasons || []).map((reason) => el('li', { class: 'reason', text: reason }));
    const explanations = (item.explanations || []).map((text) => el('li', { text }));
    const buttons = Object.entries(ACTIONS)
      .filter(([, spec]) => spec.applies.includes(item.status))
      .map(([key, spec]) => el('button', {
        type: 'button', class: `act act-${spec.action}`, 'aria-keyshortcuts': key,
        onclick: () => act(id, key),
      }, [spec.label, ' ', el('kbd', { 'aria-hidden': 'true', text: key })]));
    const li = el('li', {
      class: 'item', tabindex: '-1', 'data-id': id, 'aria-labelledby': titleId,
    }, [
      el('div', { class: 'item-head' }, [
        el('h2', { class: 'author', id: titleId }, [item.author_name]),
        el('span', { class: 'meta' }, [
          'on ', el('span', { class: 'article', text: item.article_id }), ' · ',
          el('time', { datetime: item.created_at, text: ago(item.created_at) }),
        ]),
        el('span', { class: `status status-${item.status}`, text: item.status }),
      ]),
      body,
      matchesLine,
      reasons.length ? el('ul', { class: 'reasons', 'aria-label': 'Reasons' }, reasons) : null,
      explanations.length ? el('ul', { class: 'explanations', 'aria-label': 'Why' }, explanations) : null,
      scores.length ? el('p', { class: 'scores' }, ['Scores: ', ...scores]) : null,
      el('div', { class: 'actions' }, buttons),
    ]);
    li.addEventListener('focusin', () => select(id, false));
    const entry = { item, li, body, matchesLine, busy: false };
    desk.items.set(id, entry);
    return entry;
  }

  /** Fetch the comment in full for its matched terms, and highlight them in the text. */
  async function loadDetail(entry) {
    let detail;
    try {
      detail = await desk.client.get(`${API}/comments/${entry.item.id}`);
    } catch (err) {
      return;
    }
    entry.detail = detail;
    const matches = (detail.matches || []).filter(
      (m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start,
    );
    if (detail.author_banned) {
      entry.li.querySelector('.item-head').append(el('span', { class: 'banned', text: 'author banned' }));
    }
    if (!matches.length) return;
    entry.body.textContent = '';
    entry.body.append(highlight(entry.item.body, matches));
    const terms = [...new Set(matches.map((m) => `${m.term}${m.source ? ` (${m.source})` : ''}`))];
    entry.matchesLine.textContent = '';
    entry.matchesLine.append('Matched: ', ...terms.flatMap((t, i) => [i ? ', ' : '', el('mark', { text: t })]));
    entry.matchesLine.hidden = false;
  }

  /**
   * The text with each matched range wrapped in <mark>. Offsets count code points (as Python
   * does), so the text is split into code points first, never into UTF-16 units.
   */
  function highlight(text, matches) {
    const chars = Array.from(text);
    const ranges = matches.slice().sort((a, b) => a.start - b.start);
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const m of ranges) {
      const start = Math.max(m.start, at);
      const end = Math.min(m.end, chars.length);
      if (end <= start) continue;
      if (start > at) fragment.append(chars.slice(at, start).join(''));
      fragment.append(el('mark', { title: m.source ? `${m.term} (${m.source})` : m.term },
        [chars.slice(start, end).join('')]));
      at = end;
    }
    if (at < chars.length) fragment.append(chars.slice(at).join(''));
    return fragment;
  }

  /* --- selection and keys ---------------------------------------------------------------- */

  function select(id, focus) {
    const entry = desk.items.get(id);
    if (!entry) return;
    if (desk.selected !== id) {
      const old = desk.items.get(desk.selected);
      if (old) {
        old.li.tabIndex = -1;
        old.li.classList.remove('selected');
        old.li.removeAttribute('aria-current');
      }
      desk.selected = id;
      entry.li.tabIndex = 0;
      entry.li.classList.add('selected');
      entry.li.setAttribute('aria-current', 'true');
    }
    if (focus) {
      entry.li.focus();
      entry.li.scrollIntoView({ block: 'nearest' });
    }
  }

  function move(step) {
    const nodes = [...queueList.querySelectorAll('.item')];
    if (!nodes.length) return;
    const index = nodes.findIndex((node) => node.dataset.id === desk.selected);
    const next = nodes[Math.min(nodes.length - 1, Math.max(0, index + step))];
    select(next.dataset.id, true);
  }

  document.addEventListener('keydown', (ev) => {
    if (!desk.client || ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest('input, textarea, select, [contenteditable]')) return;
    if (ev.key === 'j' || ev.key === 'k') {
      ev.preventDefault();
      move(ev.key === 'j' ? 1 : -1);
    } else if (ACTIONS[ev.key] && desk.selected) {
      ev.preventDefault();
      act(desk.selected, ev.key);
    }
  });

  /** The item's place is taken by its neighbour; focus follows when it was on the item. */
  function dropItem(id) {
    const entry = desk.items.get(id);
    if (!entry) return;
    const nodes = [...queueList.querySelectorAll('.item')];
    const index = nodes.indexOf(entry.li);
    const neighbour = nodes[index + 1] || nodes[index - 1];
    const hadFocus = entry.li.contains(document.activeElement);
    entry.li.remove();
    desk.items.delete(id);
    updateCount();
    if (desk.selected === id) {
      desk.selected = null;
      if (neighbour) select(neighbour.dataset.id, hadFocus);
      else if (hadFocus) $('queue-empty').focus();
    }
  }

  /* --- decisions and bans ---------------------------------------------------------------- */

  async function act(id, key) {
    const entry = desk.items.get(id);
    const spec = ACTIONS[key];
    if (!entry || entry.busy) return;
    if (!spec.applies.includes(entry.item.status)) {
      say(`${spec.label} does not apply to a ${entry.item.status} comment.`);
      return;
    }
    entry.busy = true;
    entry.li.setAttribute('aria-busy', 'true');
    try {
      if (spec.action === 'ban') await ban(entry);
      else await decide(entry, spec.action);
    } finally {
      entry.busy = false;
      entry.li.removeAttribute('aria-busy');
      refreshAudit();
    }
  }

  async function decide(entry, action, note = '') {
    const who = entry.item.author_name;
    try {
      await desk.client.post(`${API}/comments/${entry.item.id}/decision`, { action, reason: null });
    } catch (err) {
      if (err.status === 409) {
        say(`Already ${err.body && err.body.status}: someone decided the comment by ${who} first.`);
        dropItem(entry.item.id);
      } else {
        say(`Could not ${action} the comment by ${who}: ${err.message}`);
      }
      return false;
    }
    dropItem(entry.item.id);
    say(`${PAST[action]} the comment by ${who}${note}. ${desk.items.size} left.`);
    return true;
  }

  /**
   * Ban the author by email when the comment gave one (an address may be shared by a whole
   * office or school), else by the client address.
   */
  async function ban(entry) {
    const who = entry.item.author_name;
    try {
      entry.detail = entry.detail || await desk.client.get(`${API}/comments/${entry.item.id}`);
      await desk.client.post(`${API}/bans`, {
        comment_id: entry.item.id, kinds: [entry.detail.author_email ? 'email' : 'address'],
        reason: 'Banned from the moderation desk',
      });
    } catch (err) {
      const detail = Object.values(err.fields || {}).flat().join(' ') || err.message;
      say(`Could not ban the author of the comment by ${who}: ${detail}`);
      return;
    }
    const status = entry.item.status;
    const follow = status === 'published' ? 'remove' : ['held', 'pending'].includes(status) ? 'reject' : null;
    if (follow) await decide(entry, follow, ' and banned its author');
    else say(`Banned the author of the comment by ${who}.`);
  }

  /* --- article settings ------------------------------------------------------------------ */

  const settingsFields = $('settings-fields');

  function settingsError(message) {
    $('settings-error').textContent = message || '';
    $('settings-error').hidden = !message;
    if (message) $('settings-article').setAttribute('aria-invalid', 'true');
    else $('settings-article').removeAttribute('aria-invalid');
  }

  async function loadSettings() {
    const articleId = $('settings-article').value.trim();
    settingsError('');
    $('settings-saved').textContent = '';
    if (!articleId) {
      settingsError('Give an article id.');
      return;
    }
    try {
      const settings = await desk.client.get(`${API}/articles/${encodeURIComponent(articleId)}/settings`);
      $('settings-premoderation').checked = Boolean(settings.premoderation);
      $('settings-closed').checked = Boolean(settings.closed);
      settingsFields.disabled = false;
    } catch (err) {
      settingsFields.disabled = true;
      settingsError(err.status === 404 ? 'No such article id (letters, digits, . _ : - only).' : err.message);
    }
  }

  $('settings-load').addEventListener('click', loadSettings);
  $('settings-article').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      loadSettings();
    }
  });

  $('settings-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const articleId = $('settings-article').value.trim();
    const body = {
      premoderation: $('settings-premoderation').checked, closed: $('settings-closed').checked,
    };
    try {
      await desk.client.put(`${API}/articles/${encodeURIComponent(articleId)}/settings`, body);
    } catch (err) {
      settingsError(`Not saved: ${err.message}`);
      return;
    }
    $('settings-saved').textContent = `Saved for ${articleId} at ${clockTime()}.`;
    refreshAudit();
  });

  /* --- word lists (admins) --------------------------------------------------------------- */

  const LISTS = [
    ['blocked', 'Blocked'], ['held', 'Held'], ['allowed', 'Allowed'],
  ];

  async function loadTerms() {
    let terms;
    try {
      terms = await desk.client.get(`${API}/terms`);
    } catch (err) {
      $('terms').textContent = `Could not load the word lists (${err.message}).`;
      return;
    }
    const box = $('terms');
    const focused = document.activeElement;
    const focusedList = focused && focused.dataset ? focused.dataset.list : null;
    const typed = focusedList ? focused.value : '';
    box.textContent = '';
    for (const [name, title] of LISTS) box.append(termList(name, title, terms[name] || []));
    if (focusedList) {
      const input = $(`term-${focusedList}`);
      if (typed && !input.value) input.value = typed;
      input.focus();
    }
  }

  function termList(name, title, terms) {
    const inputId = `term-${name}`;
    const errorId = `term-${name}-error`;
    const items = terms.map((term) => el('li', {}, [
      el('span', { class: 'term', text: term }),
      el('button', {
        type: 'button', class: 'link-button', 'aria-label': `Remove “${term}” from ${name}`,
        text: 'Remove', onclick: () => changeTerm(name, term, false),
      }),
    ]));
    const form = el('form', { class: 'inline', novalidate: true }, [
      el('label', { for: inputId, class: 'visually-hidden', text: `Add a ${name} term` }),
      el('input', {
        id: inputId, type: 'text', 'data-list': name, spellcheck: 'false', placeholder: `add a ${name} term`,
        'aria-describedby': errorId,
      }),
      el('button', { type: 'submit', text: 'Add' }),
    ]);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const value = form.querySelector('input').value.trim();
      if (value) changeTerm(name, value, true);
    });
    return el('section', { class: 'term-list' }, [
      el('h3', {}, [title, ' ', el('span', { class: 'count', text: `(${terms.length})` })]),
      items.length ? el('ul', { class: 'terms' }, items) : el('p', { class: 'help', text: 'None yet.' }),
      form,
      el('p', { class: 'error', id: errorId, hidden: true }),
    ]);
  }

  async function changeTerm(list, term, add) {
    const path = `${API}/terms/${list}${add ? '' : `/${encodeURIComponent(term)}`}`;
    try {
      if (add) await desk.client.post(path, { term });
      else await desk.client.delete(path);
    } catch (err) {
      const error = $(`term-${list}-error`);
      error.textContent = Object.values(err.fields || {}).flat().join(' ') || err.message;
      error.hidden = false;
      return;
    }
    say(add ? `Added “${term}” to the ${list} list.` : `Removed “${term}” from the ${list} list.`);
    await loadTerms();
    refreshAudit();
  }

  /* --- recent activity ------------------------------------------------------------------- */

  async function refreshAudit() {
    if (!desk.client) return;
    let page;
    try {
      page = await desk.client.get(`${API}/audit?limit=12`);
    } catch (err) {
      return;
    }
    const list = $('audit');
    list.textContent = '';
    for (const entry of page.items || []) {
      list.append(el('li', {}, [
        el('time', { datetime: entry.at, text: ago(entry.at) }), ' ',
        el('strong', { text: entry.actor || 'anonymous' }), ' ',
        el('span', { class: 'action', text: entry.action }), ' ',
        el('span', { class: 'target', text: entry.comment_id ? `comment ${entry.comment_id.slice(0, 8)}` : (entry.target || '') }),
      ]));
    }
    if (!list.children.length) list.append(el('li', { class: 'help', text: 'Nothing yet.' }));
  }

  signIn.start();
})();
