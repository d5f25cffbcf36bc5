-- Issue 17 §3 (docs/design/care-documents.md §7): the person agrees to the 原案 before 交付, and the issued plan
-- goes to every office it names. A plan moves draft → proposed (原案, shown to the person and its own office)
-- → agreed or declined → issued → superseded (careplan/PlanStatusRules). A new submission of a plan that is
-- not issued makes it a draft again and clears the agreement (the person agreed to other words).
alter table careplan.plans drop constraint plans_status_check;
alter table careplan.plans add constraint plans_status_check
  check (status in ('draft', 'proposed', 'agreed', 'declined', 'issued', 'superseded'));
alter table careplan.plans add column created_on date;              -- 作成年月日 (UP1KYO No.4)
alter table careplan.plans add column proposed_at timestamptz;      -- 原案を本人に示した時
alter table careplan.plans add column answered_at timestamptz;      -- 本人が同意した・しなかった時
alter table careplan.plans add column agreement text
  check (agreement in ('online', 'paper'));                          -- 本人の画面で / 書面・口頭で(事業所が記録)
alter table careplan.plans add column answered_by text;             -- 'person' or the representative's kind
alter table careplan.plans add column declined_note text;           -- 同意しない理由 (the person's words)

-- What was delivered to whom: an issued plan (第1〜3表 with the 第6・7表 of its months) to each office its 第2表
-- or 第6表 names, and a 第6表 実績 to the office whose plan it is. The receiving office downloads it as the
-- standard CSV; access decides at the download.
create table careplan.deliveries (
  delivery_id    uuid not null,
  insurer_no     char(6) not null,
  insured_no     varchar(10) not null,
  recipient_no   varchar(10) not null,   -- 事業所番号 of the receiving office
  sender_no      varchar(10) not null,
  plan_id        uuid,                   -- an issued plan, or
  sheet_id       uuid,                   -- a 第6表 実績
  delivered_at   timestamptz not null default now(),
  downloaded_at  timestamptz,            -- the first download
  primary key (insurer_no, delivery_id),
  check ((plan_id is null) <> (sheet_id is null))
);
create unique index on careplan.deliveries (insurer_no, recipient_no, plan_id) where plan_id is not null;
create unique index on careplan.deliveries (insurer_no, recipient_no, sheet_id) where sheet_id is not null;
create index on careplan.deliveries (recipient_no, delivered_at desc);
create index on careplan.deliveries (delivery_id);
grant select, insert, update, delete on careplan.deliveries to kaigo_app;
