-- Every public pledge sums the unexpired holds of its need. The inbox's index on (status, created_at)
-- also matched `status = 'held'`, and with statistics taken while no pledge was held (a quiet night,
-- a fresh import) PostgreSQL judged it as cheap as `pledges_held` and walked every hold of the node
-- for each pledge: 8 ms at 9,500 holds. The inbox's index now leaves holds out (they are few, and
-- its list of held pledges reads `pledges_held`), so a need's holds have one way in.
drop index pledges_status_created;
create index pledges_status_created on pledges (status, created_at desc, id desc) where status <> 'held';
