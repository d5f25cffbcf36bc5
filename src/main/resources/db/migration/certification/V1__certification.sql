create schema if not exists certification;

-- One table per record type, shaped like the registry's (registry V1): columns of the layout
-- (certification/CertificationLayouts.java; column = field key in snake_case), every revision kept.

create table certification.certification_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  application_type               text,  -- 申請区分
  applied_on                     date,  -- 申請日
  progress                       text,  -- 進捗
  surveyed_on                    date,  -- 認定調査実施日
  opinion_institution            text,  -- 意見書作成医療機関コード
  opinion_requested_on           date,  -- 意見書作成依頼日
  opinion_received_on            date,  -- 意見書受領日
  first_judgement                text,  -- 一次判定結果
  first_judged_on                date,  -- 一次判定日
  board_on                       date,  -- 介護認定審査会開催日
  result                         text,  -- 二次判定結果
  certified_on                   date,  -- 認定日
  cert_valid_from                date,  -- 認定有効期間開始日
  cert_valid_to                  date,  -- 認定有効期間終了日
  board_opinion                  text,  -- 介護認定審査会の意見
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table certification.care_survey_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  surveyed_on                    date,  -- 実施日
  place                          text,  -- 実施場所
  request_kind                   text,  -- 依頼区分
  entrustment                    text,  -- 委託区分
  item01                         text,  -- 基本調査 1
  item02                         text,  -- 基本調査 2
  item03                         text,  -- 基本調査 3
  item04                         text,  -- 基本調査 4
  item05                         text,  -- 基本調査 5
  item06                         text,  -- 基本調査 6
  item07                         text,  -- 基本調査 7
  item08                         text,  -- 基本調査 8
  item09                         text,  -- 基本調査 9
  item10                         text,  -- 基本調査 10
  item11                         text,  -- 基本調査 11
  item12                         text,  -- 基本調査 12
  item13                         text,  -- 基本調査 13
  item14                         text,  -- 基本調査 14
  item15                         text,  -- 基本調査 15
  item16                         text,  -- 基本調査 16
  item17                         text,  -- 基本調査 17
  item18                         text,  -- 基本調査 18
  item19                         text,  -- 基本調査 19
  item20                         text,  -- 基本調査 20
  item21                         text,  -- 基本調査 21
  item22                         text,  -- 基本調査 22
  item23                         text,  -- 基本調査 23
  item24                         text,  -- 基本調査 24
  item25                         text,  -- 基本調査 25
  item26                         text,  -- 基本調査 26
  item27                         text,  -- 基本調査 27
  item28                         text,  -- 基本調査 28
  item29                         text,  -- 基本調査 29
  item30                         text,  -- 基本調査 30
  item31                         text,  -- 基本調査 31
  item32                         text,  -- 基本調査 32
  item33                         text,  -- 基本調査 33
  item34                         text,  -- 基本調査 34
  item35                         text,  -- 基本調査 35
  item36                         text,  -- 基本調査 36
  item37                         text,  -- 基本調査 37
  item38                         text,  -- 基本調査 38
  item39                         text,  -- 基本調査 39
  item40                         text,  -- 基本調査 40
  item41                         text,  -- 基本調査 41
  item42                         text,  -- 基本調査 42
  item43                         text,  -- 基本調査 43
  item44                         text,  -- 基本調査 44
  item45                         text,  -- 基本調査 45
  item46                         text,  -- 基本調査 46
  item47                         text,  -- 基本調査 47
  item48                         text,  -- 基本調査 48
  item49                         text,  -- 基本調査 49
  item50                         text,  -- 基本調査 50
  item51                         text,  -- 基本調査 51
  item52                         text,  -- 基本調査 52
  item53                         text,  -- 基本調査 53
  item54                         text,  -- 基本調査 54
  item55                         text,  -- 基本調査 55
  item56                         text,  -- 基本調査 56
  item57                         text,  -- 基本調査 57
  item58                         text,  -- 基本調査 58
  item59                         text,  -- 基本調査 59
  item60                         text,  -- 基本調査 60
  item61                         text,  -- 基本調査 61
  item62                         text,  -- 基本調査 62
  item63                         text,  -- 基本調査 63
  item64                         text,  -- 基本調査 64
  item65                         text,  -- 基本調査 65
  item66                         text,  -- 基本調査 66
  item67                         text,  -- 基本調査 67
  item68                         text,  -- 基本調査 68
  item69                         text,  -- 基本調査 69
  item70                         text,  -- 基本調査 70
  item71                         text,  -- 基本調査 71
  item72                         text,  -- 基本調査 72
  item73                         text,  -- 基本調査 73
  item74                         text,  -- 基本調査 74
  disability_independence        text,  -- 障害高齢者の日常生活自立度
  dementia_independence          text,  -- 認知症高齢者の日常生活自立度
  notes                          text,  -- 特記事項
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

create table certification.doctor_opinion_records (
  insurer_no    char(6) collate "C" not null,
  insured_no    varchar(10) collate "C" not null,
  history_no    int not null,
  revision      int not null,
  valid_from    date,
  valid_to      date,
  institution_code               text,  -- 医療機関コード
  doctor_name                    text,  -- 医師氏名
  written_on                     date,  -- 記入日
  count                          text,  -- 作成回数
  setting                        text,  -- 在宅・施設
  last_examined_on               date,  -- 最終診察日
  diagnosis1                     text,  -- 診断名1
  diagnosis2                     text,  -- 診断名2
  diagnosis3                     text,  -- 診断名3
  stability                      text,  -- 症状としての安定性
  disability_independence        text,  -- 障害高齢者の日常生活自立度
  dementia_independence          text,  -- 認知症高齢者の日常生活自立度
  short_term_memory              text,  -- 短期記憶
  decision_making                text,  -- 認知能力
  communication                  text,  -- 意思の伝達能力
  notes                          text,  -- 特記すべき事項
  deleted       boolean not null default false,
  current       boolean not null default true,
  import_id     uuid not null,
  superseded_at timestamptz,
  created_at    timestamptz not null default now(),
  primary key (insurer_no, insured_no, history_no, revision),
  check (deleted or valid_from is not null),
  check (valid_to is null or valid_to >= valid_from)
);

-- 主治医意見書 requests by institution: whether an institution was asked about a person
create index certification_opinion_institution on certification.certification_records (opinion_institution)
  where current and not deleted and opinion_institution is not null;
create index doctor_opinion_institution on certification.doctor_opinion_records (institution_code)
  where current and not deleted;

grant usage on schema certification to kaigo_app;
grant select, insert, update on all tables in schema certification to kaigo_app;
grant maintain on all tables in schema certification to kaigo_app;
