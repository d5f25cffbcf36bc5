-- consents given or refused by a registered representative (法定代理人・成年後見人) for the person
alter table consent.decisions drop constraint decisions_source_check;
alter table consent.decisions add constraint decisions_source_check
  check (source in ('municipality', 'person', 'terminal', 'representative'));
