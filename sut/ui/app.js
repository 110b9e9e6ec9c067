// The caller-ID web app: plain DOM, calling the JSON API of the same service. Data from the API is
// always inserted as text, never as HTML.
const API = '/api/v1';
const SESSION_KEY = 'callerId.session';

const LEVELS = { none: 'None', suspicious: 'Suspicious', spam: 'Spam', fraud: 'Fraud' };
const KINDS = { business: 'Business', personal: 'Personal', unknown: 'Unknown' };
const CATEGORY_NAMES = {
  telemarketing: 'Telemarketing',
  scam: 'Scam',
  fraud: 'Fraud',
  harassment: 'Harassment',
  robocall: 'Robocall',
  other: 'Other',
};

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  } catch {
    return null;
  }
}

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

/** Calls the API; resolves to { status, body } whatever the status. */
async function api(method, path, body) {
  const current = session();
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (current) headers.Authorization = `Bearer ${current.token}`;
  const response = await fetch(`${API}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed };
}

const messages = () => document.getElementById('messages');

function clearMessages() {
  messages()?.replaceChildren();
}

function say(text) {
  messages().replaceChildren(el('p', { role: 'status', class: 'ok' }, text));
}

function complain(text) {
  messages().replaceChildren(el('p', { role: 'alert', class: 'error' }, text));
}

/** A problem document as a person reads it: each field error, else the detail. */
function explain(problem, fallback) {
  if (problem && Array.isArray(problem.errors) && problem.errors.length > 0) {
    return problem.errors.map((error) => `${error.field} ${error.message}`).join(' · ');
  }
  return (problem && problem.detail) || fallback;
}

function renderSession() {
  const slot = document.getElementById('session');
  const current = session();
  if (current) {
    slot.replaceChildren(
      el('span', { class: 'who' }, `Signed in as ${current.username}`),
      el('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out'),
    );
  } else {
    slot.replaceChildren(
      el('a', { href: '/sign-in' }, 'Sign in'),
      el('a', { href: '/sign-up' }, 'Create an account'),
    );
  }
}

function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
  location.assign('/');
}

/** Pages for signed-in people send everyone else to sign in first, and back afterwards. */
function requireSession() {
  if (session()) return true;
  location.replace(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`);
  return false;
}

/**
 * Where to go after signing in: only a path of this site. Parsed as the browser will (a `\\`, a tab
 * or an encoded slash can turn `/x` into another host), and kept only when the origin stays ours.
 */
function safeNext(raw, origin = location.origin) {
  // A backslash or a control character (a tab, a newline) can make the browser read another host.
  // eslint-disable-next-line no-control-regex
  if (typeof raw !== 'string' || !raw.startsWith('/') || /[\\\u0000-\u001f]/.test(raw)) return '/';
  let target;
  try {
    target = new URL(raw, origin);
  } catch {
    return '/';
  }
  return target.origin === origin ? target.pathname + target.search + target.hash : '/';
}

async function signIn(username, password) {
  const result = await api('POST', '/auth/token', { username, password });
  if (result.status === 200) {
    sessionStorage.setItem(
      SESSION_KEY,
      JSON.stringify({ token: result.body.accessToken, username: result.body.username }),
    );
    return true;
  }
  return false;
}

let termCount = 0;

/** One fact of the result card: a term and its value, grouped under the term's name. */
function fact(label, value) {
  termCount += 1;
  const id = `term-${termCount}`;
  return [el('div', { role: 'group', 'aria-labelledby': id }, el('dt', { id }, label), el('dd', {}, value))];
}

function renderLookup(lookup) {
  const level = lookup.spamLevel;
  const facts = el(
    'dl',
    { class: 'facts' },
    ...fact(
      'Spam level',
      el('span', { class: `badge ${level}`, 'data-level': level }, LEVELS[level] || level),
    ),
    ...fact('Report count', String(lookup.reportCount)),
    ...fact('Caller type', KINDS[lookup.kind] || lookup.kind),
  );
  if (lookup.business) {
    facts.append(
      ...fact('Business', `${lookup.business.name} · ${lookup.business.industry}`),
      ...fact('Verification', lookup.business.verified ? 'Verified business' : 'Unverified business'),
    );
  }
  facts.append(
    ...fact('Last reported', lookup.lastReportedAt ? new Date(lookup.lastReportedAt).toUTCString() : 'Never'),
  );
  const card = el(
    'section',
    { 'aria-label': 'Lookup result', class: `card level-${level}` },
    el('h2', {}, lookup.displayName || 'Unknown caller'),
    el('p', { class: 'number' }, lookup.number),
    facts,
  );
  if (lookup.categories.length > 0) {
    card.append(
      el(
        'ul',
        { 'aria-label': 'Report categories', class: 'categories' },
        ...lookup.categories.map((entry) =>
          el('li', {}, `${CATEGORY_NAMES[entry.category] || entry.category}: ${entry.count}`),
        ),
      ),
    );
  }
  if (level === 'fraud') {
    card.append(
      el(
        'p',
        { class: 'warning' },
        'Warning: many people reported this number as fraud. Do not share codes or transfer money.',
      ),
    );
  } else if (level === 'spam') {
    card.append(el('p', { class: 'warning' }, 'Warning: many people reported this number as spam.'));
  }
  const actions = el(
    'div',
    { class: 'actions' },
    el('a', { href: `/report?number=${encodeURIComponent(lookup.number)}` }, 'Report this number'),
  );
  if (session()) {
    actions.append(
      el('button', { type: 'button', onclick: () => blockFromResult(lookup.number) }, 'Block this number'),
    );
  }
  card.append(actions);
  document.getElementById('result').replaceChildren(card);
}

async function blockFromResult(number) {
  clearMessages();
  const current = session();
  const result = await api('POST', `/users/${encodeURIComponent(current.username)}/block-list`, { number });
  if (result.status === 201) say(`${number} is now blocked.`);
  else if (result.status === 409) complain('This number is already on your block list.');
  else complain(explain(result.body, 'The number could not be blocked.'));
}

async function lookUp(number) {
  clearMessages();
  document.getElementById('result').replaceChildren();
  const result = await api('GET', `/numbers/${encodeURIComponent(number)}`);
  if (result.status === 200) renderLookup(result.body);
  else complain(explain(result.body, 'The number could not be looked up.'));
}

const pages = {
  lookup() {
    const form = document.getElementById('lookup-form');
    const input = document.getElementById('lookup-number');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void lookUp(input.value.trim());
    });
    const number = new URLSearchParams(location.search).get('number');
    if (number) {
      input.value = number;
      void lookUp(number);
    }
  },

  'sign-in'() {
    const form = document.getElementById('sign-in-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearMessages();
      const data = new FormData(form);
      if (await signIn(String(data.get('username')).trim(), String(data.get('password')))) {
        location.assign(safeNext(new URLSearchParams(location.search).get('next')));
      } else {
        complain('Wrong username or password.');
      }
    });
  },

  'sign-up'() {
    const form = document.getElementById('sign-up-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearMessages();
      const data = new FormData(form);
      const username = String(data.get('username')).trim();
      const password = String(data.get('password'));
      const displayName = String(data.get('displayName')).trim();
      const result = await api('POST', '/users', {
        username,
        password,
        ...(displayName ? { displayName } : {}),
      });
      if (result.status === 201 && (await signIn(username, password))) location.assign('/');
      else if (result.status === 409) complain('That username is taken.');
      else complain(explain(result.body, 'The account could not be created.'));
    });
  },

  report() {
    if (!requireSession()) return;
    const form = document.getElementById('report-form');
    const number = new URLSearchParams(location.search).get('number');
    if (number) document.getElementById('report-number').value = number;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearMessages();
      const data = new FormData(form);
      const reported = String(data.get('number')).trim();
      const comment = String(data.get('comment')).trim();
      const body = {
        number: reported,
        category: String(data.get('category')),
        ...(comment ? { comment } : {}),
      };
      const result = await api('POST', `/users/${encodeURIComponent(session().username)}/reports`, body);
      if (result.status === 201) say(`Thank you. Your report of ${reported} was recorded.`);
      else if (result.status === 409) complain('You have already reported this number.');
      else complain(explain(result.body, 'The report could not be sent.'));
    });
  },

  'block-list'() {
    if (!requireSession()) return;
    const username = session().username;
    const list = document.getElementById('blocked');
    const empty = document.getElementById('empty');
    async function refresh() {
      const result = await api('GET', `/users/${encodeURIComponent(username)}/block-list`);
      if (result.status !== 200) return complain(explain(result.body, 'The block list could not be loaded.'));
      list.replaceChildren(
        ...result.body.items.map((item) =>
          el(
            'li',
            {},
            el('span', { class: 'number' }, item.number),
            item.label ? el('span', { class: 'label' }, item.label) : null,
            el(
              'button',
              { type: 'button', 'aria-label': `Unblock ${item.number}`, onclick: () => unblock(item.number) },
              'Unblock',
            ),
          ),
        ),
      );
      empty.hidden = result.body.items.length > 0;
    }
    async function unblock(number) {
      clearMessages();
      const result = await api(
        'DELETE',
        `/users/${encodeURIComponent(username)}/block-list/${encodeURIComponent(number)}`,
      );
      if (result.status === 204) {
        await refresh();
        say(`${number} was unblocked.`);
      } else complain(explain(result.body, 'The number could not be unblocked.'));
    }
    const form = document.getElementById('block-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearMessages();
      const data = new FormData(form);
      const number = String(data.get('number')).trim();
      const label = String(data.get('label')).trim();
      const result = await api('POST', `/users/${encodeURIComponent(username)}/block-list`, {
        number,
        ...(label ? { label } : {}),
      });
      if (result.status === 201) {
        form.reset();
        await refresh();
        say(`${number} is now blocked.`);
      } else if (result.status === 409) complain('This number is already on your block list.');
      else complain(explain(result.body, 'The number could not be blocked.'));
    });
    void refresh();
  },
};

renderSession();
pages[document.body.dataset.page]?.();
