-- Break-glass is a staff member's act, not the organisation's: the opening names the account (its stable
-- ID; never a name) and what justified it: a current or recently ended 担当事業所 relationship, the
-- institution's involvement, or a disaster mode the person's municipality declared.
alter table access.emergency_openings add column staff_id uuid;
alter table access.emergency_openings add column basis text;
alter table access.emergency_openings add column disaster_id uuid;
create index on access.emergency_openings (insurer_no, insured_no, staff_id) where staff_id is not null;

-- 災害時: the one exception the national design names (national-design.md A3, S123): in an area under the
-- Disaster Relief Act, for a limited period and limited organisations, viewing is allowed without the
-- usual 本人確認. Declared by the person's municipality; ended early by it; never deleted.
create table access.disaster_modes (
  disaster_id   uuid primary key,
  insurer_no    char(6) not null,
  area          text not null,                 -- 災害救助法の適用地域 as the municipality names it
  valid_from    date not null,
  valid_to      date not null,
  parties       text[] not null,               -- organisations allowed, as kind:number
  declared_by   uuid,                          -- the municipal staff account
  declared_at   timestamptz not null default now(),
  ended_at      timestamptz,
  check (valid_to >= valid_from),
  check (cardinality(parties) > 0)
);
create index on access.disaster_modes (insurer_no);

grant select, insert, update on access.disaster_modes to kaigo_app;
