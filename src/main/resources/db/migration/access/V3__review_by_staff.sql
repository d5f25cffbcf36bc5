-- The municipal staff account that reviewed a break-glass opening (the review is audited too).
alter table access.emergency_openings add column reviewed_by uuid;
