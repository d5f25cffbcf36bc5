-- 第6表 実績 (UPJSK): each service office's actual services of a month for the person, sent by that office
alter table careplan.monthly_sheets drop constraint monthly_sheets_sheet_check;
alter table careplan.monthly_sheets add constraint monthly_sheets_sheet_check
  check (sheet in ('table6', 'table7', 'table6-actual'));
