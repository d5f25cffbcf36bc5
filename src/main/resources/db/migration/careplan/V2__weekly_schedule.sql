-- 第3表 週間サービス計画表: one row per service slot (曜日, 開始・終了), daily activity or 週単位以外のサービス.
create table careplan.plan_week (
  plan_id        uuid not null references careplan.plans on delete cascade,
  row_no         int not null,
  service        text,      -- 介護サービス内容
  weekday        int check (weekday between 1 and 7),  -- 1 月 … 7 日
  starts_at      char(4),   -- HHMM
  ends_at        char(4),
  activity       text,      -- 主な日常生活上の活動
  activity_start char(4),
  activity_end   char(4),
  other          text,      -- 週単位以外のサービス
  primary key (plan_id, row_no)
);
grant select, insert, update, delete on careplan.plan_week to kaigo_app;
