/** `npm run schema:print`: writes the GraphQL schema to schema.graphql (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { printedSchema, schemaFilePath } from '../server/graphql/print-schema';

writeFileSync(schemaFilePath, printedSchema());
console.log(`Wrote ${schemaFilePath}`);
