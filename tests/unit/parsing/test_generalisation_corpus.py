"""The hand-labelled generalisation corpora (formats, languages and status/noise posts absent from the dev
set): a floor on the exact-match rate, and no message ever parsed into a wrong tradable signal.

- `generalisation_corpus.jsonl`: 264 posts, measured 263/264 when written; the one miss ("Hold for 1.70 /
  1.85" as targets) is rejected, not traded.
- `blind_round2.jsonl`: 120 posts written and committed before the parser was read (blind: 97/120 exact,
  0 wrong tradable); the parser was then generalised (labels per language, patterns, sanity rules) to
  120/120.
- `blind_round3.jsonl`: 120 posts weighted to what a VIP relay group carries day to day (45 opens in bot and
  paid-group templates, 46 status/close posts, 29 noise posts; Thai, Malay, Tagalog, Swahili, Hebrew, Greek,
  Romanian, Czech, Dutch, Bengali among the languages), written and committed before the parser was read
  (blind: 85/120 exact, 0 wrong tradable); then generalised (labels and status words per language, combining
  marks and native digits, numbered buy ladders, tag-prefixed close commands, recap detection) to 120/120.
  Two labels were corrected after the blind run to the dev set's conventions ("A / B" entries = range;
  "Spot & Futures" = market null); both are noted in the rows.
- `blind_round4.jsonl`: 120 posts, 90 in English as a forwarding bot relays them from ~40 paid VIP channels
  (60 opens in each channel's house style: terse one-liners, disclaimers, emoji frames, ALL CAPS, label
  templates, `k`/`$`/comma/leading-point prices, `.P`/`1000PEPE`/alt-BTC pairs, CMP/now/below/above/around
  entries; 30 status/close/noise posts) and 30 in 17 other languages; written and committed before the parser
  was read (blind: 114/120 exact, English 85/90, 0 wrong tradable); then generalised ("Entry: Market price",
  a common word glued to its quote is a coin, "TP's", "add 2nd entry", a close command after a first clause,
  Arabic/Persian "was closed") to 120/120. No label was changed after the blind run.
- `blind_round5.jsonl`: 100 posts: 47 in 18 other languages as native channel admins write them (23 opens, 24
  status/close/noise), 33 English opens stressing number formats (comma/point/space thousands, comma decimals,
  `$67.2k`, glued units, dates/timeframes/R:R beside prices, percent next to price stops), 20 that must not
  trade (conditional/educational/recap/poll/"don't buy" posts and 4 inconsistent opens); written and committed
  before the parser was read (blind: 79/100 exact, English 45/53, others 34/47, 2 wrong tradable: BTC written
  with a point as thousands separator, and an "example (NOT a signal)" post); then generalised (coin price
  floors with point-thousands rescue, spaced thousands when the literal reading is inconsistent, "not a
  signal"/"don't buy"/recap posts, a coin one preposition from its side word, status phrases in ru/zh/ja/ko/vi/
  fa/fr/pl) to 100/100. One label was changed after the blind run (b5-094 "Our XRP short from yesterday ...
  closed at 0.50 for +56%": not_a_signal -> close, per "closed at ..." = close; the blind parse already said
  close, so against the corrected label the blind rate was 80/100).

- `blind_round6.jsonl`: 61 posts in the miss families of issue #15 (a channel's own hashtag beside the coin in
  plain text, "entry update" posts restating levels, conditional and alternative stops, close/management
  wording, allocation percentages after levels, "Now:"/"enter long"/"or below" entries, one-letter and generic
  hashtags, flattened one-line Cornix, ordinals, "X can be stop", stray numbers, "×" leverage and "safe traders
  use less", Close/Exit target labels, opens without entry or levels; en/ru/tr), written and committed before the
  parser ran on them (blind: 29/61 exact, 10 wrong tradable: 4 entry updates opened, 3 alternative stops taken
  wide, 3 targets dropped behind allocation percentages); then generalised to 61/61, 0 wrong tradable. No label
  was changed after the blind run. Opens whose entry was not written (targets + stop only, a bare price line, an
  "open LONG" alert) match their label but are held for review (`rejected` starts "held for review").

- `blind_round7.jsonl`: 34 posts in the same families in new wording (en/ru/tr/es), written and committed after
  round 6 was fixed and before the parser ran on them, to measure how the round-6 rules generalise (blind: 31/34
  exact, 2 wrong tradable: a CamelCase channel hashtag "#CryptoSignals" taken as the coin beside "#LTC", and a
  "Current price:" line read as a second entry); then generalised (CamelCase word tags are topics, a line headed
  "Current/Market price:" is not an entry, "Beginners: use max 3x" is advice) to 34/34. No label changed.

- `blind_round8.jsonl`: 87 posts in the issue's families in new wording, 13 languages (en 55; ru, es, tr, pt, uk, de,
  fr, it, vi, id, ar, fa), written and committed (fc58f5d) before the parser ran on them (blind: 75/87 exact
  (86.2 %), 0 wrong tradable; misses: "close all" in tr/pt, "Cerramos todo" read as a close of the coin "TODO",
  "we're out of link", "cerrar la mitad" as a full close, a close after an "if ..." condition on another coin
  taken as a command, weighted "A (50%) / B (50%)" entries as a range, "X can work as stop", newbie-leverage
  advice with the number before "max" or in Russian overriding the call's leverage, "Exit: a / b" targets, and
  "Open SHORT on #X now" dropped instead of held); then generalised to 87/87. No label changed.

- `blind_round9.jsonl`: 73 posts, the same families in new wording again (14 languages: en 43; ru, tr, pl, zh, fr, pt,
  es, de, it, ko, ja, vi, id), written and committed (e8db230) after round 8 was fixed and before the parser ran on
  them, to measure how the round-8 rules generalise (blind: 62/73 exact (84.9 %), 3 wrong tradable: a "Correction
  #TIA — entry is ... remain" post opened, a "Moonbag target" taken as a third target, an "Example only ... do not
  trade this" post opened); then generalised (restatement words in en/ru/tr/fr/de/es/pt/it/pl, runner/moonbag
  targets ignored, "example only"/"do not trade this", "close every"/"chiudiamo tutte"/"wszystko zamykamy", "serves
  as stop", "Go LONG on #X" held) to 73/73. No label changed.

- `blind_round10.jsonl`: 70 posts (38 not in English: ru, es, tr, de, fr, it, pt, vi, zh, ko, ja, ar, pl), the same
  families again, written and committed (127dca9) after round 9 was fixed and before the parser ran on them (blind:
  58/70 exact (82.9 %), 3 wrong tradable: a Turkish "%50" weight read as a third entry, "Market price now 0.605"
  read as a second entry, "Close at: 35 / 34" targets merged into the entries); then generalised (a percent sign
  before the number is a share, "market price now/is" is where the market is, "Close at:" / "Exit at:" heading a
  line are targets, "Compra de SOL", close-all in tr/de/fr, "la mitad fuera, SL a la entrada", "rest of the plan
  stays the same", "8.85 can be used as stop", a post headed "Monthly results:" is a report) to 69/70; the one miss
  (b10-048, Turkish "Hedef 1 88 / Hedef 2 91": a row number before an integer price) was rejected, not traded,
  and read right after round 11 (row numbers 1, 2, 3... of a ladder are dropped). No label changed.
- `blind_round11.jsonl`: 64 posts (30 not in English), the same families, written and committed (f09d936) after
  round 10 was fixed and before the parser ran on them (blind: 49/64 exact (76.6 %), 1 wrong tradable: "Current
  market price: 6.12" read as a second entry); then generalised ("current market price", generic #SINYAL/#KRIPTO
  tags, restatements "keep the same TPs", "остальное как было", "diğer seviyeler aynı", "lo demás igual", "le reste
  ne change pas", close-all "Все позиции закрываем" / "Hepsini kapatıyoruz" / "Chiudete tutto", "50% secured, stop
  now at entry", "половину закрыли, стоп в ноль", "If you are new, 3x is enough", "Abrindo LONG em #X", ladder row
  numbers before integer prices) to 64/64. No label changed.

- `blind_round12.jsonl`: 52 posts (23 not in English), the same families, written and committed (cec3503) after
  round 11 was fixed and before the parser ran on them (blind: 43/52 exact (82.7 %), 1 wrong tradable: a
  "Long-term target 0.60" line beside the TP list taken as a third target); then generalised (that line is a hope,
  not an order; "TP and SL as before", "değişmedi", "el resto igual"; "1 saatlik" is a timeframe; "Cierren todas",
  "Alles schließen jetzt" with "jetzt" never a coin; "Exit 3360 / 3420" targets; "Sell entry: 90" is a short being
  opened (held: no exits), never a spot exit) to 52/52. No label changed.

- `blind_round13.jsonl` .. `blind_round18.jsonl`: 397 posts written by a second helper who never read the parser (rounds
  13 45fef53, 14 135e3e7, 15 089f59d, 16 7433e6c, 17 00fe10c, 18 43a4494; ~20 languages, 17 weighted to look-alike
  non-signals). First look with the parser at 15459a1 (already generalised from the issue's families before these
  batches were read): 13: 57/68, 1 wrong tradable ("Paper trade idea ... don't copy"); 14: 51/70, 1 wrong ("Поправка по
  #NEAR: вход ... (а не 2.62)" opened); 15: 48/67, 0 wrong; 16: 54/68, 1 wrong ("Uzun vadeli hedef: 32" as a third
  target); 17: 45/62, 3 wrong (a Spanish "Resumen de ayer" recap, "Look what @OtherChannel posted", a post headed
  "Closed:" restating entry/exit); 18: 46/62, 0 wrong — 301/397 (75.8 %), 6 wrong. Then generalised to 397/397, 0
  wrong, as rules rather than rows: words after an entry label ending in a colon are its heading ("Entry legs:",
  "Satış bölgesi:", "매수가:"); two or more "<heading>: <price>" rows under a price-less buy label are its ladder
  ("第一档：23.5", "پله اول: 0.680"); every label of a line written after its price ("3.52 long, 3.58 tp, 3.47 sl");
  a price between the coin and the side word ("188附近空"); a lone price before a stop word on its line is the stop
  (en/ru/es: "keep 4.78 as your stop", "2.52 — можно ставить стоп"); "→" as ">" ("Exit 1 → 452", "NOW → 0.41",
  arrow chains entry → targets, held); elided articles split ("Zone d'achat"); "Ticker (SOL)" after a coin's name;
  lower-case topic tags beside a capital coin tag; close-all as a close verb near an "all" word in ~25 languages;
  per-language lexicon for corrections/restatements, stop-outs, partial closes, breakeven, fills, add-entry, recaps,
  spot words and long-term targets; a post headed "Closed:" or "Resumen"/"Итоги" is a report; a question is not a
  call; readers named as beginners/low-risk make a leverage in their sentence advice; an open whose named stop was
  not read is held. No label changed.
- `blind_round19.jsonl` (60c8b58), `blind_round20.jsonl` (d92cbaa), `blind_round21.jsonl` (59c019b): 193 posts by the
  same blind writer (typos, emoji-only labels, bot templates, replies quoting the setup, slash commands, R-multiples,
  ~15 languages). First look with the parser at a4519ac (rounds 13-18 fixed): 19: 48/68 (70.6 %), 2 wrong tradable
  ("2.95 (3.5R)" read as a fourth target; "Дальняя цель (по желанию): 210" as a third target); 20: 53/60 (88.3 %),
  0 wrong; 21: 49/65 (75.4 %), 2 wrong (two "Buy limit @" lines read as one entry; a reply "Close it now" under a
  quoted setup opened the setup) — 150/193 (77.7 %), 4 wrong. Then generalised to 193/193, 0 wrong: a reply's quoted
  block is the earlier post (its coin and side, never reopened); R-multiples and "2 × 4H" counts are no prices or
  leverage; a labelled leverage wins over stray "×4"; the same buy label on consecutive lines is a ladder; a further
  target line with an unknown qualifier ("Дальняя цель", "(по желанию):") is left out and the open held; alternative
  stops far apart are held; "Entery:/Targest:/Stoplos:" headings one edit from a label; coin + price before emoji
  exits (held); "#X LONG" alone is a direction alert (held); "#ENAUSDT P" is perpetual; close verb beside "the rest"
  or a position word in either order (SOV languages); take-profit labels in id/ar/fa; slash commands; per-line
  "coin + Stoploss" status. No label changed.
- `blind_round22.jsonl` (c06a094), `blind_round23.jsonl` (16cdab6, weighted to the four wrong-trade families): 124
  posts. First look with the parser at 814cad5 (rounds 19-21 fixed, plus rules from my own probes): 22: 55/68 (80.9 %),
  0 wrong; 23: 50/56 (89.3 %), 1 wrong ("⚠️ UPDATED SIGNAL ⚠️" restating a setup opened it) — 105/124 (84.7 %), 1
  wrong. Then generalised to 124/124, 0 wrong: styled (mathematical / full-width) letters and digits read as plain;
  "105k2" and Cyrillic "104.2к" thousands; the Arabic percent sign; a bare "×1" is no leverage; an idea that waits for
  a market event with no exit level is no call ("will confirm", "rejects"); restatement words (en/fa/zh/id); "2nd
  entry 22.10 filled"; half-closes and stop moves in fa/vi; "going/switching to SHORT on #X" (held); "con"/"with"
  between a side word and its coin. No label changed.
- `blind_round24.jsonl` (e3a4306): 53 posts. First look with the parser at a18110a: 44/53 (83.0 %), 2 wrong
  ("Alvo bônus (opcional): 25.00" read as a third target; "cierre de 1H por encima de 184.5 o 186 si quieres margen"
  took 186). Then generalised to 53/53, 0 wrong: a qualifier word after a further target label ("Alvo bônus",
  "Objetivo soñado") leaves that line out and holds the open; a stop price followed by an "if ..." clause is the
  reader's option, the other one stands; "current price" headings in 11 more languages; Vietnamese "Vùng vào"/"Vào";
  "平仓1:" rows; 3Commas "Deal ... completed"; "ditutup", "yarısı kapandı", "stop maliyete", "те же". No label changed.
- `blind_round25.jsonl` (85143e4): 50 posts. First look with the parser at 5c00f25: 44/50 (88.0 %), 0 wrong. Then
  generalised to 49/50, 0 wrong: a status after the post's own reference and a colon ("Señal #318 INJ: stop
  alcanzado", "Kèo số 27 ARB: hủy"); "tüm hedefler tamam"; "تم إغلاقها"; "#318" is never a price before a stop word;
  "close manual" names no coin. The one miss, b25-032 ("#SUI trigger moved: now long above 3.55 ..."), is labelled
  side null while every other update with a side word carries it (b6-008 and 6 more); raised with j15w in
  PROTOCOL.md rather than bending the parser (the parse says update, side long). j15w agreed and changed that one
  label (ed55f33, side long): the only label changed after a blind run in rounds 13-26; so 50/50.
- `blind_round26.jsonl` (a8c9cf9, j15w's last batch; 8 full restatements in en/ru/tr/es/ar/zh): 52 posts. First look
  with the parser at 911ca4e: 47/52 (90.4 %), 2 wrong ("✏️ CORRECTED ✏️ ... (not 4.60)" and "Update #2 on #INJ: entry
  now ..." opened as new trades). Then generalised to 52/52, 0 wrong: "corrected", "(not X)", "Update #2" (a tag or
  number after "update"); "anything under 0.276 and I'm out" is the stop; "Exit zone 1:" rows; a restated call's
  side from its buy/sell word. No label changed.
- `blind_round27.jsonl` (c58d11c, session 4's first batch: Cornix templates, copy-trade exports, TradingView captions,
  sats, k, space/point thousands in 14 languages): 57 posts. First look with the parser at e80cc3b (main c58d11c):
  52/57 (91.2 %), 1 wrong ("#RVNBTC / Buy 21-23 sats" traded at 21 BTC). Then generalised to 57/57, 0 wrong: prices
  in satoshis (the unit on any level puts every whole-number level in sats; a tag without quote becomes X/BTC; sats on
  another quote are held); no level of 1 BTC or more on an X/BTC pair; size/qty/margin labels in 14 languages; a
  spaced "·"/"|" before an unknown word ends a field; chart-reading abbreviations (RSI, EMA200, FVG...) are not coins;
  "36.9 is a fine stop"; "LONG #X opened" with no levels is a held direction alert. No label changed.
- `blind_round28.jsonl` (f31e609; Bybit order tickets, -PERP, Discord quote exports, 67,250.5, sats, 18 languages): 63
  posts. First look with the parser at 975d625 (main f31e609): 56/63 (88.9 %), 2 wrong ("Sell 1: 3.80 / Sell 2: 4.20"
  traded with only the first target; a Vietnamese "Ví dụ (KHÔNG phải tín hiệu)" example opened). Then generalised to
  63/63, 0 wrong: exit ladders under numbered or repeated sell labels; prices under an order label nothing used hold the
  open; "not a signal" in 16 more languages; "sat" after a price is satoshis on an explicit X/BTC pair (held
  elsewhere); "below X the idea is void" (11 languages) is the stop; a bracket after the leverage is a note; a cancel
  verb beside an order word in either order ("Лимитку по #TAO отменяем"); Malay "Masuk:"; Turkish "Al"/"Sat" heading a
  line. No label changed.
- `blind_round29.jsonl` (b19ca01; premium posts with reasoning, coin names, numbers-first one-liners, 20 languages):
  66 posts. First look with the parser at 2ad2487 (main b19ca01): 57/66 (86.4 %), 2 wrong ("Coin: Avalanche (AVAX)"
  traded as AVALANCHE/USDT; "UPDATE ENTRY #SOL ... (sebelumnya 163)" opened). Then generalised to 66/66, 0 wrong: the
  ticker in brackets after a coin label's name; coins written by their name (a short list of names that are no
  common word) read and held; "update entry" and "(previously/sebelumnya/ранее/antes ... N)" restatements; an
  unlabelled run after the entry and a comma read as targets and held; "close the position at:"; "зона набора/
  покупки", "на споте"; CJK "现价" before a price anywhere on the line; a spaced dash ends a leverage-advice sentence;
  Thai "ปิดออเดอร์ ... ทั้งหมด". No label changed.
- `blind_round30.jsonl` (a28b2b7; mostly not English: ru/zh/ar/tr/es/de/id/vi/pt/bn/ur/el/tl/ro/fa): 61 posts. First look
  with the parser at a199e7f (main a28b2b7): 48/61 (78.7 %), 0 wrong. Then generalised to 61/61, 0 wrong: Urdu and
  traditional Chinese labels; "منطقة الشراء", "أهداف البيع", "وقف:"; heavy arrows (➜ ➔) chain levels; numbered exits
  "Ausstieg/Sortie/Uscita N:"; "X bisa jadi / puede ser / pode ser SL"; a coin label inside a buy phrase keeps the price
  after it; a lower-case word after the side word read as the coin and held (and an unknown lower-case first word is
  held too); "açıldı" and other "opened" words; "se cerró en stop", "SL #X dính", "kena semua TP"; "trade/call of the
  week" results. No label changed.
- `blind_round31.jsonl` (abb85f5; newsletters with an embedded call, values-before-labels with pipes, Profit/Loss
  headings, management of all open trades, 16 languages): 66 posts. First look with the parser at c75a1f6 (main
  abb85f5): 51/66 (77.3 %), 2 wrong ("0.2150 to 0.2210 buy | 0.2400, 0.2600, 0.2900 sell" traded with the first two
  targets as entries; "EDIT: #APT LONG ..." opened). Then generalised to 66/66, 0 wrong: postfix runs joined by "to" and
  (where commas do not separate the fields) commas; "EDIT:"/"(edited)"; "Profit:"/"Loss:" under an entry read and held;
  "exit if a candle closes above X", "if it loses X I'd cut" (never a condition on another coin); "Exit @"; "add to #X
  at"; leverage changes, "tighten stops", hold advice (it/de/fr/id/vi), "realizem lucro em tudo", "Stop-Loss bei #X
  ausgelöst", "سفارش فعال شد"; "what is a ..." lessons; a spaced dash after a lower-case word joins no pair. No label
  changed.
- `blind_round32.jsonl` (8fb3a03; weighted to wrong-trade traps: full levels restated by result cards, reminders,
  stop-outs, hypotheticals and backtests): 51 posts. First look with the parser at cc09f5a (main 8fb3a03): 34/51
  (66.7 %), 4 wrong (a stop-out restating the setup, a "仍然有效" reminder, a hypothetical and a backtest opened). Then
  generalised to 51/51, 0 wrong: a stop level marked hit inside a setup is a stop-out; ticks under a "RESULT/Status"
  head are progress; "still valid" in 14 languages; hypotheticals, backtests, "our best trade"; "don't enter" in 13
  languages; the pair beside the side word wins over the same coin in another quote; "SOL: long"; "next stop X" is a
  target; "in"/"out"/"Zona:" line heads; "الی"; "cortos"; "SL → X"; "SNIPER ENTRY" is a heading. "Missed the entry"
  is no longer a restatement by itself (b32-015). No label changed.
- `blind_round33.jsonl` (9aff34b; MarkdownV2 exports, one-letter headings, Nordic/Central-European wording): 57 posts.
  First look with the parser at f6a54d5 (main 9aff34b): 46/57 (80.7 %), 0 wrong. Then generalised to 57/57, 0 wrong:
  MarkdownV2 backslash escapes; "long/short ratio N" is a statistic; "E:/T:/S:" line heads; "Köp", "Gewinnmitnahme N:";
  "0.390 — там выходим по стопу"; close/half-close wording in sv/hu/cs and "positioner/pozíció/pozice"; "손절
  처리되었습니다"; "VIP results: …" headlines with no coin. No label changed.
- `blind_round34.jsonl` (ed6b980, j15w's last batch): 52 posts. First look with the parser at 25c47b2 (main ed6b980):
  43/52 (82.7 %), 1 wrong ("New entry for #TRX SHORT (replaces the old one)" opened). Then generalised to 52/52, 0
  wrong: "replaces the old/previous"; "buy/sell stop above/below X" entries; Swahili "Kuingia/Simamisha hasara"; "低吸";
  "#ALT" is a topic tag; "T1 ➜ price"; "Nx là đủ / is enough" is advice; "SHORT #X now" is a held direction alert;
  Uzbek "Maqsad N bajarildi". No label changed.
- `blind_round35.jsonl` (04e9f20, session 5; house styles from public signal repos/pages: broker opinion cards,
  leaked/flattened/translated Cornix templates): 60 posts. First look with the parser at 3eb4f87 (main 04e9f20):
  46/60 (76.7 %), 0 wrong. Then generalised to 59/60, 0 wrong: "T-P"/"S-L"; "stop targets" compounds (zh/ko/ar/pt)
  and "Alvos de lucro"; numbered rows written out of order; "PERP/USDT" is a coin; instant execution = market;
  Cornix "Signal Type: Regular (Short)" states the side (a bare price or no level: held); comma decimals read by
  the post's language (held); "change entry to"; "частично зафиксировали"; "пример/шаблон". Left: b35-019
  ("SELL / 0.5920, 0.5810, 0.5650 / 🛑0.6180" labelled as targets at the market; read as an entry ladder — both
  held, which is meant is a reading). No label changed.
- `blind_lead1.jsonl` (bde4325; 40 posts by the lead, a second author: real-channel archetypes and look-alikes).
  First look with the parser at 3eb4f87 (main bde4325): 39/40 (97.5 %), 1 wrong by its label (bl1-004 "CMP: 27.35 /
  Add more: 26.60" traded with one entry). Then 40/40, 0 wrong: "Add more:" / "Second entry:" heading a price line
  are entries, "CMP:" heading one is an entry label ("DCA:" levels stay outside the entries, as in the dev set).
- `blind_round36.jsonl` (66a89e4; indicator bots, JSON alerts, funding alerts, translated templates): 59 posts. First
  look with the parser at 52ca8f1 (main 66a89e4): 47/59 (79.7 %), 1 wrong (an Arabic "entry condition: hourly close
  above 3.40" line read as a second entry). Then 59/59, 0 wrong: entry-condition labels (a condition, the post waits
  for it); "Instrument/Инструмент/Moeda/رمزارز" coin labels; "Открывать"; a multiple under a Risk/Reward label is no
  leverage; JSON snake_case keys ("stop_loss", "TP1_HIT"); a progress report with levels and no side word is an update;
  one-letter coins (W, S, T, C) as pairs and tradable; a red/green circle gives a restatement its side when the
  levels agree; Persian "استاپ بیاد نقطه ورود", "نقاط"; Russian "добавляем второй вход". No label changed.
- `blind_round37.jsonl` (d948811; VIP-club cards, marketplace cards, point-distance notes, renamed tickers): 58 posts.
  First look with the parser at a943219 (main d948811): 50/58 (86.2 %), 0 wrong. Then 58/58, 0 wrong: management
  advice for later ("Move SL to Entry after TP1 hits!") leaves a setup an open; a market word on the side heading
  ("buy now", "현재가 매수") makes the written entry a market one; a bracketed number far off the prices' scale is a
  note ("(36 pts)", "(108)"); "Price:" beside entries of their own is a reference; "#RNDR → #RENDER" is the new
  ticker; a heading ending in "UPDATE" restates; a channel's monthly report without a coin is no update; "Example:"
  / "how to post a signal" instructions are no call. No label changed.
- `blind_lead2.jsonl` (7476bab, the lead's second batch, written 17:35): 28 posts. First look with the parser at
  1c947f7 (main 7476bab): 26/28 as landed, 0 wrong; both misses were label errors the lead fixed in 3213f5e (ETH/BTC
  is spot by corpus convention; a delisting notice is a close) — 28/28 against the fixed labels, no parser change.
- `blind_round38.jsonl` (ba9cb66, j15w, landed 19:04; mostly non-English real layouts) and `blind_round39.jsonl`
  (4c04b53, j15w, landed 19:04; exchange-header target %, Cornix statuses, issue families): 54 and 55 posts, landed
  after the session's generaliser had stopped. First look with the parser at 7abec34 (scored by the lead before any
  parser change): r38 50/54 (92.6 %), 0 wrong; r39 48/55 (87.3 %), 1 wrong (b39-017 "#1000SATS" traded as SATS/USDT:
  "1000" + the satoshi unit). The lead fixed that one (a tagged ticker is never split into a number and "sats"):
  r39 49/55, 0 wrong. The other 10 misses are not generalised yet; their floors are the rates as they stand, so a
  regression fails and the next session raises them.
- `blind_lead3.jsonl` (233c1e1, the lead's third batch, 19:47: mainstream cards, .P perps, CMP + second entry,
  sell/buy-back shorts, circled ordinals, tr/ru/zh/es/pt/fr, status/close, recap/teaser noise): 40 posts, and
  `blind_lead4.jsonl` (8aba050, 19:58: analysis-then-plan, date/time headers, leaked HTML, ✅/❌ level marks, weights
  in parentheses, market + reference price, id/vi/ar/fa/de/it/ko/ja/pl/hi-en/ru): 39 posts. First look (scored by
  the lead with the parser of main at each batch commit, unchanged since 310652b): lead3 36/40 (90.0 %), 0 wrong;
  lead4 36/39 (92.3 %), 0 wrong. The lead fixed one label error of his own in each (2a33578 bl3-010: CMP + second
  price is a limit entry, the bl1-004 convention; 30d2a61 bl4-036: an update naming its side keeps it) → 37/40 and
  37/39 against the fixed labels.
- `blind_lead5.jsonl` (40fad1b, the lead's fifth batch, 20:15: half trade management — bot target/stop reports,
  entry zone reached, partial + breakeven, cancelled/invalidated/liquidated, still holding; opens with 'Exit:'
  targets, stacked value lines, 'Entry now: X', a caps one-liner; es/ru/zh/tr/fr/it; stats/macro/poll noise): 33
  posts. First look (parser of main at 40fad1b, unchanged since 310652b; scored by the lead, confirmed by j15p):
  30/33 (90.9 %), 0 wrong.
- Session 6 (j15p), rules not rows, each with a case in `test_session6_rules.py`: r38 50 → 53/54, r39 49 → 54/55,
  lead3 37 → 38/40, lead4 37 → 38/39, lead5 30 → 32/33 — Thai side words and entry heading; ordinals of more
  languages are no target qualifier; Arabic stop with its article, Arabic "move the stop"; averaging order filled;
  a close share on a target line of a full plan is its allocation; a glued channel tag longer than any ticker is no
  pair; "SL for #COIN: price" is a new stop; a result card headed by its coin; "#COIN liquidated" with no amount is a
  close (liquidation alerts are not); "exit from #COIN" in several languages; a side inside an entry label ("short
  setup") names a status's side. No label changed.
- `blind_v1.jsonl` (f3f4678, j15v — a new, second blind author with different sources: bot/repo docs' example posts,
  Cornix posting rules, a signal-reading guide; 47 posts, 20:34). First look with the parser of main at f3f4678
  (6150ebd's parser, scored by j15p before any change read it): 45/47 (95.7 %), 0 wrong. Misses: an Italian "close
  half" read as a full close (the worse kind of miss: 'Chiudiamo metà' — close verb + "half" in it/fr/de/pl/ro/nl is
  now a partial close), and "ARB BUY NOW | Target: +8%" (coin + buy word + market, a percentage target only: now a
  held direction call). 47/47 after; no label changed.
- `blind_v2.jsonl` (6bc3f36, j15v, 20:36, 45 posts) and `blind_v3.jsonl` (2b6feb2, j15v, 20:38, 47 posts, landed before
  any v1/v2 first look was posted). First look with the parser of main at each batch commit (3e05835's parser,
  scored by j15p before any change read them): v2 45/45 (100 %), 0 wrong; v3 42/47 (89.4 %), 0 wrong. Then v3 46/47:
  price lines after the entry (or, with no entry price, one run of three or more under the side heading) beyond it
  on the profit side in the targets' order, the stop beyond all on the loss side, no target word → held targets
  (market entry when no entry price) — the layout of bv3-004 (a real bot format, mraniki/tt #200) and b35-019, which
  two authors now label the same way: b35-019 is resolved by this rule, not by bending to one row, and blind_lead4's
  bl4-005 (✅ rows) with it; "Everything off the table" closes all; Persian "استاپ رو بیارید روی نقطه ورود" is stop to
  entry. Left: bv3-021 "Long on Render here" (the name "render" is a common word, deliberately not a coin name).
- `blind_lead6.jsonl` (1159788, the lead, 20:41, 35 posts) and `blind_v4.jsonl` (973c9a0, j15v's extra batch, 20:40,
  38 posts). First looks with the parser of main at each commit (e633476's parser; scored by the lead and by j15p,
  same figures): lead6 30/35 (85.7 %), 0 wrong trades, but bl6-016 (a promo "Our premium members closed #ONE with
  +38% … Join VIP") read as a CLOSE; v4 35/38 (92.1 %), 1 WRONG trade: bv4-033 "✅ #INJ LONG closed in profit /
  Entry / Exit / +7.3%" traded as an open. Then: a card headed "#COIN SIDE closed" with its levels is a close (a
  share after the verb, "закрыли 50%", stays a partial close); a restated setup that reports a partial close
  outside its target lines is held; a result shown to sell a subscription (others' results, or an advert with a
  gain) is no status; "COIN NAME: MEW(USDT)" is the coin with its quote. lead6 31/35, v4 38/38, 0 wrong. Left:
  bl6-007, -015, -018, -027.
- Late batches (first looks with the parser of main at each batch commit, before any change read them; scorer
  as the test, wrong closes counted by hand): `blind_v5.jsonl` (2bc258f, j15v, real copier-source house styles) 26/50
  (52.0 %), 0 wrong trades, 1 wrong close (bv5-022 "SE CIERRA TODO EN EL MOMENTO EN EL QUE TOCA EL SL O TP3" closed
  "SE/USDT"); `blind_round40.jsonl` (9d320af, j15w) 55/60 (91.7 %), 1 WRONG trade (b40-014: a "DCA 0.3720 — 60%" leg
  completing "Buy 0.3810 — 40%" dropped); `blind_v6.jsonl` (277a93f, j15v) 27/42 (64.3 %), 0 wrong trades, 1 wrong
  close by the label (bv6-039, a plan step reported done); `blind_round41.jsonl` (a6c3f2b, j15w) 52/58 (89.7 %), 0
  wrong. (v5/r40/v6 scored by the lead, r41 by j15p.) Then: a DCA line whose share completes the entry's is an entry
  leg; a shouted word is no close target (a close in capitals needs a ticker we know or a close-all command); a
  close that waits for "cuando / en el momento en que … toca" is no close. Floors at the rates as they stand:
  v5/v6/r41/r42 are mostly status/management styles, which j15m (second generaliser, 20:56) now owns.
- `blind_round42.jsonl` (a581e09, j15w; b42-015's coin fixed by j15w at 6858f2a) first look 44/56 (78.6 %), 0 wrong
  (lead and j15p; same against the fixed label); `blind_round43.jsonl` (4fca79b, j15w) first look 48/59 (81.4 %), 0
  wrong trades, 1 wrong close (b43-049 "Closing every open long, BTC lost 95K" closed BTC). Then r43 50/59:
  "建仓区间" is an entry label, "Take 1 @ x" a target row. Floors at the rates as they stand.
- End-of-session measurement (session 6): two batches written by the two batch authors as close as they could to a
  relay group's real traffic (one or two posts per real channel style, styles not used before, not aimed at known
  weak spots), landed in the session's last 15 minutes and scored with the parser of main at their commit:
  `blind_v7.jsonl` (e270381, j15v, 55 posts) 41/55 as landed with one "wrong trade" that was a label question
  ("Instrument: DOT/USD" labelled DOT/USDT; the lead ruled the written quote is kept, as SOL/FDUSD and SOL/USDC
  are, so bv7-002/040/049 name X/USD) — 44/55 (80.0 %), 0 wrong trades, 1 wrong close (bv7-041 "EXIT 1 ✅ EXIT 2 ✅ —
  trail stop" closed STRK; fixed by j15m at 1293c5f) against the ruled labels; `blind_round44.jsonl` (9ae4ff8, j15w,
  59 posts) 55/59 (93.2 %), 0 wrong trades, 0 wrong closes. Registered by the lead with floors at the rates as they
  stand; not generalised.
- Label ruling after the session's rules (lead, on j15m's question): bv6-032 and bv6-034 (Turkish bot close cards that
  say "Side: LONG" / "BNBUSDT | LONG") keep the side, like blind2-092 and bv4-033; v6's first look is 27/42 either way.
- Session 7 (first looks scored by the lead with the parser of main at each batch's landing commit, written in
  /work/PROTOCOL.md before any generaliser read the batch; "ruled" = against the labels after the lead's rulings at
  e2ac649 and cba9b0b): `blind_lead7.jsonl` (dbfe38f, lead) 35/36; `blind_lead8.jsonl` (bc4f0ea, lead) 30/30 — the
  lead's own batches, the least blind; `blind_v8.jsonl` (c325786, j15v) 34/46, 1 wrong position change;
  `blind_v9.jsonl` (e8f4616, j15v) 25/43 as landed, 28/43 ruled, 1 wrong position change; `blind_v10.jsonl`
  (63495b3, j15v) 26/37, 1 wrong trade; `blind_a1.jsonl` (2d45c2e, j15a, copier-product inputs) 28/45, 2 wrong
  closes; `blind_a2.jsonl` (01038d0, j15a) 39/45 as landed, 40/45 ruled, 1 wrong trade; `blind_b1.jsonl` (d8f29a5,
  j15b) 41/48 as landed, 42/48 ruled; `blind_b2.jsonl` (a4e7a27, j15b) 14/18, 1 wrong close; `blind_c1.jsonl`
  (facd78b, j15c) 41/46, 1 wrong trade; `blind_c2.jsonl` (a7e42f6, j15c) 14/17, 1 wrong position change;
  `blind_a3.jsonl` (82d2610, j15a) 44/50; `blind_round45.jsonl` (9d33759, j15w) 32/35; `blind_round46.jsonl`
  (4c82625, j15w) 21/25. b1, c1, a3 and round45 are the end-of-session measurement (real-traffic mix, not
  aimed at weak spots). Every wrong trade, close and position change above was fixed by a rule with look-alike tests
  (status: j15m, test_session7_status.py; opens: the lead, test_session7_opens.py). Floors at the rates as they stand.

Rows flagged `must_not_trade` are labelled literally (a stop on the wrong side, targets out of order, a
price missing a digit): the parse must match the label and still be rejected.

- Session 8 (first looks by the lead, parser of main at each landing commit, written in /work/PROTOCOL.md before any
  generaliser read the batch): `blind_a4.jsonl` (e670f4d, j15a) 32/40, 0 wrong; `blind_a5.jsonl` (b5f3c68, j15a,
  end-of-session measurement: real-traffic mix in 22 languages, not aimed at weak spots) 49/50, 0 wrong. The session's
  open-path rules (the lead; tests/unit/parsing/test_session8_opens.py) moved the older corpora from 4,040 to 4,051 of
  4,145; floors raised to the rates as they stand.
- Session 9 (first looks by the lead with the parser of main when the batch arrived, before any rule read it):
  `blind_d2.jsonl` (d6d9a92, author d2, the issue's miss families in 19 languages) 47/53 as written at 20c4c12, 50/53
  (94.3 %) after three labels were put in the corpus conventions (entries ascending, a leverage range's low end —
  the brief had not said so), 0 wrong trades; then generalised to 53/53 (direction-only alerts with an exchange,
  market or heading line held, "Вхід по ринку", "अभी", German "komplett schließen"). `blind_d3.jsonl` (f23db01, author
  d3, the end-of-session measurement: a day of relay traffic from ~40 channel styles in 18 languages, not aimed at weak
  spots) 45/47 (95.7 %) at first look at 8124c39 as written, 46/47 with bd3-019 put under the ruling that a close names
  its side, 0 wrong trades, closes or position changes; then 47/47 ("Futures only" beside a ruled-out spot). The
  session's rules (tests/unit/parsing/test_session9.py) moved the 73 older corpora from 4,134 to 4,174 of 4,235;
  floors raised to the rates as they stand.- Session 10 (first looks by the lead at 8814519, main when the batches arrived, before any rule read them; the
  batches came after session 9 closed): `blind_d1.jsonl` (b0a2714, author d1, 40 rows: 23 opens, 7 updates, 5 closes,
  5 noise) 39/40 as written, 40/40 with bd1-029 put under the ruling that an update keeps the side it names (the
  brief said side is null for every non-open — the corpora never did that: b44-044, bv1-018), 0 wrong.
  `blind_d4.jsonl` (5d333fe, author d4, status and noise only: 26 updates, 15 closes, 18 not_a_signal in 20
  languages) 51/59 as written, 52/59 with bd4-021 under the same side ruling, 3 wrong closes (a poll "Should we
  close SOL here or let it run? … Vote below", a Spanish VIP advert "Nuestro VIP cerró #XRP con +145%! Únete
  ahora", a Japanese recap "昨日の結果"), 0 wrong trades; then generalised to 59/59 (polls, adverts in 14
  languages, a day's results heading in ja/zh/ko/vi/es/fr/de/it/pl/ru/id, Hindi "हिट", Polish "wejście
  zrealizowane", Thai "ถึงเป้าที่ 2", Arabic "إلغاء صفقة"; tests/unit/parsing/test_session10.py).
  `blind_e1.jsonl` (cdc6aa1, author e1, the session's measurement of opens: a day of relay traffic from ~45 house styles
  in 19 languages, 31 opens, 15 status, 8 noise, not aimed at weak spots) 53/54 (98.1 %) at first look at 8814519, 0
  wrong; the one miss (be1-026 "ENA long 0.512 / 0.498": two limits as labelled, read as a zone — the corpora label
  "A / B" both ways, and both trade the same prices) is left as it is, floor 0.98. `blind_e2.jsonl` (850bc7c, author
  e2, status and noise that look alike in 21 languages: 21 updates, 18 closes, 21 not_a_signal) 52/60 at first look at
  8814519, 3 wrong closes (a Russian VIP advert, a Spanish course advert, a Portuguese poll) and 1 wrong position
  change (a Ukrainian month summary moved a stop); then generalised to 60/60.
  The session's end-of-session batches, first looks at b9b851e (after two adversarial reviews' fixes):
  `blind_f1.jsonl` (6cebd66, author f1, a day of relay traffic, 28 opens in ~40 house styles, 15 status, 7 noise, 20
  languages) 48/50 (96 %) as written, 1 wrong close (German "Hälfte der Position geschlossen" closed INJ), 0 wrong
  trades; then 50/50. `blind_f2.jsonl` (703839d, author f2, status and noise, 20 updates, 17 closes, 21 not_a_signal in
  20 languages) 50/58 (86.2 %) as written, 1 wrong close (a Chinese plan "到达第二目标时我们会全部平仓") and 3 wrong
  position changes (a Turkish partial read as a close, a Spanish lesson and a Polish "Po TP1 …" plan moved stops or took
  a part); then 57/58 — bf2-043 (that Chinese plan) is an update with no action: no position changes.
- Session 11 (first looks at 80fe6da, the session's base, before any rule of the session read them):
  `blind_g1.jsonl` (abfe8b5, author g1, opens in the issue's hardest families — allocations after levels, "Now:"
  entries, one-letter tags, tag clouds, "×" leverage, candle-close stops, direction-only alerts — 40 opens, 18 status
  and noise, 18 languages) 51/58 (87.9 %) as written, 0 wrong trades, 1 wrong close (a Portuguese week's results
  closed XRP); `blind_g2.jsonl` (0f32950, author g2, status and management, 21 closes, 19 updates, 14 noise, 9 opens,
  17 languages) 52/63 (82.5 %), 1 wrong position change ("eth 保本出了，开仓价平掉" — out at breakeven — moved a stop);
  `blind_g3.jsonl` (f042a4f, author g3, a day of six invented channels, 31 opens, 26 status and noise, 14 languages)
  52/57 (91.2 %), 1 wrong close (a Russian spot call whose stop is "закрытие H4 ниже 2,31" closed NEAR). All three
  then generalised to 178/178 (tests/unit/parsing/test_session11.py). After the fixes from two adversarial reviews
  (leverage from promos, card outcomes, whose status it is, negated or hedged changes), first looks at c3f6c8e:
  `blind_i1.jsonl` (dd380ea, author i1, ~25 house styles never seen, 42 opens, 27 status and noise, 21 languages)
  62/69 (89.9 %), 0 wrong; `blind_i2.jsonl` (01fc0b3, author i2, follow-ups and noise, 50 status/noise, 16 opens, 20
  languages) 55/66 (83.3 %), 0 wrong once one label is corrected (bi2-056: a "DCA: 3.980" line beside the entry is no
  entry of the order, as b14-003, b44-004 and bv7-006 label it; disclosed in the row's notes); `blind_i3.jsonl`
  (e365444, author i3, numbers and layouts: sub-zero notation, satoshis, separators, tables, 39 opens, 19 languages)
  55/58 (94.8 %), 0 wrong. Then 67/69, 66/66, 57/58: left are bi1-008 ("E 4.862 / 4.915" read as a zone — the
  corpora label "A / B" both ways), bi1-030 ("$OP Short 1,868" in a German-labelled post: the comma is held as
  ambiguous, never traded) and bi3-042 ("BTC: Ziel 1 (98.400) erreicht ✅ — SL auf Einstieg …" held as an open with a
  target marked hit instead of read as BTC's update). The end-of-session measurement, first look at a741bb6 (after a
  third review's fixes): `blind_j1.jsonl` (983db35, author j1, a mixed day from ~30 invented channels, 32 opens, 17
  status, 9 noise, 21 languages, 12 % English) 52/58 (89.7 %), 0 wrong trades, 1 wrong close ("LINK: cerramos toda la
  posición" closed TODA/USDT); then 55/58 — left: bj1-001 (a bot card "Signal #7340 | Status: Active" read as a
  restated call, the corpora's reading of "Status: active" under a card; a card headed "NEW TRADE" is fresh), bj1-003
  (Turkish "28.40 seviyesinden LONG" — the entry before the side word is not read; held) and bj1-043 ("全部止盈出局"
  after a target ticked off read as the target hit, not the close).
- Session 12, first looks at 9fd10f0 (session 11's end), each batch committed by its author before the parser read it:
  `blind_k1.jsonl` (7dd86fc, author k1, a fresh week of unusual house styles: relays, coins only among topic tags, side
  as a colour, "DCA zone", "accumulate", odd leverage marks; 33 opens, 14 status, 9 noise, 18 languages besides English)
  45/56 (80.4 %), 1 wrong trade by the author's label (bk1-021 "CMP: 5.64 / DCA 2: 5.38" traded at the market without
  the DCA line — the corpora's reading, see the correction below); `blind_k2.jsonl` (c1eb726, author k2, managing
  running trades: 41 updates and closes, 12 opens, 9 noise, 19 languages) 55/62 (88.7 %), 0 wrong; `blind_k3.jsonl`
  (585451a, author k3, incomplete opens and numbers: perps, sub-zero notation, separators, timestamps; 36 opens, 19
  languages) 52/58 (89.7 %), 0 wrong. Label corrections, disclosed in each row's notes: an entry label over "A / B" is
  a zone, as b18-005, b20-057, b41-036, r3-034, bv5-005 and bv5-006 label it (bk1-018, bk2-058, and bi1-008 of
  session 11, left then as a miss); a DCA line beside a CMP entry is no entry (bk1-021, as bi2-056). Then 55/56,
  61/62, 54/58 (tests/unit/parsing/test_session12.py) — left: direction-only alerts whose levels are promised later
  in words the promise rule does not know (bk1-026 "short it NOW, TP/SL coming", bk3-005, bk3-019, bk3-035: not read
  as held opens — safe either way), an exchange's fill notice labelled as an open (bk3-004, read as an update) and
  "Exit all on #OP now, ARB stays open" (bk2-038, held for an operator as a close of all but ARB). j1's three are
  read: bj1-001 as the open it writes, held (a card whose status says active may be shown again), bj1-003 and
  bj1-043 — 58/58; i1 67/69 → 68/69. After two adversarial reviews (17, 18: about 1,480 posts) and seven fixers'
  work, the end-of-session measurement `blind_l1.jsonl` (3020808, author l1, an ordinary day of 33 invented channels,
  32 opens, 20 updates and closes, 9 noise, 27 languages besides English, English 15 %) scored 61/61 at its first look
  (39a64bd), 0 wrong (its ids renamed bl1d-NNN: blind_lead1 already uses bl1-). Two more, first looks at 9d1e992:
  `blind_m1.jsonl` (bb22a32, author m1, the issue's hardest families written fresh: channel tags beside a coin in plain
  text, entry updates, conditional and alternative stops, weighted lists, "Now:" entries, one-letter tags, ordinals,
  stray numbers, "Close"/"Exit" targets, incomplete opens; 39 opens, 20 languages besides English) 46/53 (86.8 %), 0
  wrong trades, 1 wrong close by the author's label (bm1-028 "KAS/USDT — VENDER ahora 🔻", labelled a direction-only
  short, read as the spot sell that exits a held coin — the convention since session 7 ("Sell #SOL now" closes: holding
  instead would leave a follower's running long open when the channel says sell), so the label was corrected to that
  close, disclosed in its notes); `blind_m2.jsonl` (1ae8446, author m2, follow-ups in the
  shapes channels use, 42 updates and closes, 28 languages besides English) 50/58 (86.2 %), 0 wrong (bm2-049's "Вход:
  A / B" corrected to a zone, as above). Then 48/53 and 56/58.

Session 13 (first looks before any rule of the session read them): `blind_n1.jsonl` (b2a5fa8, author n1, posts made by
tools and bots — copy-trading cards, 3Commas/WunderTrading/Finandy webhook JSON, TradingView alerts, auto-translated
"Stop Target Hit" — 19 languages besides English) 48/55 (87.3 %) at e5a4d95, 1 wrong trade by the author's label
(bn1-024 "Вход: по рынку, усреднение 5.12": a market entry carrying the averaging price as its reference);
`blind_n2.jsonl` (7e1c8b8, author n2, less-covered languages: Thai with Thai digits, Hinglish, Urdu, Bengali, Tagalog,
Swahili, Czech, Greek, Hebrew, Kazakh, Amharic …) 52/59 (88.1 %), 1 wrong (bn2-007 "CMP pe le lo, 0.62 tak DCA", the same
family); `blind_n3.jsonl` (b51760d, author n3, a channel's week in order) 56/61 (91.8 %), 3 wrong by the author's label —
priced DCA rungs beside a limit entry, which the corpora had left out since session 11's correction of bi2-056; two
authors (i2, n3) read them as entries, and so does the product's own DCA ladder, so the convention was changed and
bi2-056's correction reverted (disclosed in its notes). One label corrected: bn1-042 "Tüm kâr alma hedeflerine ulaşıldı"
with no close word is a target hit, as 18 corpus rows read it (blind2-059 is the same Cornix line in English). After
review 21 (464 posts against the new rules) the look-alike fixes landed: `blind_o1.jsonl` (fd99e9a, author o1, the
coins as the hard part: tiny prices, 1000-prefixed perps, word tickers, renamed tickers, TRY/EUR/BTC quotes) 55/63
(87.3 %) at 2c5e558, 1 wrong close (bo1-049 "#DOGETRY … işlem kapandı" read as DOGETRY/USDT); `blind_o2.jsonl`
(3ce757a, author o2, the slang of six regional communities) 70/76 (92.1 %), 1 wrong (bo2-003 "Откупаем #LINK по рынку /
Добор: 13.20 / …", a fresh market card, read as an add-on update). Then 55/55, 59/59, 60/61, 60/63 and 76/76.
The end-of-session measurement, first looks at 85255a0: `blind_p1.jsonl` (8750a01, author p1, an ordinary day across
30+ channels, 20 languages besides English) 58/59 (98.3 %), 1 wrong trade (bp1-025 "Mua spot #DOT giá hiện tại, DCA
6.10 nếu về": the DCA price read as a zone entry beside an entry at the market); `blind_p2.jsonl` (247f718, author p2,
posts a careful reader has to think about, 20 languages besides English) 54/60 (90.0 %), 0 wrong. Two p2 labels
corrected: a close that names its side keeps it (bp2-036, bp2-044), as 67 corpus closes do. Then 59/59 and 59/60.
Session 14's first looks at 3a5fe50: `blind_q1.jsonl` (692de91, author q1, South and South-East Asian and African
channels — Vietnamese, Thai, Malay, Tagalog, Hinglish, Urdu, Bengali, Swahili, Hausa, Nigerian pidgin — and bot
layouts: a markdown table, code blocks) 50/60 (83.3 %), 0 wrong; `blind_q2.jsonl` (fd89615, author q2, European and
Middle-Eastern channels, 17 languages, comma decimals and space thousands, Cornix relays, forwarded headers, edits)
59/65 (90.8 %), 0 wrong. The end-of-session measurement, first looks at 6024dff (after reviews 23 and 24 and the q1/q2
rules): `blind_r1.jsonl` (5f9b0c7, author r1, one day of a busy English VIP channel and its copy bot, with Russian,
Spanish and Vietnamese channels) 52/56 (92.9 %), 0 wrong; `blind_r2.jsonl` (ae3be60, author r2, East and South Asian,
Arabic and Persian channels: fullwidth digits, 万 units, circled target numbers) 44/55 (80.0 %), 3 wrong — two fresh
cards with an averaging rung line (zh "补仓", ko "추가매수") read as add-on updates, and a Korean promo re-post of
yesterday's VIP call traded. Then 59/60, 64/65, 52/56 and 47/55, 0 wrong (the r2 rules tested on look-alikes).

Session 15, first looks at fc5da23 (the end of session 14), each batch committed before the parser ran on it:
`blind_s1.jsonl` (947000d, author s1, opens in twelve invented house templates, 18 languages) 48/53 (90.6 %), 1 wrong —
a Turkish close whose "kapatın ❗ Piyasa …" gave the word "Piyasa" (market) as the coin under a channel heading;
`blind_s2.jsonl` (4fefd03, author s2, management and noise in 19 languages) 60/65 (92.3 %), 3 wrong — a German and a
Thai cancel of the unfilled entries read as closes, a Thai "if it closes below …, we close" taken as a close now;
`blind_s3.jsonl` (6e69bb6, author s3, one day of a relay group of six channels, 14 languages) 52/54 (96.3 %), 0 wrong.
Then 53/53, 65/65 and 54/54, 0 wrong.
Second round, first looks at 420beec (after review 26's fixes), committed before the parser ran on them:
`blind_t1.jsonl` (9642923, author t1, 19 rarely seen languages: hi/Hinglish, ur, bn, th, ms, tl, sw, fa, ar, he, el, ro,
cs, nl, hu, uk, kk, uz; native digits) 45/60 (75.0 %), 3 wrong — a Hinglish "TP2 bhi hit 🔥 SL ab TP1" read as a
stop-out, a Thai cancel of rung 3 read as a close, a Persian "always set a stop loss" greeting read as a stop move;
`blind_t2.jsonl` (6fb1927, author t2, English bot and channel templates: TradingView, Cornix, 3Commas, replies,
forwards) 49/57 (86.0 %), 0 wrong; `blind_t3.jsonl` (cf2ff7a, author t3, position changes in 21 languages) 58/63
(92.1 %), 3 wrong — a Japanese "close another third", a Vietnamese cancel of entry 2 and a Ukrainian "close one more
third" read as whole closes. Then 60/60, 55/57 and 61/63, 0 wrong (t2-033 "All take-profit targets achieved" stays an
update, as the corpora label that Cornix notice; t2-024 an indicator alert with no exit stays not_a_signal; t3-004 a
card with an edit line "stop 0.44 değil, 0.41" is held on 0.44; t3-030 "don't move SL yet" is not_a_signal).
Third round, first looks at 7bbfaf8 (after review 27's fixes; the batches were written at c3095f0): `blind_u1.jsonl`
(8ff0adc, author u1, opens with hard numbers — apostrophe/space/point thousands, fiat and coin quotes — 21 languages)
55/59 (93.2 %), 1 wrong — "BTC/EUR Instap: € 91.250" traded at 91.25 (the coin floors held only against dollar
quotes); `blind_u2.jsonl` (fe75995, author u2, noise that looks like calls and real calls beside it, 21 languages)
48/56 (85.7 %), 4 wrong — a Spanish and a Persian question with levels traded, a member's screenshot read as a close,
a call "spotted in another group … we are NOT taking this one" traded; `blind_u3.jsonl` (cd010ab, author u3, relayed
status posts, 20 languages) 48/55 (87.3 %), 1 wrong — "entry 1 filled / Cancel entries 2 & 3" read as a whole close.
Then 58/59, 49/56 and 51/55, 0 wrong (left: questions with levels are not_a_signal where u2 labels a held open; a
whale's trade, a cancelled call's hindsight and a conditional idea are held opens where u2 labels not_a_signal; "still
running/holding" posts and a status naming two coins are not_a_signal where u3 labels updates; a Hinglish reply "trade
cancel karo" is missed).

Session 16, first looks each before any rule of the session read the batch (the session's brief for authors is in the
rows' notes; label corrections are disclosed in the rows): `blind_w1.jsonl` (ab41c31, a relay group's day, 30 channels)
55/60, `blind_w2.jsonl` (1bb353c, bot and copier templates, JSON pasted as text) 49/55, `blind_w3.jsonl` (1bb353c, trade
management in 16+ languages, replies, two coins) 43/55, `blind_w4.jsonl` (ab41c31, opens in 28 languages and awkward
numbers, look-alikes) 44/55 — all four at f8589e8: 191/225 (84.9 %), 4 wrong (a Greek "close 50 %" read as a whole
close, a Chinese "remaining position stopped at breakeven" read as a partial, a Portuguese "Fechamos novembro" (a month
of results) read as a close, a Spanish question with levels traded). `blind_x1.jsonl` (68871d9, issue #15's miss families
in new wording) 58/60 and `blind_x2.jsonl` (84d66ce, a week of ~20 small channels, 19 languages) 54/60, both at af396d7,
0 wrong. `blind_y1.jsonl` (77f7377, English paid channels' house styles) 53/60, `blind_y2.jsonl` (fe12602, ru/uk/tr/fa/ar
channels) 51/60, 2 wrong (a Turkish "2. giriş iptal" — one rung — read as a whole close; a market entry's written price
dropped), `blind_y3.jsonl` (90bd928, zh/ja/ko/vi/th/id channels) 48/60, 1 wrong (a Vietnamese DCA rung after "và"
dropped and the call traded on one entry of two) — at 0be5374. All nine: 455/525 (86.7 %) at first look, 7 wrong; then
519/525, 0 wrong (left: w4-030 a Hungarian comma decimal on a card with its stop on the wrong side, held; x2-035 an
Indonesian "1) 8,10" ladder, held; y1-007/008/027/029 long English theses whose levels block sits under prose — one
reads ETH/BTC from the prose, two are missed, one held).

Session 17, first looks each before any rule of the session read the batch: `blind_z1.jsonl` (b0cf798, bot and Cornix
house styles: allocation percentages, ordinals, "TP (close all)") 56/60, `blind_z2.jsonl` (211f880, management, closes,
channel hashtags, corrections) 52/60, `blind_z3.jsonl` (211f880, 28 languages) 52/60, `blind_z4.jsonl` (211f880, messy
hand-typed English) 51/60 — all at c4237f5's parser: 211/240 (87.9 %), 0 wrong; `blind_z5.jsonl` (8b05dbb, a relay
group's day, 30 channel styles) 55/60, `blind_z6.jsonl` (f2e93db, bot/exchange/copier notices) 47/60 with 1 wrong (an
admin's "Ignore the bot's 'Stop Target Hit' on #GALA, we're still in" read as a stop-out), `blind_z7.jsonl` (ec5c795,
hard symbols and numbers in 18 languages) 55/60 — at the same parser (main had changed only by batches): 157/180. All
seven: 368/420 (87.6 %) at first look, 1 wrong; then 420/420, 0 wrong. A third round, written after the first two
rounds' fixes to be harder (one post each from 60 channels with unusual layouts; 60 channels in 20+ less common
languages; awkward calls, statuses and look-alikes): `blind_z8.jsonl` (c430aac) 43/60 with 3 wrong closes (a text
table's "CUT" row, an "Invalid:" level, "first bag sold"), `blind_z10.jsonl` (c430aac) 48/60 with 2 wrong (a rung
cancelled by its price read as a close; a forwarded call the channel says it does not follow traded), `blind_z9.jsonl`
(6f71c8a) 46/60 with 1 wrong (a DCA price in brackets on the entry line dropped, traded) — first look at 47b8647 (the
session's rules to then; c4237f5 scored the same 137/180 and the same 6 wrong); then 175/180, 0 wrong (left: prose
calls, a pinned legend's field order, a two-coin status, a lead-in about an old trade before a new call).

Session 18, a fourth round, each batch committed on main before the parser ran on it and scored at ba2f760's parser
(main had changed only by batches): `blind_z11.jsonl` (e5a9764, one VIP channel's fortnight in order: numbered cards,
hurried one-liners, follow-ups naming no coin, chat) 51/60 with 2 wrong (pinned rules "TP1 hit = SL to entry, always"
read as a stop move of coin "1XX"; a member's result read as a close), `blind_z12.jsonl` (53b9d95, posts through a
mangling pipeline: HTML, Discord, X threads, OCR, voice transcripts, tab sheets) 43/60, `blind_z13.jsonl` (d67d9c8,
trade management in many wordings) 52/60 with 5 wrong closes (partials "take 2/3 off", "kill half", "Closed: 25% |
Remaining: 50%", a dropped target, a tracked wallet's close), `blind_z14.jsonl` (c5c5478, hard numbers and tickers:
zero counts, superscripts, k shorthand, spaced thousands) 52/60, `blind_z15.jsonl` (838575a, 40 languages and scripts)
55/60. All five: 253/300 (84.3 %) at first look, 7 wrong; then 300/300, 0 wrong. A fifth round, written after the
fourth's fixes, first look at 03060bf (the session's rules to then; ba2f760 scored the same): `blind_z16.jsonl`
(3036e33, a typical day across twelve channels, five posts each) 56/60, `blind_z17.jsonl` (08ed70e, money-safety
look-alikes beside the genuine posts they resemble) 44/60 with 8 wrong (a "TEST — please ignore" card, a teaching card
"NOT a live signal", "a year ago today" over an old card, a member's "check my trade", an old entry joining a new card's
zone — all traded; others' stop-outs and a one-rung cancel read as closes), `blind_z18.jsonl` (3036e33, the VIP
provider's bot and its admins) 53/60 with 1 wrong (a bot's "#stats" read as a coin closed). All three: 153/180 (85.0 %)
at first look, 9 wrong; then 171/180, 0 wrong.

Session 19, a sixth round, committed on main before the parser ran on it and scored at 2355421's parser (session 18's
last): `blind_z19.jsonl` (f1a36a9, a paid VIP channel's week in order) 53/60 with 1 wrong (a spot card's "Split 60/40
between the buys" traded at 40x — counted once scoring checked leverage), `blind_z20.jsonl` (f1a36a9, six small channels
in non-native English) 55/60, `blind_z21.jsonl` (d56f915, relayed bot and tool templates: TradingView webhooks, copy
trading, exchange order bots, grid/DCA bots) 43/60, `blind_z22.jsonl` (f1a36a9, money-safety look-alikes) 49/60 with 3
wrong closes ("Cancel your doubts", a past cancel explained, one rung read as the whole call), `blind_z23.jsonl`
(d56f915, eight non-English channels' day) 53/60. All five: 253/300 (84.3 %) at first look, 4 wrong; then 300/300, 0
wrong. A seventh round, first look at aeeb4b4 (after the sixth's fixes; 2355421 scored 148): `blind_z24.jsonl`
(e3e3168, a representative day across ten English channels) 53/60 with 1 wrong (a DCA order cancelled read as the whole
call), `blind_z25.jsonl` (3a3b43b, a VIP provider's bot and admins over three days) 49/60, `blind_z26.jsonl` (3a3b43b,
ten more languages) 47/60. All three: 149/180 (82.8 %), 1 wrong; then 178/180, 0 wrong. An eighth round, first look at
aeeb4b4 too (2355421 scored the same): `blind_z27.jsonl` (a4d05a5, a weekend across eight channels) 59/60,
`blind_z28.jsonl` (a4d05a5, a VIP provider's CPI day) 49/60 with 3 wrong closes, `blind_z29.jsonl` (a4d05a5,
look-alikes, round two) 50/60 with 1 wrong (a half closed "keep the other half" read as a full close). All three:
158/180 (87.8 %), 4 wrong; then 177/180, 1 wrong left (z28-030, a Turkish stop-out report whose label says a member
wrote it — an admin could write it word for word). A ninth round, first look at 9863322 (after the seventh's fixes;
2355421 scored the same): `blind_z30.jsonl` (70d663f, a representative day across twelve channels) 52/60,
`blind_z31.jsonl` (70d663f, a hand-written VIP channel's week) 47/60 with 1 wrong (one rung cancelled read as the whole
call), `blind_z32.jsonl` (70d663f, look-alikes, round three) 45/60 with 9 wrong (a chart gap, an exchange's delisting,
an exit poll, a member's quoted stop-out and a venue "exited" read as closes; two misspelt tickers and the channel's
own earlier call translated traded). All three: 144/180 (80.0 %), 10 wrong; then 155/180, 2 wrong left (the misspelt
tickers #WLF and #STRX trade as written — no parser can tell a misspelling from a new listing; the market-price check at
ingest finds no price for a symbol that does not exist, and the exchange refuses the order).
A tenth round (session 20), first look at b486cf1 (session 19's parser): `blind_z33.jsonl` (b486cf1, a representative
day across ten English channels) 49/60, `blind_z34.jsonl` (b486cf1, a VIP provider's bot and two admins over three days)
37/60 with 7 wrong closes (the bot's "Exit ① reached" target hits), `blind_z35.jsonl` (b486cf1, twelve languages) 54/60,
`blind_z36.jsonl` (1dac3cb, a forwarding bot relaying ~40 VIP channels) 52/60, `blind_z37.jsonl` (1dac3cb, look-alikes
round four, each with its genuine counterpart) 49/60 with 4 wrong (two fiat-quoted cards, a member's trade, a translated
call). Two labels were changed after (z37-041/049, a translation of the channel's call: open + must_not_trade -> update,
the convention of z32-017/046; against them z37 was 47/60). All five: 241/300 (80.3 %), 11 wrong; then 300/300, 0
wrong. An eleventh round, first look at 79134e5 (three of round ten's four fixer branches merged; 75a92db, before them,
scored 141): `blind_z38.jsonl` (030d636, a busy relay group's day from twelve sources) 54/60 with 1 wrong close
("ADMIN:" read as a coin), `blind_z39.jsonl` (030d636, a provider bot's key=value cards and one-line "›" notices, an
analyst in lower case) 39/60 with 1 wrong close (a format guide's "#ref" read as a coin), `blind_z40.jsonl` (030d636, ten
more languages) 49/60. Four labels were changed after (z40-002/038/044/056, "Entry: A / B": limit -> range, the
convention of 51 other rows; against them z40 was 53/60). All three: 142/180 (78.9 %; 146/180 against the changed
labels), 2 wrong; then 179/180, 0 wrong (z38-007 left: a prose call whose coin is in the sentence before the bids).
A twelfth round (session 21), first look at cf93ebf (session 20's parser plus the "entry was" hold): `blind_z41.jsonl`
(9792e9c, a day of ~15 English VIP channels) 47/60, `blind_z42.jsonl` (9792e9c, signal bots, webhooks, Discord bridges,
copy-trading notices) 50/60, `blind_z43.jsonl` (9792e9c, twelve languages) 49/60, `blind_z44.jsonl` (e67b49a, money traps
beside their genuine counterparts) 47/60. Thirteen labels were changed after, each to the corpora's convention that the
authors' brief had stated wrongly: leverage ranges to the lower number (z41-006/007/033, z42-042, z43-007/022/056),
limit ladders ascending (z41-011/013/022), example cards to not_a_signal (z42-038, z43-042, z44-042); against them
51, 52, 53, 48. All four: 193/240 (80.4 %) as landed, 204/240 (85.0 %) against the changed labels, 5 wrong (a daily
wrap and a German info post read as breakeven moves, a bot's "ENTRY LADDER (% of size)" card read as a close, an
admin's own side trade closed, yesterday's call re-posted as a free sample traded); then 240/240, 0 wrong. A
thirteenth round, first look at 2e5a75d (two of round twelve's three fixer branches merged): `blind_z45.jsonl`
(5237c94, hand-written calls of solo traders and small groups) 47/60, `blind_z46.jsonl` (5237c94, twelve more
languages) 47/60, `blind_z47.jsonl` (5237c94, a VIP aggregator's busy day) 47/60. No label changed. All three: 141/180
(78.3 %), 3 wrong (a posting template traded, a Ukrainian weekly recap read as a breakeven move, an Italian card that
waits for a 4h close traded); then 173/180, 0 wrong (z45-019/029/046/050, z47-011/014/026 left: held opens or label
questions, none tradable or closing).
A fourteenth round (session 22), first look at fdddaad (session 21's parser): `blind_z48.jsonl` (104815e, hard layouts
from the hidden set's miss families in new wording) 54/60, `blind_z49.jsonl` (104815e, management and closing wording in
eleven languages) 47/60, `blind_z50.jsonl` (104815e, a week in three channels: threads, edits, re-entries) 45/60,
`blind_z51.jsonl` (104815e, ten languages in their own scripts) 50/60. All four: 196/240 (81.7 %), 5 wrong (a close of
the second coin of a conditional, a stranger's liquidation read as a close, a cancel of unfilled rungs read as a close,
lesson cards in Romanian and Chinese traded); two labels changed after, to the corpora's convention (z48-002/005: a post
about one running trade saying nothing changed is an update), 198/240 against them. A fifteenth round, first look at
94b198b (round fourteen's four fixer branches and reviews 35/36 merged): `blind_z52.jsonl` (51673eb, a day across twenty
English VIP channels) 48/60, `blind_z53.jsonl` (51673eb, ten non-English channels) 53/60, `blind_z54.jsonl` (51673eb,
bots, webhooks, Cornix cards, bridges) 54/60, `blind_z55.jsonl` (51673eb, money traps beside their genuine
counterparts) 50/60. All four: 205/240 (85.4 %), 6 wrong (a close of "ANY" from "cancel any orders", a channel's brand
word closed, a bot's daily summary read as a close, an expired card read as a close, a stop move for after TP2 made
now, a German expired card traded). Both rounds after the fixes: 471/480, 0 wrong (left: z49-036, z50-023,
z50-017, z52-025, z54-015, z55-016/018/048/056 — label questions of no-change updates, exit sides and a fiat card's market; none tradable or closing).
A sixteenth round (session 23), first look at 5e89440 (session 22's parser): `blind_z56.jsonl` (2a0ee64, automated
relays: copy-trade notices, bot exports, TradingView payloads, liquidation and whale feeds) 50/60, `blind_z57.jsonl`
(2a0ee64, status traffic in twelve languages) 51/60, `blind_z58.jsonl` (2a0ee64, trade-management threads) 49/60,
`blind_z59.jsonl` (2a0ee64, look-alikes and money traps) 49/60. All four: 199/240 (82.9 %), 8 wrong (a Spanish
"CANCELADA" closed as a coin, a candle "closed at" read as a close, a Russian idea's invalidation read as a close, a DCA
buy plan read as an add, and gold, forex and two stock cards traded); two stock cards' symbols relabelled after, to the
USDT convention (535177b). After round sixteen's seven fixer branches (and review 37's families): 231/240, 0 wrong
(left: z57-005/024/039, z58-009/023/045/059, z59-022 — no-change restatements, a label question — and z58-020, a reply that
supplies targets to a quoted re-entry).
A seventeenth round (session 23), first look at 291593d (round sixteen's fixes and review 37 merged):
`blind_z60.jsonl` (ab426d2, a day across fifteen English channels) 52/60, `blind_z61.jsonl` (ab426d2, ten more
languages) 51/60, `blind_z62.jsonl` (ab426d2, trade management with amounts) 49/60, `blind_z63.jsonl` (ab426d2, money
traps beside their twins) 50/60. All four: 202/240 (84.2 %), 13 wrong (partial closes read from recaps of yesterday,
rung cancels read as closes, a mocked competitor's close, a market call with its reference price lost, a Hebrew lesson
card and a forwarded card asked about traded, another coin's 10x taken as the card's leverage); one stock card's symbol
set to the USDT convention before scoring. After two wave-2 fixer branches (recap23, opens23b): 221/240, 0 wrong
(misses left: coin-only headings, one-letter sides, label questions of no-change posts).
An eighteenth round (session 24), first look at 9c843e9: `blind_z64.jsonl` (a53dc1e, twelve channels' card templates)
56/60, `blind_z65.jsonl` (a53dc1e, trade management in seventeen languages) 44/60, `blind_z66.jsonl` (a53dc1e, posts
mangled by relays and clients) 48/60, `blind_z67.jsonl` (a53dc1e, money traps beside their safe twins) 45/60. All four:
193/240 (80.4 %), 5 wrong (a Russian rung cancel read as a close, "still holding … stop at entry, nothing to do" read as
a breakeven move, a past trade's breakdown and a member's own exit read as closes, a card forwarded to ask whether its
channel is legit traded). After four fixer branches (status24a, status24b, cards24, traps24): 237/240, 0 wrong (left:
z66-059 and z67-035/037 — label questions of no-change and hold-with-a-conditional-exit posts).
A nineteenth round (session 25), first look at 4116af3: `blind_z68.jsonl` (4116af3, solo traders typing on phones)
41/60, `blind_z69.jsonl` (4116af3, bot and tool outputs) 51/60, `blind_z70.jsonl` (4116af3, full cards in Persian,
Arabic, Vietnamese, Korean and ten more languages, native digits) 52/60, `blind_z71.jsonl` (4116af3, the hidden set's
hard families in new wording) 56/60. All four: 200/240 (83.3 %), 3 wrong (card targets labelled "Close 1 ▸" read as a
close, a strategy's "cover_short" read as a stop move, a market order's reference price lost); four copy-trading fills
relabelled limit before scoring, as older corpora label them. After three fixer branches (casualopens25, casualstatus25,
bots25) and the lead's: 236/240, 0 wrong. Held out while they worked: `blind_z72.jsonl` (ccf87bf, a day across twenty
English channels) and `blind_z73.jsonl` (ccf87bf, a day of six channels in es/pt/ru/tr/de/it), scored at 4116af3:
102/120 (85.0 %), 3 wrong; after the branches, with nothing fixed from them: 103/120 (85.8 %), 3 wrong. Their wrong
trades were then fixed (money25: a bot's 24h tally read as a close of "HITS", a Russian "only if the 4h closes above"
card traded, a German overview's "Stopp liegt auf Einstand" read as a breakeven move) with three lower-case closes of
z68: z72–z73 105/120, 0 wrong; z68–z71 239/240, 0 wrong.
A twentieth round (session 26), first look at ba10454: `blind_z74.jsonl` (b01a91f, signal bots' cards and their
follow-ups) 51/60, `blind_z75.jsonl` (b01a91f, reply threads and quoted calls) 47/60, `blind_z76.jsonl` (b01a91f, cards
and management in Japanese, Chinese, Korean, Hindi, Malay and Hinglish, with 万/만 and lakh numbers) 46/60,
`blind_z77.jsonl` (b01a91f, the hidden set's hard families in new wording) 54/60. All four: 198/240 (82.5 %), 9 wrong
(a Japanese "６万８５００" read as 600008500, a Japanese template card and a Malay "only if the 4h candle closes below"
card traded among them). After four fixer branches (threads26, hard26, bots26, asia26) and the lead's: 240/240, 0 wrong.
Held out while they worked: `blind_z78.jsonl` (b01a91f, a day across English channels) and `blind_z79.jsonl` (b01a91f,
a day in French, Dutch, Polish, Romanian, Arabic and Persian channels), scored at ba10454: 105/120 (87.5 %), 1 wrong
(a Polish "Zamykamy temat", "we close the topic", read as a close of TEMAT); after the branches, with nothing fixed from
them: 105/120, 0 wrong. Session 27 then fixed them (heldout27): 120/120, 0 wrong.
A twenty-first round (session 27), first look at dd77063: `blind_z80.jsonl` (dd77063, cards whose levels carry
allocations, weights and order sizes, with their follow-ups) 40/60, `blind_z81.jsonl` (dd77063, money traps beside
their safe twins) 51/60, `blind_z82.jsonl` (dd77063, trade management in twelve languages) 52/60, `blind_z83.jsonl`
(dd77063, a day across fifteen English channels) 38/60. All four: 181/240 (75.4 %), 7 wrong (a forwarded card asked
about as a scam traded twice, a competitor's 50x taken as the card's leverage, "Close 1 & 2 unchanged" read as a close,
a tweet's "3/" read as the stop, a ticket number "LD-0712" read as the coin closed, a label-first tally read as a close).
Two example cards (z80-014, z83-050) relabelled not_a_signal after the first look, the older corpora's convention that
the writers' brief had contradicted (183/240 with those labels). After three fixer branches (cards27, money27, day27): 239/240, 0 wrong; 237/240 once the lead reverted money27's
channel-name tag rule, which let a lower-case ticker beside a tag trade unheld (z81-052/053 read as no signal). Left:
z81-036, a forwarded card asked about, labelled a held open where z63-049 and z67-033 label the same idea no signal).
Held out: `blind_z84.jsonl` (dd77063, a day of eight channels in es/pt/ru/tr/de/it/id/vi) 39/60 (65.0 %), 1 wrong at
dd77063 (40/60 with z84-010 relabelled as above); 40/60 after the branches — their fixes carried no post to it —
the wrong one (a Turkish "sağlam mı sizce?" over a
forwarded card) then fixed by the lead: 40/60, 0 wrong; then three of its card labels taught (it "Prezzo di carico",
"Protezione", vi "Mã:", "Vùng mua"): 44/60.
"""

import json
from pathlib import Path

import pytest
from verzek.domain.signals import MessageKind
from verzek.parsing import parse_message
from verzek.parsing.scoring import wrong_trade

DATA = Path(__file__).parent / "data"
# file -> (minimum size, minimum exact-match rate)
CORPORA = {
    "generalisation_corpus.jsonl": (150, 1.0),
    "blind_round2.jsonl": (120, 1.0),
    "blind_round3.jsonl": (120, 1.0),
    "blind_round4.jsonl": (120, 1.0),
    "blind_round5.jsonl": (100, 1.0),
    "blind_round6.jsonl": (61, 1.0),
    "blind_round7.jsonl": (34, 1.0),
    "blind_round8.jsonl": (87, 1.0),
    "blind_round9.jsonl": (73, 1.0),
    "blind_round10.jsonl": (70, 1.0),
    "blind_round11.jsonl": (64, 1.0),
    "blind_round12.jsonl": (52, 1.0),
    "blind_round13.jsonl": (68, 1.0),
    "blind_round14.jsonl": (70, 1.0),
    "blind_round15.jsonl": (67, 1.0),
    "blind_round16.jsonl": (68, 1.0),
    "blind_round17.jsonl": (62, 1.0),
    "blind_round18.jsonl": (62, 1.0),
    "blind_round19.jsonl": (68, 1.0),
    "blind_round20.jsonl": (60, 1.0),
    "blind_round21.jsonl": (65, 1.0),
    "blind_round22.jsonl": (68, 1.0),
    "blind_round23.jsonl": (56, 1.0),
    "blind_round24.jsonl": (53, 1.0),
    "blind_round25.jsonl": (50, 1.0),
    "blind_round26.jsonl": (52, 1.0),
    "blind_round27.jsonl": (57, 1.0),
    "blind_round28.jsonl": (63, 1.0),
    "blind_round29.jsonl": (66, 1.0),
    "blind_round30.jsonl": (61, 1.0),
    "blind_round31.jsonl": (66, 1.0),
    "blind_round32.jsonl": (51, 1.0),
    "blind_round33.jsonl": (57, 1.0),
    "blind_round34.jsonl": (52, 1.0),
    "blind_round35.jsonl": (60, 1.0),
    "blind_lead1.jsonl": (40, 1.0),
    "blind_round36.jsonl": (59, 1.0),
    "blind_round37.jsonl": (58, 1.0),
    "blind_lead2.jsonl": (28, 1.0),
    "blind_round38.jsonl": (54, 1.0),
    "blind_round39.jsonl": (55, 1.0),
    "blind_lead3.jsonl": (40, 0.975),
    "blind_lead4.jsonl": (39, 1.0),
    "blind_lead5.jsonl": (33, 1.0),
    "blind_v1.jsonl": (47, 1.0),
    "blind_v2.jsonl": (45, 1.0),
    "blind_v3.jsonl": (47, 1.0),
    "blind_lead6.jsonl": (35, 1.0),
    "blind_v4.jsonl": (38, 1.0),
    "blind_v5.jsonl": (50, 0.94),
    "blind_round40.jsonl": (60, 0.98),
    "blind_v6.jsonl": (42, 0.9),
    "blind_round41.jsonl": (58, 0.96),
    "blind_round42.jsonl": (56, 0.96),
    "blind_round43.jsonl": (59, 0.93),
    "blind_v7.jsonl": (55, 0.9),
    "blind_round44.jsonl": (59, 1.0),
    "blind_lead7.jsonl": (36, 1.0),
    "blind_lead8.jsonl": (30, 1.0),
    "blind_v8.jsonl": (46, 0.86),
    "blind_v9.jsonl": (43, 0.9),
    "blind_v10.jsonl": (37, 0.97),
    "blind_a1.jsonl": (45, 0.77),
    "blind_a2.jsonl": (45, 0.95),
    "blind_b1.jsonl": (48, 0.91),
    "blind_b2.jsonl": (18, 0.94),
    "blind_c1.jsonl": (46, 1.0),
    "blind_c2.jsonl": (17, 0.82),
    "blind_a3.jsonl": (50, 0.96),
    "blind_round45.jsonl": (35, 0.94),
    "blind_round46.jsonl": (25, 1.0),
    "blind_a4.jsonl": (40, 0.92),
    "blind_a5.jsonl": (50, 0.98),
    "blind_d2.jsonl": (53, 1.0),
    "blind_d3.jsonl": (47, 1.0),
    "blind_d1.jsonl": (40, 1.0),
    "blind_d4.jsonl": (59, 1.0),
    "blind_e1.jsonl": (54, 0.98),
    "blind_e2.jsonl": (60, 1.0),
    "blind_f1.jsonl": (50, 1.0),
    "blind_f2.jsonl": (58, 0.98),
    "blind_g1.jsonl": (58, 1.0),
    "blind_g2.jsonl": (63, 1.0),
    "blind_g3.jsonl": (57, 1.0),
    "blind_i1.jsonl": (69, 0.98),
    "blind_i2.jsonl": (66, 1.0),
    "blind_i3.jsonl": (58, 0.98),
    "blind_j1.jsonl": (58, 1.0),
    "blind_k1.jsonl": (56, 0.98),
    "blind_k2.jsonl": (62, 0.98),
    "blind_k3.jsonl": (58, 0.93),
    "blind_l1.jsonl": (61, 1.0),
    "blind_m1.jsonl": (53, 0.9),
    "blind_m2.jsonl": (58, 0.96),
    "blind_n1.jsonl": (55, 0.85),
    "blind_n2.jsonl": (59, 0.85),
    "blind_n3.jsonl": (61, 0.9),
    "blind_o1.jsonl": (63, 0.85),
    "blind_o2.jsonl": (76, 0.9),
    "blind_p1.jsonl": (59, 0.96),
    "blind_p2.jsonl": (60, 0.9),
    "blind_q1.jsonl": (60, 0.98),
    "blind_q2.jsonl": (65, 0.98),
    "blind_r1.jsonl": (56, 0.92),
    "blind_r2.jsonl": (55, 0.85),
    "blind_s1.jsonl": (53, 0.96),
    "blind_s2.jsonl": (65, 0.98),
    "blind_s3.jsonl": (54, 0.98),
    "blind_t1.jsonl": (60, 0.98),
    "blind_t2.jsonl": (57, 0.94),
    "blind_t3.jsonl": (63, 0.95),
    "blind_u1.jsonl": (59, 0.96),
    "blind_u2.jsonl": (56, 0.85),
    "blind_u3.jsonl": (55, 0.90),
    "blind_w1.jsonl": (60, 0.98),
    "blind_w2.jsonl": (55, 0.98),
    "blind_w3.jsonl": (55, 0.98),
    "blind_w4.jsonl": (55, 0.96),
    "blind_x1.jsonl": (60, 0.98),
    "blind_x2.jsonl": (60, 0.96),
    "blind_y1.jsonl": (60, 0.9),
    "blind_y2.jsonl": (60, 0.98),
    "blind_y3.jsonl": (60, 0.98),
    "blind_z1.jsonl": (60, 0.98),
    "blind_z2.jsonl": (60, 0.98),
    "blind_z3.jsonl": (60, 0.98),
    "blind_z4.jsonl": (60, 0.98),
    "blind_z5.jsonl": (60, 0.98),
    "blind_z6.jsonl": (60, 0.98),
    "blind_z7.jsonl": (60, 0.98),
    "blind_z8.jsonl": (60, 0.95),
    "blind_z9.jsonl": (60, 0.98),
    "blind_z10.jsonl": (60, 0.96),
    "blind_z11.jsonl": (60, 0.98),
    "blind_z12.jsonl": (60, 0.98),
    "blind_z13.jsonl": (60, 0.98),
    "blind_z14.jsonl": (60, 0.98),
    "blind_z15.jsonl": (60, 0.98),
    "blind_z16.jsonl": (60, 0.96),
    "blind_z17.jsonl": (60, 0.95),
    "blind_z18.jsonl": (60, 0.93),
    "blind_z19.jsonl": (60, 0.98),
    "blind_z20.jsonl": (60, 0.98),
    "blind_z21.jsonl": (60, 0.98),
    "blind_z22.jsonl": (60, 0.98),
    "blind_z23.jsonl": (60, 0.98),
    "blind_z24.jsonl": (60, 0.98),
    "blind_z25.jsonl": (60, 0.98),
    "blind_z26.jsonl": (60, 0.98),
    "blind_z27.jsonl": (60, 0.98),
    "blind_z28.jsonl": (60, 0.93),
    "blind_z29.jsonl": (60, 0.98),
    "blind_z30.jsonl": (60, 0.9),
    "blind_z31.jsonl": (60, 0.8),
    "blind_z32.jsonl": (60, 0.83),
    "blind_z33.jsonl": (60, 0.98),
    "blind_z34.jsonl": (60, 0.98),
    "blind_z35.jsonl": (60, 0.98),
    "blind_z36.jsonl": (60, 0.98),
    "blind_z37.jsonl": (60, 0.98),
    "blind_z38.jsonl": (60, 0.98),
    "blind_z39.jsonl": (60, 0.98),
    "blind_z40.jsonl": (60, 0.98),
    "blind_z41.jsonl": (60, 0.98),
    "blind_z42.jsonl": (60, 0.98),
    "blind_z43.jsonl": (60, 0.98),
    "blind_z44.jsonl": (60, 0.98),
    "blind_z45.jsonl": (60, 0.93),
    "blind_z46.jsonl": (60, 0.98),
    "blind_z47.jsonl": (60, 0.95),
    "blind_z48.jsonl": (60, 0.98),
    "blind_z49.jsonl": (60, 0.98),
    "blind_z50.jsonl": (60, 0.95),
    "blind_z51.jsonl": (60, 0.98),
    "blind_z52.jsonl": (60, 0.98),
    "blind_z53.jsonl": (60, 0.98),
    "blind_z54.jsonl": (60, 0.98),
    "blind_z55.jsonl": (60, 0.93),
    "blind_z56.jsonl": (60, 0.98),
    "blind_z57.jsonl": (60, 0.95),
    "blind_z58.jsonl": (60, 0.91),
    "blind_z59.jsonl": (60, 0.98),
    "blind_z60.jsonl": (60, 0.88),
    "blind_z61.jsonl": (60, 0.95),
    "blind_z62.jsonl": (60, 0.91),
    "blind_z63.jsonl": (60, 0.93),
    "blind_z64.jsonl": (60, 0.98),
    "blind_z65.jsonl": (60, 0.98),
    "blind_z66.jsonl": (60, 0.98),
    "blind_z67.jsonl": (60, 0.95),
    "blind_z68.jsonl": (60, 0.98),
    "blind_z69.jsonl": (60, 0.98),
    "blind_z70.jsonl": (60, 0.98),
    "blind_z71.jsonl": (60, 0.98),
    "blind_z72.jsonl": (60, 0.84),
    "blind_z73.jsonl": (60, 0.89),
    "blind_z74.jsonl": (60, 0.98),
    "blind_z75.jsonl": (60, 0.98),
    "blind_z76.jsonl": (60, 0.98),
    "blind_z77.jsonl": (60, 0.98),
    "blind_z78.jsonl": (60, 0.98),
    "blind_z79.jsonl": (60, 0.98),
    "blind_z80.jsonl": (60, 0.98),
    "blind_z81.jsonl": (60, 0.95),
    "blind_z82.jsonl": (60, 0.98),
    "blind_z83.jsonl": (60, 0.98),
    "blind_z84.jsonl": (60, 0.73),
}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = {name: _rows(name) for name in CORPORA}


@pytest.mark.parametrize("name", CORPORA)
def test_corpus_is_large_and_well_formed(name):
    rows = ROWS[name]
    assert len(rows) >= CORPORA[name][0]
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) >= {"id", "text", "expected", "format", "language", "notes"}
        assert row["expected"]["kind"] in {k.value for k in MessageKind}


def test_corpora_do_not_share_ids():
    ids = [r["id"] for rows in ROWS.values() for r in rows]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", CORPORA)
def test_exact_match_rate(name):
    rows = ROWS[name]
    misses = [r["id"] for r in rows if parse_message(r["text"]).to_expected_dict() != r["expected"]]
    rate = 1 - len(misses) / len(rows)
    assert rate >= CORPORA[name][1], f"exact {len(rows) - len(misses)}/{len(rows)}; misses: {misses}"


def _wrong_trade(row) -> str | None:
    return wrong_trade(row, parse_message(row["text"]))


@pytest.mark.parametrize("name", CORPORA)
def test_no_message_becomes_a_wrong_tradable_signal(name):
    wrong = {r["id"]: why for r in ROWS[name] if (why := _wrong_trade(r))}
    # (the known ones are listed so that a new wrong trade, or a known one fixed, fails here)
    assert set(wrong) == set(KNOWN_WRONG_TRADES.get(name, {})), wrong


# Wrong trades the parser cannot avoid alone, each with why (session 19): a misspelt ticker ("#WLF" for WLD or WIF, "#STRX"
# for STX or STRK) reads like a coin newly listed — the parser has no listing to check it against. Downstream, the
# market-price check at ingest asks the exchange, which lists no such market: the signal is held for review (session 21,
# tests/integration/telegram/test_ingest_price_check.py); a misspelling that names another real coin is caught by the
# price check when the prices differ.
KNOWN_WRONG_TRADES = {
    "blind_z32.jsonl": {"z32-019": "misspelt ticker #WLF traded as written", "z32-034": "misspelt ticker #STRX traded as written"},
}
_KNOWN_WRONG_IDS = {row_id for rows in KNOWN_WRONG_TRADES.values() for row_id in rows}


@pytest.mark.parametrize("row", [
    pytest.param(r, marks=pytest.mark.xfail(strict=True, reason="KNOWN_WRONG_TRADES")) if r["id"] in _KNOWN_WRONG_IDS else r
    for rows in ROWS.values() for r in rows if r.get("must_not_trade")], ids=lambda r: r["id"])
def test_inconsistent_posts_are_read_literally_and_rejected(row):
    parsed = parse_message(row["text"])
    assert not parsed.tradable
    if _FLOOR_OF_ROW[row["id"]] == 1.0:
        # (a corpus registered below 1.0 counts its misses against its floor; never trading them holds everywhere)
        assert parsed.to_expected_dict() == row["expected"]
        assert parsed.rejected


_FLOOR_OF_ROW = {r["id"]: CORPORA[name][1] for name, rows in ROWS.items() for r in rows}


HELD_FORMATS = {"no_entry_market", "enter_long_bare_price", "direction_only"}


@pytest.mark.parametrize("row", [r for n in CORPORA if n.startswith("blind_round") and int(n[11:-6]) >= 6
                                 for r in ROWS[n] if r["format"] in HELD_FORMATS],
                         ids=lambda r: r["id"])
def test_opens_completed_by_an_assumption_are_held_for_review(row):
    parsed = parse_message(row["text"])
    assert not parsed.tradable
    if _FLOOR_OF_ROW[row["id"]] == 1.0:
        assert parsed.kind.value == "open" and "held for review" in parsed.rejected


def test_every_field_of_a_tradable_open_names_where_it_came_from():
    for rows in ROWS.values():
        for row in rows:
            parsed = parse_message(row["text"])
            if not parsed.tradable:
                continue
            sources = dict(parsed.provenance)
            assert {"symbol", "side"} <= set(sources), row["id"]
            assert ("entries" in sources) == bool(parsed.entries or parsed.entry_type), row["id"]
            assert ("targets" in sources) == bool(parsed.targets), row["id"]
            assert ("stop_loss" in sources) == (parsed.stop_loss is not None), row["id"]
            assert not any(rule.startswith("weak: ") for rule in sources.values()), row["id"]
