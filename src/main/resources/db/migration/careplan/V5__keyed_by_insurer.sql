-- Scale-out (issue 15, part 4; docs/scale-out.md): on Citus the care-plan tables are distributed by the
-- insurer, so each carries insurer_no in its primary key, and a plan's 第2表 items and 第3表 rows refer to it
-- by (insurer_no, plan_id) — a foreign key within one shard. A plan and a monthly sheet are still found by
-- their id alone (a plain index each).
alter table careplan.plan_items drop constraint plan_items_plan_id_fkey;
alter table careplan.plan_week drop constraint plan_week_plan_id_fkey;

alter table careplan.plans drop constraint plans_pkey;
alter table careplan.plans add primary key (insurer_no, plan_id);
create index on careplan.plans (plan_id);

alter table careplan.plan_items add column insurer_no char(6);
update careplan.plan_items i set insurer_no = p.insurer_no from careplan.plans p where p.plan_id = i.plan_id;
alter table careplan.plan_items alter column insurer_no set not null;
alter table careplan.plan_items drop constraint plan_items_pkey;
alter table careplan.plan_items add primary key (insurer_no, plan_id, need_no, goal_no, item_no);
alter table careplan.plan_items add foreign key (insurer_no, plan_id)
  references careplan.plans (insurer_no, plan_id) on delete cascade;
create index on careplan.plan_items (plan_id);

alter table careplan.plan_week add column insurer_no char(6);
update careplan.plan_week w set insurer_no = p.insurer_no from careplan.plans p where p.plan_id = w.plan_id;
alter table careplan.plan_week alter column insurer_no set not null;
alter table careplan.plan_week drop constraint plan_week_pkey;
alter table careplan.plan_week add primary key (insurer_no, plan_id, row_no);
alter table careplan.plan_week add foreign key (insurer_no, plan_id)
  references careplan.plans (insurer_no, plan_id) on delete cascade;
create index on careplan.plan_week (plan_id);

alter table careplan.monthly_sheets drop constraint monthly_sheets_pkey;
alter table careplan.monthly_sheets add primary key (insurer_no, sheet_id);
create index on careplan.monthly_sheets (sheet_id);
