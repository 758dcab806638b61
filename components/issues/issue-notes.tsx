import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/lib/graphql';
import { Markdown } from '../markdown/markdown';
import { FormattedDate } from '../ui/formatted-date';

export const issueNoteFragment = graphql(`
  fragment IssueNoteItem on Note { id body system createdAt author { username name } }
`);
export type IssueNoteItem = ResultOf<typeof issueNoteFragment>;

function AuthorName({ author }: { author: IssueNoteItem['author'] }) {
  if (!author) return <span className="font-medium text-gray-900">Deleted user</span>;
  return (
    <>
      <span className="font-medium text-gray-900">{author.name}</span> <span className="text-gray-700">@{author.username}</span>
    </>
  );
}

/**
 * Comments as cards with their Markdown rendered (sanitized); system notes ("added 2 contacts") as
 * small gray lines, as GitLab shows them. Oldest first.
 */
export function IssueNotes({ notes }: { notes: IssueNoteItem[] }) {
  if (notes.length === 0) return <p className="text-sm text-gray-700">No activity yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Discussion">
      {notes.map((note) =>
        note.system ? (
          <li key={note.id} data-testid="system-note" className="border-l-2 border-gray-300 py-1 pl-3 text-xs text-gray-700">
            <AuthorName author={note.author} /> <Markdown source={note.body} inline /> · <FormattedDate value={note.createdAt} />
          </li>
        ) : (
          <li key={note.id} data-testid="note" className="rounded-md border border-gray-200">
            <p className="border-b border-gray-200 bg-gray-50 px-3 py-2 text-sm">
              <AuthorName author={note.author} /> <span className="text-gray-700">commented</span> <FormattedDate value={note.createdAt} />
            </p>
            <div data-testid="note-body" className="px-3 py-2 text-sm break-words text-gray-900">
              <Markdown source={note.body} headingBase={3} />
            </div>
          </li>
        ),
      )}
    </ol>
  );
}
