import path from 'node:path';
import { printSchema } from 'graphql';
import { sortedSchema } from './schema';

export const schemaFilePath = path.join(process.cwd(), 'schema.graphql');

export function printedSchema(): string {
  return `${printSchema(sortedSchema)}\n`;
}
