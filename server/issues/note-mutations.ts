import { builder } from '../graphql/builder';
import type { CreateNoteResult } from './notes-service';
import { createNote } from './notes-service';
import { getReadableIssueByIdOrThrow } from './issue-repository';
import { NoteRef } from './note-type';

type QuickActionsStatusShape = NonNullable<CreateNoteResult['quickActionsStatus']>;

const QuickActionsStatusRef = builder.objectRef<QuickActionsStatusShape>('QuickActionsStatus').implement({
  fields: (t) => ({
    messages: t.stringList({ nullable: true, description: 'Response messages from quick actions.', resolve: (status) => status.messages }),
    commandNames: t.stringList({ nullable: true, description: 'Quick action command names.', resolve: (status) => status.commandNames }),
    commandsOnly: t.boolean({
      nullable: true,
      description: 'Returns true if only quick action commands were in the note.',
      resolve: (status) => status.commandsOnly,
    }),
    errorMessages: t.stringList({
      nullable: true,
      description: 'Error messages from quick actions that failed to apply.',
      resolve: (status) => status.errorMessages,
    }),
  }),
});

builder.relayMutationField(
  'createNote',
  {
    name: 'CreateNoteInput',
    inputFields: (t) => ({
      noteableId: t.field({ type: 'NoteableID', required: true, description: 'Global ID of the resource to add a note to.' }),
      body: t.string({ required: true, description: 'Content of the note.' }),
    }),
  },
  {
    nullable: true,
    description:
      'Creates a Note.\nIf the body of the Note contains only quick actions, the Note is not stored and no Note is returned.',
    resolve: async (_root, { input }, context) => {
      const target = await getReadableIssueByIdOrThrow(context.db, context.permissions, input.noteableId);
      return createNote(context.db, context.permissions, target, input.body);
    },
  },
  {
    name: 'CreateNotePayload',
    outputFields: (t) => ({
      note: t.field({ type: NoteRef, nullable: true, description: 'Note after mutation.', resolve: (payload) => payload.note }),
      errors: t.stringList({ description: 'Errors encountered during execution of the mutation.', resolve: (payload) => payload.errors }),
      quickActionsStatus: t.field({
        type: QuickActionsStatusRef,
        nullable: true,
        description: 'Status of quick actions after mutation.',
        resolve: (payload) => payload.quickActionsStatus,
      }),
    }),
  },
);
