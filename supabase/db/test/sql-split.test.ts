import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from '../src/index.ts';

describe('splitSqlStatements', () => {
  it('splits on top-level semicolons only', () => {
    const sql = `-- header; not a statement
create table a (x text default 'semi;colon');
/* block; comment /* nested; */ still; */
create function f() returns int language sql as $$ select 1; $$;
do $body$ begin perform 1; end $body$;
select "we;ird" from a;
select $1::text; select 'it''s;' -- trailing; comment
`;
    expect(splitSqlStatements(sql)).toEqual([
      "-- header; not a statement\ncreate table a (x text default 'semi;colon');",
      '/* block; comment /* nested; */ still; */\ncreate function f() returns int language sql as $$ select 1; $$;',
      'do $body$ begin perform 1; end $body$;',
      'select "we;ird" from a;',
      'select $1::text;',
      "select 'it''s;' -- trailing; comment",
    ]);
  });

  it('ignores empty statements and comment-only tails', () => {
    expect(splitSqlStatements(';;  \n-- only a comment\n')).toEqual([]);
  });
});
