/*
 * The ops page: readiness, queue depths, workers, the oldest pending comment and the dead
 * letters (with replay buttons), refreshed every few seconds. Text is inserted as text only.
 */
(() => {
  'use strict';

  const GH = window.GH;
  const { el, duration, ago, clockTime, SignIn, announcer } = GH;
  const REFRESH_MS = 5000;
  const $ = (id) => document.getElementById(id);
  const say = announcer($('live'), $('ops-status'));
  const page = { client: null, timer: 0 };

  const signIn = new SignIn({
    key: 'gatehouse.ops.token',
    form: $('signin-form'),
    input: $('token'),
    error: $('token-error'),
    check: async (client) => {
      const me = await client.get('/whoami');
      if (me.role !== 'ops' && me.role !== 'admin') {
        const message = `It is a ${me.role} token: use it on the moderation desk.`;
        throw new GH.ApiError(403, { error: { code: 'wrong_role', message } });
      }
      return me;
    },
    onSignedIn: start,
  });

  function showSignedIn(on) {
    for (const node of document.querySelectorAll('[data-signed-in]')) node.hidden = !on;
  }

  function start(client, me) {
    page.client = client;
    showSignedIn(true);
    $('whoami').textContent = `${me.name} (${me.role})`;
    $('main').focus();
    refresh();
    schedule();
  }

  function schedule() {
    window.clearInterval(page.timer);
    if ($('auto').checked) page.timer = window.setInterval(refresh, REFRESH_MS);
  }

  $('auto').addEventListener('change', schedule);
  $('sign-out').addEventListener('click', () => signIn.signOut('Signed out.'));
  document.addEventListener('gatehouse:signed-out', () => {
    window.clearInterval(page.timer);
    page.client = null;
    showSignedIn(false);
  });

  async function readiness() {
    try {
      const res = await fetch('/readyz', { cache: 'no-store' });
      return await res.json();
    } catch (err) {
      return { status: 'unavailable', checks: { api: 'no answer' } };
    }
  }

  async function refresh() {
    if (!page.client) return;
    try {
      const [overview, dead, ready] = await Promise.all([
        page.client.get('/api/v1/ops/queues'),
        page.client.get('/api/v1/ops/dead-letters?limit=50'),
        readiness(),
      ]);
      render(overview);
      renderDead(dead.items || []);
      renderReady(ready);
      $('updated').textContent = `Updated ${clockTime()}`;
    } catch (err) {
      $('updated').textContent = `Could not refresh at ${clockTime()} (${err.message}).`;
    }
  }

  function tile(id, level) {
    $(id).classList.remove('ok', 'warn', 'bad');
    if (level) $(id).classList.add(level);
  }

  function renderReady(ready) {
    const ok = ready.status === 'ok';
    $('ready-value').textContent = ok ? 'Ready' : 'Not ready';
    $('ready-sub').textContent = Object.entries(ready.checks || {})
      .map(([name, state]) => `${name}: ${state}`).join(' · ');
    tile('tile-ready', ok ? 'ok' : 'bad');
  }

  function render(view) {
    const pending = view.pending || {};
    const oldest = pending.oldest_age_seconds || 0;
    $('pending-count').textContent = String(pending.count ?? '–');
    $('pending-age').textContent = pending.count ? `oldest waiting ${duration(oldest)}` : 'none waiting';
    tile('tile-pending', oldest > 300 ? 'bad' : oldest > 60 ? 'warn' : 'ok');
    const workers = view.workers || [];
    $('workers-count').textContent = String(workers.length);
    $('workers-sub').textContent = workers.length
      ? `${workers.reduce((n, w) => n + (w.active || 0), 0)} task(s) running` : 'no worker is alive';
    tile('tile-workers', workers.length ? 'ok' : 'bad');
    $('dead-count').textContent = String(view.dead_letters ?? '–');
    tile('tile-dead', view.dead_letters ? 'warn' : 'ok');
    const minute = (view.throughput && view.throughput.last_minute) || {};
    $('throughput-received').textContent = `${minute.received ?? 0} in`;
    $('throughput-sub').textContent = `${minute.decided ?? 0} decided, ${minute.published ?? 0} published`;
    fill('queues-table', (view.queues || []).map((q) => [
      q.name, { text: q.depth === null ? 'unknown' : String(q.depth), num: true },
    ]));
    fill('workers-table', workers.map((w) => [
      w.name, `${w.pool || '?'}${w.concurrency ? ` × ${w.concurrency}` : ''}`,
      { text: String(w.active || 0), num: true },
      { text: `${duration(w.seen_seconds_ago)} ago`, num: true },
    ]), 'No worker has sent a heartbeat lately.');
    if ((view.unavailable || []).length) say(`Not read: ${view.unavailable.join(', ')}.`);
  }

  function fill(tableId, rows, emptyText) {
    const body = $(tableId).querySelector('tbody');
    body.textContent = '';
    for (const row of rows) {
      body.append(el('tr', {}, row.map((cell) => (typeof cell === 'object' && cell !== null && !(cell instanceof Node)
        ? el('td', { class: cell.num ? 'num' : null, text: cell.text })
        : el('td', {}, [cell])))));
    }
    if (!rows.length && emptyText) {
      const columns = $(tableId).querySelectorAll('thead th').length;
      body.append(el('tr', {}, [el('td', { colspan: columns, class: 'help', text: emptyText })]));
    }
  }

  function renderDead(items) {
    const body = $('dead-table').querySelector('tbody');
    const focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.letter : null;
    const order = [...body.querySelectorAll('button[data-letter]')].map((b) => b.dataset.letter);
    body.textContent = '';
    for (const item of items) {
      body.append(el('tr', {}, [
        el('td', {}, [el('code', { text: item.comment_id.slice(0, 12) })]),
        el('td', { text: item.article_id || '' }),
        el('td', { text: item.comment_status || '' }),
        el('td', { class: 'num', text: String(item.attempts) }),
        el('td', {}, [el('span', { class: 'error-text', text: item.error })]),
        el('td', {}, [el('time', { datetime: item.created_at, text: ago(item.created_at) })]),
        el('td', {}, [el('button', {
          type: 'button', 'data-letter': String(item.id), text: 'Replay',
          'aria-label': `Replay comment ${item.comment_id.slice(0, 12)}`,
          onclick: () => replay(item),
        })]),
      ]));
    }
    $('dead-empty').hidden = items.length > 0;
    $('dead-table').hidden = items.length === 0;
    if (focused) refocus(focused, order);
  }

  /** After a redraw, focus the same replay button, else the next one, else the panel. */
  function refocus(letterId, previousOrder) {
    const buttons = [...document.querySelectorAll('#dead-table button[data-letter]')];
    const same = buttons.find((b) => b.dataset.letter === letterId);
    if (same) {
      same.focus();
      return;
    }
    const later = previousOrder.slice(previousOrder.indexOf(letterId) + 1);
    const next = buttons.find((b) => later.includes(b.dataset.letter)) || buttons[buttons.length - 1];
    if (next) next.focus();
    else $('main').focus();
  }

  async function replay(item) {
    try {
      const done = await page.client.post(`/api/v1/ops/dead-letters/${item.id}/replay`);
      say(done.message || 'Replayed.');
    } catch (err) {
      say(`Could not replay: ${err.message}`);
    }
    await refresh();
  }

  signIn.start();
})();
