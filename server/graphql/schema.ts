import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './scalars';
import '../users/user-type';
import '../groups/group-type';
import '../groups/project-type';
import '../issues/issue-type';
import '../crm/organization-type';
import '../crm/contact-type';
import '../crm/group-crm-fields';
import '../crm/contact-mutations';
import '../crm/organization-mutations';
import '../crm/crm-related-fields';
import '../groups/group-listing-fields';
import '../issues/note-type';
import '../crm/crm-visibility-fields';
import '../issues/project-issues-field';
import '../crm/delete-mutations';
import '../crm/crm-abilities-fields';
import '../audit/audit-activity-type';
import '../groups/crm-settings-mutation';
import '../issues/issue-contacts-mutations';
import '../issues/issue-mutations';
import '../issues/note-mutations';
import '../issues/issue-ui-fields';

export const schema = builder.toSchema();

export const sortedSchema = lexicographicSortSchema(schema);
