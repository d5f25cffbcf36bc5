-- Scale-out (issue 15, part 4; docs/scale-out.md): distributed by the insurer on Citus, where every unique
-- key must hold the distribution column. The primary key becomes (insurer_no, assessment_id), and the key of a
-- re-sent assessment (office, service, form, 外部システム管理番号, 評価日) gains the insurer; a re-sent
-- assessment naming another insurer still replaces the earlier one (LifeAssessments deletes it first).
alter table life.assessments drop constraint assessments_pkey;
alter table life.assessments add primary key (insurer_no, assessment_id);
create index on life.assessments (assessment_id);
do $$
declare
  key text;
begin
  select conname into key from pg_constraint
   where conrelid = 'life.assessments'::regclass and contype = 'u';
  execute format('alter table life.assessments drop constraint %I', key);
end
$$;
alter table life.assessments add constraint assessments_resent_key
  unique (insurer_no, office_no, service_code, form, external_number, evaluate_date);
-- the correction that names another insurer removes the earlier row
grant delete on life.assessments to kaigo_app;
