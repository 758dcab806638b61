import { builder } from '../graphql/builder';
import { UserRef } from '../users/user-type';
import { IssueRef } from './issue-type';

/** A comment or system note on an issue (GitLab's `Note`). Readable by whoever can read the issue. */
export const NoteRef = builder.drizzleNode('notes', {
  name: 'Note',
  id: { column: (note) => note.id, description: 'ID of the note.' },
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Content of the note.' }),
    system: t.exposeBoolean('system', { description: 'Indicates whether the note was created by the system or by a user.' }),
    author: t.relation('author', { type: UserRef, nullable: true, description: 'User who wrote the note.' }),
    createdAt: t.expose('createdAt', { type: 'Time', description: 'Timestamp of the note creation.' }),
  }),
});

builder.drizzleObjectFields(IssueRef, (t) => ({
  notes: t.relatedConnection(
    'notes',
    {
      type: NoteRef,
      description: 'All notes on the issue, oldest first.',
      query: { orderBy: { createdAt: 'asc' } },
    },
    { name: 'NoteConnection', description: 'The connection type for Note.' },
    { name: 'NoteEdge' },
  ),
}));
