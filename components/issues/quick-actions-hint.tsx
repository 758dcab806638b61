/**
 * Under the description and comment boxes: what the text may hold. The contact quick actions are
 * named only to people who may run them (Developers and above who read the project's CRM group).
 */
export function TextHint({ quickActions }: { quickActions: boolean }) {
  return (
    <>
      Markdown is supported.
      {quickActions ? (
        <>
          {' '}
          Quick actions, each on its own line: <code className="font-mono">/add_contacts [contact:name@example.com]</code> and{' '}
          <code className="font-mono">/remove_contacts [contact:name@example.com]</code>.
        </>
      ) : null}
    </>
  );
}
