-- claim_node, as a newcomer meets it (issue 15):
-- - claim codes are matched case-insensitively (codes are generated in upper case; what a player
--   types is upper-cased, spaces and dashes dropped), so "k7q2xw" claims K7Q2XW;
-- - max_parallel (and name) may be left out: the node keeps what it announced (its own cores),
--   instead of the form's default overriding them;
-- - errors say what to do, in the player's words, without naming the function.

create or replace function public.claim_node(code text, name text default null, max_parallel integer default null)
  returns public.nodes
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
  v_code text := upper(regexp_replace(coalesce(claim_node.code, ''), '[[:space:]-]', '', 'g'));
  v_name text := nullif(btrim(claim_node.name), '');
  v_node public.nodes;
begin
  if v_uid is null then
    raise exception 'Sign in (a guest session is enough) to claim a node.' using errcode = '42501';
  end if;
  if v_code = '' then
    raise exception 'Enter the claim code your node shows.' using errcode = '22023';
  end if;
  if v_name is not null and char_length(v_name) > 64 then
    raise exception 'A node name has at most 64 characters.' using errcode = '22023';
  end if;
  if claim_node.max_parallel is not null and claim_node.max_parallel not between 1 and 1024 then
    raise exception 'Parallel chunks must be between 1 and 1024 (got %).', claim_node.max_parallel
      using errcode = '22023';
  end if;

  update public.nodes as n
     set user_id = v_uid, claim_code = null,
         name = coalesce(v_name, n.name),
         max_parallel = coalesce(claim_node.max_parallel, n.max_parallel)
   where (n.claim_code = v_code or n.claim_code = replace(btrim(claim_node.code), ' ', ''))
     and n.user_id is null
  returning n.* into v_node;
  if not found then
    raise exception 'No unclaimed node has this claim code.' using errcode = 'PT404',
      hint = 'Check the code your node shows; each code can be used once.';
  end if;
  return v_node;
end
$$;
