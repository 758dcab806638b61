/** Under the description and comment boxes: what the text may hold. */
export const quickActionsHint = (
  <>
    Markdown is supported. Quick actions, each on its own line: <code className="font-mono">/add_contacts [contact:name@example.com]</code> and{' '}
    <code className="font-mono">/remove_contacts [contact:name@example.com]</code>.
  </>
);
