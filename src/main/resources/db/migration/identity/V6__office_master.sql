-- The office and institution master (事業所台帳): who a 事業所番号 or 医療機関コード is, and which
-- services it is designated (指定) for. Sources: MHLW 介護サービス情報公表 open data (names, no
-- periods), the designating authorities' designation file (periods), and a medical institution file
-- (みなし指定). See docs: shared/domain/office-master.md.

-- Offices as the open data names them; the last file that changed a row is its source_file.
create table identity.offices (
  office_no          varchar(10) primary key,
  name               text not null,
  name_kana          text,
  address            text,
  corporation_number text,
  corporation_name   text,
  source_file        text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);

-- Designations by サービス種類コード. 'publication' rows come from the open data, which carries no
-- period: designated, period unknown. 'designation-file' rows carry the period and the authority
-- and, where an office and service have any, they alone decide.
-- No foreign key to offices: 介護予防支援 (46) and other services are absent from the open data.
create table identity.office_designations (
  office_no       varchar(10) not null,
  service_type    varchar(2) not null,
  designated_from date,
  designated_to   date,
  authority       text,
  source          text not null check (source in ('publication', 'designation-file')),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint period_by_source check (
    (source = 'publication' and designated_from is null and designated_to is null and authority is null)
    or (source = 'designation-file' and designated_from is not null and authority is not null
        and (designated_to is null or designated_to >= designated_from)))
);
create unique index office_designations_published
  on identity.office_designations (office_no, service_type) where source = 'publication';
create unique index office_designations_designated
  on identity.office_designations (office_no, service_type, designated_from) where source = 'designation-file';

-- Medical institutions, with the 介護保険事業所番号 they hold when they provide care (みなし指定).
create table identity.medical_institutions (
  institution_code char(10) primary key,
  name             text not null,
  office_no        varchar(10),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index on identity.medical_institutions (office_no) where office_no is not null;

-- みなし指定 services of a medical institution (訪問看護, 訪問リハ, 居宅療養管理指導, 通所リハ,
-- 短期入所療養介護 …), one period per service.
create table identity.deemed_designations (
  institution_code char(10) not null references identity.medical_institutions,
  service_type     varchar(2) not null,
  designated_from  date not null,
  designated_to    date,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  primary key (institution_code, service_type),
  check (designated_to is null or designated_to >= designated_from)
);

grant select, insert, update, delete on identity.offices, identity.office_designations,
  identity.medical_institutions, identity.deemed_designations to kaigo_app;
