// The PR-comment and verdict logic of action.yml, run by actions/github-script. Kept in a file of
// its own so that `node --test .github/schemagate/` exercises it without GitHub (see gate.test.js).
'use strict';

const MARKER = '<!-- schemagate-diff -->';

// Creates the gate's comment on the pull request, or updates it in place: one comment per PR,
// found by the hidden marker the CLI writes on its first line, so pushes never pile up comments.
async function upsertComment(github, { owner, repo, issueNumber, body }) {
  const text = body.startsWith(MARKER) ? body : `${MARKER}\n${body}`;
  const comments = await github.paginate(github.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const ours = comments.find(
    (c) => typeof c.body === 'string' && c.body.startsWith(MARKER) && isBot(c.user),
  );
  if (ours) {
    if (ours.body === text) {
      return { action: 'unchanged', id: ours.id };
    }
    await github.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body: text });
    return { action: 'updated', id: ours.id };
  }
  const created = await github.rest.issues.createComment({
    owner,
    repo,
    issue_number: issueNumber,
    body: text,
  });
  return { action: 'created', id: created.data.id };
}

// A person quoting the marker in a reply must not have their comment overwritten.
function isBot(user) {
  return !user || user.type === 'Bot' || user.login === 'github-actions[bot]';
}

// What the check does with the CLI's exit code: 0 passes, 1 (breaking) fails unless the PR carries
// the approval label, 2 (could not run) always fails.
function verdict({ exitCode, labels, approvalLabel }) {
  const code = Number(exitCode);
  if (code === 0) {
    return { fail: false, message: 'schemagate: no breaking changes' };
  }
  if (code === 1) {
    const names = (labels || []).map((l) => (typeof l === 'string' ? l : l.name));
    if (approvalLabel && names.includes(approvalLabel)) {
      return {
        fail: false,
        message: `schemagate: breaking changes approved by the '${approvalLabel}' label`,
      };
    }
    return {
      fail: true,
      message:
        `schemagate: breaking changes; fix them, or add the '${approvalLabel}' label` +
        ' once the affected owners agree',
    };
  }
  return { fail: true, message: `schemagate could not run (exit code ${exitCode}); see the log` };
}

module.exports = { MARKER, upsertComment, verdict, isBot };
