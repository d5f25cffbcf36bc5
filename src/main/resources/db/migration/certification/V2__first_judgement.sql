-- 一次判定 details (national-design.md B1): 要介護認定等基準時間 and its eight 分野, and the 中間評価項目得点
-- of the five 群, as the municipality's 認定ソフト computed them (minutes and scores with one decimal).
alter table certification.certification_records
  add column standard_minutes   text,  -- 要介護認定等基準時間
  add column minutes_meal       text,  -- 食事
  add column minutes_excretion  text,  -- 排泄
  add column minutes_movement   text,  -- 移動
  add column minutes_hygiene    text,  -- 清潔保持
  add column minutes_indirect   text,  -- 間接生活介助
  add column minutes_bpsd       text,  -- BPSD関連行為
  add column minutes_training   text,  -- 機能訓練関連行為
  add column minutes_medical    text,  -- 医療関連行為
  add column score1             text,  -- 中間評価項目得点 第1群
  add column score2             text,
  add column score3             text,
  add column score4             text,
  add column score5             text;
