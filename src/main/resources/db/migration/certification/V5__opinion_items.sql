-- 主治医意見書 online (docs/design/certification-online.md §5.3): the doctor_opinion_records table gets a column for
-- every key of the doctor-opinion layout (OpinionLayout, version 09B-2026) that the file layout's V1 columns do not
-- hold already, in the key's snake_case (FieldSpec.column), so an accepted 意見書 is one row of its history.
-- Generated once from OpinionLayout.doctorOpinion() (each field not among the V1 columns, with its label as the
-- comment) and committed as plain SQL; a later layout version adds its own migration.
-- All text: the values are kept as sent (codes, free text, 身長・体重 as written); 記入日 and 最終診察日 are the V1
-- date columns.

alter table certification.doctor_opinion_records
  -- set from the 意見書作成依頼 the opinion answers, not typed by the doctor (design §5.2 header)
  add column request_kind           text, -- 依頼区分 1 初回依頼, 2 再依頼, 3 再意見書
  add column doctor_kind            text, -- 医師区分 1 主治医, 2 指定医
  -- the layout's fields
  add column institution_name       text, -- 医療機関名
  add column institution_address    text, -- 医療機関の所在地
  add column institution_phone      text, -- 医療機関の電話番号
  add column consent_to_use         text, -- 同意の有無(本意見書が介護サービス計画作成等に利用されることに同意する)
  add column other_departments      text, -- 他科受診の有無
  add column dept01                 text, -- 他科 内科
  add column dept02                 text, -- 他科 精神科
  add column dept03                 text, -- 他科 外科
  add column dept04                 text, -- 他科 整形外科
  add column dept05                 text, -- 他科 脳神経外科
  add column dept06                 text, -- 他科 皮膚科
  add column dept07                 text, -- 他科 泌尿器科
  add column dept08                 text, -- 他科 婦人科
  add column dept09                 text, -- 他科 耳鼻咽喉科
  add column dept10                 text, -- 他科 リハビリテーション科
  add column dept11                 text, -- 他科 歯科
  add column dept12                 text, -- 他科 眼科
  add column dept13                 text, -- 他科 その他
  add column dept_other_name        text, -- 他科 その他の名称
  add column onset1                 text, -- 発症年月日1
  add column onset2                 text, -- 発症年月日2
  add column onset3                 text, -- 発症年月日3
  add column instability_note       text, -- 不安定とした場合の具体的な状況
  add column treatment              text, -- 1.(3) 生活機能低下の直接の原因となっている傷病の経過及び投薬内容を含む治療内容
  add column opinion001             text, -- 特別な医療(処置内容) 点滴の管理
  add column opinion002             text, -- 特別な医療(処置内容) 中心静脈栄養
  add column opinion003             text, -- 特別な医療(処置内容) 透析
  add column opinion004             text, -- 特別な医療(処置内容) ストーマの処置
  add column opinion005             text, -- 特別な医療(処置内容) 酸素療法
  add column opinion006             text, -- 特別な医療(処置内容) レスピレーター
  add column opinion007             text, -- 特別な医療(処置内容) 気管切開の処置
  add column opinion008             text, -- 特別な医療(処置内容) 疼痛の看護
  add column opinion009             text, -- 特別な医療(処置内容) 経管栄養
  add column opinion010             text, -- 特別な医療(特別な対応) モニター測定
  add column opinion011             text, -- 特別な医療(特別な対応) じょくそうの処置
  add column opinion012             text, -- 特別な医療(失禁への対応) カテーテル
  add column opinion018             text, -- 認知症の周辺症状の有無
  add column opinion019             text, -- 周辺症状 幻視・幻聴
  add column opinion020             text, -- 周辺症状 妄想
  add column opinion021             text, -- 周辺症状 昼夜逆転
  add column opinion022             text, -- 周辺症状 暴言
  add column opinion023             text, -- 周辺症状 暴行
  add column opinion024             text, -- 周辺症状 介護への抵抗
  add column opinion025             text, -- 周辺症状 徘徊
  add column opinion026             text, -- 周辺症状 火の不始末
  add column opinion027             text, -- 周辺症状 不潔行為
  add column opinion028             text, -- 周辺症状 異食行動
  add column opinion029             text, -- 周辺症状 性的問題行動
  add column opinion030             text, -- 周辺症状 その他
  add column opinion031             text, -- その他の精神・神経症状の有無
  add column opinion032             text, -- 専門医受診の有無
  add column opinion033             text, -- 利き腕
  add column opinion034             text, -- 過去6か月の体重の変化
  add column opinion035             text, -- 四肢欠損
  add column opinion036             text, -- 麻痺
  add column opinion037             text, -- 麻痺 右上肢
  add column opinion038             text, -- 麻痺 右上肢 程度
  add column opinion039             text, -- 麻痺 左上肢
  add column opinion040             text, -- 麻痺 左上肢 程度
  add column opinion041             text, -- 麻痺 右下肢
  add column opinion042             text, -- 麻痺 右下肢 程度
  add column opinion043             text, -- 麻痺 左下肢
  add column opinion044             text, -- 麻痺 左下肢 程度
  add column opinion045             text, -- 麻痺 その他
  add column opinion046             text, -- 麻痺 その他 程度
  add column opinion047             text, -- 筋力の低下
  add column opinion048             text, -- 筋力の低下 程度
  add column opinion049             text, -- 関節の拘縮
  add column opinion050             text, -- 関節の拘縮 程度
  add column opinion051             text, -- 関節の痛み
  add column opinion052             text, -- 関節の痛み 程度
  add column opinion053             text, -- 失調・不随意運動
  add column opinion054             text, -- 失調・不随意運動 上肢 右
  add column opinion055             text, -- 失調・不随意運動 上肢 左
  add column opinion056             text, -- 失調・不随意運動 下肢 右
  add column opinion057             text, -- 失調・不随意運動 下肢 左
  add column opinion058             text, -- 失調・不随意運動 体幹 右
  add column opinion059             text, -- 失調・不随意運動 体幹 左
  add column opinion060             text, -- じょくそう
  add column opinion061             text, -- じょくそう 程度
  add column opinion062             text, -- その他の皮膚疾患
  add column opinion063             text, -- その他の皮膚疾患 程度
  add column opinion064             text, -- 屋外歩行
  add column opinion065             text, -- 車いすの使用
  add column opinion066             text, -- 歩行補助具・装具 用いていない
  add column opinion067             text, -- 歩行補助具・装具 屋外で使用
  add column opinion068             text, -- 歩行補助具・装具 屋内で使用
  add column opinion069             text, -- 食事行為
  add column opinion070             text, -- 現在の栄養状態
  add column opinion071             text, -- 現在あるかまたは今後発生の可能性の高い状態 尿失禁
  add column opinion072             text, -- 現在あるかまたは今後発生の可能性の高い状態 転倒・骨折
  add column opinion073             text, -- 現在あるかまたは今後発生の可能性の高い状態 移動能力の低下
  add column opinion074             text, -- 現在あるかまたは今後発生の可能性の高い状態 褥瘡
  add column opinion075             text, -- 現在あるかまたは今後発生の可能性の高い状態 心肺機能の低下
  add column opinion076             text, -- 現在あるかまたは今後発生の可能性の高い状態 閉じこもり
  add column opinion077             text, -- 現在あるかまたは今後発生の可能性の高い状態 意欲低下
  add column opinion078             text, -- 現在あるかまたは今後発生の可能性の高い状態 徘徊
  add column opinion079             text, -- 現在あるかまたは今後発生の可能性の高い状態 低栄養
  add column opinion080             text, -- 現在あるかまたは今後発生の可能性の高い状態 摂食・嚥下機能低下
  add column opinion081             text, -- 現在あるかまたは今後発生の可能性の高い状態 脱水
  add column opinion082             text, -- 現在あるかまたは今後発生の可能性の高い状態 易感染性
  add column opinion083             text, -- 現在あるかまたは今後発生の可能性の高い状態 がん等による疼痛
  add column opinion084             text, -- 現在あるかまたは今後発生の可能性の高い状態 その他
  add column opinion085             text, -- サービス利用による生活機能の維持・改善の見通し
  add column opinion086             text, -- 医学的管理の必要性 訪問診療
  add column opinion087             text, -- 医学的管理の必要性 訪問診療 必要性
  add column opinion088             text, -- 医学的管理の必要性 訪問看護
  add column opinion089             text, -- 医学的管理の必要性 訪問看護 必要性
  add column opinion090             text, -- 医学的管理の必要性 看護職員の訪問による相談・支援
  add column opinion091             text, -- 医学的管理の必要性 看護職員の訪問による相談・支援 必要性
  add column opinion092             text, -- 医学的管理の必要性 訪問歯科診療
  add column opinion093             text, -- 医学的管理の必要性 訪問歯科診療 必要性
  add column opinion094             text, -- 医学的管理の必要性 訪問薬剤管理指導
  add column opinion095             text, -- 医学的管理の必要性 訪問薬剤管理指導 必要性
  add column opinion096             text, -- 医学的管理の必要性 訪問リハビリテーション
  add column opinion097             text, -- 医学的管理の必要性 訪問リハビリテーション 必要性
  add column opinion098             text, -- 医学的管理の必要性 短期入所療養介護
  add column opinion099             text, -- 医学的管理の必要性 短期入所療養介護 必要性
  add column opinion100             text, -- 医学的管理の必要性 訪問歯科衛生指導
  add column opinion101             text, -- 医学的管理の必要性 訪問歯科衛生指導 必要性
  add column opinion102             text, -- 医学的管理の必要性 訪問栄養食事指導
  add column opinion103             text, -- 医学的管理の必要性 訪問栄養食事指導 必要性
  add column opinion104             text, -- 医学的管理の必要性 通所リハビリテーション
  add column opinion105             text, -- 医学的管理の必要性 通所リハビリテーション 必要性
  add column opinion106             text, -- 医学的管理の必要性 その他の医療系のサービス
  add column opinion107             text, -- 医学的管理の必要性 その他の医療系のサービス 必要性
  add column opinion108             text, -- 医学的観点からの留意事項 血圧
  add column opinion109             text, -- 医学的観点からの留意事項 移動
  add column opinion110             text, -- 医学的観点からの留意事項 摂食
  add column opinion111             text, -- 医学的観点からの留意事項 運動
  add column opinion112             text, -- 医学的観点からの留意事項 嚥下
  add column opinion113             text, -- 感染症の有無
  add column note01                 text, -- 周辺症状その他
  add column note02                 text, -- 精神・神経症状名
  add column note03                 text, -- 専門医受診 詳細
  add column note04                 text, -- 身長
  add column note05                 text, -- 体重
  add column note06                 text, -- 四肢欠損 部位
  add column note07                 text, -- 麻痺その他 部位
  add column note08                 text, -- 筋力低下 部位
  add column note09                 text, -- 拘縮 部位
  add column note10                 text, -- 関節痛 部位
  add column note11                 text, -- じょくそう 部位
  add column note12                 text, -- 皮膚疾患 部位
  add column note13                 text, -- 栄養・食生活上の留意点
  add column note14                 text, -- 状態その他
  add column note15                 text, -- 対処方針
  add column note16                 text, -- その他の医療系サービス
  add column note17                 text, -- 留意事項 血圧
  add column note18                 text, -- 留意事項 移動
  add column note19                 text, -- 留意事項 摂食
  add column note20                 text, -- 留意事項 運動
  add column note21                 text, -- 留意事項 嚥下
  add column note22                 text, -- 留意事項その他
  add column note23                 text; -- 感染症名
