'use strict';
// node --test .github/schemagate/ : the comment and verdict logic of action.yml, against a fake
// of the Octokit calls github-script provides.
const test = require('node:test');
const assert = require('node:assert');
const { MARKER, upsertComment, verdict } = require('./gate.js');

function fakeGithub(existing) {
  const comments = existing.map((c, i) => ({ id: i + 1, ...c }));
  const calls = [];
  return {
    calls,
    comments,
    paginate: async (method, params) => method(params).then((r) => r.data),
    rest: {
      issues: {
        listComments: async (params) => {
          calls.push(['list', params.issue_number]);
          return { data: comments };
        },
        updateComment: async ({ comment_id, body }) => {
          calls.push(['update', comment_id]);
          comments.find((c) => c.id === comment_id).body = body;
        },
        createComment: async ({ body }) => {
          const c = { id: comments.length + 1, body, user: { type: 'Bot' } };
          comments.push(c);
          calls.push(['create', c.id]);
          return { data: c };
        },
      },
    },
  };
}

const where = { owner: 'o', repo: 'r', issueNumber: 7 };
const bot = { login: 'github-actions[bot]', type: 'Bot' };

test('creates the comment on the first run', async () => {
  const github = fakeGithub([{ body: 'LGTM', user: { login: 'alice', type: 'User' } }]);
  const result = await upsertComment(github, { ...where, body: `${MARKER}\n## ✅ ok` });
  assert.strictEqual(result.action, 'created');
  assert.strictEqual(github.comments.length, 2);
});

test('updates the one marked comment on the next push instead of adding another', async () => {
  const github = fakeGithub([
    { body: 'LGTM', user: { login: 'alice', type: 'User' } },
    { body: `${MARKER}\n## ✅ old`, user: bot },
  ]);
  const result = await upsertComment(github, { ...where, body: `${MARKER}\n## ❌ new` });
  assert.deepStrictEqual(result, { action: 'updated', id: 2 });
  assert.strictEqual(github.comments.length, 2);
  assert.match(github.comments[1].body, /## ❌ new/);
});

test('leaves an identical comment alone', async () => {
  const github = fakeGithub([{ body: `${MARKER}\nsame`, user: bot }]);
  const result = await upsertComment(github, { ...where, body: `${MARKER}\nsame` });
  assert.strictEqual(result.action, 'unchanged');
  assert.ok(!github.calls.some(([call]) => call === 'update' || call === 'create'));
});

test('never overwrites a person quoting the marker', async () => {
  const github = fakeGithub([{ body: `${MARKER}\nquoted`, user: { login: 'bob', type: 'User' } }]);
  const result = await upsertComment(github, { ...where, body: `${MARKER}\nreport` });
  assert.strictEqual(result.action, 'created');
  assert.strictEqual(github.comments[0].body, `${MARKER}\nquoted`);
});

test('adds the marker when the body lacks it', async () => {
  const github = fakeGithub([]);
  await upsertComment(github, { ...where, body: 'report' });
  assert.ok(github.comments[0].body.startsWith(MARKER));
});

test('passes when nothing breaks', () => {
  assert.strictEqual(verdict({ exitCode: '0', labels: [], approvalLabel: 'x' }).fail, false);
});

test('fails a breaking change without the approval label', () => {
  const v = verdict({ exitCode: '1', labels: [{ name: 'docs' }], approvalLabel: 'schema-break-approved' });
  assert.strictEqual(v.fail, true);
  assert.match(v.message, /schema-break-approved/);
});

test('passes a breaking change carrying the approval label', () => {
  const v = verdict({
    exitCode: 1,
    labels: [{ name: 'schema-break-approved' }],
    approvalLabel: 'schema-break-approved',
  });
  assert.strictEqual(v.fail, false);
});

test('always fails when the gate could not run, label or not', () => {
  const v = verdict({ exitCode: 2, labels: ['schema-break-approved'], approvalLabel: 'schema-break-approved' });
  assert.strictEqual(v.fail, true);
});
