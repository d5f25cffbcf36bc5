-- The person's consent given orally or in writing at an office (別紙02 ※1: 負担限度額認定証 only after the
-- person's oral or written consent), recorded by a staff member of that office right after 本人確認:
-- who recorded it (the staff account), how (occasion: oral or written), when.
alter table consent.decisions drop constraint decisions_source_check;
alter table consent.decisions add constraint decisions_source_check
  check (source in ('municipality', 'person', 'terminal', 'representative', 'office'));
alter table consent.decisions add column recorded_by uuid;
alter table consent.decisions add constraint office_consent_names_its_recorder
  check (source <> 'office' or (recorded_by is not null and occasion in ('口頭', '書面') and party_no is not null));
