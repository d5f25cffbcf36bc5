-- 一次判定 import (docs/design/certification-online.md §6.1, increment 11): the level, date, minutes and scores go on
-- the case's certification record (a new revision at 進捗 4); this table holds what ND B4's result record
-- (IchijiHanteiResultDetail) has beyond those columns, and the platform's warnings (J4/J5) on the result.
create table certification.first_judgements (
  insurer_no                    char(6) collate "C" not null,
  insured_no                    varchar(10) collate "C" not null,
  case_id                       uuid not null,
  software_interface            text not null,                 -- 厚労省IF識別コード (09B)
  dementia_addition             text not null check (dementia_addition in ('1', '2')),  -- 認知症加算の有無 1 無, 2 有
  first_judgement_with_addition text,                          -- 認知症加算後の一次判定結果 (CareLevel code)
  minutes_dementia_addition     numeric(3, 1),                 -- 認知症加算(分) 0–99.9
  stability                     text check (stability in ('1', '2')),  -- 状態の安定性 1 安定, 2 不安定
  dementia_probability          numeric(4, 1),                 -- 認知症自立度Ⅱ以上の蓋然性(%) 0–100.0
  software_warnings             text[] not null default '{}',  -- 一次判定警告コード, as the software listed them
  check_warnings                jsonb not null default '[]',   -- J4/J5: [{"field", "label", "reason"}]
  recorded_at                   timestamptz not null default now(),  -- the latest import of the case's result
  created_at                    timestamptz not null default now(),
  primary key (insurer_no, insured_no, case_id),
  foreign key (insurer_no, insured_no, case_id) references certification.cases (insurer_no, insured_no, case_id)
);

grant select, insert, update on certification.first_judgements to kaigo_app;
grant maintain on certification.first_judgements to kaigo_app;
