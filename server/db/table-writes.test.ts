import { describe, expect, it } from 'vitest';
import { watchersWrittenBy, watchTableWrites } from './table-writes';

watchTableWrites('table-writes test', ['members', 'group_crm_settings'], () => {});

const watched = (statement: string) => watchersWrittenBy(statement).length > 0;

describe('watchersWrittenBy', () => {
  it('names the watchers of a table that a statement writes, in any spelling', () => {
    expect(watched('insert into "members" ("user_id", "group_id") values ($1, $2)')).toBe(true);
    expect(watched('update "group_crm_settings" set "enabled" = $1 where "group_crm_settings"."group_id" = $2')).toBe(true);
    expect(watched('DELETE FROM members WHERE user_id = 1')).toBe(true);
    expect(watched('truncate table members cascade')).toBe(true);
    expect(watched('with gone as (delete from members returning id) select count(*) from gone')).toBe(true);
  });

  it('leaves out plain selects and writes to other tables', () => {
    expect(watched('select max("members"."access_level") from "members"')).toBe(false);
    expect(watched('  SELECT * FROM members FOR UPDATE')).toBe(false);
    expect(watched('insert into "audit_events" ("group_id", "changes") values ($1, $2)')).toBe(false);
    expect(watched('update "issues" set "title" = $1 where "issues"."project_id" = $2')).toBe(false);
    expect(watched('delete from "group_members_archive"')).toBe(false);
    expect(watched('commit')).toBe(false);
  });
});
