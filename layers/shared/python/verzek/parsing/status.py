"""Recognising follow-up posts: take-profit hits, stop moves, fills, partial and full closes.

Patterns run on the lower-cased normalised text. A partial close ("close half") is an update, a
full close/cancel/stop-out is a close; anything else that reports progress on a trade is an update.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

from verzek.domain.signals import UpdateAction
from verzek.parsing import re_prefilter as re  # (re, with a first-character prefilter on costly patterns)

_TP_WORDS = (r"(?:tp|target|maqsad|take[\s-]*profit|(?<!stop\s)(?<!stop-)(?:hedeflerine|hedeflere|hedefine|hedefe|hedefler|hedef)|(?<!стоп-)(?<!стоп\s)(?:цели|цель)|(?:ال)?هدف|тейк|objetivo|alvo|تارگت|止盈|目标|목표|ziel|objectif|obiettivo|"
             r"cel|ціль|m[ụu]c\s+ti[êe]u|利确|ターゲット|目标|เป้าหมาย|เป้า|sasaran|lengo|יעד|στόχος|στόχο|[țţt][iî]nt[aă]|c[íi]l|doel|"
             r"টার্গেট|익절|ٹارگٹ|c[ée]l|"
             # hr/bs/sr "cilj", lv "mērķis", pa "ਟਾਰਗੇਟ"
             r"cilj(?:evi|eva)?|m[ēe]r[ķk](?:is|i|u)|ਟਾਰਗੇਟ|"
             # ru/uk "ТП3 ✅", "стоп подтянут к ТП1" (the take-profit's letters in Cyrillic)
             r"(?<![^\W\d_])тп)")
# ("Take-profit 1 printed at 0.2390": the target "printed", traders' slang for reached)
_DONE = (r"(?:bajarildi|hit(?!\s+(?:rate|ratio|%))|reached|achieved|done|smashed|completed?|touched|filled|taken|secured|booked|profit|printed|(?:[đd][ãa]\s+)?ch[ạa]m|"
         r"(?:[đd][ãa]\s+)?[đd][ạa]t|"
         r"ulaş[ıi]ld[ıi]|ger[çc]ekle[şs]ti|vuruldu|достигнут\w*|взят\w*|выполнен\w*|alcanzad\w*|atingid\w*|logrado|"
         r"tercapai|kena|geldi|land(?:ed)?(?!\w)|zaliczon\w*|خورد|مکمل|el[ée]rve|teljes[üu]lt|bereikt|رسید|رسیدیم|زده\s+شد|تاچ\s+شد|已?(?:达成|达到|到达|完成|触发)|달성|erreicht|atteint\w*|raggiunt\w*|"
         r"osi[aą]gni[eę]t\w*|досягнут\w*|达成|到达|(?:แตะ|ชน|ถึง)แล้ว|แล้ว|\w*fikiwa|הושג\w*|επιτεύχθηκε|χτυπήθηκε|atins[aă]?|"
         r"spln[ěe]n\w*|dosa[žz]en\w*|bereikt|geraakt|হিট|हिट|সম্পন্ন|naabot|tinamaan|도달|отработан\w*|отработал\w*|"
         # ur "ٹارگٹ پورا ہو گیا" (the target completed), "ہٹ ہو گیا" (hit)
         r"پورا\s+ہو\s+گیا|پورا\s+ہوا|ہٹ\s+ہو\s+گیا|ہٹ\s+ہوا|"
         r"(?:batid[oa]|alcançad[oa]|tocad[oa]|cumplid[oa])(?!s)|"
         # it "TP3 preso" / fr "TP1 pris" / de "TP1 genommen" (taken)
         r"pres[oa](?!\w)|pris(?!\w)|genommen|تحقق|tamam(?:land[ıi])?|getroffen|touch[ée]e?s?|colpit[oa]|trafion\w*|"
         r"완료|已到|已经到|已到达|"
         # hr "pogođen", "dostignut", lv "sasniegts", pa "ਹਿੱਟ", yo "ti bọ́" (it has landed)
         r"pogo[đd]en\w*|dostignut\w*|sasniegt\w*|ਹਿੱਟ|ti\s+b[ọo]\u0301?(?!\w))")
# Particles some languages put around the target number ("TP1 na po ✅", "lengo la 2 limefikiwa").
# ("ikinci hedef de geldi", "تارگت سوم هم خورد", "TP2 also hit": "too/also" between the target and the verb)
# (pcm "TP1 don land", "TP2 don hit": "don" says it has happened; "TP1 and TP2 both touched": "both" after the last)
_PARTICLES = (r"(?:(?:na|po|la|ya|ni|de|da|don|too|also|both|bhi|هم|также|тоже|tamb[ée]m|tambi[ée]n|auch|aussi|anche|"
              # ("2. hedef başarıyla ulaşıldı", "TP2 successfully reached")
              r"successfully|ba[şs]ar[ıi]yla|успешно|erfolgreich|exitosamente|com\s+sucesso|con\s+[ée]xito|avec\s+succ[èe]s|"
              r"con\s+successo)\s+){0,2}")
# Ordinals written between the target word and the verb ("تارگت دوم خورد", "target first hit").
_ORDINAL = (r"(?:first|second|third|fourth|fifth|\d(?:st|nd|rd|th)|اول|دوم|سوم|چهارم|پنجم|(?:ال)?[أا]ول|(?:ال)?ثاني|"
            r"(?:ال)?ثالث|(?:ال)?رابع|"
            # (session 26, asia26: ms/id "sasaran pertama tercapai", "target kedua kena" — the ordinal after the target word)
            r"pertama|kedua|ketiga|keempat|kelima)")

# A numbered exit — the channel's name for its target ("Exit 1", "Exit ①" read as "Exit 1", "Çıkış 2", "Salida 3",
# "Exit target 2") — said reached, hit or ticked off (the tick read as "done"): that target hit, never the trade closed
# ("Exit 1 reached 22.60", "Exit 2 (23.30) ✅", "Salida 2 alcanzada", "Ausstieg 1 erreicht"). The number is a row's, not a
# share or a price ("exit 50% done", "exit 1/3 hit", "exit 22.60 hit" are no target).
_EXIT_NOUN = (r"(?:exit|close|[çc][ıi]k[ıi][şs]|salida|sa[íi]da|sortie|uscita|ausstieg|выход|wyj[śs]cie)")
_EXIT_DONE = (r"(?:done|hit|reached|achieved|completed?|touched|smashed|taken|secured|alcanzad[ao]|logrado|atingid[ao]|"
              r"alcan[çc]ad[ao]|atteinte?|raggiunt[oa]|erreicht|getroffen|достигнут\w*|выполнен\w*|взят\w*|"
              r"tamam(?:land[ıi])?|ula[şs][ıi]ld[ıi]|geldi|vuruldu|osi[aą]gni[eę]t\w*)(?!\w)")
_EXIT_NUMBER = (r"(?:#|no\.?\s*|n[ºo°]\s*)?[1-9]\d?(?![\d.,%/x])"
                # (its price may sit between: "Exit 1 22.60 ✅", "Exit 2 (23.30) reached", "Exit 1 @ 22.60 hit")
                r"(?:\s*[(@:-]?\s*\$?\d[\d.,]*\)?)?\s+(?:(?:is|was|has\s+been|got|now)\s+)?" + _EXIT_DONE)
_EXIT_ROW = r"(?:\s+(?:target|tp|level|point))?\s*" + _EXIT_NUMBER
# (the numbered exit talked of in any way — "Exit 1 almost reached", "exit 2 not hit yet", "Exit 3 still pending", "exit
# 1 missed" — is that target's name, never the verb that closes the trade)
_EXIT_NUMBER_TOLD = (r"(?:#|no\.?\s*|n[ºo°]\s*)?[1-9]\d?(?![\d.,%/x])(?:\s*[(@:-]?\s*\$?\d[\d.,]*\)?)?\s+"
                     r"(?:(?:is|was|has|have|been|got|now|not|n'?t|never|almost|nearly|still|yet|just|about\s+to|close\s+to|"
                     r"soon|also|too)\s+)*(?:" + _EXIT_DONE + r"|(?:pending|missed|next|waiting|open|left|remaining|active)(?!\w))")
_EXIT_TARGET_HIT = (rf"(?<!\w){_EXIT_NOUN}{_EXIT_ROW}|"
                    # ("first exit reached", "2nd exit hit ✅")
                    rf"(?<!\w){_ORDINAL}\s+exit\s+(?:(?:is|was|has\s+been|got|now)\s+)?{_EXIT_DONE}|"
                    # ("🏆 ALL EXITS DONE ①②③④", "all exits hit"): every numbered exit — every target — reached
                    r"(?<!\w)all\s+(?:the\s+|our\s+)?exits\s+(?:are\s+|were\s+|have\s+been\s+|now\s+)?"
                    r"(?:done|hit|reached|achieved|completed)(?!\w)")

# "3) Close the position at the price $146.30 ✅": a step of the provider's numbered exit plan, ticked off — that
# target was reached (the ticks are read as "done"); the rest of the plan still runs, so it is no close
# ("✅ 3) Close …": a tick before the step is read as "done" too)
_PLAN_STEP_DONE = (r"(?:^|\n)[^\w\n]*(?:done\s+)?\d{1,2}\s*\)\s*(?:close|exit|sell|take|fix|закры|зафикс|фикс)\w*(?:[ \t]+[^\s\d]+){0,8}?"
                   r"[ \t]+\$?\d[\d.,]*[ \t]*(?:\$[ \t]*)?done(?!\w)")
_PLAN_STEP_DONE_RE = re.compile(_PLAN_STEP_DONE)
# The plan itself ("1) Close the position at the price $144.20 / 2) … $145.05"): exits at levels, not a close now
_PLAN_STEP_RE = re.compile(r"[^\w\n]*(?:done\s+)?\d{1,2}\s*\)\s*(?:close|exit|sell|take|fix|закры|зафикс|фикс)\w*(?:[ \t]+[^\s\d]+){0,8}?"
                           r"[ \t]+\$?\d[\d.,]*")

# "#XVS second entry added at 8.20": an entry added to the running trade, reported
_ENTRY_ADDED = (r"(?:entry|entries|order|buy)\s+(?:(?:was|has\s+been)\s+)?added(?!\w)|"
                r"added\s+(?:a\s+|the\s+|another\s+|one\s+more\s+)?(?:second\s+|2nd\s+|third\s+|3rd\s+|new\s+)?(?:entry|order|buy)(?!\w)|"
                # "agregamos segunda entrada en 39,10", "adicionamos a segunda entrada", "добавили вторую точку входа"
                r"(?:agregamos|a[ñn]adimos|adicionamos|adicionada|agregada)\s+(?:una\s+|a\s+|la\s+)?(?:segunda|tercera|terceira|nueva|nova)\s+entrada|"
                r"добавил\w*\s+(?:вторую|третью|ещё\s+одну)\s+(?:точку\s+)?вход\w*|"
                # the numbered rung, then its price and "added" in the languages that put the verb last: tr "ikinci giriş
                # 590'dan eklendi", ru "второй вход по 590 добавлен", de "zweiter Einstieg bei 590 hinzugefügt", fr
                # "deuxième entrée ajoutée à 590", it "seconda entrata aggiunta", es/pt "segunda entrada añadida/adicionada"
                r"(?<!\w)(?:ikinci|[üu][çc][üu]nc[üu]|2\.|3\.)\s+giri[şs]\w*\s+(?:[^\s!?]+\s+){0,2}?(?:eklendi|ekledik|eklenmi[şs]tir)(?!\w)(?!\s*m[ıi](?!\w))|"
                r"(?<!\w)(?:втор|трет)\w+\s+(?:точк\w+\s+)?вход\w*\s+(?:[^\s!?]+\s+){0,2}?(?:добавлен\w*|добавили)(?!\w)|"
                r"(?<!\w)(?:zweite[rn]?|dritte[rn]?)\s+einstieg\w*\s+(?:[^\s!?]+\s+){0,2}?(?:hinzugef[üu]gt|erg[äa]nzt)(?!\w)|"
                r"(?<!\w)(?:deuxi[èe]me|seconde|troisi[èe]me|seconda|terza|segunda|tercera|terceira)\s+(?:entr[ée]e|entrata|entrada)\s+"
                r"(?:[^\s!?]+\s+){0,2}?(?:ajout[ée]e|aggiunt[ao]|a[ñn]adida|agregada|adicionada)(?!\w)")
ENTRY_ADDED_RE = re.compile(_ENTRY_ADDED)

# "lower the leverage on #WLD to 5x", "Bajamos el apalancamiento de #WLD a 5x": the running trade, managed (with no coin
# named, "reduce leverage and keep stops tight" before a news event, it is advice to everyone: no update)
_LEVERAGE_CHANGE = (
    r"(?:lower|reduce|raise|increase|change|cut)\s+(?:the\s+|your\s+)?leverage|"
    r"(?:bajamos|reducimos|subimos|bajen|reduzcan|baixamos|reduzimos|diminu[íi]mos|senken|reduzieren|снижаем|уменьшаем|"
    r"понижаем|d[üu][şs][üu]r[üu]yoruz|baissons|riduciamo|zmniejszamy)\s+(?:el\s+|la\s+|o\s+|a\s+|das\s+|den\s+|le\s+|la\s+)?"
    r"(?:apalancamiento|alavancagem|hebel|плечо|kald[ıi]ra[çc]\w*|levier|leva|d[źz]wigni\w*|leverage)")
LEVERAGE_CHANGE_RE = re.compile(_LEVERAGE_CHANGE)

# ("✏️ Invalidation updated 3.21 → 3.17", "invalidation moved to 3.17": where the call is invalidated — its stop)
# (session 25, casualstatus25: ms/id "henti rugi" — "Alihkan henti rugi ke 2.185"; "risk line", a trader's name for the
# stop — "#SEI long: risk line raised to 0.2860")
_STOP_WORD = (r"(?:(?<!\w)(?:sl|stop(?:[\s-]*loss)?|stoploss|invalidation|henti\s+rugi|risk\s+line|стоп(?:[\s-]*лосс)?|zarar\s+durdur|c[ắa]t\s+l[ỗo]|d[ừu]ng\s+l[ỗo]|"
              r"وقف\s+(?:ال)?خسار[ةه]|(?:ال)?ستوب|حد\s+ضرر|استاپ(?:\s*لاس)?)(?!\w)|止损|손절|损切り?|ストップ)")
# Verbs that move a level, per language ("двигаем стоп на 142", "stop 142'ye çekildi", "subindo stop para 142", "dời SL về 142",
# "Stop nachziehen auf 142", "on remonte le stop", "alziamo lo stop", "손절가 142로 상향", "損切りを142に引き上げ")
_MOVE_VERB = (r"(?:(?<!\w)(?:mov(?:e|es|ed|ing|emos|er|imos|ido|ida|iendo|endo|a|o|ió|am|em|ei)|muev(?:an|en|e|o)|shift(?:ed|ing)?|rais(?:e|ed|ing)|lower(?:ed|ing)|"
              r"trail(?:ed|ing)?|adjust(?:ed|ing)?|переставл\w*|двига\w*|сдвига\w*|сдвину\w*|перенос\w*|перенес\w*|подтяг\w*|подтян(?:ут[ыа]?|ули|ул|ем|у)(?!\w)|подня\w*|поднима\w*|"
              r"опуска\w*|підтяг\w*|пересува\w*|пересун\w*|підійма\w*|підня\w*|[çc]ek(?:ildi|iyoruz|tik|tim|in|elim|iyorum)|çek|ta[şs][ıi](?:nd[ıi]|yoruz|d[ıi]k|y[ıi]n)|y[üu]kselt\w*|"
              r"sub(?:imos|ir|e|en|o|amos|indo|iu|ido|ida|i[óo]|am|a)|baj(?:amos|ar|a|an|o|ando|ó|en|e)|"
              # (pt/es "ajustem o stop", "ajusten el SL", "baixem o stop", "puxamos o stop": the plural imperative too)
              r"ajust(?:amos|ar|ado|ando|ou|em|en|e|a|ei|emos)|baix(?:amos|ar|a|em|ei|ou|ando)|pux(?:amos|ar|a|em|ei|ou|ando)|"
              r"cambi(?:amos|ar|ado|ando)|alter(?:amos|ar|ado|ando|ou)|mud(?:amos|ar|ando|ado|ou)|remont(?:ons|e|er|ez|é)|"
              r"d[ée]pla[cç](?:ons|e|er|ez|é)|rel[eè]v(?:ons|e|er|ez|é)|alz(?:iamo|are|ato|ate)|spost(?:iamo|are|ato|ate|a)|"
              r"nachzieh\w*|nachgezogen|versch(?:ieben|oben|iebt)|anheb\w*|angehoben|hochzieh\w*|d[ờo]i|k[ée]o|n[âa]ng|chuy[ểe]n|"
              r"geser|pindah\w*|naik(?:kan)?|تغییر|جابجا\w*|منتقل|ببر\w*|نقل|حرك\w*|تحريك|رفع|ارفع|"
              # pl "SL przesuwamy na TP1", "podnosimy stop"; tl "ilipat ang SL sa entry"
              r"przesuw\w*|przesu[nń]\w*|podnosi\w*|podnie[sś]\w*|przenosi\w*|ilipat|inilipat|alihkan|dialihkan|anjak\w*|dipindah\w*|dinaikkan|"
              # el "μεταφέρουμε το stop" (we move the stop), "μετακινήστε το SL"
              r"μεταφέρ\w*|μεταφερ\w*|μετακιν\w*)(?!\w)|"
              r"上移|下移|移至|移到|调整|改为|上调|상향|하향|이동|변경|올려|올림|올립|올렸|옮기|옮깁|옮겼|引き上げ|引上げ|移动|変更)")
_CJK_STOP_MOVED = (r"(?:止损|손절가?|损切り?|ストップ(?:ロス)?)[^\n]{0,12}?(?:引き上げ|引上げ|移动|変更|上移|下移|移至|移到|调整|改为|上调|상향|하향|"
                   r"이동|변경|올려|올림|올립|올렸|옮기|옮깁|옮겼)")
# (between the verb and the stop word only an article or a possessive — "move our stop", "alziamo lo stop", "двигаем
# стоп"; between the stop word and the verb only a price, "to", an auxiliary — "stop 142'ye çekildi", "SL về 142"; "#ETH
# moving toward our stop loss" is price talk)
# ("adjust our stop loss rules next month": the channel's policy, no trade's stop)
_NOT_POLICY = (r"(?![\s-]*loss)(?!\s+(?:rules?|strateg\w*|settings?|polic\w*|management|placement|logic|guide\w*|tips?|hunt\w*)"
               r"(?!\w))")
_MOVE_ARTICLE = (r"(?:the|your|our|my|el|la|le|lo|il|o|a|den|das|die|nuestro|nosso|notre|nostro|наш|ваш|ang|na|το|"
                 r"مون|را|رو)")
_STOP_TO_VERB = (r"(?:\$?\d[\d.,]*\S*|to|a|al|à|au|na|на|auf|v[ềe]|ke|para|pra|до|ile|wurde|ist|was|has|been|is|are|now|will|be|"
                 r"lo|la|le|el|il|را|رو|به|إلى|الى|"
                 # hi "stop 3.90 पर shift करें", "SL 3.90 pe shift karo" (at, onto)
                 r"pe|par|पर|ko|को|"
                 # tr "stopu 3,90 seviyesine çektik" (to the 3.90 level)
                 r"seviyesine|seviyeye|fiyat[ıi]na|noktas[ıi]na|"
                 # ("Stop bei SUI auf 3,90 nachziehen", "SL on SUI moved to 3.90"): the coin the stop is of, after a preposition
                 r"(?:bei|für|fur|for|on|of|de|do|da|del|di|du|von|по)[ \t]+[#$]?[a-z][a-z0-9]{1,14}(?:/usdt)?)")
# tr: the stop with its object ending ("SUI stopunu 3,90'a çekiyoruz", "SL'i girişe taşıyın")
_STOP_WORD_TR = r"(?<!\w)(?:stop'?(?:u|unu|umuz|umuzu|lar[ıi]|lar[ıi]m[ıi]z[ıi])|sl'(?:y?[iı]|leri))(?!\w)"
_STOP_MOVED = (rf"(?:{_STOP_WORD}|{_STOP_WORD_TR})(?:[ \t]+{_STOP_TO_VERB}){{0,3}}[ \t]*{_MOVE_VERB}|"
               # ("stop vai para o alvo 1", "el stop pasa a 142", "SL goes to TP1"): the stop first, then "goes to" — only
               # in this order ("o preço vai para o stop" is the price going to the stop)
               # (only to a place a stop is moved to — a price, the entry, breakeven, a target: "el stop va a saltar", "stop
               # is going to be hunted", "va a estar en 135", "pasa a ser 135" say what it will do or be, no move)
               # ("stop goes up to TP1 (5.62) now", "SL comes up to entry", "stop gets pulled up to 5.62")
               rf"{_STOP_WORD}[ \t]+(?:vai|v[ãa]o|passa|pasa|va|goes|is[ \t]+going|comes|gets[ \t]+(?:pulled|bumped|dragged))"
               r"(?:[ \t]+(?:up|down|higher|lower))?[ \t]+(?:para|pra|a|al|to)[ \t]+"
               r"(?=(?:(?:o|a|el|la|the|our)[ \t]+)?(?:\$?\d|entrada|entry|breakeven|break[ \t-]*even|be(?!\w)(?![ \t]+[a-z])|b/e|tp[ \t]*\d|"
               r"target|alvo|objetivo|pre[çc]o[ \t]+de[ \t]+entrada|precio[ \t]+de[ \t]+entrada|pareggio|lucro|ganancia))|"
               rf"{_MOVE_VERB}(?:[ \t]+{_MOVE_ARTICLE}){{0,2}}[ \t]+{_STOP_WORD}{_NOT_POLICY}|"
               + _CJK_STOP_MOVED)
# Taking part of the position, per language: a take/close verb and a share of it ("chiudiamo il 50%", "chốt 50% vị thế",
# "tomamos parciales", "Teilgewinne mitnehmen", "prise de profits partielle", "جني جزء من الأرباح", "ambil profit sebagian");
# a signed or a profit percentage ("closed +50%", "cerramos con 50% de ganancia") is a result, no share
# (the stop, its right price, then the typo it takes back: "SL is 2.27 not 2.11", "stop 0,41 statt 0,44", "стоп 0.41, а не
# 0.44"; "SL 0.44 değil 0.41" is not this — there the first is the wrong one, read by the parser's correction rules)
STOP_NOT_TYPO = (r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|стоп)[ \t]*[:：]?[ \t]*(?:is[ \t]+|=[ \t]*|es[ \t]+|é[ \t]+|ist[ \t]+)?"
                 # (the phrase ends at the right price: the "not" after it takes back the typo, it negates no move)
                 r"\$?\d[\d.,]*(?=[ \t]*,?[ \t]*(?:not|and\s+not|instead\s+of|а[ \t]+не|no|n[ãa]o|statt|anstatt|"
                 r"invece\s+di|en\s+lugar\s+de|en\s+vez\s+de|au\s+lieu\s+de|bukan)[ \t]+\$?\d[\d.,]*(?![\d.,]*\d)(?![ \t]*%))")
_TAKE_VERB = (r"(?:(?<!\w)(?:clos\w*|take|taking|took|book\w*|secur\w*|realiz\w*|fix\w*|фикс\w*|зафикс\w*|закр\w*|kapat(?!ma|m[ıi]yor)\w*|cerr\w*|"
              r"cierr\w*|tom\w*|fech\w*|chiud\w*|ferm\w*|prend\w*|prise|schlie\w*|mitnehm\w*|nehmen|ch[ốo]t|đóng|ambil|tutup|جني|سیو|"
              # id "amankan 40% di sini" (secure 40% here)
              r"amankan|mengamankan|amanin|"
              r"ببند\w*|بست\w*|إغلاق|اغلاق)(?!\w)|止盈|익절|청산|利确|决済)")
_PART_WORD = (r"(?:(?<!\w)(?:parcial\w*|partial\w*|partiel\w*|parzial\w*|sebagian|m[ộo]t\s+ph[ầa]n|جزء|بخشی|teil\w*|часть|частич\w*|"
              r"k[ıi]smi|gedeeltelijk)(?!\w)|部分|一部|일부)")
_SHARE = (r"(?<![+\-\d.,])[1-9]\d?\s*%(?!\s*(?:de\s+|of\s+|em\s+)?(?:profit|gain|ganancia|lucro|kar|прибыл\w*|return|roi)\w*)|"
          r"(?<![\w+\-])%\s*[1-9]\d?(?![\d.,])")
# (no profit or "with" word between the verb and the share: "بسته شد با سود ۱۲٪", "تم إغلاق صفقة ETH بربح 12%", "Take profit: 3%")
_NOT_A_RESULT_WORD = (r"(?!(?:with|con|com|avec|mit|ile|با|بربح|بسود|سود|ربح\w*|profit\w*|ganancia\w*|lucro\w*|kar\w*|прибыл\w*|"
                      r"gain\w*|gewinn\w*|b[ée]n[ée]fice\w*|guadagn\w*|l[ãa]i|untung|cuan|"
                      # ("closed at BE · Risk 2% of balance": a share of the account risked, not of the position closed)
                      r"risk\w*|риск\w*|riesgo|risco|rischio|risiko|risque|size|margin|balance|capital)(?!\w))")
_PARTIAL_SHARE = (rf"{_TAKE_VERB}(?:[ \t]+[^\s,.;!?]+){{0,3}}?[ \t]+{_PART_WORD}|"
                  rf"{_TAKE_VERB}(?:[ \t]+{_NOT_A_RESULT_WORD}[^\s,.;!?]+){{0,3}}?[ \t]+(?:{_SHARE})|"
                  rf"{_PART_WORD}[ \t]*(?:[^\s,.;!?]+[ \t]+){{0,2}}?{_TAKE_VERB}")

# "giriş emri gerçekleşti", "entrada ejecutada", "ordem de entrada executada", "lệnh đã khớp", "入场单已成交", "진입 완료":
# an entry/order word of a language and a "filled/executed" verb, with at most two words and no negation between
_ENTRY_WORD = (r"(?:(?<!\w)(?:entry|entries|entrada|giri[şs]|вход|entr[ée]e|einstieg|ingresso|wej[śs]cie|l[ệe]nh|instap|"
               # ("our first buys for 14.20 don fill", "both bids filled": the plural only — "buy signal triggered" is a chart's)
               # (session 27, money27: pt/es "ordem de compra", "orden de compra" — the buy order; uk "вхід", "лімітка")
               r"(?:ordem|orden)\s+de\s+(?:compra|venda|venta|entrada)|вхід|лімітк[аиу]|лимитк[аиу]|"
               r"orders?|[óo]rden|ordem|emri?|ордер|ورود|(?:ال)?دخول|[أا]مر|nachkauf|zukauf|buys|bids|intrarea|intrare|intr[ăa]rile|"
               # (session 27, cards27: "second bag filled at 0.8870", "leg b) filled @ 92,600", "tranche 2 executed"): one
               # leg of a split entry, by the channel's word for it
               r"legs?|bags?|tranches?|rungs?)(?!\w)|入场(?:单|价)?|进场价?|진입(?:가격?)?|エントリー(?:価格)?|"
               # ("2차 분할매수 체결": the second split buy filled; "买い増し约定": the add-on bought)
               r"(?:분할|추가)\s*매수|추가\s*진입|买い増し|追加エントリー|"
               # Session 23 (status23): ja "2つ目の指値（22.35）約定しました" (the 2nd limit order filled), "指値注文が約定",
               # zh "第二个挂单成交", "限价单已成交", ko "지정가 체결" — the limit order, by its own word
               r"指値(?:注文)?|限价单|挂单|지정가(?:\s*주문)?)")
# ko "체결" (filled), not "체결 안 됨" / "체결 전" / "체결 시" (not filled, before or when it fills)
_KO_FILLED = r"체결(?!\s*(?:안|않|못|전|대기|예정|되지|시(?![작])|되면))"
# ja "約定" (filled), not "約定したら" / "約定次第" / "約定待ち" / "約定しない" / "未約定" (if, once, awaiting, not filled)
_JA_FILLED = r"(?<!未)约定(?!\s*(?:したら|すれば|次第|待ち|前|予定|し(?:ない|ません|てない|ていない)|せず|され(?:ない|ず|たら)|するまで))"
_FILLED_VERB = (r"(?:(?<!\w)(?:filled|executed|triggered|activated|ejecutad[ao]|executad[ao]|ger[çc]ekle[şs]ti|doldu|"
                r"исполнен\w*|спрацювал[аи]?|спрацював|kh[ớo]p|activad[ao]|ativad[ao]|rempli\w*|ausgef[üu]hrt|eseguit[oa]|tereksekusi|terisi|"
                r"فعال\s+شد|تم\s+تفعيل\w*|تفعل|gevuld|uitgevoerd|zrealizowan\w*|"
                # ("Вход выполнен ✅", "Entrada atingida ✅", "Entrada alcanzada": the entry reached)
                r"выполнен\w*|atingid[ao]|alcanzad[ao]|preenchid[ao]|llenad[ao]|completad[ao]|"
                # hi-en "entry fill ho gaya", "order fill hua", "entry fill ho chuki hai" (the entry got filled; not "fill
                # nahi hua", "fill hoga" — not filled, will fill)
                r"fill\s+(?:ho\s+(?:gaya|gayi|gaye|gya|gyi|chuka|chuki|chuke)|hua|hui|hue)|"
                # pcm "our first buys for 14.20 don fill" ("don" says it has happened), tl "Entry 2 na-fill na" (got filled)
                r"don\s+(?:fill(?:ed)?|enter|trigger(?:ed)?)|na-?fill(?:\s+na)?|"
                # ro "Intrarea 1 (142.5) executată", "intrarea a fost activată" (executed, triggered)
                r"executat[ăa]?|activat[ăa]?)(?!\w)|已?成交|완료|" + _KO_FILLED + r"|" + _JA_FILLED + r")")
_NO_NEGATION = (r"(?![(\[]?(?:not|never|no|не|нет|değil|ch[ưu]a|未|没|안|não|nie|pas|hindi|neva|nahi|nahin|"
                # ("Order will be filled when price reaches entry", "the order stays until filled", "Вход 5.40 (ждём
                # исполнения)"): a fill said for later or awaited — the card's own limit order, not news of a fill
                r"will|would|should|shall|stays?|until|till|once|when|if|wait\w*|ждём|ждем|ожида\w*|когда|пока)(?!\w))")
# ("Nachkauf bei 3.95 ausgeführt": a price among the words between)
_ENTRY_FILLED_PAIR = (# ("#NEAR: 5.20 and 5.05 both filled, avg 5.12", "both entries filled", "both bids got filled"): two resting
                      # orders filled together (not a target's: "TP 5.55 and 5.90 both filled" is read as the targets')
                      r"(?<![\w.,])(?<!tp\s)(?<!tps\s)(?<!target\s)(?<!targets\s)\$?\d[\d.,]*\s*(?:and|&|\+|/)\s*\$?\d[\d.,]*\s+"
                      r"(?:both|all)\s+(?:got\s+|were\s+|are\s+)?filled(?!\w)|"
                      r"(?<!\w)both\s+(?:entries|entry\s+orders|bids|buys|limits|legs|rungs|halves)\s+(?:got\s+|were\s+|are\s+|have\s+been\s+)?"
                      r"(?:filled|executed|triggered)(?!\w)|"
                      # ("↪️ replying to Call #102: zone fully filled ✅", "Zone filled, avg 0.8231", "our zone got filled"): the
                      # call's entry zone, heading its clause or the post's own — a gap or FVG zone of the chart is market talk
                      r"(?:(?<![^\n:—–-])|(?<=[:—–-][ \t])|(?<!\w)(?:our|the\s+call'?s|the\s+entry)[ \t]+|(?<!\w)[#$][a-z0-9]{2,15}[ \t:—–-]+)[ \t]*"
                      # ("$AIOZ zone 1 filled ✅", "buy zone 2 got filled"): one numbered zone of a ladder of them
                      r"(?:buy[ \t]+)?zone[ \t]+(?:[1-9][ \t]+)?"
                      r"(?:is[ \t]+|was[ \t]+|got[ \t]+|has[ \t]+been[ \t]+)?(?:now[ \t]+)?(?:fully[ \t]+|completely[ \t]+|all[ \t]+)?"
                      r"(?:filled|executed)(?!\w)|"
                      # (session 27, money27: the coin's tag between, with its preposition, is no word of the clause —
                      # "Limit-Order bei #tia wurde ausgeführt", "Ordem de compra do #link foi executada")
                      rf"{_ENTRY_WORD}(?:[ \t]+(?:(?:bei|f[üu]r|von|for|of|on|in|de|do|da|del|di|на|по|для)[ \t]+)?[#$][a-z][a-z0-9]{{1,14}}(?:/usdt)?)?"
                      rf"(?:[ \t]+{_NO_NEGATION}(?:[^\s,.;!?]+|\(?\$?\d[\d.,]*\d\)?)){{0,2}}?[ \t]*{_FILLED_VERB}|"
                      rf"{_FILLED_VERB}(?:[ \t]+(?:the|el|la|o|a|le|il))?[ \t]+{_ENTRY_WORD}|"
                      # ("Entrée atteinte", "Einstieg erreicht", "Entry tercapai", "Ingresso raggiunto"): a "reached" word
                      # right after the entry word (with words between it would be a target's: "Einstieg 5.40, Ziel erreicht")
                      rf"{_ENTRY_WORD}[ \t]*[:\-–—]?[ \t]*(?:atteinte?|erreicht|tercapai|tersentuh|raggiunt[oa]|osi[ąa]gni[ęe]t\w*|"
                      r"достигнут\w*|alcan[çc]ad[ao])(?!\w)|"
                      # ("#NEAR LONG — filled ✅", "#NEAR LONG in position ✅"): the card's heading says its order filled
                      r"(?<!\w)(?:long|short|лонг|шорт)[ \t]*(?:[—–:|-][ \t]*)?(?:(?:order[ \t]+)?filled|in[ \t]+position|"
                      r"в[ \t]+позиции|en[ \t]+posici[óo]n|em[ \t]+posi[çc][ãa]o)[ \t]*(?:✅|✔|☑|done(?!\w))|"
                      # ("$PENDLE filled at 4.02 ✅ bags loaded", "#ARB long got filled @ 0.81", "#OP filled ✅"): the coin's tag,
                      # then its order said filled, at a price or ending the clause (not "#BTC filled the CME gap")
                      r"(?<![\w#$])[#$][a-z][a-z0-9]{1,14}(?:/usdt)?[ \t]+(?:(?:long|short|spot|buy|limit|bid|order)[ \t]+)?"
                      r"(?:(?:just|got|was|is|has[ \t]+been|now|finally|already)[ \t]+)*filled"
                      r"(?:[ \t]+(?:at|@)[ \t]*\$?\d[\d.,]*|[ \t]*@[ \t]*\$?\d[\d.,]*|(?=[ \t]*(?:$|[.!,;✅✔☑]|done(?!\w))))|"
                      # ("the 6.10 add got filled overnight", "my add-on filled", "add at 6.10 triggered"): the call's add-on
                      # order said filled (a negation between is no fill: "add not filled yet")
                      r"(?<!\w)add(?:[ \t-]*on)?(?:[ \t]+(?:at|@)[ \t]*\$?\d[\d.,]*)?[ \t]+"
                      r"(?:(?:got|was|has[ \t]+been|is|just|now|finally)[ \t]+)*(?:filled|triggered|executed)(?!\w)|"
                      # ("#3104 AVAXUSDT LONG › TRIGGERED @27.95", "$TIA short | ACTIVATED at 6.18", "OPUSDT » FILLED @ 1.47"): a
                      # bot's one-line follow-up — the coin (tagged or as its pair), its side, then a cell of its own saying
                      # the order filled at a price: a fill of the call's entry, never a fresh open
                      r"(?:(?<![\w#$])[#$][a-z][a-z0-9]{1,14}(?:/?usdt)?|(?<![\w#$])[a-z][a-z0-9]{1,14}/?usdt(?:\.p)?)"
                      r"(?:[ \t]+(?:long|short))?[ \t]*[›»•|][ \t]*(?:(?:entry|order)[ \t]+)?(?:triggered|activated|filled|executed)"
                      r"[ \t]*(?:@|at[ \t])[ \t]*\$?\d")

class _Gated:
    """A pattern plus word-class pairs that each run only when a cheap gate (plain stems, no word boundaries — the regex
    engine scans for their first letters) finds one of their key words: the pairs are costly on every post, and
    most posts have none of the key words."""

    def __init__(self, main: str, *pairs: tuple[str, str], flags: int = 0) -> None:
        self.main = re.compile(main, flags)
        self.pairs = [(re.compile(gate, flags), re.compile(pair, flags)) for gate, pair in pairs]
        # (every gate at once: most posts open none, and one pass over them costs less than one per gate)
        self.any_gate = re.compile("|".join(gate for gate, _ in pairs), flags)
        self.pattern = main

    def search(self, text: str):
        found = self.main.search(text)
        if found is not None or self.any_gate.search(text) is None:
            return found
        for gate, pair in self.pairs:
            if gate.search(text) and (found := pair.search(text)) is not None:
                break
        return found

    def active(self, text: str) -> list[re.Pattern[str]]:
        """The pairs whose gate opens on `text` (checked once for a post read line by line)."""
        if self.any_gate.search(text) is None:
            return []
        return [pair for gate, pair in self.pairs if gate.search(text)]

    def finditer(self, text: str, active: list[re.Pattern[str]] | None = None):
        yield from self.main.finditer(text)
        for pair in self.active(text) if active is None else active:
            yield from pair.finditer(text)


_MOVE_STEMS = (r"baix|pux|muev|підтяг|пересу|підійма|підня|vai|vão|vao|passa|pasa|va |goes|going|przesu|podnos|podnie|przenos|ilipat|μεταφ|μετακ|alih|anjak|올립|올렸|옮|переставл|mov|shift|rais|lower|trail|adjust|двига|сдвиг|сдвину|перенос|перенес|подтяг|подтян|подня|поднима|опуска|çek|cek|"
               r"taş|tas|yükselt|yukselt|sub|baj|ajust|cambi|alter|mud|remont|dépla|depla|relev|relèv|alz|spost|nachz|"
               r"nachgez|versch|anheb|angehoben|hochz|dời|doi|dòi|kéo|keo|nâng|nang|chuyển|chuyen|geser|pindah|naik|"
               r"تغییر|جابجا|منتقل|ببر|بذار|نقل|حرك|تحريك|رفع|上移|下移|移至|移到|调整|改为|上调|상향|하향|이동|변경|올려|올림|"
               r"引き上げ|引上げ|移动|変更|make|set|put|place")
_NEW_STEMS = r"нов|yeni|nuev|novo|nova|neu|nouv|nuov|nowy|नया|جدید|جديد|mới|moi|baru|ใหม่|新|새"
_ADD_STEMS = (r"add|dagdag|averag|dca|buy|agreg|añad|anad|sumar|compr|adicion|aport|promedi|nhồi|nhoi|thêm|them|renforc|moyenn|media|"
              r"تعزيز|عزز|پله|加仓|补仓|买い増|ナンピン|추가|물타")
_SHARE_STEMS = (r"%|٪|parc|partial|partiel|parzial|sebagian|phần|phan|جزء|بخشی|teil|част|kısmi|kismi|gedeeltelijk|部分|一部|일부")
_FILLED_STEMS = (r"don\s+enter|спрацю|executat|preench|llenad|completad|atteint|erreicht|tercapai|tersentuh|raggiunt|osiągn|osiagn|достигнут|alcanç|alcanc|position|позици|posici|posiç|zrealiz|gevuld|uitgevoerd|fill|execut|trigger|activ|ejecut|gerçek|gercek|dold|исполн|khớp|khop|ativ|rempli|ausgef|eseguit|tereksek|"
                 r"terisi|فعال|تفعيل|تفعل|成交|완료|체결|约定|выполн|atingid|alcanzad")
_TRIGGERED_STEMS = (r"かか|ヒット|tetik|çalış|calis|çalis|kesildi|kích|kich|ausgel|getroffen|atingid|acionad|ativad|activ|alcanzad|tocad|"
                    r"ejecutad|déclench|declench|atteint|preso|colpit|scattat|toccat|сработал|terpicu|tersentuh|zadzia|"
                    r"تفعل|فعال|خورد|takıld|takild|触发|打到|被打|나갔|나왔|당했|され|salt|toc|dispar|acionou|bateu|dính|dinh|chạm|cham|"
                    r"kena|ضرب|تفعيل|touch|saut|patlad|tocou|bateu|pres|quét|quet|sac|złap|zlap|trafi|спрацю|wybit|"
                    # (session 24: "#BTC stop at 61 200 hit" — the stop at its price, then the English verb)
                    r"hit|trigger")
_FULLY_STEMS = (r"полностью|целиком|tamamen|completamente|totalmente|entière|entiere|komplett|vollst|sepenuhnya|fully|"
                r"completely|entirely|کامل|بالكامل")

# A share of the position and a close verb in the orders the main pattern lacks: the share first, a few words between
# ("50% bei TP1 geschlossen", "TP1에서 50% 청산 완료", "۵۰ درصد در تارگت اول بسته شد", "Hälfte der Position schließen",
# "30%平仓"), or the verb first in the languages that put it so ("chiuso il 50% al TP1", "أغلقوا نصف الصفقة", "ปิด 50%",
# "先平50%"); a signed share or one of 100 is a result or the whole ("+20%", "100% closed")
# ar dialects' close verbs: eg "اقفلوا الصفقة" / "قفلنا الصفقة", lev/gulf "سكّروا الصفقة" / "صكّروها", maghr. "سدّوا
# الصفقة" (the imperative, "we closed", "closed"; "let's close": "خلونا نقفل") — never "قفلة" (a candle's close) nor
# the negated "ما تقفلوش"; no future ("هنقفل": we will close)
_AR_CLOSE_DIALECT = (r"[وف]?(?:[اإأ]قفل(?:وا|ي|و)?(?:ها)?|قفلنا(?:ها)?|قفلت(?:ها)?|مقفول[ةه]?|"
                     r"س[كص]\u0651?ر(?:وا|ي|و)?(?:ها)?|س[كص]\u0651?رنا(?:ها)?|ص[كص]\u0651?ر(?:وا|ي|و)?(?:ها)?|ص[كص]\u0651?رنا(?:ها)?|"
                     r"سد\u0651?(?:وا|ي|و)(?:ها)?|سد\u0651?ينا(?:ها)?|"
                     r"(?:خلونا|خلينا|يلا|يلّا|يالله)\s+ن(?:قفل|سك\u0651?ر|صك\u0651?ر|سد\u0651?)(?:ها)?)")
_HALF_WORD = (r"(?:(?<!\w)(?:half|h[äa]lfte|moiti[ée]|met[àa]|mitad|metade|половин\w*|نصف|نص|نیمی|आधा|m[ộo]t\s+n[ửu]a|μισό)(?!\w)|"
              r"절반|半分|一半|ครึ่ง)")
_SHARE_OF = rf"(?:(?<![+\-\d.,])[1-9]\d?[ \t]*(?:%|درصد|percent|процент\w*)|{_HALF_WORD})"
_PART_CLOSED_VERB = (r"(?:(?<!\w)(?:closed|geschlossen|schlie(?:ß|ss)en|glattstell\w*|cl[ôo]tur[ée]e?s?|chius[oaie]|ferm[ée]e?s?|"
                     r"закрыт\w*|закрыли|cerrad[oa]s?|fechad[oa]s?|بسته\s+شد|ببندید|ببندین|ببند)(?!\w)|청산|정리|익절|平仓|平掉|利确|"
                     r"क्लोज़|क्लोज|बंद|"
                     r"クローズ|决済)")
# (between the share and the verb only where, which target or whose part: "bei TP1", "der Position", "در تارگت اول" — "30% up
# and closed", "Winrate 80% — all trades closed" are a result and a recap)
_SHARE_TO_VERB = (r"(?:bei|beim|am|at|au|al|à|a|in|on|of|der|des|du|de|la|le|il|the|our|my|position|posici[óo]n|posizione|jetzt|"
                  r"now|here|ici|qui|aqu[íi]|already|schon|d[ée]j[àa]|tp\s*\d|target|ziel|objectif|obiettivo|first|second|third|"
                  r"1st|2nd|3rd|erste[nm]?|zweite[nm]?|premier|primo|secondo|در|از|تارگت|هدف|اول|دوم|سوم|پوزیشن)(?!\w)")
_PART_VERB_FIRST = (r"(?:(?<!\w)(?:chius[oaie]|chiudi\w*|cl[ôo]tur[ée]e?s?|[أا]غلق\w*|" + _AR_CLOSE_DIALECT + r"|بستن|ببندید|ببند|закройте|закрою|cierren|cierre|"
                    # el "Κλείνουμε το 50%", "κλείστε το μισό" (we close 50 %, close half)
                    r"фіксу\w*|зафіксу\w*|đóng|κλείνουμε|κλείστε|κλείσαμε|κλείνω)(?!\w)|ปิด(?:กำไร|ออเดอร์|โพซิชั่น|ไป|แล้ว)?|先?平仓?)")
_PART_CLOSED = (rf"{_SHARE_OF}(?:[ \t]+{_SHARE_TO_VERB}){{0,3}}[ \t]*{_PART_CLOSED_VERB}|"
                rf"{_PART_VERB_FIRST}(?:[ \t]+(?:the|a|il|lo|la|le|les|de|del|della|des|du|el|of|our|الصفقة|من|پوزیشن|το|τη|την)){{0,2}}[ \t]*"
                rf"{_SHARE_OF}|"
                # "#BTC TP1 closed ✅ +20%", "first target closed", "закрыли первую цель", "closed TP2": a target's share closed —
                # the trade runs on to the next ("closed at TP2" ends it, as does "bei TP2 geschlossen", "на TP2 закрыт")
                r"(?<!\w)(?<!bei\s)(?<!at\s)(?<!on\s)(?<!en\s)(?<!em\s)(?<!no\s)(?<!au\s)(?<!al\s)(?<!на\s)(?<!по\s)"
                r"(?:tp|target|тп|тейк)\s*[1-3](?!\d)(?:[ \t]+(?:is|was|has\s+been|also))?[ \t]+(?:closed|закрыт\w*|"
                r"geschlossen|cl[ôo]tur[ée]e?|chius[oa]|cerrad[oa]|fechad[oa])(?!\w)|"
                r"(?<!\w)(?:first|second|third|1st|2nd|3rd)\s+(?:target|tp)\s+(?:is\s+|was\s+|has\s+been\s+)?closed(?!\w)|"
                r"(?<!\w)(?:closed|closing|закрыли|закрыл|закрываем|cerramos|fechamos|chiuso|cl[ôo]tur[ée])\s+(?:the\s+|our\s+)?"
                r"(?:(?:first|second|third|1st|2nd|3rd|перв\w+|втор\w+|трет\w+|primer\w*|primeir\w*|segund\w*)\s+"
                r"(?:target|tp|цел\w*|тейк\w*|objetivo|alvo)|(?:tp|target)\s*[1-3](?!\d))(?!\w)|"
                # "Prenez 50% de profit sur SOL", "tomen 30% de ganancias": a share of the profit taken — a part of the position
                r"(?<!\w)(?:pren(?:ez|ons|dre|ds)|tom(?:en|emos|amos|ar|e)|realic\w*|realiz\w*)\s+(?:(?:le|les|el|un|o|os)\s+)?"
                r"(?<![+\d.,])[1-9]\d?\s*%\s+(?:de\s+|des\s+|del\s+|dos\s+|da\s+|of\s+)?(?:(?:la|los|las|the)\s+)?"
                r"(?:profits?|b[ée]n[ée]fices?|gains?|ganancias?|lucros?|beneficios?)(?!\w)|"
                # "SOL में आधा प्रॉफिट बुक करो" (book half the profit), "نصف پوزیشن SOL رو سیو سود کنید" (save half the position's profit)
                r"(?:आधा|(?<![+\d.,])[1-9]\d?\s*%)\s+(?:प्रॉफिट\s+|पोजीशन\s+|पोज़ीशन\s+)?(?:बुक|बंद)|"
                r"(?:نصف|نیمی\s+از)\s+(?:\S+\s+){0,3}?سیو\s+(?:سود\s+)?(?:کنید|کن|کردیم|شد)|"
                # "closed part of the position, rest runs"
                r"(?<!\w)(?:closed|closing|close)\s+(?:a\s+)?part\s+of\s+(?:the\s+|our\s+|my\s+)?(?:position|trade|bag)(?!\w)")
# A share of the position named in English words or a fraction ("two thirds", "2/3", "a third", "the first half", "25%",
# "part of"): what a partial exit takes, the rest running on
_SHARE_NAMED = (r"(?:(?:the\s+)?(?:first\s+)?half|(?:one|a)[\s-]+(?:third|quarter|half)|two[\s-]+thirds|"
                r"three[\s-]+quarters|(?<![\d.,/])[1-3][ \t]*/[ \t]*[2-4](?![\d.,/])|(?<![+\-\d.,])[1-9]\d?[ \t]*%|"
                # (a part or "some" only of the position: "kill some of it", "cut part of the bag" — not "cut some slack")
                r"(?:(?:a\s+)?(?:part|portion|chunk|piece|slice)|some)(?=\s+of\s))")
_OF_THE_POSITION = (r"(?:\s+of\s+(?:the\s+|our\s+|my\s+|your\s+|this\s+)?(?:[#$]?\w+\s+)?"
                    r"(?:position|bag|size|stack|trade|it|[#$]\w+)(?!\w))?")
# ("The dump took a third off the market cap", "Fees take a third off your gains", "cuts half the staking rewards", "kill
# half the size on the next entry", "Unload 25% of your stress", "Killing half the calls"): the share is of something
# named after it that is no position — a determiner, then up to two words, none a word for the position
_POSITION_NOUN = r"(?:position|bag|trade|stack|holding|coin|token|long|short|spot|exposure|table|top|rest|remainder)s?"
_SHARE_OF_ELSE = (r"(?!\s+(?:of\s+)?(?:the|your|our|my|its|his|her|their|this|that|these|those|all|every|each)\s+"
                  rf"(?!(?:[#$]?[\w-]+\s+){{0,2}}?{_POSITION_NOUN}(?!\w)))")
# ("take 2/3 off the table", "taking half off here", "pulled a third off", "half the bag off the table"): a share taken off —
# "take it all off", "get 50% off the VIP", "take profit off the table" name no share ("take 100% off" ends the trade)
_SHARE_OFF = (rf"(?<!\w)(?:take|taking|took|taken|pull|pulling|pulled)\s+(?:now\s+|here\s+)?"
              rf"(?:{_SHARE_NAMED}|(?:a\s+)?(?:part|portion|chunk|piece|slice|bit)|some){_OF_THE_POSITION}\s+off(?!\w){_SHARE_OF_ELSE}|"
              rf"(?<!\w){_SHARE_NAMED}{_OF_THE_POSITION}\s+off\s+the\s+table(?!\w)")
# ("Kill half of the #SEI bag", "chop a third", "unload 2/3 here", "cut two thirds", "scale out of some of it"): an exit verb
# over a share — the verb alone ("kill it", "cut the trade") ends the trade
# (the order or the channel's doing, not the market's: "the crash killed 90% of my bag" is no exit)
_SHARE_CUT = (rf"(?<!\w)(?:kill(?:ing)?|chop(?:ping)?|unload(?:s|ed|ing)?|offload(?:s|ed|ing)?|cut(?:s|ting)?|"
              rf"trim(?:s|med|ming)?|scal(?:e|ed|ing)\s+out(?:\s+of)?)\s+(?:(?:the|our|my)\s+(?:position|size|bag)\s+"
              rf"(?:by\s+|in\s+)?)?{_SHARE_NAMED}(?!\w){_SHARE_OF_ELSE}")
# (session 25, casualstatus25) ("out of half on BTC, rest riding", "got out of a third here", "exited 30% of the bag"):
# out of a share of the position — a partial close, never the whole trade ("out of #SOL" is; "7 out of 10 calls", "out of
# half the coins on my list" are no share of a position)
_SHARE_OUT_OF = (rf"(?<!\w)(?:(?:got|get|getting|went|are|am|is|'m|'re|i'?m|we'?re)\s+)?out\s+of\s+{_SHARE_NAMED}(?!\w)"
                 rf"(?!\s+of\s+(?:the\s+|my\s+|our\s+)?(?!position|bag|trade|size|stack)[a-z]+s\b){_SHARE_OF_ELSE}")
# ("let the last third ride", "let the other half run"): the part kept named — the rest of the position taken now
_PART_KEPT = (r"(?<!\w)let\s+(?:the\s+)?(?:last|other|remaining|final)\s+(?:third|half|quarter|two\s+thirds|part|portion|"
              r"(?<![\d.,])[1-9]\d?\s*%)\s+(?:ride|run)(?!\w)")
# ("TP2 ✅ hit / Closed: 25% | Remaining: 50% / SL → TP1", "remaining=35%"): a card's field of the share still open — the
# position runs on, whatever the card says closed (its target's part); "Remaining: 0%" leaves nothing
# (a field of its own: at a line's start or after a bar, slash or bullet — "Daily risk left: 3%" is no share of the position)
SHARE_LEFT_RE = re.compile(r"(?:^|(?<=[|/•·,;(]))[ \t]*(?:position\s+|size\s+|qty\s+)?(?:remaining|left|still\s+open|runner|rest)"
                           r"\s*[:=]\s*(?<![\d.,])[1-9]\d?(?:[.,]\d+)?\s*%", re.MULTILINE)
# ("1/3 of the #SOL position closed", "half the #SOL position closed", "a third of #SOL closed", "half of our #ETH position
# was sold"): a share of the coin's position before the verb, the coin after "of" / "the" ("40% #SOL closed" is a result)
_SHARE_OF_THE_COIN_CLOSED = (
    r"(?<!\w)(?:half|(?:a|one)[ \t]+(?:third|quarter)|two[ \t]+thirds|(?<![\d.,/])[1-3][ \t]*/[ \t]*[2-4](?![\d.,/])|"
    r"(?<![+\d.,])[1-9]\d?[ \t]*%)[ \t]+(?:of[ \t]+(?:(?:the|our|my)[ \t]+)?|the[ \t]+)"
    r"(?:[#$][a-z][a-z0-9]{1,14}[ \t]+|[a-z][a-z0-9]{1,11}[ \t]+(?=position))?(?:position[ \t]+)?"
    r"(?:(?:is|was|has[ \t]+been|got|now|just)[ \t]+){0,2}(?:closed|exited|sold)(?!\w)")
# (session 23, partial23) A share of the position written anywhere in the close's own clause — after the coin, in
# brackets, after a comma, dash or colon, in words ("Close BTC (half)", "Close DOGE 1/2 position", "Closing SOL, 50% only",
# "Close ETH: half now, rest at TP2", "Close BTC now, half size", "Cerrar BTC (la mitad)", "Закрываем BTC — половину
# позиции", "Fechar BTC, metade da posição", "BTC kapat (yarısını)", "ETH 平仓 (一半仓位)"): a part closed, the rest runs —
# never the whole trade. Between the verb and the share only the coin, its side, "now"/"here", the position or a price
# ("Close BTC if it drops 50%": the share is the condition's); after the share only the end of the clause, "only", "now",
# the position's word or what becomes of the rest ("Close BTC, half the channel is out" names no share of the position).
# A share in words counts after any form of the verb; a bare percentage only after a verb that orders ("Closed SOL, 50% ✅"
# is as likely the result) or with a word that makes it a share ("Closed SOL, 50% only", "closed 30% of the position").
_CLAUSE_SHARE_WORD = (r"(?:(?<!\w)(?:(?:the\s+|a\s+)?(?:first\s+)?half|(?:a|one)[ \t-]+(?:third|quarter|half)|two[ \t-]+thirds|"
                      r"three[ \t-]+quarters|most(?=\s+of\s)|the\s+majority|(?:a\s+)?(?:small\s+)?part|partial(?:ly)?|"
                      r"(?:la\s+)?mitad|un\s+tercio|un\s+cuarto|dos\s+tercios|tres\s+cuartos|(?:una\s+)?parte|parcial(?:mente)?|"
                      r"(?:a\s+)?metade|um\s+ter[çc]o|um\s+quarto|dois\s+ter[çc]os|tr[êe]s\s+quartos|"
                      r"половин\w*|треть|третину|четверть|чверть|две\s+трети|дві\s+третини|часть|частину|частично|"
                      r"yar[ıi]s[ıi]n[ıi]|yar[ıi]s[ıi]|yar[ıi]m|[üu][çc]te\s+bir\w*|d[öo]rtte\s+bir\w*|bir\s+k[ıi]sm[ıi]n[ıi]|k[ıi]smen|"
                      r"(?:la\s+)?moiti[ée]|un\s+tiers|un\s+quart|deux\s+tiers|trois\s+quarts|"
                      r"(?:die\s+)?h[äa]lfte|ein\s+drittel|ein\s+viertel|zwei\s+drittel|drei\s+viertel|teilweise|"
                      r"(?:la\s+)?met[àa]|un\s+terzo|due\s+terzi|tre\s+quarti|"
                      r"separuh(?:nya)?|setengah(?:nya)?|sepertiga|seperempat|sebagian|(?:m[ộo]t\s+)?n[ửu]a|m[ộo]t\s+ph[ầa]n|"
                      r"نصف|ثلث|ربع|نیمی|आधा|आधी|aadh[ai])(?!\w)|"
                      r"(?<![\d.,/])[1-3][ \t]*/[ \t]*[2-4](?![\d.,/])|一半|半仓|三分之一|三分之二|四分之一|四分之三|一部分|部分|半分|"
                      r"\d\s*分の\s*\d|一部|절반|일부|ครึ่ง)")
_CLAUSE_SHARE_PCT = r"(?:(?<![+\-\d.,])[1-9]\d?(?:[.,]\d+)?[ \t]*(?:%|percent|процент\w*)|(?<![\w+\-])%[ \t]*[1-9]\d?(?![\d.,])(?:'?[a-zıiuü]{0,5})?)"
# (what the position is called after the share: "1/2 position", "half size", "metade da posição", "половину позиции")
_CLAUSE_POSITION = (r"(?:(?:of\s+|de\s+|da\s+|do\s+|del\s+|della\s+|der\s+|des\s+|du\s+|di\s+)?(?:(?:the|your|our|my|this|la|el|a|o|le|il)\s+)?"
                    # (the coin between only tagged, or after "of": "half of the BTC position" — "most profitable trade" is none)
                    r"(?:[#$][a-z][a-z0-9]{1,14}\s+|(?<=of\s)[a-z][a-z0-9]{1,14}\s+|(?<=of\sthe\s)[a-z][a-z0-9]{1,14}\s+|"
                    r"(?<=of\syour\s)[a-z][a-z0-9]{1,14}\s+|(?<=of\sour\s)[a-z][a-z0-9]{1,14}\s+|(?<=of\smy\s)[a-z][a-z0-9]{1,14}\s+)?"
                    r"(?:position|pos|size|bag|stack|trade|holdings?|it|posici[óo]n|posi[çc][ãa]o|"
                    r"позици\w*|позиці\w*|pozisyon\w*|posizione|posisi|v[ịi]\s+th[ếe]|الصفقة|پوزیشن|पोजीशन)(?!\w)|"
                    r"仓位|仓|포지션|ポジション)")
_CLAUSE_SHARE_TAIL = (r"(?=[ \t]*(?:$|\n|[^\w\s%]|(?:only|just|now|here|then|and|for\s+now|first|rest|remaining|the\s+rest|"
                      r"solo|s[óo]|apenas|ahora|agora|сейчас|только|şimdi|sadece|maintenant|seulement|jetzt|nur|ora|solo|"
                      r"sekarang|saja|aja|ngay|ya)(?!\w)|만|だけ|のみ|" + _CLAUSE_POSITION + r"))")
_CLAUSE_TAIL_SHARE = (r"(?=[ \t]*(?:(?:only|just|solo|s[óo]|apenas|только|sadece|seulement|nur|saja)(?!\w)|" + _CLAUSE_POSITION +
                      r"|[ \t]*[,;—–-][ \t]*(?:the\s+)?(?:rest|remaining|remainder|resto|остаток|остальное|kalan\w*|reste)(?!\w)))")
_CLAUSE_VERB_ORDERS = (r"(?:(?<!\w)(?<!is\s)(?<!are\s)(?<!very\s)(?<!so\s)(?<!too\s)(?<!daily\s)(?<!weekly\s)(?<!candle\s)"
                       r"(?:close|closing|exit|exiting|sell|selling|cerrar|cerramos|cierren|cierra|cierro|cerrando|"
                       r"fechar|fechamos|fechem|feche|fecho|fechando|закрываем|закрыть|закройте|закрываю|закрою|фиксируем|"
                       r"зафиксируйте|фиксирую|закриваємо|закрийте|закрити|фіксуємо|kapat|kapat[ıi]n|kapat[ıi]yoruz|kapatal[ıi]m|"
                       r"fermez|fermons|fermer|cl[ôo]turez|cl[ôo]turons|cl[ôo]turer|schlie(?:ß|ss)en|schlie(?:ß|ss)t|schlie(?:ß|ss)e|"
                       r"chiudiamo|chiudete|chiudere|chiudo|tutup|đóng|ch[ốo]t|[أا]غلق(?:وا)?|نغلق|إغلاق|اغلاق|ببندید|ببند|ببندیم)(?!\w)|"
                       r"平仓|平掉|减仓|决済|利确|청산|익절|정리)")
_CLAUSE_VERB_DONE = (r"(?:(?<!\w)(?:closed|exited|sold|cerrad[oa]|fechad[oa]|закрыли|закрыл|закрыто|закрили|kapatt[ıi]k|"
                     r"ferm[ée]e?|cl[ôo]tur[ée]e?|geschlossen|chius[oa]|ditutup|[أا]غلقنا|بستیم)(?!\w))")
# (between the verb and the share: the coin — tagged, or one bare word that is no grammar word nor an order's —, its
# side, "now", a price)
_CLAUSE_FIXED = (r"(?:[#$][a-z][a-z0-9]{1,14}(?:/usdt)?|(?:long|short|now|here|position|trade|the|our|your|my|ahora|agora|"
                 r"сейчас|şimdi|maintenant|jetzt|ora|sekarang|ngay)(?!\w)|(?:at|@)\s*(?:market|cmp|\$?\d[\d.,]*k?)(?![\w.,%]))")
_CLAUSE_BARE = (r"(?!(?:if|when|once|after|before|until|unless|at|by|in|on|for|with|from|to|and|or|but|is|are|was|were|it|this|"
                r"that|its|all|everything|every|up|down|above|below|under|over|near|around|than|then|a|an|of|only|half|most|some|"
                r"profit|profits|gain|gains|loss|orders?|limits?|entry|entries|bids?|buys?|stop|sl|tps?|targets?|si|se|wenn|eğer|"
                r"jika|kalau|khi|n[ếe]u)(?!\w))[a-z][a-z0-9]{1,14}(?:/usdt)?(?!\w)")
_CLAUSE_LEAD = (rf"(?:[ \t]+{_CLAUSE_FIXED}){{0,3}}(?:[ \t]+{_CLAUSE_BARE})?(?:[ \t]+{_CLAUSE_FIXED}){{0,3}}[ \t]*"
                r"(?:[,:(\[—–-][ \t]*)?(?:(?:only|just|about|around|~)[ \t]+)?")
_SHARE_IN_THE_CLOSE_CLAUSE = (rf"(?:{_CLAUSE_VERB_ORDERS}|{_CLAUSE_VERB_DONE}){_CLAUSE_LEAD}{_CLAUSE_SHARE_WORD}{_CLAUSE_SHARE_TAIL}|"
                              rf"{_CLAUSE_VERB_ORDERS}{_CLAUSE_LEAD}{_CLAUSE_SHARE_PCT}{_CLAUSE_SHARE_TAIL}|"
                              rf"{_CLAUSE_VERB_DONE}{_CLAUSE_LEAD}{_CLAUSE_SHARE_PCT}{_CLAUSE_TAIL_SHARE}")
_CLAUSE_SHARE_STEMS = (r"clos|exit|sell|sold|cerr|cierr|fech|закр|фикс|фікс|kapat|ferm|cl[ôo]tur|schlie|geschlossen|chiud|chius|tutup|"
                       r"đóng|ch[ốo]t|غلق|ببند|بستیم|平仓|平掉|减仓|决済|利确|청산|익절|정리")
_PART_CLOSED_STEMS = (r"closed|close|clos|geschlossen|schlie|glattst|clôtur|clotur|chius|chiud|ferm|закр|cerr|cierr|fech|بسته|ببند|بستن|"
                      r"غلق|قفل|سكر|سكّر|صكر|صكّر|سد|청산|정리|익절|平|利确|クローズ|决済|ปิด|đóng|фікс|pren|tom|realiz|realic|बुक|बंद|क्लोज|سیو|κλεί|κλείσ")

# "Лимитку по #TAO отменяем", "cancelamos la orden de #SOL", "limit emrini iptal ediyoruz": a cancel verb next to a word
# for the pending order, in either order
# ("IMX — pull all bids, price never came down", "We pulled our bids on #FET."): the channel takes its resting buy
# orders off — as the clause's first words or after "we"/"I", and ending the clause or naming the coin ("Whales pulled
# bids on BTC", "Pull all bids on alts, BTC looks heavy", "big bids pulled from the book" are the order book's talk)
_PULLED_BIDS = (r"(?:(?<=^)|(?<=[\n—–:,.!|]\s)|(?<=[\n—–:,.!|])|(?<=\bwe\s)|(?<=\bi\s)|(?<=\bwe're\s)|(?<=\bi'm\s)"
                r"|(?<=\bwe've\s)|(?<=\bi've\s)|(?<=\bim\s))(?:pull|pulled|pulling|remove|removed|removing)\s+(?:all\s+)?"
                # ("remove the order", "pull your buy orders": the call's orders, all of them — "remove the DCA order",
                # "remove the order at 5.10" are one rung's)
                r"(?:our\s+|my\s+|the\s+|your\s+|this\s+|that\s+)?(?:(?:limit\s+)?bids|(?:limit\s+|buy\s+|sell\s+|entry\s+)?orders?)"
                r"(?=\s*(?:[,.;!—–\n]|$|(?:on|for)\s+[#$]))|"
                # hi-en "Order hata do", "orders hatao", "limit order hata dijiye" (take the order off): the call's order —
                # not one rung's ("DCA order hata do", "doosra order hata do")
                r"(?<!dca\s)(?<!2nd\s)(?<!second\s)(?<!doosra\s)(?<!dusra\s)(?<!\w)(?:limit\s+)?orders?\s+(?:ko\s+)?"
                r"(?:hata\s*(?:do|dein|den|dijiye|diya|diye|lo)|hatao|hatado)(?!\w)")
_CANCEL_VERB = (r"(?:(?<!\w)(?:cancel\w*|отмен\w*|скасов\w*|iptal|cancelamos|cancelar|cancela|annul\w*|anuluj\w*|"
                # es/pt "anulamos la señal", "anular a ordem" (ro "anul" alone is "the year")
                r"anulamos|anular|anulemos|anulem|anulen|anulad[oa]s?|"
                r"anulujemy|batal\w*|dibatalkan|"
                # ro "Anulăm ordinul pe #KAS", "anulați ordinele" (we cancel / cancel the order)
                r"anul(?:[ăa]m|ez|eaz[ăa]|at|at[ăa]|a[țţt]i|e[țţt]i)|h[ủu]y|huỷ|إلغاء|الغاء|ملغي|ملغى|ملغا[ةه]|[أا]لغينا|نلغي|لغو|کنسل|storn\w*|l[öo]sch\w*|gel[öo]scht|कैंसिल|रद्द|کینسل|"
                # he "מבטלים" (we cancel), "לבטל", "בטלו", "ביטול"
                r"מבטלים|מבטל|לבטל|בטלו|ביטול|"
                # bn "বাতিল" (cancelled), "ক্যান্সেল"; cs "zrušte", "zrušeno", "smažte" (delete), sk "zrušte"
                r"বাতিল|ক্যা(?:ন্|ন)সেল|zru[šs]\w*|sma[žz]te|smaz[áa]n\w*|vyma[žz]te)(?!\w)|取消|キャンセル|취소)")
_ORDER_WORD = (r"(?:(?<!\w)(?:orders?|limits?|limit\s+orders?|лимитк\w*|лимитн\w*|ордер\w*|заявк\w*|emr\w*|emir\w*|"
               r"[óo]rden(?:es)?|ordem|ordens|ordres?|ordin(?:ul|ele|ii|e|i)?|zleceni\w*|l[ệe]nh|pesanan|أمر|الأمر|سفارش|অর্ডার|"
               r"p[řr][íi]kaz\w*|objedn[áa]vk\w*|pokyn\w*)(?!\w)|挂单|订单|주문|注文)")
# The orders said not filled (the unfilled rungs), after their noun: fr "les ordres non exécutés / non remplis", es "las
# órdenes no ejecutadas / sin llenar", pt "as ordens não executadas / não preenchidas", it "gli ordini non
# eseguiti", en "the orders not (yet) filled", "the orders that didn't fill", id "order yang belum terisi";
# before it: de "die nicht ausgeführten Orders", tr "gerçekleşmeyen / dolmayan emirler", zh "未成交的挂单", ja
# "未约定の注文"
_ORDERS_UNFILLED = (r"(?:(?:las\s+|los\s+|as\s+|os\s+|les\s+|gli\s+|the\s+)?(?:entradas|[óo]rdenes|ordens|ordres|entr[ée]es|ordini|"
                    r"ingressi|orders|entries|limits|limit\s+orders)(?:\s+(?:d'achat|de\s+compra|d'acquisto|limite?s?|limit))?\s+"
                    r"(?:(?:que|that|which|qui|che)\s+)?(?:(?:no|non|n[ãa]o|not|ne|still\s+not|didn'?t|did\s+not|haven'?t|have\s+not)\s+"
                    r"(?:yet\s+|encore\s+|a[úu]n\s+|ainda\s+|ancora\s+|se\s+|ont\s+pas\s+[ée]t[ée]\s+|sont\s+pas\s+)?"
                    r"(?:ex[ée]cut[ée]e?s?|remplie?s?|d[ée]clench[ée]e?s?|ejecutad[oa]s|llenad[oa]s|activad[oa]s|executad[oa]s|"
                    r"preenchid[oa]s|ativad[oa]s|eseguit[ie]|riempit[ie]|attivat[ie]|filled|fill|executed|triggered|been\s+filled)|"
                    r"sin\s+(?:ejecutar|llenar|activar)|sem\s+(?:executar|preencher)|yet\s+to\s+(?:fill|be\s+filled))|"
                    r"(?:order|entry|pesanan)\s+yang\s+belum\s+(?:terisi|tereksekusi|kena|jalan|ke-?isi)|"
                    r"(?:die\s+)?nicht\s+(?:ausgef[üu]hrten|gef[üu]llten|ausgel[öo]sten)\s+(?:orders?|auftr[äa]ge|limits?|einstiege)|"
                    r"(?:ger[çc]ekle[şs]meyen|dolmayan|tetiklenmeyen)\s+(?:al[ıi]m\s+)?(?:emir\w*|emr\w*|giri[şs]\w*)|"
                    r"未成交的?(?:挂单|订单|委托)|未约定の?注文)")
# ("#SOL cancel TP3", "#AVAX TP3 iptal", "cancel the stop loss order", "cancel the DCA order at 138", "cancel 2nd buy
# order"): the cancel's object is one order of the trade — a target, the stop, one rung of the entries — and the trade
# stays open (a cancel of the trade's order or limit is the whole call withdrawn, unless the post enters at market instead)
# The unfilled rungs of the entries named as a cancel's object ("cancel the last entry", "the rest of the entries", "the
# remaining orders", ru "отмена третьего ордера", "отменяем оставшиеся ордера", es/pt "cancelar la segunda entrada", id
# "batalkan entry kedua", vi "hủy lệnh chờ còn lại"; before the verb, tr "ikinci girişi iptal", "kalan emirleri iptal",
# ko "남은 주문 취소", ja "2番目のエントリーをキャンセル"): the filled part of the trade runs on
_UNFILLED_RUNGS = (r"(?:(?:2nd|second|3rd|third|4th|fourth|last|remaining|unfilled|rest\s+of\s+(?:the\s+|our\s+)?)\s*"
                   r"(?:entry|entries|limit\s+orders?|orders?|buys?)|(?:the\s+)?rest(?=\s*$|\s*[,.!])|"
                   # es/pt/fr/it/de/pl "las entradas restantes", "as ordens restantes", "les ordres restants", "gli ordini
                   # rimanenti", "restliche Orders", "pozostałe zlecenia", ru "неисполненные ордера", id "sisa order", vi "các
                   # lệnh còn lại", zh "剩余挂单", ko "미체결 주문", hi "बाकी ऑर्डर", tr "kalan alım emirlerini"
                   r"(?:las\s+|los\s+|as\s+|os\s+|les\s+|gli\s+)?(?:entradas|[óo]rdenes|ordens|ordres|entr[ée]es|ordini)\s+"
                   r"(?:restantes|pendientes\s+que\s+no\s+se\s+llenaron|restants|rimanenti)|restliche\s+(?:orders?|eintr[äa]ge|einstiege)|"
                   + _ORDERS_UNFILLED + r"|"
                   # de "die letzte Nachkauf-Order", "offene Nachkauf-Orders"
                   r"(?:(?:die|den|alle)\s+)?(?:letzten?|zweiten?|dritten?|restlichen?|offenen?|verbleibenden?)\s+"
                   r"(?:nachkauf|dca|kauf|einstiegs?|limit)[\s-]*(?:orders?|auftr[äa]ge?|limits?)|"
                   r"nachkauf[\s-]*(?:orders?|auftr[äa]ge?|limits?)|offenen?\s+(?:limit[\s-]*)?(?:orders?|auftr[äa]ge?)|"
                   r"pozosta[łl]e\s+zleceni\w*|неисполненн\w+\s+(?:ордер|заявк)\w*|sisa\s+(?:order|entry|pesanan)|"
                   r"c[áa]c\s+l[ệe]nh\s+c[òo]n\s+l[ạa]i|剩余挂单|미체결\s*주문|बाकी\s+ऑर्डर|kalan\s+(?:al[ıi]m\s+)?(?:emir\w*|emr\w*)|"
                   # ("третий лимитный ордер", "вторую лимитную заявку": an adjective of the order between)
                   r"(?:втор|трет|четв[её]рт|последн|оставш)\w*\s+(?:лимитн\w+\s+)?(?:ордер|вход|заявк|лимитк)\w*|"
                   # ("a 2ª entrada", "la 3ª orden", "o 2º pedido": the ordinal written with its sign)
                   r"(?:la\s+|a\s+)?(?:segunda|tercera|terceira|[úu]ltima|cuarta|quarta|[2-9]\s*[ªa](?=\s))\s+(?:entrada|orden|ordem)|"
                   r"(?:el\s+|o\s+)?(?:segundo|tercer|terceiro|[úu]ltimo|[2-9]\s*[º°o](?=\s))\s+(?:pedido|aporte|lote)|"
                   # it/fr "la seconda entrata", "il terzo ordine", "la deuxième entrée", "le second ordre"
                   r"(?:la\s+|il\s+|l['’]\s*)?(?:seconda|terza|ultima)\s+(?:entrata|entry)|(?:il\s+)?(?:secondo|terzo|ultimo)\s+"
                   r"(?:ordine|ingresso)|(?:la\s+|le\s+)?(?:deuxi[èe]me|seconde?|troisi[èe]me|derni[èe]re?)\s+(?:entr[ée]e|ordre)|"
                   # ro "al doilea ordin", "ordinele rămase", "a doua intrare" (the second order, the remaining orders)
                   r"(?:al\s+)?(?:doilea|treilea|patrulea|ultimul)\s+ordin\w*|ordin(?:ul|ele)\s+(?:al\s+)?(?:doilea|treilea|"
                   r"r[ăa]mas\w*|neexecutat\w*|neumplut\w*)|(?:a\s+)?(?:doua|treia|ultima)\s+intrare|intrarea\s+(?:a\s+)?(?:doua|treia)|"
                   r"intr[ăa]rile\s+r[ăa]mase|"
                   # id/ms "batalkan order entry ke-2", "order kedua", "entri ketiga"; vi "hủy lệnh thứ 2", "lệnh vào thứ hai"
                   r"(?:(?:order|pesanan)\s+)?(?:entry|entri|masuk)\s+(?:ke-?\s*[2-9]|kedua|ketiga|keempat|terakhir)|"
                   r"(?:order|pesanan)\s+(?:ke-?\s*[2-9]|kedua|ketiga|keempat|terakhir)|"
                   r"l[ệe]nh\s+(?:entry\s+|v[àa]o\s+|mua\s+|dca\s+)?th[ứu]\s+(?:[2-9]|hai|ba|t[ưu])|l[ệe]nh\s+ch[ờo]\s+c[òo]n\s+l[ạa]i|"
                   r"(?:ikinci|[üu][çc][üu]nc[üu]|son|kalan)\s+(?:giri[şs]\w*|emir\w*|emr\w*)|남은\s*(?:주문|진입)|"
                   # tr "2. giriş iptal" (the 2nd entry, numbered with a dot), "2'nci alım"; uk "2-й вхід", "другий вхід",
                   # ru "2-й вход"; fa "ورود دوم" / "ورود ۲" / "پله دوم" (the second entry, step); ar "الدخول الثاني",
                   # "الدخول 2" — a numbered rung after the first
                   r"[2-9](?:\s*\.|\s*['’]?\s*(?:nci|inci|nc[ıi]|[üu]nc[üu]|nd|rd|th))\s*(?:giri[şs]\w*|al[ıi]m\w*|emir\w*|emr\w*|kademe\w*)|"
                   r"(?:[2-9]\s*-\s*(?:й|ой|ий|я|ая)|втор\w*|трет\w*|друг\w*|четв[её]рт\w*|останн\w*|залишен\w*)\s+"
                   r"(?:вх[іо]д\w*|ордер\w*|заявк\w*|лимитк\w*|лімітк\w*)|"
                   r"(?:ورود|پله|سفارش)\s+(?:دوم|سوم|چهارم|آخر|[2-9](?!\s*[.,/]\s*\d))|"
                   r"(?:ال)?(?:دخول|أمر|امر)\s+(?:ال)?(?:ثاني|ثالث|رابع|أخير|اخير|[2-9](?!\s*[.,/]\s*\d))|"
                   r"\d\s*番目の\s*エントリー\s*を?|"
                   # ko "2차 진입" (the 2nd entry), "추가 진입" (the add-on entry); ur "باقی پینڈنگ آرڈرز" (the remaining
                   # pending orders), "دوسرا آرڈر" (the second order)
                   # ("Cancel entries 2 & 3", "cancel entry 2", "cancel orders 2-3"): the rungs after the first, by number
                   r"(?:entry|entries|orders?|buys?|rungs?)\s*#?[2-9](?:\s*(?:&|and|,|/|-|to)\s*#?[2-9])*|"
                   # vi "lệnh entry 2 chưa khớp" (the 2nd entry order, not filled)
                   r"l[ệe]nh\s+(?:entry|v[àa]o)\s*[2-9](?:\s+ch[ưu]a\s+kh[ớo]p)?|l[ệe]nh\s+ch[ưu]a\s+kh[ớo]p|"
                   # ("2차 진입(138.5) 주문은 취소합니다": the rung's price in brackets, a topic particle before the verb)
                   r"(?:[2-9]\s*차\s*(?:(?:진입|매수)(?:\s*\(\s*\$?\d[\d.,]*\s*\))?(?:\s*주문)?|주문)|추가\s*(?:진입|매수)(?:\s*주문)?)"
                   r"(?:\s*(?:은|는|을|를|도))?|"
                   r"باقی\s+(?:پینڈنگ\s+)?آرڈرز?|(?:دوسرا|تیسرا|آخری)\s+آرڈر|"
                   # he "את הוראות הכניסה שלא התמלאו" (the entry orders not filled), "הכניסות שנותרו" (the remaining
                   # entries), "הכניסה השנייה" (the second entry)
                   r"(?:את\s+)?ה?(?:הוראות|פקודות|הזמנות|כניסות)(?:\s+ה?(?:כניסה|לימיט))?\s+(?:שנותרו|שנשארו|"
                   r"שלא\s+(?:התמלאו|מולאו|בוצעו|הופעלו|נכנסו))|(?:את\s+)?ה?כניסה\s+ה?(?:שנייה|שניה|שלישית|אחרונה))(?!\w)")
_ONE_ORDER = (rf"(?:{_TP_WORDS}\s*\d{{1,2}}|(?:sl|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?|тейк\w*|dca|averaging)"
              r"(?:\s+(?:orders?|limits?|emri|lệnh|অর্ডার|p[řr][íi]kaz\w*))?|(?:2nd|second|3rd|third|4th|fourth|last|next)\s+(?:buy|sell|dca)"
              r"(?:\s+(?:orders?|limits?))?|"
              # bn "দ্বিতীয় এন্ট্রি অর্ডার" (the 2nd entry order), "4.80 এর লিমিট অর্ডার" (the limit order at 4.80)
              r"(?:দ্বিতীয়|দ্বিতীয়|তৃতীয়|তৃতীয়|শেষ)\s+(?:এন্ট্রি|বাই|ডিসিএ|লিমিট)(?:\s+অর্ডার)?|"
              r"\d[\d.,]*\s+(?:এর|এ)\s+(?:লিমিট|এন্ট্রি|বাই)(?:\s+অর্ডার)?|"
              + _UNFILLED_RUNGS + r")(?!\w)")
# ("❎ DCA order at 26.60 cancelled", "2nd entry (26.60) was cancelled", "the second buy at 0.95 got cancelled"): a later
# rung of the ladder — the averaging order, or one said second/third/last — with its price, said cancelled (not "no DCA")
# A card's entry rung named by its label and number ("F3" of "Fills: F1 … F2 … F3 …", "E2", "DCA2", "zone 2", "fill 3"):
# one order of the entry ladder, never the coin
_NAMED_RUNG = r"(?<![\w.,])(?:[ef][1-9]|(?:dca|zone|fill|rung)[ \t]*#?[1-9])(?!\w)"
_LATER_RUNG_PASSIVE_CANCEL = (r"(?<!no\s)(?<!\w)(?:dca|averaging|(?:2nd|second|3rd|third|4th|fourth|last)\s+(?:entry|buy|sell|dca|limit|order))"
                              r"(?:\s+(?:orders?|limits?|entry))?(?:\s+(?:at\s+|@\s*)?\$?\d[\d.,]*|\s*\(\s*\$?\d[\d.,]*\s*\))?\s+"
                              r"(?:is\s+|was\s+|has\s+been\s+|got\s+|now\s+|been\s+)*cancel\w*")
# Session 24 (status24a): the resting rung "taken off" or "pulled" — ru "снимаем / сняли / убираем", uk "знімаємо /
# прибрали", es/pt "quitamos / retiramos / tiramos", it "togliamo / ritiriamo", tr "kaldırıyoruz / sildik", de "nehmen
# … raus" — said of one unfilled rung only (with "the order" or "the limit" alone it is the call withdrawn, read as before)
_RUNG_PULL_VERB = (r"(?:(?<!\w)(?:снима\w*|сняли|снимем|снять|убира\w*|убрали|уберем|уберём|знімає\w*|знімаю|зняли|знімемо|"
                   r"прибира\w*|прибрали|quitamos|quitad[oa]|retiramos|retirad[oa]|tiramos|tirad[oa]|togliamo|tolt[oa]|"
                   r"ritiriamo|ritirat[oa]|kald[ıi]r(?:[ıi]yoruz|d[ıi]k|[ıi]ld[ıi])|sildik|silindi|pull(?:ed|ing)?|"
                   r"nehmen\s+wir\s+raus|raus(?:genommen)?)(?!\w))")
# (its price between the rung and the verb: "вторую лимитку на 1,742 снимаем", "2nd entry at 1.742 cancelled", "la
# segunda entrada en 1,742 la quitamos", "(1.742)")
_RUNG_PRICE_BETWEEN = (r"(?:[ \t]+(?:на|по|at|@|a|en|em|à|a|bei|di|da|de|@)[ \t]*\$?\d[\d.,]*|[ \t]*\([ \t]*\$?\d[\d.,]*[ \t]*\))?"
                       r"(?:[ \t]+(?:la|lo|il|o|a|её|ее|її|его|її|bunu|onu|sie|ihn))?")
_RUNG_PULLED = (r"(?<!\w)(?!(?:the\s+)?rest(?!\w))" + _UNFILLED_RUNGS + _RUNG_PRICE_BETWEEN
                + r"[ \t]*(?:(?:is|are|was|were|has\s+been|got|now|bitte)[ \t]+)?(?:" + _RUNG_PULL_VERB + "|" + _CANCEL_VERB + ")|"
                + _RUNG_PULL_VERB + r"[ \t]+(?:the[ \t]+|our[ \t]+|la[ \t]+|a[ \t]+|(?:[#$]\w+[ \t]+))?(?!(?:the\s+)?rest(?!\w))"
                + _UNFILLED_RUNGS)
# ("Trade continues with the first entry only", "position stays open", "still in with the first fill", "we ride with the
# first one"): the trade said to run on — beside an order cancelled, the order is an unfilled rung, not the call
_TRADE_RUNS_ON = (r"(?<!\w)(?:(?:the\s+)?(?:trade|position)\s+(?:still\s+)?(?:continues|goes\s+on|runs\s+on|"
                  r"(?:stays|remains)\s+(?:open|active|on)|is\s+still\s+(?:open|running|active|on)|still\s+(?:open|running|active|on))|"
                  r"(?:continu\w*|ride|riding|stay\w*|run\w*|go(?:ing)?\s+on|still\s+in|hold\w*)\s+(?:on\s+)?with\s+(?:the\s+|our\s+)?"
                  r"(?:first|1st)\s+(?:entry|fill|one|order|buy)|(?:first|1st)\s+(?:entry|fill|order|buy)\s+only|"
                  # ("Running with entry 1 only", "we ride with entry 1")
                  r"(?:continu\w*|ride|riding|stay\w*|run\w*|hold\w*)\s+(?:on\s+)?with\s+entry\s*(?:1|one)(?!\w)|entry\s*1\s+only|"
                  r"(?:first|1st)\s+(?:entry|one|order|fill|buy)\s+(?:stays|remains|runs|is\s+kept|kept)(?!\s+(?:cancel|clos)))(?!\w)")
# ("Cancel if you haven't entered yet, others hold", "cancel limit orders, keep the position", "Cancel the trade if you are not
# in"): the cancel is for those not filled — those in keep the trade, which is what cancelling the unfilled entries does
# ("cancel if you haven't entered yet. If you're in, close it at entry", "…; those in, exit now"): those in are told to
# close — the post closes the trade for every follower who holds it
_THOSE_IN_CLOSE = (r"(?:if\s+you(?:'re|\s+are)\s+(?:already\s+)?in|if\s+you\s+(?:already\s+)?(?:entered|got\s+in|got\s+filled)|"
                   r"those\s+(?:who\s+are\s+|who\s+)?(?:already\s+)?(?:in|entered))\W"
                   # (not "don't close", "no need to close"; not a close for later — "close at TP1", "close only if it breaks")
                   r"(?:(?!don'?t|do\s+not|no\s+need|not\s|never)[^\n]){0,30}?(?<!\w)(?:close|exit|sell|get\s+out)(?!\w)"
                   r"(?!\s+(?:it\s+|them\s+)?(?:at|on|near)\s+(?:tp|target|\$?\d)|\s+(?:it\s+)?only|\s+(?:it\s+)?(?:if|when|once)|"
                   r"\s+(?:it\s+)?manually\s+if)")
_FOR_THOSE_NOT_IN = re.compile(
    r"(?<!\w)(?:keep\s+(?:the\s+|your\s+)?position|others\s+hold|position\s+(?:bleibt|halten|l[äa]uft\s+weiter)|holders\s+(?:keep|hold)|(?:if\s+you|for\s+those(?:\s+who)?)\s+"
    r"(?:are\s+|were\s+)?(?:haven'?t|have\s+not|not|didn'?t)\s+(?:yet\s+)?(?:entered|in|get\s+in|got\s+in)|"
    r"(?:we\s+are|we'?re)\s+in\s+with\s+the\s+first)(?!\w)")
# ("отменяем второй тейк": an ordinal before the take-profit's word)
# ("2nd entry 130 was not reached, cancel that limit", "the DCA at 130 didn't fill — cancel this order"): a later rung
# said not filled, then cancelled (the "not" is the rung's, no denial of the cancel)
# (said not filled: en, ru "не сработал", es "no se llenó", pt "não foi preenchida", de "nicht gefüllt", tr "dolmadı")
_NOT_FILLED = (r"(?:(?:not|never|didn'?t|did\s+not|wasn'?t|weren'?t)\s+(?:get\s+|got\s+|been\s+)?(?:reached|hit|touched|fill|filled|triggered)|"
               r"не\s+(?:сработал\w*|исполн\w*|заполн\w*|активир\w*|дош[её]л\w*)|no\s+se\s+(?:llen|activ|ejecut)(?:[óo]|aron)|"
               r"n[ãa]o\s+(?:foi\s+|foram\s+)?(?:preenchid\w*|executad\w*|ativad\w*)|nicht\s+(?:gef[üu]llt|ausgef[üu]hrt|erreicht)|"
               r"dolmad[ıi]|ger[çc]ekle[şs]medi)")
# ("2nd entry 130 was not reached, cancel that limit", "второй вход не сработал, отменяем его"): a later rung said not
# filled, then cancelled (the "not" is the rung's, no denial of the cancel) — not when the first entry is said unfilled too
# ("entry 1 and entry 2 were not reached") or the cancel's object is the whole call ("cancel the trade, we're out")
# A later rung of the ladder ("2nd entry", "the DCA order", "entry 2", and the unfilled rungs' wording in other languages)
_LATER_RUNG = (r"(?:(?:2nd|second|3rd|third|4th|fourth|last|next)\s+(?:entry|buy|order|limit|dca)|"
               r"dca(?:\s+(?:order|limit|entry))?|(?:entry|buy|order)\s*#?[2-9]|" + _UNFILLED_RUNGS + r")(?!\w)")
_RUNG_UNFILLED_CANCEL = (r"(?<!1\sand\s)(?<!1\s&\s)(?<!1,\s)" + _LATER_RUNG + r"[^\n]{0,25}?" + _NOT_FILLED + r"(?:(?!don'?t|do\s+not|not\s|never|no\s+need|не\s)[^\n]){0,20}?"
                         + _CANCEL_VERB + r"(?!\s+(?:the\s+|this\s+|that\s+|whole\s+|entire\s+)*(?:trade|signal|setup|call|position|"
                         r"everything)(?!\w))")
# ("#SOL 2nd entry 130 was not reached", "the DCA at 130 never filled"): a later rung said not filled — the first
# entry's position runs on, so a cancel beside it is of that rung only
LATER_RUNG_NOT_FILLED_RE = re.compile(r"(?<!\w)" + _LATER_RUNG + r"(?:\s+(?:at\s+|@\s*)?\$?\d[\d.,]*)?\s+"
                                      r"(?:was\s+|has\s+|is\s+)?(?:still\s+)?" + _NOT_FILLED)
# ("#XRP entry 1 and entry 2 were not reached", "1st and 2nd entry never filled", "both entries didn't fill", "none of the
# entries got filled", ru "первый и второй вход не сработали", "оба входа не сработали", es "la primera y la segunda entrada
# no se llenaron", "ninguna de las entradas se llenó", pt "a primeira e a segunda entrada não foram preenchidas", "nenhuma
# das entradas foi preenchida"): the first entry is said unfilled too — nothing of the call runs, so a cancel beside a
# later rung's name is the whole call's
# (the first rung with its noun — "entry 1", "1st entry", "первый вход", "la primera entrada" — or, bare, in a pair with
# a later one: "1st and 2nd entry", "первый и второй вход", "la primera y la segunda entrada"; "First, the 2nd entry was not
# reached" names no first rung)
_FIRST_RUNG = (r"(?:(?:entry|entries|order|buy|rung|вход|entrada|orden|ordem)\s*(?:#|№\s*)?1|(?:1st|first)\s+(?:entry|order|buy|"
               r"limit|rung|dca)|перв\w+\s+(?:вход|ордер|заявк|лимитк)\w*|(?:la\s+|a\s+)?(?:primera|primeira)\s+"
               r"(?:entrada|orden|ordem))(?!\w)")
_FIRST_BARE_PAIR = (r"(?:1st|first|перв\w+|(?:la\s+|a\s+)?(?:primera|primeira))\s+(?:and|&|и|y|e)\s+(?:the\s+|la\s+|a\s+)?"
                    r"(?:2nd|second|3rd|third|втор\w*|трет\w*|segunda|tercera|terceira)(?!\w)")
_EVERY_RUNG = (r"(?:both|all(?:\s+(?:the|our|\d))?)\s+(?:entries|entry\s+orders|orders|limits|limit\s+orders|buys|rungs)|"
               r"(?:оба|обе|все)\s+(?:вход|ордер|заявк|лимитк)\w*|(?:ambas|todas)\s+(?:las\s+|as\s+)?(?:entradas|[óo]rdenes|ordens)")
# (no fill word between the first rung and the "not": "entry 1 filled, entry 2 not reached" keeps entry 1's position)
_NO_FILL_WORD = (r"(?:(?!fill|hit|trigger|execut|reach|touch|сработ|исполн|llen|preench|ejecut|execut|activ|ativ)"
                 r"[^\n,.;:!?—–])")
_FIRST_RUNG_NOT_FILLED = re.compile(
    r"(?<!\w)(?:" + _FIRST_RUNG + r"(?:\s+(?:at\s+|@\s*)?\$?\d[\d.,]*)?(?:\s*(?:and|&|,|/|и|y|e)\s+" + _NO_FILL_WORD
    + r"{1,30}?)?|" + _FIRST_BARE_PAIR + _NO_FILL_WORD + r"{0,25}?|" + _EVERY_RUNG + r")\s+"
    r"(?:(?:was|were|has|have|is|are|still|both|all|todas|ambas|оба|все)\s+)*" + _NOT_FILLED + "|"
    # ("none of the entries got filled", "neither entry was reached", "ни один вход не сработал", "ninguna entrada se llenó",
    # "nenhuma das entradas foi preenchida")
    r"(?<!\w)(?:(?:none|neither)\s+(?:of\s+(?:the\s+|our\s+)?)?(?:entries|entry|orders?|limits?|buys?|rungs?)(?:\s+(?:orders?|limits?))?"
    r"\s+(?:(?:was|were|got|has|have|been|ever)\s+)*(?:filled|reached|hit|triggered|touched)|"
    r"ни\s+од(?:ин|на|ного)\s+(?:из\s+)?(?:вход|ордер|заявк|лимитк)\w*\s+не|"
    r"(?:ninguna|nenhuma)\s+(?:de\s+las\s+|das\s+)?(?:entradas?|[óo]rden(?:es)?|ordens?)\s+(?:(?:se|foi|foram|fue|fueron)\s+)?"
    r"(?:llen|activ|ejecut|alcanz|preench|execut|ativ|ating)\w*)(?!\w)")


# ("first entry not reached but the 2nd entry filled"): a later rung said filled — the position runs
_LATER_RUNG_FILLED_RE = re.compile(r"(?<!\w)" + _LATER_RUNG + r"(?:\s+(?:at\s+|@\s*)?\$?\d[\d.,]*)?\s+"
                                   r"(?:(?:got|was|were|has\s+been|is|already|just)\s+)*(?:filled|triggered|executed|hit|"
                                   r"сработал\w*|исполн\w*|se\s+llen\w*|(?:foi\s+)?preenchid\w*)(?!\w)")


def first_rung_not_filled(lowered: str) -> bool:
    """The first entry is said unfilled (with the later rungs, or alone) and no later rung said filled: nothing of the call
    runs ("#XRP entry 1 and entry 2 were not reached", "none of the entries got filled")."""
    return bool(_FIRST_RUNG_NOT_FILLED.search(lowered)) and not _LATER_RUNG_FILLED_RE.search(lowered)


def later_rung_alone_not_filled(lowered: str) -> bool:
    """A later rung of the ladder is said not filled, and not the first entry with it ("#SOL 2nd entry 130 was not
    reached" — the first entry's position runs on; "entry 1 and entry 2 were not reached" — nothing runs)."""
    return bool(LATER_RUNG_NOT_FILLED_RE.search(lowered)) and not first_rung_not_filled(lowered)


# ("#OP long: cancel the 1.588 order, only 1.612 got filled", "cancel the limit at 1.588 — 1.612 filled, rest unchanged",
# "cancel the 0.95 bid, first entry filled"): the order cancelled is named by its price while another rung is said filled
# or the rest kept — one rung of the ladder, the filled part runs (without that, "cancel the 1.588 order" may be the call)
_PRICED_ORDER = (r"(?:the\s+|our\s+|my\s+|your\s+)?(?:(?:limit|buy|sell|entry|bid|order)(?:\s+order)?\s+(?:at|@|on)\s*\$?\d[\d.,]*|"
                 r"\$?\d[\d.,]*\s+(?:(?:limit|buy|sell|entry)\s+)?(?:order|limit|bid|entry|buy)|"
                 # fr/it/es/pt "l'ordre à 140", "l'ordine a 140", "la orden en 140", "a ordem em 140", "l'entrée à 140"
                 r"(?:l['’]\s*|la\s+|le\s+|el\s+|il\s+|a\s+|o\s+|notre\s+|nuestra\s+|nostro\s+|nossa\s+)?"
                 r"(?:ordre|ordine|orden|ordem|entr[ée]e|entrada|ingresso|limite)(?:\s+(?:limite|limit|d['’]\s*achat|de\s+compra|di\s+acquisto))?"
                 r"\s+(?:à|a|en|em|de|di|da|su|sur|@)\s*\$?\d[\d.,]*)(?!\w)")
# ("only the first bid got filled": the first rung named by its bid)
_OTHER_RUNG_FILLED = (r"(?<!\w)(?:(?:only\s+)?(?:the\s+)?(?:\$?\d[\d.,]*|first(?:\s+(?:entry|one|order|rung|buy|bid|limit))?|"
                      r"1st(?:\s+(?:entry|one|order|buy|bid|limit))?|entry\s*#?1|the\s+one\s+(?:at|@)\s*\$?\d[\d.,]*)\s+(?:(?:got|was|is|has\s+been|already)\s+)?"
                      r"(?:filled|triggered|executed)|(?:the\s+)?rest\s+(?:is\s+|stays\s+|remains\s+)?unchanged|"
                      # ("keep the first entry", "only F1 + F2 are valid", "E1 and E2 stay active", "the other entries stay"):
                      # the other rungs said kept — the call goes on with them
                      r"(?:keep|keeping|leave|leaving)\s+(?:the\s+|our\s+|your\s+)?(?:first|1st|other|remaining|filled)\s+"
                      r"(?:entry|entries|one|ones|order|orders|rung|rungs|buy|buys|fill|fills)|"
                      r"(?:only\s+)?(?:[ef][1-9]|(?:entry|dca|zone|fill)\s*[1-9])(?:\s*(?:\+|&|,|and)\s*(?:[ef]?[1-9]|(?:entry|dca|zone|fill)\s*[1-9]))+"
                      r"\s+(?:are\s+|is\s+)?(?:still\s+)?(?:stays?\s+|remains?\s+)?(?:valid|active|live|on|open)|"
                      r"(?:the\s+)?other\s+(?:entries|orders|rungs|ones)\s+(?:are\s+)?(?:still\s+)?(?:stay|remain|valid|active|unchanged)|"
                      # fr/it/es/pt "celui à 145 a été exécuté", "la première est remplie", "quello a 145 è stato eseguito", "la de
                      # 145 se ejecutó", "a de 145 foi executada": another rung said filled
                      r"(?:celui|celle|quello|quella|la|el|a|o|l['’]\s*ordre|l['’]\s*ordine|la\s+orden|a\s+ordem)\s+(?:à|a|de|da|di|en|em|su|sur)\s*\$?\d[\d.,]*"
                      r"\s+(?:(?:a\s+été|est|è\s+stat[oa]|è|fue|se|foi|ha\s+sido|j'?)\s*)?(?:ex[ée]cut[ée]e?|rempli[e]?|d[ée]clench[ée]e?|"
                      r"eseguit[oa]|riempit[oa]|attivat[oa]|ejecut(?:ad[oa]|[óo])|llen(?:ad[oa]|[óo])|activ(?:ad[oa]|[óo])|executad[oa]|"
                      r"preenchid[oa]|acionad[oa])|"
                      r"everything\s+else\s+(?:stays|remains|unchanged)|"
                      # pt/es/en "as duas primeiras entradas que já foram preenchidas", "la primera ya se llenó", "the first two
                      # entries already filled": the first rungs said filled
                      r"(?:(?:as|os|las|los|la|a|o|el|the)\s+)?(?:(?:duas|dois|dos|two|2)\s+)?(?:primeir[ao]s?|primer[ao]s?|first)"
                      r"(?:\s+(?:two|2))?(?:\s+(?:entradas?|[óo]rden(?:es)?|ordens?|ordem|entries|entry|orders?))?\s+(?:que\s+)?"
                      r"(?:(?:j[áa]|ya|already|foram|foi|fueron|fue|se|were|was|got|have\s+been|has\s+been|are|is)\s+){0,3}"
                      r"(?:preenchid\w*|llenad\w*|llen[óo]|llenaron|ejecutad\w*|executad\w*|filled|executed|triggered))(?!\w)")
_PRICED_RUNG_CANCEL = (_CANCEL_VERB + r"[ \t]+" + _PRICED_ORDER + r"[^\n]{0,60}?" + _OTHER_RUNG_FILLED + "|"
                       # pt/es "a ordem de 178,90 no #SOL pode cancelar … ficamos só com as duas primeiras entradas que já
                       # foram preenchidas": the priced order first, then the verb
                       + _PRICED_ORDER + r"[^\n.!?]{0,25}?" + _CANCEL_VERB + r"[^\n]{0,80}?" + _OTHER_RUNG_FILLED + "|"
                       + _OTHER_RUNG_FILLED + r"[^\n]{0,60}?" + _CANCEL_VERB + r"[ \t]+" + _PRICED_ORDER)
# (session 23, partial23) A coin written bare before the order it names ("Cancel SOL TP3"): one word, no grammar word
_BARE_COIN = (r"(?!(?:the|our|your|my|his|her|their|all|any|every|each|some|only|just|this|that|these|those|it|and|or|now|"
              r"then|order|orders|limit|limits|entry|entries|trade|signal|position|setup|call|pending|remaining|open|unfilled|"
              r"other|rest|buy|sell|long|short)(?!\w))[a-z][a-z0-9]{1,14}(?:/usdt)?(?!\w)")
_ONE_ORDER_AFTER = re.compile(rf"^\s+(?:(?:only|just)\s+)?(?:the\s+|our\s+|your\s+|all\s+|le\s+|la\s+|l['’]\s*|il\s+|lo\s+|el\s+|o\s+|a\s+|den\s+|das\s+|die\s+|"
                              # (session 23, partial23: the coin bare too — "Cancel SOL TP3", "cancel the SOL stop")
                              rf"notre\s+|nuestro\s+|nostro\s+|nosso\s+)?(?:[#$]\w+\s+|{_BARE_COIN}\s+)?"
                              rf"(?:(?:перв|втор|трет|четв[её]рт|последн)\w*\s+)?{_ONE_ORDER}")
_ONE_ORDER_BEFORE = re.compile(rf"(?<!\w){_ONE_ORDER}\s*(?:\w+\s+|অর্ডার\s+)?$")
# ("Cancel the #JTO limit at 2.85 and enter at market", "отменяем лимитку, заходим по рынку", "limit emri iptal, piyasadan
# girin", "hủy lệnh limit, vào lệnh market"): the pending limit swapped for an entry at market — the call stands
_MARKET_INSTEAD = re.compile(r"(?<!\w)(?:(?:enter|entry|buy|sell|long|short|get\s+in|go\s+in)\s+(?:\w+\s+){0,2}?"
                             r"(?:at\s+|@\s*|by\s+)?(?:the\s+)?(?:market|cmp)|market\s+(?:entry|order|buy|sell)|"
                             r"по\s+рынку|piyasadan|v[àa]o\s+(?:l[ệe]nh\s+)?market|a\s+mercado|a\s+mercato|au\s+march[ée]|"
                             r"zum\s+marktpreis|市价)(?!\w)")
_ONE_STOP_OR_TARGET = rf"(?:{_TP_WORDS}\s*\d{{1,2}}|sl|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?|тейк\w*)(?!\w)"

# ("el grupo sigue abierto para charlar", "o canal segue aberto", "the chat is still open"): the channel or its chat
# goes on — no trade
_NOT_THE_GROUP = (r"(?<!grupo\s)(?<!canal\s)(?<!chat\s)(?<!comunidad\s)(?<!comunidade\s)(?<!gruppo\s)(?<!canale\s)"
                  r"(?<!group\s)(?<!channel\s)(?<!group\sis\s)(?<!chat\sis\s)(?<!channel\sis\s)(?<!chat\sstays\s)"
                  r"(?<!group\sstays\s)(?<!chat\sremains\s)(?<!group\sremains\s)")
# A trade said to be still held ("Still holding #INJ", "keep holding", "toujours en cours", "ยังถืออยู่")
# (session 22, status52) The part of the position left running, said held ("Holding the rest.", "keeping the runner",
# "rest still running", "the remainder rides"): progress on the trade, no change — a share taken beside it is the
# partial close, read first ("took half, holding the rest")
_HOLDING_THE_REST = (r"(?<!\w)(?<!not\s)(?<!n't\s)(?:holding|keeping|riding|hold|keep|ride)\s+(?:the\s+|our\s+|my\s+)?"
                     r"(?:rest|remainder|runners?)(?!\w)(?!\s+(?:of\s+(?:the\s+)?(?:entries|orders|entry)|orders?))|"
                     r"(?<!\w)(?:the\s+)?(?:rest|remainder|runners?)\s+(?:is\s+|are\s+)?(?:still\s+)?(?:running|rides|riding|"
                     # ("The rest running in our VIP group 👇": the other calls, elsewhere — a promo)
                     r"open|held)(?!\w)(?!\s+(?:in|on|at)\s+(?:our|the|my)\s+(?:vip|premium|paid|private|group|channel)\w*)")
_HOLDING = (
    r"(?<!gap\s)(?<!\d\s)(?<!imbalance\s)(?<!fvg\s)(?<!window\s)"
    r"still\s+(?:holding|hodling|in\s+(?:the\s+)?(?:trade|position)|" + _NOT_THE_GROUP + r"open|running|active)(?!\w)|"
    r"keep\s+holding|hold(?:ing)?\s+(?:the\s+|this\s+|your\s+|our\s+)(?:position|trade)s?(?!\w)|"
    # (session 24, status24b: "no reason to close yet", "no need to exit here" — the trade left to run; an exit on a
    # condition beside it is a plan for later, no close now)
    r"(?<!\w)no\s+(?:reason|need)\s+to\s+(?:close|exit|sell|cut|panic)(?!\w)(?=\s*(?:$|[^\w\s]|yet|here|now|it|this|the\s+(?:trade|position)))|"
    # ("hold tight, nothing to do yet", "holding steady"; "#ETH long still doing its thing"): the trade left to run
    r"(?<!\w)hold(?:ing)?\s+(?:tight|steady|firm)(?!\w)|"
    r"(?<!\w)(?:long|short|trade|position|call|it)\s+(?:is\s+)?(?:still\s+)?doing\s+its\s+thing(?!\w)|"
    r"(?:don'?t|do\s+not)\s+close|не\s+закрыва\w*|kapatmay[ıi]n|no\s+cierren|n[ãa]o\s+fechem|"
    r"non\s+chiud\w*|tenete|nicht\s+schlie(?:ß|ss)en|ne\s+(?:fermez|cl[ôo]turez)\s+pas|jangan\s+(?:tutup|close)|"
    r"[đd][ừu]ng\s+[đd][óo]ng|"
    # ("toujours en cours, on garde la position", "sigue abierta", "segue aberta", "ancora aperta", "läuft noch",
    # "позицию держим", "hala açık", "ยังถืออยู่", "vẫn giữ", "masih hold", "abhi bhi hold"): the same in other
    # languages
    r"toujours\s+(?:en\s+cours|ouverte?|actif|active|en\s+position)|on\s+(?:garde|tient)\s+(?:la\s+|notre\s+)?position|"
    + _NOT_THE_GROUP + r"sigue\s+(?:abiert[oa]|activ[oa]|en\s+curso|corriendo)|seguimos\s+(?:dentro|adentro|en\s+la\s+operaci[oó]n|"
    r"aguantando)|mantenemos\s+(?:la\s+)?posici[oó]n|"
    + _NOT_THE_GROUP + r"(?:segue|continua)\s+(?:abert[oa]|ativ[oa]|rodando|em\s+andamento)|mantemos\s+(?:a\s+)?posi[çc][ãa]o|"
    + _NOT_THE_GROUP + r"ancora\s+(?:apert[oa]|attiv[oa]|in\s+corso)|teniamo\s+(?:la\s+)?posizione|"
    r"noch\s+(?:offen|aktiv)(?!\w)|l[äa]uft\s+noch|wir\s+halten\s+(?:die\s+)?position|"
    r"(?:ещё|еще|продолжаем)\s+держ\w*|позици\w+\s+держим|держим\s+позици\w*|(?:ещё|еще)\s+в\s+работе|"
    r"тримаємо\s+позиці\w*|ще\s+в\s+роботі|"
    r"hala\s+(?:a[çc][ıi]k|aktif|devam)|tutmaya\s+devam|"
    # ("#BTC işlemi devam ediyor" — the BTC trade goes on)
    r"(?:i[şs]lem|pozisyon)\w*\s+(?:h[âa]l[âa]\s+)?devam\s+ed(?:iyor|er)(?!\w)|"
    r"ยังถือ|ยังไม่ปิด|อย่าเพิ่งปิด|v[ẫa]n\s+(?:gi[ữu]|đang\s+ch[ạa]y)|ti[ếe]p\s+t[ụu]c\s+gi[ữu]|"
    # (session 27, money27: id "#jup masih kita hold ya" — a pronoun between; fa "هنوز تو پوزیشن … هستیم و نگهش
    # می‌داریم" — still in the position, we keep it)
    r"(?:masih|tetap)\s+(?:(?:kita|kami|gw|gue|aku|saya)\s+)?(?:hold|jalan|berjalan|terbuka|aktif)(?!\w)|"
    r"هنوز\s+(?:تو|توی|در)\s+(?:این\s+)?(?:پوزیشن|معامله)|نگه(?:ش|شون)?\s*(?:می\u200c?\s*)?داریم|"
    r"nadal\s+(?:trzymamy|otwart[ay]|aktywn[ay])|"
    r"abhi\s+(?:bhi\s+)?hold|hold\s+kar(?:o|te|\s+rahe)|bado\s+(?:tunashikilia|iko\s+wazi)|"
    # pcm "XRP still dey run", "we still dey hold am" (still running, we're still holding it)
    r"still\s+dey\s+(?:hold|run)\w*|(?<!\w)(?:we|i|una)\s+(?:still\s+)?dey\s+hold(?!\w)|"
    # ("SL at 1.284 NOT hit, still in ✅", "the channel call is still ON", "We have NOT moved it, holding ✋", "hold yours",
    # "close your eyes and hold #SOL", "⏳ RUNNING · #LINK/USDT SHORT · …"): the trade said to go on — "still in" or "holding"
    # closing its clause, the call "still on", the reader told to hold the coin, a status row headed "running"
    r"(?<!\w)still\s+in(?=\s*(?:$|[^\w\s#$]|done(?!\w)))|(?<!\w)(?:call|trade|signal|position)\s+(?:is\s+)?still\s+(?:on|live)(?!\w)|"
    r"(?:^|(?<=\n)|(?<=[,.;:!—–]\s)|(?<=[,.;:!—–]))\s*holding(?=\s*(?:$|[^\w\s#$]))|(?<!\w)(?:hold|keep)\s+yours(?!\w)|"
    r"(?<!\w)(?<!buy\s)(?:and|just|simply)\s+hold\s+(?:your\s+|our\s+|the\s+)?[#$][a-z0-9]{2,15}(?!\w)|"
    r"(?:^|(?<=\n))[^\w\n]*running\s*[·|•:—–-]")
# (session 22, open52) A running trade's progress: its side and entry ticked with the gain made since ("$WIF long 2.60 ✅
# +6.1% spot / +30% 5x", "#OP short 1.84 ✔️ +4%"; the parser reads a tick as "done") — a result, so no fresh entry; or the trade left to ride to its next
# level ("riding to 2.75", "still riding it for 0.62") — not "riding the wave" nor a ride said before an entry
_HOLDING += (r"|(?<!\w)(?:long|short|buy|sell)[ \t]+(?:from[ \t]+|@[ \t]*)?\$?\d[\d.,]*[ \t]*(?:✅|✔️?|☑️?|✓|done)[ \t]*\(?[ \t]*\+[ \t]?\d[\d.,]*[ \t]*%|"
             r"(?<!\w)(?:still[ \t]+)?riding(?:[ \t]+(?:it|this|the[ \t]+rest|the[ \t]+trade|the[ \t]+position))?[ \t]+(?:to|towards?|for)[ \t]+\$?\d")
# (ko "솔라나 아직 홀딩 중입니다" — still holding, "계속 홀딩", "아직 보유 중"; ja "ホールド中", "保有継続"; not the
# question "まだホールドしてますか？", "아직 홀딩 중인가요?", nor those holding "홀딩 중인 분들")
_HOLDING_CJK = r"|(?:(?:아직|계속|여전히)\s*(?:홀딩|보유|hold)|홀딩\s*(?:중|유지))" \
    r"(?!\s*(?:중\s*)?(?:인가|인지|이신|이세|인\s*분|인분|하시|하고\s*계신|하신|하고\s*있나|하나요|할까))|ホールド(?:中|継続)(?!です?か|ですか|の方)|保有継続"
_HOLDING_RE = re.compile(_HOLDING + r"|继续持有|拿住|继续拿(?!\w)|继续拿着|(?:还|仍然?|依然)拿着|继续持仓" + _HOLDING_CJK)  # (and the Chinese of the "running" pair below)


# ("first bag", "2nd tranche", "third lot"): one numbered part of a position scaled out of
# "be" as breakeven, never the verb of "move the stop to be safe / sure / on the safe side" (where to is not said)
_BE_ABBREVIATION = (r"be(?![ \t]+(?:safe|safer|sure|careful|cautious|honest|clear|fair|ready|protected|patient|"
                    r"conservative|smart|wise|in|on[ \t]+the[ \t]+safe|more|less|very|too|so|extra|able)(?!\w))")
_NUMBERED_PART = r"(?:\d(?:st|nd|rd|th)|first|second|third)\s+(?:scale|tranche|portion|part|lot|batch|chunk|piece|bag)"


UPDATE_PATTERNS: list[tuple[UpdateAction, re.Pattern[str] | _Gated]] = [
    (UpdateAction.PARTIAL_CLOSE, _Gated(
        # ko "1차 익절 마감" (the 1st take-profit taken); hi "आधी पोजीशन प्रॉफिट में बंद" (half the position closed in profit),
        # "50% प्रॉफिट में बंद, बाकी होल्ड": a share, the verb last
        # (not "1차 익절 마감 후 전량 청산" — then all of it closed; "20% प्रॉफिट में ट्रेड बंद" is the result, a share only
        # with the rest held: "50% प्रॉफिट में बंद, बाकी होल्ड")
        r"[1-9]\s*차\s*익절\s*마감(?![^\n]*(?:전량|전체|시그널\s*종료|나머지\s*(?:는|도)?\s*(?:전량\s*)?(?:종료|청산|정리|손절)|청산(?!가)))|"
        # ur "آدھی پوزیشن بند کریں" (close half the position); th "ปิดเลย 50%", "ปิดครึ่ง" (close half)
        r"(?:آدھی|آدھا|نصف|(?<![\d.,])\d{1,2}\s*[%٪])\s+(?:\S+\s+){0,2}?(?:بند|بک\s+کر)|ปิด(?:เลย)?\s*(?<![\d.,])\d{1,2}\s*%|ปิดครึ่ง|"
        # ja "さらに3分の1を决済" (settle another third); uk/ru "закриваємо ще третину", "фиксируем ещё половину"
        r"(?:\d\s*分の\s*\d|半分|一部)\s*を?\s*(?:决済|利确|手仕舞)|"
        r"(?:закрива\w*|закри\w*|фіксу\w*|зафіксу\w*|закрыва\w*|закро\w*|фиксиру\w*|зафиксиру\w*)\s+(?:ще\s+|ещё\s+|еще\s+)?"
        r"(?:третину|треть|половину|чверть|четверть|частину|часть)(?!\w)|(?<!\S)(?:आधी|आधा)\s+(?:\S+\s+){0,3}?बंद|"
        r"(?<![\d.,])\d{1,2}\s*%\s+(?:\S+\s+){0,3}?बंद(?=[^\n]*(?:बाकी|शेष|रेस्ट))|"
        r"(?:close|closing|закры\w*|kapat(?!ma|m[ıi]yor)\w*|cerr\w*|cierr\w*|fech\w*|chiud\w*|ferm\w*|schlie\w*|zamyk\w*|zamkn\w*|"
        # (a sale of a share: "jual 30%", "bán 50%", "vendemos 30%", "verkaufen 50%", "продаём 30%", "30% satıyoruz" is below)
        r"đóng|tutup|фикс\w*|зафикс\w*|sold|sell|selling|jual|b[áa]n|vend\w*|verkauf\w*|прода\w*)\s+(?:the\s+|another\s+|a\s+further\s+|further\s+)?(?:half|partial|part|setengah|separuh|nửa|(?<![\d.,])\d{1,2}\s*%)(?!\w)|"
        # ("SELL ETH 50%", "Close #SOL half"): the coin between the verb and the share ("sell ETH 50% higher" is a price)
        r"(?<!\w)(?:sell|close)\s+(?!(?:at|in|on|for|with|if|when|after|the|your|our|my|all|now|here|it|this|that|and)\s)[#$]?[a-z][a-z0-9]{1,11}"
        r"\s+(?:half|(?<![\d.,])\d{1,2}\s*%)(?!\w)(?!\s*(?:higher|lower|up|down|above|below|gains?|profit|move|pump|dump|roi|roe|pnl|loss|in\s+(?:loss|profit))(?!\w))|"
        # ("close one third here", "close the first half", "close small part", "close now half", "closed one third at TP1",
        # "close the majority", "cerramos una parte", "fechamos parte da posição", "pozisyonun bir kısmını kapatın", "आधी
        # पोजीशन बंद करें"): a share of the position, the rest runs
        r"(?:(?:close[sd]?|closing)\s+(?:now\s+|here\s+)?(?:the\s+|a\s+|one\s+more\s+)?(?:small\s+part|(?:small\s+)?portion|majority|"
        r"part|one[\s-]+(?:third|half|quarter)|two[\s-]+thirds|first\s+half|half)|(?:take|took|secure[sd]?|book(?:ed)?)\s+"
        r"(?:now\s+|here\s+)?(?:the\s+)?(?:one[\s-]+(?:third|half|quarter)|two[\s-]+thirds|first\s+half))"
        # ("close half of the remaining position": a share of what runs is still a share)
        r"(?!\w)|(?:close[sd]?|closing)\s+(?:one\s+more|another)\s+(?:third|quarter|half)(?!\w)|"
        # ("Take half here ✅ rest runs", "took half of the profits now", "booked half here"; not "take half size on entry 2",
        # a sizing)
        r"(?<!\w)(?:take|took|taking|book|booked|booking|secure[sd]?|securing|bank(?:ed|ing)?)\s+half\s+(?:here|now|(?:of\s+)?(?:the\s+|our\s+|your\s+)?(?:profits?|position|bag|gains?))(?!\w)|"
        # (session 23, partial23) ("TP1 ✅ take half, SL to entry", "booked half."): half taken, ending its clause — not "take half
        # size on entry 2", a sizing
        r"(?<!\w)(?:take|took|taking|book|booked|booking|secure[sd]?|securing|bank(?:ed|ing)?)\s+half(?=[ \t]*(?:$|\n|[,.;!—–]|-\s|and\s))|"
        # (session 27, day27) ("I took profit on half of my bag", "booked profits on 30%", "took profit on a third"): profit
        # taken on a share of the position — the rest runs
        r"(?<!\w)(?:took|taken|booked|secured|banked)\s+(?:some\s+)?profits?\s+on\s+(?:half|(?:a|one)\s+third|(?:a|one)\s+quarter|"
        r"(?<![\d.,])\d{1,2}\s*%)(?!\w)|"
        # ("$SOL: take half, keep the rest"): half taken, the rest named kept
        r"(?<!\w)(?:take|took|taking)\s+half\s*[,;]?\s*(?:and\s+)?(?:keep|let|hold|leave)\s+(?:the\s+)?(?:rest|other\s+half|remainder|runner)(?!\w)|"
        r"(?:cerr\w*|cierr\w*|fech\w*)\s+(?:una\s+|uma\s+)?parte(?!\w)|bir\s+k[ıi]sm[ıi]n[ıi]\s+kapat(?!ma|m[ıi]yor)\w*|"
        r"आधी\s+(?:पोजीशन|पोज़ीशन)\s+बंद|"
        # hi-en "50% close kar do", "aadhi position book karo" (close / book a share)
        r"(?:(?<![\d.,+\-])[1-9]\d?\s*%|aadh[ai]|adh[ai]|half)\s+(?:position\s+|profit\s+|trade\s+)?(?:close|book|exit)\s+(?:kar\w*|kijiye)(?!\w)|"
        # ar "خذ ربح جزئي" (take a partial profit), id "ambil profit 50%", fa "۵۰ درصد سود رو سیو کنید" (save 50 % of the profit)
        r"(?:خذ|خذوا|جني|اخذ|أخذ)\s+(?:ال)?(?:ربح|أرباح|ارباح)\s+(?:ال)?جزئي\w*|ambil\s+(?:profit|untung)\s+(?<![\d.,])\d{1,2}\s*%|"
        r"(?<![\d.,])\d{1,2}\s*(?:درصد|%)\s+(?:از\s+)?سود\s+(?:رو|را)\s+سیو|"
        # fa "۵۰٪ سیو سود کنید" (save profit on 50 %), "۳۰٪ پوزیشن رو ببندید" (close 30 % of the position): the share, then the
        # verb (not "۱۲٪ سود بسته شد" — closed with a 12 % profit, a result)
        # ("۱/۲ پوزیشن رو ببندید", "۲/۳ حجم رو ببندید": a fraction of the position is a share too)
        r"(?:(?<![\d.,+\-])[1-9]\d?\s*(?:درصد|%)|(?<![\d.,/+\-])[1-3]/[2-4](?![\d.,/]))\s+(?:از\s+)?(?:(?!سود|با|ربح)\S+\s+){0,3}?"
        r"(?:سیو(?:\s+سود)?\s+(?:کنید|کن|کردیم|شد|می\s*کنیم)|ببندید|ببندیم|ببند|بستیم|(?:رو|را)\s+بستیم)(?![^\s،,.!])|"
        # fa "۴۰٪ با سود ببندید", "۵۰٪ پوزیشن رو با سود ببندید" (close 40 % in profit): the share, "in profit", the command
        # (not "با ۴۰٪ سود ببندید" — close with a 40 % profit, the whole position)
        r"(?<!با )(?<![\d.,+\-])[1-9]\d?\s*(?:درصد|%)\s+(?:از\s+)?(?:(?!سود|با|ربح)\S+\s+){0,3}?با\s+سود\s+"
        r"(?:ببندید|ببندین|ببندیم|ببند)(?![^\s،,.!])|"
        # "Booked 40% profits on #GMT", "Teilgewinn mitgenommen", "rest running", "나머지 홀딩" (the rest held)
        r"(?:booked|secured|took|taken|realized|realised)\s+(?<![\d.,])\d{1,2}\s*%\s+(?:of\s+)?(?:the\s+)?(?:profits?|gains?|partials?)(?!\w)|"
        # "ALERT: Closed 2nd scale $ETH", "sold another tranche": one part of a position scaled out of
        r"(?:closed|closing|close|sold|exited|took|taking)\s+(?:the\s+|our\s+|my\s+)?(?:\d(?:st|nd|rd|th)|first|second|third|another|one|a)\s+"
        r"(?:scale|tranche|portion|part|lot|batch|chunk|piece)(?!\w)|"
        # ("first bag sold at 1.12", "2nd tranche closed", "sold my first bag"): one numbered part of the position sold, the
        # rest runs
        r"(?<!\w)" + _NUMBERED_PART + r"\s+(?:(?:is|was|now|just|got|been|has\s+been)\s+){0,2}(?:sold|closed|exited|taken|booked|secured)(?!\w)|"
        r"(?<!\w)(?:sold|closed|exited|took|booked|secured)\s+(?:the\s+|our\s+|my\s+)?" + _NUMBERED_PART + r"(?!\w)|"
        r"(?:taking|take|took|booking|book|booked)\s+profits?\s+(?:on\s+[#$]?\w+\s+)?(?<![\d.,])\d{1,2}\s*%|"
        r"teilgewinn\w*\s+(?:\w+\s+)?(?:mitgenommen|gesichert|realisiert|genommen|eingefahren)|"
        r"나머지\s*(?:홀딩|보유|유지)|half\s+(?:closed|taken|booked|secured)|"
        # "#SOL cut half", "cut the position in half", "cut size by 30%", "trim 20%", "scale out 50%", "50% out": a
        # share of the position cut ("cut" alone ends the trade)
        r"(?<!\w)(?:cut(?:ting)?|trim(?:med|ming)?|reduc(?:e|ed|ing)|scal(?:e|ed|ing)\s+out(?:\s+of)?)\s+"
        r"(?:(?:the\s+|our\s+|my\s+)?(?:position|size|exposure|losses|loss|bag)\s+)?(?:(?:in|by)\s+)?"
        r"(?:half|a\s+third|a\s+quarter|one\s+third|some|(?<![\d.,])\d{1,2}\s*%)(?!\w)" + _SHARE_OF_ELSE + r"|"
        r"(?<![\w.,+-])\d{1,2}\s*%\s+out(?!\w)|"
        # "#SOL продаём половину", "vendemos la mitad", "卖出一半", "yarısını sat", "%50 kapat", "50% schließen": half sold, a
        # share closed (the Turkish and German verbs come after the share)
        r"(?<!\w)(?:прода\w*|фиксиру\w*|зафиксир\w*|vend(?:emos|imos|er|o|i|a)|verkauf\w*)\s+(?:la\s+|a\s+|die\s+)?(?:половин\w*|треть|mitad|metade|"
        r"h[äa]lfte)(?!\w)|卖出?\s*(?:一半|三分之一)|(?:一半|半仓)\s*卖出|yar[ıi]s[ıi]n[ıi]\s+(?:sat|kapat)(?!m[ae]|may|aca[kğ]|ar[ıi]z|m[ıi]yor|t[ıi][ğg]|an)\w*|"
        # ("pozisyonun yarısını 1,55'ten sattık", "yarısını burada kapattık", "%50'sini 31,2'den kapattık"): a price or a
        # word between the share and its verb (Turkish puts the verb last) — not "yarısını değil hepsini sattık" (not
        # half but all), not "sattığımızı sananlar" (those who think we sold: a clause, no report)
        r"(?:yar[ıi]s[ıi]n[ıi]|(?<![\w.,+-])(?:%[ \t]*[1-9]\d?|[1-9]\d?[ \t]*%)'?s?[ıiuü]n[ıiuü](?!\w))"
        r"[ \t]+(?!de[ğg]il(?!\w))(?:(?:\$?\d[\d.,]*'?\w*|[^\s.!?]+)[ \t]+){1,2}?"
        r"(?:satt[ıi]|kapatt[ıi]|sat[ıi]ld[ıi]|kapat[ıi]ld[ıi])(?![ğg])\w*|"
        r"(?<![\w.,+-])(?:%\s*[1-9]\d?|[1-9]\d?\s*%)(?:'?[yi]?\w{0,3})?\s+(?:kapat(?:[ıi]yoruz|[ıi]n|al[ıi]m)?|schlie(?:ß|ss)en|"
        # ("TP1 ✅ %50 kâr al": take 50 % profit)
        r"k[âa]r\s+al(?:[ıi]n|[ıi]yoruz|d[ıi]k|al[ıi]m)?)(?!\w)|"
        r"polovin\w*\s+(?:pozice\s+)?zav[íi]r\w*|zav[íi]r\w*\s+polovin\w*|h[äa]lften\s+st[äa]ng\w*|st[äa]ng\w*\s+h[äa]lften|"
        # "primera venta parcial hecha en 2.58", "venda parcial feita": a partial sale done
        r"(?:venta|venda|vente)\s+parcial\w*\s+(?:\w+\s+)?(?:hecha|realizada|ejecutada|feita|executada|faite|effectu[ée]e)|"
        r"realiz\w*\s+parcial|yar[ıi]s[ıi]\s+(?:kapand[ıi]|kapat[ıi]ld[ıi]|al[ıi]nd[ıi])|(?:نصف|نیمی\s+از)\s+(?:\S+\s+){0,2}?(?:ببند\w*|بست\w*)|(?:^|\n)\s*/partial(?!\w)|止盈一半|平(?:仓)?一半|减仓一半|"
        # "closed half", "exit 50%", "close 1/3", "закрываем треть", "cerramos un tercio", "平仓三分之一", "1/3決済",
        # "Hälfte geschlossen", "moitié clôturée", "أغلقنا نصف الصفقة", "chốt một nửa": a close verb beside a part of the position
        r"(?:clos(?:e|ed|ing)|exit(?:ed|ing)?|sold|sell|ch[ốo]t|закры\w*|закри\w*|cerr\w*|fech\w*|ferm\w*|cl[ôo]tur\w*|tutup|"
        r"schlie(?:ß|ss)\w*|geschlossen|chiud\w*|chius\w*|zamk\w*|kapat(?!ma|m[ıi]yor)\w*|إغلاق|اغلاق|[أا]غلقنا|" + _AR_CLOSE_DIALECT + r"|平仓|决済)"
        r"(?:[ \t]+(?:the|a|an|un|una|la|le|die|de|el|our|of|the\s+position|position|позиции|posisi|الصفقة)){0,2}[ \t]*"
        r"(?:half|a\s+third|a\s+quarter|third|quarter|most|some|(?<![\d.,/])[1-3][ \t]*/[ \t]*[2-4](?![\d.,/])|"
        r"(?<![+\d.,])[1-9]\d?[ \t]*(?:%|percent)(?![ \t]*(?:profit|gain|roi|pnl))|треть|четверть|половин\w*|tercio|cuarto|"
        r"ter[çc]o|metade|mitad|met[àa]|(?:m[ộo]t[ \t]+)?n[ửu]a|частин\w*|tiers|quart|moiti[ée]|drittel|viertel|h[äa]lfte|نصف|نص|ثلث|تلت|ربع|三分之一|四分之一|一半|半分)(?!\w)|"
        r"(?<!\w)(?:half|(?<![\d.,/])[1-3][ \t]*/[ \t]*[2-4](?![\d.,/])|h[äa]lfte|moiti[ée]|половин\w*|(?<![+\d.,])[1-9]\d?[ \t]*%\S*)[ \t]+"
        r"(?:of[ \t]+(?:the[ \t]+)?|der[ \t]+|de[ \t]+la[ \t]+|de[ \t]+)?(?:position[ \t]+|posici[óo]n[ \t]+)?"
        # ("Hälfte von #SOL geschlossen": the coin between the share and the verb)
        r"(?:(?:von|of|di|de)[ \t]+(?:our[ \t]+|my[ \t]+)?[#$]\w+[ \t]+)?"
        # (session 24, status24b: pl "1/3 zamknięte", "połowa zamknięta"; it "metà chiusa"; nl "helft gesloten"; ro "1/3
        # închis"; cs "polovina uzavřena"; id "30% ditutup")
        r"(?:closed|exited|sold|geschlossen|cl[ôo]tur[ée]e|закрыт\w*|cerrad\w*|fechad\w*|kapatt[ıi]k|kapat[ıi]ld[ıi]|"
        r"zamkni[eę]t[aeyo]|chius[aoe]|gesloten|[îi]nchis[aăe]?|uzav[řr]en[aoy]?|ditutup)(?!\w)|"
        r"(?<!\w)(?:po[łl]ow[aęe]|polovin[au]|met[àa]|helft)[ \t]+(?:pozycji[ \t]+|pozice[ \t]+|della[ \t]+posizione[ \t]+)?"
        r"(?:zamkni[eę]t[aeyo]|uzav[řr]en[aoy]?|chius[aoe]|gesloten)(?!\w)|"
        # "DOGE … pozisyonun %50'sini kapattık" (we closed 50 % of the position)
        # ("pozisyonun %50 sini kapat", "%30 unu": the suffix parted from the share)
        r"pozisyonun\s+(?:yar[ıi]s[ıi]n[ıi]|\d{1,2}\s*%(?:\s*'?s?[ıiuü]n[ıiuü](?!\w)|\S*))\s+kapat\w*|"
        r"(?:三分之一|四分之一|\d割|1/3|2/3|半分)\s*を?\s*决済|平仓\s*(?:三分之一|四分之一)|"
        # (session 24, status24b) zh "再平三分之一" (close another third), "平掉四分之一", "又平了一部分"
        r"(?<![不别勿没])(?:再|又|先)?平(?:仓)?\s*(?:掉|了)?\s*(?:三分之一|四分之一|三分之二|四分之三|一部分)|"
        # "止盈出场一半", "获利了结 30% 剩余持有", "获利了结一部分": a share taken, the rest held
        r"(?:止盈|出场|获利了结|平仓|离场|减仓)\s*(?:(?:出场|出局)\s*)?(?:一半|一部分|部分|半仓|(?<![+\d.,])\d{1,2}\s*%)|剩余\s*(?:持有|继续|拿|仓位(?![^\n，,。]{0,8}?(?:出场|出局|离场|平仓|清仓|结束)))|(?:一半|一部分|部分|半仓)\s*(?:止盈|获利了结|平仓)|(?:其余|剩下的?)\s*继续\s*(?:持有|拿)|절반\s*(?:익절|청산)|半分\s*(?:利确|决済)|"
        # ("利確 1/2 完了", "半分利確済み": half the position's profit taken)
        r"利确\s*(?:1/2|1/3|半分|(?<![+\d.,])\d{1,2}\s*%)\s*(?:完了|済)|半分\s*利确|"
        r"(?<![\d.,])\d{1,2}\s*%\s+off\s+the\s+table|dejamos\s+correr|deixamos\s+correr|let\s+the\s+rest\s+run|"
        # (pcm "Sell small, hold the rest", "sell small small": a little of the bag sold — "closed small" is a close with a
        # small result, so only after "sell")
        r"(?<!\w)sell\s+(?:small(?:\s+small)?|a\s+little|a\s+bit)(?=\s*(?:$|[,.;!]|and\s|now\s|here\s))|"
        r"(?:cerr\w*|fech\w*)\s+(?:la\s+|a\s+)?(?:mitad|metade)(?!\w)|"
        # "Chiudiamo metà su #LINK", "On ferme la moitié", "Wir schließen die Hälfte", "Zamykamy połowę": a close
        # verb, then "half", in the languages that put it so
        r"(?:chiud\w*|ferm\w*|cl[ôo]tur\w*|schlie(?:ß|ss)\w*|zamyk\w*|zamkn\w*|închid\w*|inchid\w*|sluit\w*)\s+"
        r"(?:la\s+|die\s+|de\s+)?(?:met[àa]|moiti[ée]|h[äa]lfte|po[łl]ow\w*|jum[ăa]tate\w*|helft)(?!\w)|(?:la\s+|a\s+)?(?:mitad|metade)\s+(?:cerrad\w*|fechad\w*|fuera|afuera|fora)(?!\w)|"
        r"half\s+(?:off|out)(?!\w)" + _SHARE_OF_ELSE + r"|take\s+\d{1,2}\s*%\s+off(?!\w)" + _SHARE_OF_ELSE + r"|(?<![\d.,])\d{1,2}\s*%\s+(?:secured|booked|taken|closed|realized)|"
        r"половин\w*\s+(?:закры\w*|зафикс\w*)|(?:закры\w*|зафикс\w*)\s+половин\w*|yar[ıi]s[ıi]n[ıi]\s+al(?!\w)|"
        r"(?:yar[ıi]s[ıi]n[ıi]|yar[ıi]y[ıi])\s+kapat(?!ma|m[ıi]yor)\w*|"
        r"(?:book|secure|realize|take|taking|booking)\s+(?:some|partial|part\s+of\s+(?:the\s+)?)\s*profits?|"
        r"partial(?:ly)?\s+(?:clos\w*|profit\w*|exit\w*|sell\w*|sold|tak\w*)|(?:booked|secured|took|taken|closed|realized|sold)\s+(?<![\d.,])\d{1,2}\s*%\s+(?:on|of|from|at|in)(?!\w)|ganancias\s+parciales|lucro\s+parcial|(?:book|secure|realize|take|taking|booking)\s+\d{1,2}\s*%\s*(?:of\s+)?(?:profits?|position)|частичн\w+\s+(?:закры\w*|(?:за)?фикс\w*)|kısmi\s+kapat(?!ma|m[ıi]yor)\w*", (_SHARE_STEMS, _PARTIAL_SHARE), (_PART_CLOSED_STEMS, _PART_CLOSED),
        (r"closed|sold|exited", _SHARE_OF_THE_COIN_CLOSED),
        (_CLAUSE_SHARE_STEMS, _SHARE_IN_THE_CLOSE_CLAUSE),
        (r"off", _SHARE_OFF), (r"kill|chop|unload|offload|cut|trim|scal", _SHARE_CUT), (r"ride|run", _PART_KEPT),
        (r"out", _SHARE_OUT_OF),
        # "Close your first entries now" (the ladder's first fills; the later ones run), "Let's close TP1 here" (the
        # first target's share taken at the market)
        (r"first|1st|initial|early|tp\s*1|target\s*1",
         (r"(?:close|closing|exit|sell)\s+(?:your\s+|the\s+|our\s+)?(?:first|1st|initial|early)\s+(?:entry|entries|buys?|orders?|fills?|part)(?!\w)|"
         r"(?:close|closing|take|taking)\s+(?:the\s+)?(?:tp|target)\s*1\s+(?:here|now)(?!\w)")))),
    (UpdateAction.MOVE_SL_BREAKEVEN, _Gated(
        # (session 27, day27) "Stop is now at my entry", "SL now at our entry price", "stop to my entry": the entry named
        # as the writer's own (not "… if it fills", a plan)
        r"(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+(?:is\s+)?(?:now\s+)?(?:at|to|on)\s+(?:my|our|your)\s+entry(?:\s+price)?(?!\w)"
        r"(?!\s+(?:if|when|once|after)(?!\w))|"
        r"(?:move|moved|moving|shift|set|put|adjust)\s+(?:the\s+|your\s+|my\s+|our\s+)?(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+"
        r"(?:to\s+)?(?:entry|breakeven|break[\s-]*even|" + _BE_ABBREVIATION + r"|cost|entry\s+price)(?!\w)|"
        # ("Move stops to entry on everything that's filled", "Stops to entry on every open short", "all SLs to BE"): the
        # stops of several trades at once — "to" and the entry written ("be" only ending its clause: not "stops to be
        # honest")
        r"(?<!\w)(?:sls|stops|stop[\s-]*losses|stoplosses)\s+(?:(?:moved|move|moving|go|goes|going)\s+)?(?:to|->|=>|>|at)\s*"
        r"(?:(?:the\s+)?(?:entry|entries|breakeven|break[\s-]*even|cost|entry\s+prices?)(?!\w)|be(?=\s*(?:$|[.,;:!)—–-]|now|on|for)))|"
        r"(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+(?:\$?\d[\d.,]*\s+(?=moved|move))?(?:(?:moved|move|moving|pindah|dipindah|pindahkan|dipindahkan|geser|digeser|geserkan)\s+)?(?:to\s+|a\s+|al\s+|para\s+|en\s+|ke\s+|->\s*|>\s*|=>\s*)?(?:entry|breakeven|break[\s-]*even|" + _BE_ABBREVIATION + r")(?!\w)|"
        # ("SL to cost", "стоп на вход", "переставляем стоп на точку входа", "chạm SL về entry")
        r"(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+(?:moved\s+|move\s+)?to\s+cost(?!\w)|стоп\w*\s+(?:на|в)\s+(?:точку\s+)?вход[ау]?(?!\w)|"
        r"(?:sl|stop)\s+v[ềe]\s+(?:entry|gi[áa]\s+v[àa]o|[đd]i[ểe]m\s+v[àa]o|h[òo]a\s+v[ốo]n)(?!\w)|"
        # ur "اسٹاپ انٹری پر" (stop at entry), hu "stop a belépőre", nl "stop naar instap"
        # el "το stop στην είσοδο" (the stop to the entry)
        r"(?:sl|stop|στοπ)\s+(?:στην|στο)\s+(?:είσοδο|(?:τιμή|σημείο)\s+εισόδου|breakeven|be|entry)(?!\w)|"
        # ar "الوقف إلى نقطة الدخول" (the stop to the entry point), "الستوب على الدخول"; pl "SL przesuwamy na wejście",
        # "stop na wejście" (the stop onto the entry)
        r"(?:ال)?(?:وقف|ستوب)\s+(?:\S+\s+)?(?:إلى|الى|ل|على|عند)\s*(?:نقطة\s+|سعر\s+)?(?:ال)?دخول(?!\w)|"
        r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:\w+\s+)?na\s+(?:wej[śs]cie|punkt\s+wej[śs]cia|cen[ęe]\s+wej[śs]cia|break[\s-]*even|be|bu)(?!\w)|"
        # tl "ang SL sa entry"; ur "اسٹاپ لاس انٹری پر" (the stop loss to the entry)
        r"(?:sl|stop)\s+sa\s+(?:entry|breakeven|be)(?!\w)|"
        # sw "Hamisha stop loss hadi bei ya kuingia" (move the stop loss to the entry price), "SL kwenye kiingilio"; he
        # "מזיזים סטופ לנקודת הכניסה" (moving the stop to the entry point), "הסטופ למחיר הכניסה", "סטופ לכניסה"
        r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:hadi|kwenye|mpaka)\s+(?:bei\s+ya\s+kuingia|(?:kwenye\s+)?kiingilio|entry|breakeven|be)(?!\w)|"
        r"(?:ה)?(?:סטופ(?:\s+לוס)?|sl|stop)\s+(?:ל(?:נקודת|מחיר)\s+(?:ה)?כניסה|לכניסה|לאיזון|לברייק\s*איבן)(?!\w)|"
        # hi/ur-Latn "Stop ko Entry 1 par le aayein", "SL ko entry pe kar do", "stop entry pr shift karo" (the stop onto
        # the entry)
        r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:ko\s+)?(?:entry|breakeven|break[\s-]*even|be|cost)(?:\s+[1-3])?\s+(?:par|pe|pr|pay|per)(?!\w)|"
        # (session 26, asia26: hi "स्टॉप लॉस को एंट्री पर शिफ्ट कर दें", "स्टॉपलॉस एंट्री पे", "SL को ब्रेकईवन पर" — the stop
        # written in the script too)
        r"اسٹاپ(?:\s*لاس)?\s+(?:کو\s+)?انٹری|(?:sl|stop|स्टॉप(?:\s*लॉस)?|स्टॉपलॉस)\s+(?:को\s+)?(?:एंट्री|ब्रेक\s*ईवन)\s+(?:पर|पे)|stop\s+a\s+bel[ée]p[őo]re|(?:sl|stop)\s+(?:naar|op)\s+(?:instap|break[\s-]*even)|"
        # "Flat stop on $SOL" (the stop where the trade neither wins nor loses)
        r"flat\s+(?:stop|sl)(?!\w)|(?:stop|sl)\s+(?:to|at)\s+flat(?!\w)|"
        # (session 24, status24b) machine-translated "стоп в безубыток" / "стоп в б/у": "Transfer the stop in no-loss",
        # "stop to the no-loss", "SL into no loss zone" (the stop where the trade can no longer lose — the entry)
        r"(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+(?:(?:is\s+)?(?:now\s+)?(?:moved|transferred|put|set)\s+)?(?:in|into|to|at|on)\s+(?:the\s+|a\s+)?"
        r"(?:no[\s-]*loss|lossless|zero[\s-]*loss)(?!\w)(?![\s-]+(?:trades?|strateg\w*|system|challenge|days?|streak)(?!\w))|"
        # kk "стопты кіру нүктесіне жылжытыңыз" (move the stop to the entry point), uz "стопни кириш нуқтасига кўчиринг",
        # "stopni kirish narxiga"
        r"(?:стоп|sl|stop)\w*\s+(?:кіру|кириш)\s+(?:нүкте|нуқта|бағ|нарх)\w*|(?:sl|stop)\w*\s+kirish\s+(?:nuqta|narx)\w*|"
        # th "เลื่อน SL ไปที่จุดเข้า", "ย้าย SL ไปที่จุดเข้า" (move the SL to the entry point)
        r"(?:เลื่อน|ย้าย|ขยับ)\s*(?:sl|stop|สต็อป)\s*(?:ไป|มา)(?:ที่)?\s*(?:จุดเข้า|ราคาเข้า|ทุน|เบรคอีเวน)|"
        r"risk[\s-]*free|ریسک\s*فری|без\s*риска|risksiz|sin\s+riesgo|sem\s+risco|в\s+б/у|в\s+бу(?!\w)|"
        r"stop\s+(?:no|em|en)\s+0\s*x\s*0|stop\s+maliyet\w*|(?:(?:sl|stop)\s+(?:no\s+|em\s+)?)?zero\s+a\s+zero|(?:انقل|نقل|حرك)\w*\s+(?:ال)?(?:ستوب|وقف\s+(?:ال)?خسار[ةه])\s+(?:لل|إلى\s+(?:ال)?|الى\s+(?:ال)?)?(?:دخول|نقطة\s+(?:ال)?دخول)|"
        r"(?:sl|stop)\s+(?:a|al|en|na|no|para\s+a)\s+(?:la\s+|a\s+|o\s+)?(?:entrada|break[\s-]*even|breakeven)(?!\w)|"
        r"(?:sl|stop)\s+(?:is\s+)?(?:now\s+)?(?:at|@)\s+(?:entry|breakeven|break[\s-]*even|be)(?!\w)|стоп\s+в\s+ноль|"
        r"безубыт\w*|стоп\s+в\s+бу|stop'?u?\s+giri[şs]e|"
        r"mover\s+(?:el\s+|o\s+)?stop\s+(?:a|para)\s+(?:la\s+|a\s+)?entrada|"
        r"(?:d[ờo]i|k[ée]o|geser|pindah\w*|alih\w*)\s+(?:sl|stop|henti(?:an)?\s+rugi)\s+(?:v[ềe]|ke)\s+(?:entry|gi[áa]\s+v[àa]o|[đd]i[ểe]m\s+v[àa]o|bep|harga\s+masuk|titik\s+masuk)|"
        # hr/bs/sr "Pomaknite stop na ulaz", "SL na ulaznu cijenu"; yo "gbé SL lọ sí entry" (move the SL to the entry)
        r"(?:sl|stop(?:[\s-]*loss)?)\s+na\s+(?:ulaz|ulaznu\s+(?:cijenu|cenu)|break[\s-]*even)(?!\w)|"
        r"(?:sl|stop(?:[\s-]*loss)?)\s+l[ọo]\s+s[íi]\s+(?:entry|breakeven|break[\s-]*even|be|ibi\s+ìwọlé)(?!\w)|"
        # cs "SL posouváme na vstup", "přesouváme stop na breakeven" (we move the stop to the entry)
        r"(?:sl|stop)\s+(?:(?:posouv|přesouv|presouv|posun|přesun|presun)\w*\s+)?na\s+(?:vstup|vstupn[íi]\s+cenu|break[\s-]*even)(?!\w)|"
        r"(?:posouv|přesouv|presouv|posun|přesun|presun)\w*\s+(?:sl|stop\w*)\s+na\s+(?:vstup|vstupn[íi]\s+cenu|break[\s-]*even)(?!\w)|"
        r"نقل\s+وقف\s+(?:ال)?خسار[ةه]\s+(?:إلى|الى)\s+(?:نقطة\s+)?(?:ال)?دخول|"
        r"保本(?!出局|离场|出了|出场|平)|본절(?!\s*(?:로|으로|에)?\s*(?:마감|청산|정리|탈출|종료))|손절가?\s*(?:를|을)?\s*(?:진입가|매수가|평단가?)\s*(?:로|으로)?\s*(?:이동|변경|올림|상향)|"
        r"(?:sl|stop)\s+auf\s+(?:den\s+)?(?:einstand|einstieg|break[\s-]*even)|einstand|"
        # ro "mutăm stop-ul la intrare" (we move the stop to the entry)
        r"(?:sl|stop)(?:-ul)?\s+la\s+(?:intrare|pre[țţ]ul\s+de\s+intrare|break[\s-]*even)(?!\w)|"
        # (normalize writes "d' entrée" with a space after the apostrophe)
        r"(?:sl|stop)\s+(?:au|à|a)\s+(?:l'|le\s+)?(?:point\s+d'\s*|prix\s+d'\s*)?entr[ée]e|seuil\s+de\s+rentabilit[ée]|"
        r"(?:sl|stop)\s+(?:a|al|in)\s+(?:pareggio|ingresso|entrata)|(?:sl|stop)\s+na\s+(?:wej[śs]ci[ea]|break[\s-]*even)|"
        r"(?:حد\s+ضرر|استاپ)\s+(?:(?:را|رو)\s+)?(?:(?:بذار|ببر|بزار)\w*\s+)?(?:به|روی)\s+(?:نقطه\s+)?ورود|break[\s-]*even'?[ae]?\s+(?:ta[şs][ıi]nd[ıi]|[çc]ekildi|al[ıi]nd[ıi])|"
        r"止损(?:上)?(?:移至|移到|调至|调到|调至|调到|设为|提到|上移至|上移到)(?:开仓价|成本价|入场价|保本|进场价|开仓价|成本价|入场价)|(?:حد\s+ضرر|استاپ)\s+(?:(?:رو|را)\s+)?(?:بیاد|بره|بیاری[دن]|بیارید|ببری[دن]|ببرید)\s+(?:به\s+|روی\s+)?(?:نقطه\s+)?ورود|беззбит\w*|"
        # ("#SOL 建値撤退", "#AVAX 본절 마감": out at the entry price — a close, read below)
        r"(?:建値|同値)(?!\s*(?:で|にて)?\s*(?:撤退|决済|クローズ|手仕舞|逃げ|撤収|终了))",
        # "BE now", "Secure breakeven"; "#SOL رو فری کنید" (make it [risk-]free)
        (r"be now|secure|فری", (r"(?:^|\n)\W*(?:sl\s+)?be\s+now(?!\w)|secure\s+(?:the\s+)?(?:break[\s-]*even|be)(?!\w)|"
                              r"(?<!\w)(?:ریسک\s*)?فری\s+(?:کنید|کن|شد|کردیم|کنیم)(?!\w)")))),
    (UpdateAction.NEW_STOP, _Gated(
        # (session 23, partial23: a word of its own — "Remove SL on BTC" moves no stop)
        r"(?<!\w)(?:move|moved|moving|shift|set|put|adjust|trail\w*|update\w*|change\w*|new)\s+(?:the\s+|your\s+|my\s+|our\s+)?"
        # ("adjust our stop loss rules next month": the channel's policy, no trade's stop)
        r"(?:sl|stop(?:[\s-]*loss)?|stoploss)(?!\w)(?![\s-]*loss)(?!\s+(?:rules?|strateg\w*|settings?|polic\w*|management|placement|logic|guide\w*|tips?)(?!\w))|"
        r"(?:sl|stop(?:[\s-]*loss)?|invalidation)\s+(?:moved|updated|changed|adjusted|raised|lowered|trailed|"
        r"movid[oa]|mudad[oa]|cambiad[oa]|alterad[oa]|verschoben|d[ée]plac[ée]|spostat[oa]|przesuni[eę]t\w*)|"
        r"(?:d[ờo]i|k[ée]o|geser|pindah\w*)\s+(?:sl|stop)(?!\w)|"
        # ("SL 572 → moved to 590" on a restated card: the old stop struck through by the new one)
        r"(?:sl|stop(?:[\s-]*loss)?)\s*[:=]?\s*\$?\d[\d.,]*\s*(?:>|->|=>)?\s*(?:moved|raised|lowered|trailed)\s+to\s+\$?\d|"
        # "All open longs: tighten stops to -2%", "ужесточаем стопы"
        r"tighten\w*\s+(?:the\s+|your\s+|all\s+|our\s+)?(?:stops?|sls?|stop[\s-]*loss(?:es)?)(?!\w)|подтян\w*\s+стоп\w*|"
        # a trailing stop switched on ("#APT : stop suiveur activé", "трейлинг-стоп включён", "stop móvil activado")
        r"stop\s+suiveur\s+(?:activ\w*|en\s+place|mis\w*)|(?:activons|activez|mettons|plaçons)\s+(?:un|le)\s+stop\s+suiveur|"
        r"trailing[\s-]*stop\s+(?:is\s+|now\s+)?(?:activ\w*|on|set|started|enabled|включ\w*)|"
        r"трейлинг\w*(?:[\s-]+стоп\w*)?\s+(?:включ\w*|активир\w*|постав\w*)|(?:включ\w*|активир\w*|став\w*)\s+трейлинг\w*|"
        r"stop\s+(?:m[óo]vil|din[áa]mico|mobile|dinamico)\s+(?:activ\w*|attiv\w*|ativ\w*)|nachlaufend\w*\s+stop\w*\s+aktiv\w*|"
        # ("SL → 142.5", "SL 138 → 142.5", "#BTC SL → TP1": an arrow onto the new stop, a price or a target)
        r"^\W*(?:[#$]\w+\W+)?(?:sl|stop(?:[\s-]*loss)?)\s*(?:>|-+>|=>)\s*(?:\$?\d|(?:tp|target)\s*\d)|"
        # (session 26, threads26) ("BTC long: stop → 95,600 (locking +1.8R)", "eth short - sl → 3,020"): the coin and its side
        # heading the line, then the arrow onto the new stop
        r"^\W*[#$]?[a-z][a-z0-9]{1,14}(?:/[a-z]{3,5})?\s+(?:long|short)\s*[:—–-]\s*(?:sl|stop(?:[\s-]*loss)?)\s*(?:>|-+>|=>)\s*"
        r"(?:\$?\d|(?:tp|target)\s*\d)|"
        # ("#3108 BTCUSDT › TRAIL MOVED › sl 95.31k→94.10k", "SOLUSDT | SL 138 → 142.5"): a cell of a bot's one-line
        # follow-up giving the stop's old price, an arrow and its new one; ("› TRAIL MOVED ›", "| trailing stop raised"):
        # the trailing stop said moved in a cell of its own
        r"[›»•|][ \t]*(?:sl|stop(?:[\s-]*loss)?)[ \t]*[:=]?[ \t]*\$?\d[\d.,]*k?[ \t]*(?:>|-+>|=>)[ \t]*\$?\d|"
        r"[›»•|][ \t]*trail(?:ing)?(?:[ \t-]*(?:sl|stop))?[ \t]+(?:moved|raised|lowered|updated|adjusted)(?=[ \t]*(?:$|[›»•|]))|"
        # ("TP3 hit 🔥 SL to TP1", "TP1 ✅ SL to 14.5": the stop word, "to", the level — an instruction of its own)
        r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?)\s+to\s+(?:the\s+)?(?:\$?\d|(?:tp|target)\s*\d)|"
        # hi/pa "SL 0.60 पर ले जाओ", "ਸਟਾਪ ਲੌਸ 0.6050 ਤੇ ਲੈ ਜਾਓ" (take the stop to 0.60)
        r"(?:sl|stop(?:[\s-]*loss)?|स्टॉप(?:\s*लॉस)?|ਸਟਾਪ(?:\s*ਲੌਸ)?)\s+(?:को\s+|ਨੂੰ\s+)?\$?\d[\d.,]*\s+(?:पर|ਤੇ|ਉੱਤੇ)\s+"
        r"(?:ले\s+जाओ|ले\s+जाएं|ले\s+जाइए|शिफ्ट\s+कर\w*|ਲੈ\s+ਜਾਓ|ਸ਼ਿਫਟ\s+ਕਰ\w*|ਕਰ\s+ਦਿਓ)|"
        # ("stop down to 118.40" on a short, "SL up to 2.31" on a long: the stop and the way it goes)
        r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?)\s+(?:down|up)\s+to\s+(?:the\s+)?(?:\$?\d|(?:tp|target)\s*\d)|"
        # (onto a target in other languages: "TP2 pris, stop au TP1", "Stop auf TP1 nachgezogen", "SL en TP1", "stop al TP1";
        # a price after the preposition may be the card's own stop, "Stop en 140")
        r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?)\s+(?:au|à|sur|auf|en|al|no|em|na|op)\s+(?:le\s+|den\s+|el\s+|o\s+|il\s+)?(?:tp|target)\s*\d|"
        # ("TP1 ✅ SL -> 0.1840", "took half, SL => TP1": after another change of the post)
        r"(?:[,;!|]|\.\s|%\s|(?:tp|target)\s*\d{1,2}(?:\s+(?:hit|done|reached|achieved|taken|filled|touched))?\s)\s*"
        r"(?:sl|stop(?:[\s-]*loss)?)\s*(?:-*>|=>)\s*(?:\$?\d|(?:tp|target)\s*\d)|"
        # ("GALAUSDT LONG │ T2 ✔ 0.0281 │ SL → 0.0269": a target ticked off at its price, then the arrow — the cells of a
        # text table, their bars gone)
        r"(?<![\w.,])(?:tp|target|t)\s*[1-9]\s+(?:hit|done|reached|achieved|taken|touched)\s+\$?\d[\d.,]*\s+"
        r"(?:sl|stop(?:[\s-]*loss)?)\s*(?:-*>|=>)\s*(?:\$?\d|(?:tp|target)\s*\d)|"
        # ("Correction: #ARB SL 0.41 not 0.44", "Исправление: #ARB стоп 0.41, а не 0.44", "更正：#ARB 止损 0.41"): the stop
        # corrected — a move to the price written right after the stop word
        # ("⚠️ CORRECTION #0418 1000PEPE / Stop Loss is 0.01040": the stop word heading the line under the correction's)
        r"(?:correction|corrected|исправлени\w*|d[üu]zeltme|correcci[óo]n|corre[çc][ãa]o|更正)(?:[^\n]{0,30}?|[^\n]{0,40}\n[^\w\n]*)"
        r"(?:sl|stop(?:[\s-]*loss)?|стоп|止损)(?=\s*[:：]?\s*(?:is\s+|=\s*|не\s+|not\s+|n[ãa]o\s+[ée]\s+|不是\s*)?\$?\d)|"
        # Session 23 (status23): ("sorry, WLD SL is 2.27 not 2.11 🤦 fat fingers", "SL 0,41 statt 0,44", "стоп 0.41, а не
        # 0.44"): the stop, its price, then the one it is not — a correction by its form, the word "correction" unsaid
        + STOP_NOT_TYPO + r"|"
        # ("TP3 ✅ stop to second target", ru "стоп на TP1": the phrase ends at the stop word, what it goes onto is read after)
        rf"(?<!\w)(?:sl|stop(?:[\s-]*loss)?)(?=\s+to\s+(?:the\s+)?{_ORDINAL}\s+(?:target|tp|take[\s-]*profit)(?!\w))|"
        r"стоп(?=\s+на\s+(?:tp|тп|тейк|цель)\s*\d)|"
        r"(?:sl|stop(?:[\s-]*loss)?)\s*:?\s*\$?\d[\d.,]*\s*(?:>|-+>|=>)\s*(?:\$?\d|(?:tp|target)\s*\d)|"
        r"(?:استاپ|حد\s+ضرر)\s+(?:[#$]?[a-z][a-z0-9]{1,14}\s+)?(?:رو|را)\s+(?:ببر|بذار|جابجا|منتقل)\w*|(?:^|\n)\s*/(?:update|sl|move)(?!\w)|"
        r"перен\w+\s+стоп|стоп\s+перен\w+|"
        # (session 23) ru "Стоп по BTC на 64.500", "SL по #ETH на 3480": a line heading with the stop of a coin set at a
        # price — not one said hit ("Стоп по BTC на 64500 сработал")
        r"(?:^|\n)[^\w\n]*(?:стоп(?:[\s-]*лосс)?|sl)\s+по\s+[#$]?[a-z][a-z0-9]{1,14}(?=[ \t]+на[ \t]+\$?\d[\d.,]*[ \t]*(?:\n|$))(?![^\n]*(?:сработ|выби|задел|hit))|"
        # "Movemos sl a 3391", "Subimos el stop a 1.28", "Spostiamo lo stop", "止损上移至 1.285"
        r"(?:movemos|movimos|mover|muevan|mueve|subimos|bajamos|ponemos|colocamos|ajustamos|cambiamos|modificamos|"
        r"actualizamos|mudamos|alteramos|subam|spostiamo|spostate|alziamo|d[ée]pla[çc]ons|remontons|"
        r"verschieben|ziehen|przesuwamy|przenosimy|podnosimy|двигаем|подтягиваем|ta[şs][ıi]yoruz|mut[ăa]m|ridic[ăa]m)\s+"
        r"(?:el\s+|o\s+|la\s+|il\s+|le\s+|lo\s+|den\s+|das\s+|nuestro\s+|nosso\s+)?(?:sl|stop(?:[\s-]*loss)?|stoploss|стоп)(?!\w)|"
        r"止损(?:上移|下移|移动|调整|上调)(?:至|到)?|"
        # "以太这单 带上止损 3310" (put the stop on this trade at 3310)
        r"(?:带上|设置|设好|挂上|加上)止损|"
        # "قم بتحريك الوقف إلى 0.2790" (move the stop to ...)
        r"(?:انقل|نقل|حرك|تحريك|بتحريك|بنقل)\w*\s+(?:ال)?(?:ستوب|وقف)(?!\w)",
        # "For those with better entries make your stop loss 3399", "set your SL at 1.92": a stop given a price
        # "Stop-Loss wurde auf 140 verschoben", "SL ist auf Einstand nachgezogen": the German verb comes last
        (r"verschoben|gesetzt|angepasst|nachgezogen|angehoben|gesenkt|hochgezogen",
         (r"(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+(?:wurde|wird|ist|haben\s+wir|habe\s+ich)\s+(?:\S+\s+){0,3}?"
         r"(?:verschoben|gesetzt|angepasst|nachgezogen|angehoben|gesenkt|hochgezogen)(?!\w)")),
        (_MOVE_STEMS, _STOP_MOVED + rf"|(?<!\w)(?:make|set|put|place)\s+(?:your|the|our)\s+{_STOP_WORD}\s+(?:at\s+|to\s+|@\s*)?\$?\d"),
        # ("SL now 1.92 on #SUI", "stop is now at 3,120", "стоп теперь 1.92", "SL ahora 1.92"): the stop's new level, said
        # as where it is now (not "SL now -3%", a distance or a result; "SL now at entry" is the breakeven, read above)
        (r"now|теперь|сейчас|ahora|agora|maintenant|jetzt|artık|şimdi|sekarang|bây giờ|giờ",
         (r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?)\s+(?:is\s+|est\s+|ist\s+)?"
          r"(?:now|теперь|сейчас|ahora|agora|maintenant|jetzt|art[ıi]k|[şs]imdi|sekarang|b[âa]y\s+gi[ờo]|gi[ờo])\s+"
          r"(?:(?:at|@|to|на|en|em|à|auf|di|ở)\s*)?\$?(?<![\d.,])\d[\d.,]*(?![\d.,]*\s*%)(?!\w)"
          # (not a count or a distance: "SL now 2 hours old", "SL now 3 candles below price", "stop is now 1 tick away")
          r"(?![\d.,]*\s*(?:r|hours?|hrs?|h|minutes?|mins?|days?|d|weeks?|candles?|bars?|atrs?|levels?|ticks?|pips?|points?|"
          r"pts|steps?|times?|away|old|untouched)(?!\w))"
          # (not a choice between two levels: "SL now 1.92 or 1.88", "SL now 1.92 or still 1.80")
          r"(?![\d.,]*\s+(?:or|или|o|ou|oder|veya|atau|hay)\s+(?:still\s+|stays?\s+|keep\s+)?\$?\d)")),
        # (session 26, hard26) ("#AVAX: from now the stop is a 4H close below 23.90, not a wick", "the SL is now a daily
        # close under 1.20", "stop becomes a 4H close above 3.40", es "desde ahora el stop es un cierre de 4H por debajo de",
        # pt "o stop agora é um fechamento de 4H abaixo de", fr "le stop est désormais une clôture 4H sous", de "der Stop ist
        # ab jetzt ein 4H-Schluss unter", ru "стоп теперь — закрытие 4ч ниже"): the stop changed to a candle's close
        # beyond a price — the stop at that price, as a card's "SL: 135 (4H close)" is
        (r"close|cierre|fechamento|cl[ôo]ture|schluss|закрыти",
         (rf"(?:(?:from\s+now(?:\s+on)?|from\s+here\s+on|going\s+forward|as\s+of\s+now|starting\s+now)\W{{0,3}}"
          rf"(?:the\s+|our\s+)?{_STOP_WORD}\s+(?:is|will\s+be)|{_STOP_WORD}\s+(?:is\s+now|now\s+is|becomes|will\s+now\s+be|"
          r"is\s+changed\s+to|changes\s+to|changed\s+to))\s+(?:an?\s+|the\s+|on\s+(?:a|the)\s+)?(?:\S+\s+){0,2}?(?:candle\s+)?"
          r"(?:close|closing)\s+(?:back\s+)?(?:below|under|above|over)(?=\s*\$?\d)|"
          rf"(?:(?:desde|a\s+partir\s+de)\s+ahora\W{{0,3}}(?:el\s+)?{_STOP_WORD}\s+(?:es|ser[áa])|(?:el\s+|o\s+)?{_STOP_WORD}\s+"
          r"(?:ahora|agora)\s+(?:es|[ée]))\s+(?:un\s+|el\s+|um\s+|o\s+)?(?:cierre|fechamento)\s+(?:de\s+|da\s+|do\s+)?(?:\S+\s+){0,2}?"
          r"(?:por\s+)?(?:debajo|encima|abaixo|acima|bajo|sobre)(?:\s+de)?(?=\s*\$?\d)|"
          rf"{_STOP_WORD}\s+(?:est\s+)?(?:d[ée]sormais|maintenant)\s+(?:une\s+|la\s+)?cl[ôo]ture\s+(?:\S+\s+){{0,2}}?"
          r"(?:sous|sur|au[\s-]dessus\s+de|en[\s-]dessous\s+de)(?=\s*\$?\d)|"
          rf"{_STOP_WORD}\s+ist\s+(?:ab\s+jetzt|ab\s+sofort|jetzt|nun)\s+(?:ein\s+|der\s+)?\S*schluss(?:kurs)?\s+(?:unter|[üu]ber)"
          r"(?=\s*\$?\d)|"
          rf"{_STOP_WORD}\s+теперь\W{{0,3}}(?:это\s+)?закрыти\w+\s+(?:\S+\s+){{0,2}}?(?:ниже|выше)(?=\s*\$?\d)")),
        # "new stop" in other languages: "новый стоп 3400", "yeni stop", "nuevo SL", "SL mới", "SL baru", "新止损", "새 손절가",
        # "استاپ جدید", "وقف الخسارة الجديد", "neuer SL", "nouveau SL", "nowy SL", "नया SL", "SL ใหม่"
        (_NEW_STEMS, (rf"(?<!\w)(?:нов(?:ый|ое|ая)|yeni|nuev[oa]|nov[oa]|neue[rn]?|nouveau|nouvel|nuov[oa]|nowy|नया|جدید)\s+{_STOP_WORD}|"
                     rf"{_STOP_WORD}\s*(?:m[ớo]i|baru|جدید|(?:ال)?جديد[ةه]?|ใหม่)(?!\w)|"
                     r"新的?\s*(?:止损|sl|stop)|新しい\s*(?:sl|stop|损切り?|ストップ)|새\s*(?:손절|sl|스탑)")),
        # Session 23 (mixed23): a stop moved, said with its coin and its old price in plain words — "Move BTC stop from
        # 63000 to 64500", "ETH stop from 3400 to 3480" (the old price, then the new), "SL BTC -> 66000", "ETH SL -> 3 480,5"
        # (the coin before or after the stop word, then the arrow), "ETH: stop 3480, previous 3400", "SL 3480 (old 3400)" (the
        # new price, then the old one named as such)
        (r"from|previous|prev|was|old|before|>",
         (r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+from\s+\$?\d[\d.,]*k?\s+(?:to|->|>|=>)\s+\$?\d|"
          # (a coin word on the line, before or after the stop word: "SL → 0.0119" alone under a target report stays
          # that report's)
          r"(?:^|\n)[^\w\n]*[#$]?[a-z][a-z0-9]{1,14}(?:/[a-z]{3,5})?\s*:?\s+(?:sl|stop(?:[\s-]*loss)?|stoploss)"
          r"\s*:?\s*(?:-+>|=>|>)\s*\$?\d|"
          r"(?:^|\n)[^\w\n]*(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+[#$]?[a-z][a-z0-9]{1,14}(?:/[a-z]{3,5})?"
          r"\s*:?\s*(?:-+>|=>|>)\s*\$?\d|"
          # (the phrase ends on the new price: what the stop is moved onto is read from there)
          r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|stoploss)\s*[:=]?\s*\$?\d[\d.,]*k?(?=\s*(?:[,;(]|-\s)?\s*"
          r"(?:previous(?:ly)?|prev\.?|was|old|before)\s*[:=]?\s*\$?\d)")),
        # ru "Стоп по BTC на 64.500", "SL по #ETH на 3480" (the stop for the coin, onto the price — the verb left out)
        (r"стоп|sl", (r"(?<!\w)(?:стоп(?:[\s-]*лосс)?|sl)\s+по\s+[#$]?[a-z\u0400-\u04ff][a-z0-9\u0400-\u04ff]{1,14}\s+на\s+(?=\$?\d)"
         # (not a stop said hit: "Стоп по BTC на 61200 сработал")
         r"(?![^\n]*(?:сработ|выби|задел|hit))")))),
    (UpdateAction.ENTRY_FILLED, _Gated(
        # (session 27, day27) "HYPE · filled 34.10 avg", "filled @ 0.512 average", "got filled at 2.31 avg": the order filled
        # at the average price written — the running call's entry (not "partially filled", nor a target's fill)
        r"(?<!\w)(?<!partially\s)(?<!partly\s)(?<!tp\s)(?<!target\s)(?:got\s+)?filled\s+(?:at\s+|@\s*)?\$?\d[\d.,]*\s*(?:avg|average)(?!\w)|"
        # ("E1 filled @ 3412 ✅", "E2 triggered at 0.7555", "E1 @ 142.60 filled"): a bot card's numbered entry rung, named
        # by its letter, filled
        # ("F1 filled ✔️ 3388", "zone 1 filled", "DCA2 triggered": a fill, zone or DCA rung by its label)
        r"(?:(?<![\w.,])e[1-9]|" + _NAMED_RUNG + r")\s*(?:(?:@|at)\s*\$?\d[\d.,]*\s*)?(?:is\s+|was\s+|got\s+|has\s+been\s+)?"
        r"(?:filled|executed|triggered|activated)(?!\w)|"

        # ("SO #3 executed @ 3184.2", "Safety order #2 filled"): a DCA bot's numbered safety order filled
        r"(?<!\w)(?:so|safety\s+order)\s*#\d{1,2}\s+(?:was\s+|has\s+been\s+|got\s+)?(?:filled|executed|triggered)(?!\w)|"
        # Session 23 (status23): ("ENA condition met ✅ … the re-entry is live now, orders active", "limits are active now"):
        # the call's waiting orders said live, ending the clause — the conditional call activated, an update of it (not
        # "Entry live: 3.20" heading a card's levels, nor "orders active until 14:00")
        r"(?<!\w)(?<!if\s)(?<!when\s)(?<!once\s)(?:(?:the\s+|our\s+)?(?:re[\s-]?)?entry|(?:the\s+|our\s+)?(?:orders?|limits?))"
        r"\s+(?:is\s+|are\s+)?(?:now\s+)?(?:live|active)(?=[ \t]*(?:now[ \t]*)?(?:$|[.,;!—–]|\s-\s|done(?!\w)))|"
        # ("filled ✅ whole range done", "whole zone filled", "full entry range executed", a reply opening on "Filled ✅ all
        # in"): the whole entry range filled — the replied-to trade's (not "Filled ✅" over a card: its status word)
        r"(?<!\w)(?:whole|full|entire)\s+(?:entry\s+)?(?:range|zone|ladder)\s+(?:is\s+|now\s+|got\s+)?(?:done|filled|executed|hit)(?!\w)|"
        # ("#BTC long: partial fill at 65,100", "partially filled ✅", tl "partial fill lang sa 65,100"): a part of the
        # call's order filled, the rest resting — not "partial fill ok" or "if partially filled", a rule for the order
        r"(?<!\w)(?<!if\s)(?<!when\s)(?:partial|partly|partially)\s+(?:fill(?:ed)?|executed)(?!\w)"
        r"(?!\s+(?:is\s+|are\s+)?(?:ok|okay|fine|allowed|possible|expected)(?!\w))|"
        r"^[^\w\n]*(?:all\s+|fully\s+)?filled(?:\s+done)*[ \t,.!—–-]*(?:whole|full|all\s+in|fully)(?!\w)|"
        # ("Entry 1 (36.85) filled": the rung's price in brackets after its number)
        r"(?:entry|entries|buy|orders?|giri[şs]|dca)\s*(?:target\s*|zone\s*)?\d{0,2}\s*(?:\(\s*\$?\d[\d.,]*\s*\)\s*)?"
        r"(?:is\s+|was\s+|has\s+been\s+|are\s+)?"
        r"(?:sudah\s+|đã\s+|已)?(?:filled|triggered|activated|executed|reached|achieved|done|hit|terisi|tereksekusi|"
        r"doldu|dolduruldu|исполнен\w*|executad[oa]|ejecutad[oa]|rempli\w*|ausgef[üu]hrt|eseguit[oa]|wype[łl]nion\w*|"
        r"kh[ớo]p|成交|" + _KO_FILLED + r"|约定)|"
        # (session 27, heldout27) pl "druga strefa wejścia wypełniona", "drugie wejście zrealizowane", "strefa wejścia
        # została aktywowana" (the entry, its zone or order, filled)
        r"(?:strefa\s+|zlecenie\s+)?wej[śs]ci[ae]\s+(?:\d\s+)?(?:zosta[łl][ao]?\s+|jest\s+)?(?:wype[łl]nion\w*|zrealizowan\w*|"
        r"aktywowan\w*)|"
        # ru "Точки входа достигнуты", "входы исполнены", tr "girişler doldu", de "Einstiege gefüllt" (all the entries filled)
        r"(?:точк\w+\s+)?вход\w*\s+(?:\w+\s+)?(?:достигнут\w*|исполнен\w*)|giri[şs]ler\s+(?:doldu|dolduruldu)|"
        r"einstiege?\s+(?:gef[üu]llt|ausgef[üu]hrt)|(?:entry|entries|order|buy|dca|re[\s-]*entry|add(?:ition)?|(?:second|2nd)\s+entry)\s*\d{0,2}\s*(?:@|at)?\s*\$?\d[\d.,]*\s*(?:is\s+|was\s+)?(?:filled|triggered|executed|activated|reached|hit(?!\w)|fill\s+ho\s+(?:gaya|gayi|gaye|chuka|chuki))|تم\s+تفعيل\s+(?:ال)?دخول|تفعيل\s+(?:ال)?دخول|all\s+entr(?:y|ies)\s+"
        r"(?:targets?\s+)?(?:achieved|filled|done)|(?:вход|ордер)\s+(?!не(?!\w))\w*\s*(?:исполнен|сработал)\w*|"
        # "سفارش فعال شد" (the order went live), "ordem executada", "orden activada", "Order aktiviert"
        r"bought\s+(?:the\s+)?(?:second|2nd|third|3rd|next|last)\s+(?:entry|buy|order|rung)|"
        # es "se llenó la segunda entrada (5,18)", "se ejecutó la entrada 2"; pt "foi preenchida a segunda entrada" (the
        # rung filled: the verb first)
        r"(?:(?<!\w)se\s+(?:llen[óo]|ejecut[óo]|activ[óo])|foi\s+(?:preenchid[oa]|executad[oa]|ativad[oa]))\s+(?:la\s+|a\s+|o\s+)?"
        r"(?:(?:primera|segunda|tercera|primeira|terceira|[1-3](?:ª|a|º)?)\s+)?(?:entrada|orden|ordem)(?:\s+[1-3])?(?!\w)|"
        # vi "đã khớp DCA 3.30", "khớp lệnh DCA" (the DCA order filled: the verb first)
        r"(?:đã\s+|da\s+)?kh[ớo]p\s+(?:l[ệe]nh\s+)?(?:dca|entry\s*\d|l[ệe]nh\s+(?:th[ứu]\s+)?\d)|"
        r"سفارش\s+(?:\w+\s+)?(?:فعال|پر)\s+شد|(?:ordem|orden|order|ordre|ordine)\s+(?:\w+\s+)?(?:activad[oa]|ativad[oa]|aktiviert|activ[ée]e?|attivat[oa])", (_FILLED_STEMS, _ENTRY_FILLED_PAIR))),
    (UpdateAction.TP_HIT, re.compile(
        # ("TP1 (88 000) zaliczony", "TP2 (0.4410) hit"): the target's level in brackets after its number
        # (Session 23, status23: or its level after "at" — "TP1 at 23.40 hit", "Kursziel 1 bei 23,40 erreicht", "objectif 2
        # à 0,52 atteint", "alvo 1 em 3,90 atingido")
        # (session 25, casualstatus25: or its level after an arrow — "Target 2 → 23.55 done ✅"; ms/id "Sasaran ke-2
        # tercapai", the ordinal's "ke-" before the number)
        rf"{_TP_WORDS}(?:'?s|ライン)?\s*{_PARTICLES}(?:ke-|ke\s*(?=\d{{1,2}}(?![\d.,])))?\d{{0,2}}(?:\s*[-,&/]\s*\d{{1,2}})*(?:\s*\(\s*\$?\d[\d.,]*(?:[ \u00a0\u202f]\d{{3}}[\d.,]*)*\s*\)|"
        rf"(?<=\d)\s+(?:at|@|bei|à|a|en|em|op|на|по|di|in)\s*\$?\d[\d.,]*\d|(?<=\d)[ \t]*(?:->|=>|>|→|⟶|➜)[ \t]*\$?\d[\d.,]*\d)?\s*{_PARTICLES}(?:all\s+)?(?:{_ORDINAL}\s+)?(?:(?:(?:по|on|for|de|di|of|в|на)\s+)?[#$]\w+\s+|"
        r"(?:по|on|for|de|di|of|в|на)\s+\w+\s+)?"
        rf"(?:is\s+|was\s+|has\s+been\s+|have\s+been\s+)?{_PARTICLES}{_DONE}|"
        # ja/zh "第1目標795到達", "第2目标 0.52 达成" (the 1st target, its level, reached): the ordinal before the target
        # word, the level between it and the verb
        r"第\s*\d{1,2}\s*(?:目标|ターゲット|止盈)\s*\$?\d[\d.,]*\s*(?:已\s*)?(?:到达|达成|达到|触发|完成)|"
        # (session 24, status24b) zh "止盈二到了 1.612", "目标3已到", "止盈2到了" (the target, numbered in figures or Han
        # numerals, arrived; not "止盈二快到了" / "还没到" — nearly, not yet)
        r"(?:止盈|目标|止盈目标)\s*(?:第\s*)?[1-9一二三四五六七八九]\s*(?:已经?\s*|也\s*)?(?<!快)(?<!没)(?<!未)(?:到了|到达|达成|达到|触发|完成|已到)|"
        r"all\s+(?:take[\s-]*profit\s+)?targets?\s+(?:are\s+|were\s+)?(?:hit|reached|achieved|done|completed)|"
        # ("GALAUSDT LONG │ T2 ✔ 0.0281 │ SL → 0.0269"): a one-letter target row, numbered, ticked off (the tick is read as
        # "done"; "🎯 T3 1.522 reached": its level between)
        r"(?<![\w.,#$])t[1-9][ \t]*(?:\(?\$?\d[\d.,]*\)?[ \t]*)?(?:done|hit|reached|\u2611)(?!\w)|"
        # "#WIF sudah kena semua TP", "chạm hết TP", "tüm hedefler geldi"
        r"(?:kena|capai|mencapai|hit|reached|dính|đạt|chạm|ch[ốo]t)\s+(?:semua|seluruh|all|hết|het|tất\s+cả|tat\s+ca)\s+(?:tps?|targets?|sasaran|target|m[ụu]c\s+ti[êe]u)|"
        r"(?:semua|seluruh)\s+(?:tps?|targets?|sasaran)\s+(?:sudah\s+)?(?:kena|tercapai)|"
        # ("Chainlink reached our 2nd target", "hit the first target")
        rf"(?:hit|hits|reached|touched|smashed)\s+(?:the\s+|our\s+){_ORDINAL}\s+(?:target|tp|take[\s-]*profit)(?!\w)|"
        # (session 24, status24b) machine-translated "первая цель достигнута": "has reached the first goal", "the second
        # goal is reached" — a numbered goal, never "our goal" alone
        rf"(?:hit|hits|reached|achieved)\s+(?:the\s+|our\s+){_ORDINAL}\s+goal(?!\w)|"
        rf"(?<!\w){_ORDINAL}\s+goal\s+(?:is\s+|was\s+|has\s+been\s+)?(?:reached|achieved|hit|taken)(?!\w)|"
        r"(?:hit|hits|reached|touched|smashed)\s+(?:the\s+|our\s+)?(?:all\s+(?:the\s+|our\s+)?(?:take[\s-]*profit\s+)?"
        r"targets?|tps?\s*\d{0,2}|targets?\s*\d{1,2}|take[\s-]*profit\s*\d{0,2})(?![\w.,])|"
        # "Tocó tp2", "Bateu o alvo 1", "On a touché le TP2": the verb, then the target
        rf"(?<!casi\s)(?<!almost\s)(?<!quase\s)(?<!presque\s)(?:toc[óo]|tocamos|lleg[óo]\s+al?|alcanz[óo]|alcanzamos|tocou|bateu|atingiu|atingimos|a\s+touch[ée]|touche|"
        rf"ha\s+toccato|toccato|erreichte|достиг\w*|взяли|забрали)\s+(?:el\s+|o\s+|le\s+|il\s+|la\s+|den\s+)?{_TP_WORDS}\s*\d{{0,2}}(?!\w)|"
        # "HBAR: first cover filled" (a short's buy-back order at its first target)
        r"(?:first|second|third|1st|2nd|3rd|final|last)\s+cover\s+(?:filled|hit|done|executed)(?!\w)|"
        + _EXIT_TARGET_HIT + r"|ch[ốo]t\s+l[ờo]i\s+(?:tp|m[ụu]c\s+ti[êe]u)\s*\d|target\s+\d+\s*:?\s*[\d.]+\s*done|hedef\s*\d*\s*tamam|(?:đạt|chạm|dat|cham)\s+(?:tp|m[ụu]c\s+ti[êe]u)\s*\d*|"
        r"(?:ถึง|ชน)\s*(?:เป้าหมาย|เป้า|tp)\s*(?:ที่)?\s*\d{1,2}|"
        # ms/id "dah sentuh TP3", "sudah kena TP2", "telah capai sasaran 1"; tl "Tinamaan na ang TP1", "naabot na ang
        # target 2": the verb, then the target
        r"(?:(?:dah|sudah|udah|telah|baru)\s+(?:sentuh|kena|capai|mencapai|menyentuh|hit)|tinamaan|natamaan|naabot|naabut)\s+"
        r"(?:na\s+)?(?:ang\s+)?(?:tp|target|sasaran)\s*\d{1,2}(?!\w)|"
        # kk "1-мақсатқа жетті" (the 1st target reached), uz "1-мақсадга етди", "2-maqsadga yetdi"
        r"мақса[тд](?:қа|ка|га|ға)\s+(?:жетт\w*|жетiлд\w*|етди|етилди)|maqsad(?:ga)?\s+(?:yetdi|yetildi|erishildi)|"
        # ru "Взята вторая цель" (the second target taken), "Достигнута первая цель"
        r"(?:взят\w*|достигнут\w*|выполнен\w*)\s+(?:перв\w+|втор\w+|трет\w+|четв[её]рт\w+|\d)\s+(?:цел\w*|тейк\w*)|(?:تحقيق|تحقق|ضرب)\s+(?:ال)?هدف|목표\s*(?:가\s*)?(?:달성|도달)|\d{1,2}\.\s*hedef\w*\s+(?:\$?\d[\d.,]*\s+)?(?:geldi|tamam|vuruldu)|"
        + _PLAN_STEP_DONE)),
    # ("Cancel the remaining entry": one rung of the ladder; "Cancel the order" alone is the whole trade)
    (UpdateAction.CANCEL_ENTRY, re.compile(
        # (on one line: "❌ #BTC LONG cancelled / Entry 64200 / …" heads a card whose entry line follows)
        # ("cancel only entry 2", "cancel just the second entry": the rung singled out, the rest kept)
        # ("cancel F3 (3.290)", "cancel E2", "DCA2 cancelled", "zone 2 cancelled": a card's numbered fill, entry, DCA or zone
        # rung by its label)
        # ("Cancel SOL entry 2": the coin before the rung)
        r"cancel\w*[ \t]+(?:(?:only|just)[ \t]+)?(?:the[ \t]+)?(?:(?:[#$]\w+|" + _BARE_COIN + r")[ \t]+)?(?:(?:entry|order|limit)[ \t]*\d|" + _NAMED_RUNG + r"|"
        r"(?:remaining|rest\s+of\s+(?:the\s+)?|other|last|"
        r"second|third|2nd|3rd|pending|unfilled)\s+(?:entry|entries|orders?|limits?|limit\s+orders?)(?!\w))|"
        r"(?:(?:second|third|2nd|3rd|last|remaining|other|pending|unfilled)\s+(?:entry|entries|orders?|limits?)|"
        r"(?:entry|order|limit)\s*\d|" + _NAMED_RUNG + r"(?:\s*\(\s*\$?\d[\d.,]*\s*\))?)\s+(?:is\s+|was\s+|has\s+been\s+|got\s+)?cancel\w*|"
        # ("❎ DCA order at 26.60 cancelled", "2nd entry (26.60) was cancelled", "the second buy at 0.95 cancelled"): a later
        # rung named, with its price, said cancelled — one rung of the ladder, the trade goes on
        + _LATER_RUNG_PASSIVE_CANCEL + r"|"
        # ("Order at 26.60 cancelled — price never came back. Trade continues with the first entry only", "the 0.95 limit
        # is cancelled, position stays open"): an order cancelled beside the trade said to run on — only the unfilled order
        # goes (a cancel of the whole call leaves no trade to go on)
        + _CANCEL_VERB + r"[^\n]{0,80}?(?:\n[^\n]{0,80}?){0,2}?" + _TRADE_RUNS_ON + r"|"
        # ("#SOL cancel the DCA order at 138", "cancel 2nd buy order"): the averaging order, one rung of the entries
        r"cancel\w*[ \t]+(?:(?:only|just)[ \t]+)?(?:the[ \t]+)?(?:[#$]\w+[ \t]+)?(?:dca|averaging|(?:2nd|second|3rd|third|4th|fourth|last|next)[ \t]+"
        r"(?:buy|sell|dca))(?:[ \t]+(?:orders?|limits?|entry))?(?!\w)|"
        # (session 27, heldout27) ("PEPE: remove the second entry order (0.0000098)", "pull the last limit", nl "haal de
        # tweede instaporder weg", "verwijder de laatste kooporder", de "entfernt die zweite Einstiegsorder"): a later rung
        # taken off the book — one rung, the trade goes on
        r"(?:remov(?:e|ing)|pull(?:ing)?|delet(?:e|ing))[ \t]+(?:the[ \t]+|our[ \t]+|your[ \t]+)?(?:second|third|2nd|3rd|last)"
        r"[ \t]+(?:entry[ \t]+|buy[ \t]+|limit[ \t]+)?(?:orders?|entry|limits?|bids?)(?!\w)|"
        r"(?:haal|halen|verwijder\w*|annuleer\w*|schrap\w*|entfern\w*|l[öo]sch\w*|storn\w*)[ \t]+(?:de[ \t]+|die[ \t]+|den[ \t]+)?"
        r"(?:tweede|derde|laatste|zweite[nr]?|dritte[nr]?|letzte[nr]?)[ \t]+"
        r"(?:instap|koop|limit|einstiegs|kauf|nachkauf)?[ \t-]*(?:order|orders|instap|limit|einstieg)(?!\w)|"
        # ru "отменяем ордер на 2-й вход", "второй вход отменён", "отменяем добор" (one rung, the trade goes on)
        r"отмен\w*[ \t]+(?:(?:ордер\w*|лимит\w*|заявк\w*)[ \t]+(?:на[ \t]+)?)?(?:(?:втор\w*|трет\w*|[2-9]-?(?:й|ой|ий)?|"
        r"последн\w*|оставш\w*)[ \t]+вход\w*|добор\w*|усреднени\w*)|"
        r"(?:(?:втор\w*|трет\w*|[2-9]-?(?:й|ой|ий)?|последн\w*)[ \t]+вход\w*|добор\w*)[ \t]+(?:\w+[ \t]+)?отмен\w*|"
        # ("2nd entry 130 was not reached, cancel that limit", "the DCA at 130 didn't fill — cancel this order"): a later
        # rung said not filled, then cancelled
        + _RUNG_UNFILLED_CANCEL + r"|" + _PRICED_RUNG_CANCEL + r"|"
        # (the unfilled rungs in other languages, either side of the verb; a cancel for those not in yet)
        # (zh/ja write no space after the verb: "取消剩余挂单", "取消未成交的挂单")
        # (session 24: the rung taken off, or its price between it and the verb)
        + _RUNG_PULLED + r"|"
        + _CANCEL_VERB + r"[ \t]*(?:the[ \t]+|all[ \t]+|(?:[#$]\w+[ \t]+))?" + _UNFILLED_RUNGS + r"|" + _UNFILLED_RUNGS
        + r"[ \t]*(?:(?:bitte|please|pls|wurden?|werden|sind|ist|is|are|were|was|have\s+been|has\s+been)[ \t]+)?" + _CANCEL_VERB + r"|"
        # zh "挂在0.0000172的第二笔一直没成交，撤掉就行" (the 2nd order hung at … never filled: just pull it), "撤掉第二个挂单",
        # "剩下的挂单撤了" (the remaining orders pulled) — one rung pulled, the filled part held (not when the first is said
        # unfilled too: "第一笔也没成交" — nothing of the call runs)
        r"(?:第[二三四五2-9](?:笔|单|档|个)(?:挂单|单子?|订单|补仓单)?|(?:剩下|剩余|其余|其他)的?(?:挂单|单子|订单|补仓单))"
        r"[^\n。！!]{0,20}?(?:撤掉|撤单|撤销|撤了|撤回|撤下|取消)(?![^\n]*(?:第一[笔单个]|两笔|都)[^\n，,。]{0,6}?(?:没|未)有?成交)|"
        r"(?:撤掉|撤销|撤下|取消)(?:挂在[^\n，,。]{0,15}?的)?第[二三四五2-9](?:笔|单|档|个)(?![^\n]*(?:第一[笔单个]|两笔|都)[^\n，,。]{0,6}?(?:没|未)有?成交)|"
        # th "ยกเลิกออเดอร์เข้าที่เหลือ" (cancel the remaining entry orders), "ยกเลิกออเดอร์ที่ยังไม่เข้า" (not yet filled)
        r"ยกเลิก\s*(?:ออเดอร์|คำสั่ง)\s*(?:เข้า|ซื้อ|ลิมิต)?\s*(?:ที่เหลือ|ที่ยังไม่)|"
        # th "ไม้ 3 ที่ยังไม่ได้เข้า ยกเลิก" (rung 3, not filled yet: cancel), "ถ้ายังไม่ได้เข้า ยกเลิก" (if not in yet, cancel)
        r"(?:ไม้\s*[2-9]|(?:ที่|ถ้า(?:ใคร|คุณ|ท่าน)?)ยังไม่(?:ได้)?(?:เข้า|แมท|จับคู่))[^\n]{0,30}?ยกเลิก|"
        r"ยกเลิก[^\n]{0,20}?ถ้า(?:ใคร|คุณ|ท่าน)?ยังไม่(?:ได้)?เข้า|" + _CANCEL_VERB + r"[^\n]{0,60}?" + _FOR_THOSE_NOT_IN.pattern + r"(?![\s\S]*" + _THOSE_IN_CLOSE + r")")),
    (UpdateAction.ADD_ENTRY, _Gated(
        r"(?:add|adding)\s+(?:(?:a|an|the|another|one\s+more)\s+)?(?:(?:new|\d(?:st|nd|rd|th)|second|third|fourth)\s+)?"
        r"(?:more|entry|entries|order|buy|to\s+(?:the\s+)?position)(?!\w)|re[\s-]?entry\s+at|"
        # ("adding the 2nd position at 6.15", "add a second position"): a numbered position beside the first is an add
        r"(?:add|adding)\s+(?:(?:a|the|our|my)\s+)?(?:\d(?:st|nd|rd|th)|second|third|fourth)\s+position(?!\w)|"
        # "Add to the #HBAR long at 0.2650 (2nd entry)"
        r"(?:add|adding)\s+to\s+(?:the\s+|our\s+|my\s+)?(?:[#$]?\w+\s+)?(?:long|short|position|trade)(?!\w)|"
        r"(?:add|adding)\s+\d{1,3}\s*%|new\s+entry\s+for|re[\s-]?enter\w*\s+(?:here|now|again)(?!\w)|enter\s+again\s+(?:here|now)(?!\w)|докупа\w*|докупим|доливаем|добираем|(?<!\w)ekliyoruz|(?<!\w)ekleme|"
        r"a[ñn]adimos|adicionamos|nachkaufen|nachlegen|rajout\w*|aggiungiamo|dokupuj\w*|dobieramy|th[êe]m\s+l[ệe]nh|"
        # the channel's "we add" ("Добавляем по #APT на 9.35", "Додаємо", "Agregamos", "Sumamos a la posición", "Dokładamy",
        # "Renforçons", "Ekledik")
        r"добрал\w*|добавляем|добавили|добавим|додаємо|додали|agregamos|sumamos|aumentamos\s+(?:la\s+|a\s+)?posi\w*|dok[łl]adamy|"
        r"renfor[çc]ons|on\s+renforce|incrementiamo|(?<!\w)ekledik|(?<!\w)ekleme\s+yap\w*|legen\s+nach|"
        r"tambah\s+(?:posisi|entry)|(?:add|adding)\s+to\s+(?:our\s+|the\s+|your\s+)?[#$]?\w+\s+(?:at|@|around|near)|"
        r"dca\s*:?\s*(?:add|buy(?!\s+(?:plans?|ladders?|zones?|levels?|setups?|strateg\w*|grids?|bots?|schedules?)(?!\w))|one\s+more)|добавля\w*\s+(?:\w+\s+)?вход\w*|добор\w*|усредня\w*|усредним|"
        r"(?<!n't\s)(?<!not\s)(?<!never\s)(?:add|adding)\s+(?:here|now|again)(?!\w)|"
        # (session 26, threads26) ("add on dip: 2nd bag at 80.60", "adding on dips, second bag at 1.42"): the add on the
        # dip, or a numbered bag beside the first at its price
        r"(?<!n't\s)(?<!not\s)(?<!never\s)(?:add|adding)\s+on\s+(?:the\s+|any\s+)?dips?(?!\w)|"
        r"(?:2nd|second|3rd|third)\s+bag\s+(?:at|@)\s*\$?\d|"
        # ("Buy more #APT at 8.60", "Averaging down #ETH long", "Double down on #DOGE short", "New average: 0.160",
        # "Promediamos #BTC en 65500", "#AVAX DCA 2: 23.8", "#ARB 补仓 0.78"): more bought into the running trade
        r"(?<!n't\s)(?<!not\s)(?<!never\s)buy(?:ing)?\s+(?:some\s+)?more(?!\w)|averag(?:e|ing)\s+down|double\s+down\s+on|"
        r"new\s+(?:average|avg)(?!\w)|promedi(?:amos|ando)|dca\s*#?[2-9]\s*[:=@]|补仓|加仓|" + _ENTRY_ADDED,
        # "#SOL add at 138", "averaging at 138", "agregar más en 138", "promediar en 12.9", "adicionar mais em 138", "nhồi thêm
        # ở 138", "DCA thêm", "加仓", "补仓", "买い増し", "추가 매수", "물타기", "تعزيز عند 138", "renforcer à 138", "mediare a 138":
        # an add to the running position, in the words of each language
        (_ADD_STEMS, (r"(?<!\w)(?:add|adding|averag(?:e|ing)(?:\s+down)?|dca)\s+(?:(?:more|again)\s+)?(?:at|@|around|near|on)\s*\$?\d|"
                     r"(?<!\w)buy(?:ing)?\s+more\s+(?:at\s+|@\s*|around\s+|near\s+|here(?!\w)|now(?!\w)|\$?\d)|"
                     r"(?<!\w)(?:(?:agregar|a[ñn]adir|sumar|comprar)\s+m[áa]s|(?:adicionar|comprar|aportar)\s+mais|"
                     r"promedi(?:ar|amos|en|emos)|(?:nh[ồo]i|mua|dca)\s+th[êe]m|renforcer|renfor[çc]ons|renforcez|moyenner|"
                     r"moyennons|mediare|mediamo|تعزيز|عززوا|نعزز|پله\s+(?:دوم|سوم|بعدی)\s+(?:رو\s+|را\s+)?(?:بخرید|بخر|بگیرید))(?!\w)|"
                     # fa "پله دوم ورود رو هم تو 0.6020 بذارید" (place the second entry rung at 0.6020 too): the rung put
                     # on the book beside the running trade
                     r"پله\s+(?:ی\s+)?(?:دوم|سوم|بعدی)\s+(?:ی\s+)?ورود\s+(?:رو\s+|را\s+)?(?:هم\s+)?(?:(?:تو|در|روی|رو|به)\s+)?"
                     r"\$?\d[\d.,]*\s+(?:هم\s+)?(?:بذارید|بزارید|بگذارید|بذار|بزار|بذارین|بزارین|ثبت\s+کنید)(?!\w)|"
                     # tl "mag-add dito sa 2.31" (add here at 2.31), "add ulit sa 2.31", "magdagdag ng entry sa 2.31"
                     r"(?<!\w)(?<!wag\s)(?<!huwag\s)(?:mag[\s-]?add|add\s+(?:ulit|pa))\s+(?:(?:ulit|pa|tayo|kayo|dito)\s+){0,3}sa\s+\$?\d|"
                     r"(?<!\w)(?<!wag\s)(?<!huwag\s)magdagdag\s+(?:ng\s+)?(?:entry|posisyon|order)\s+(?:\w+\s+)?sa\s+\$?\d|"
                     r"加仓|补仓|买い増し|ナンピン|추가\s*(?:매수|진입)|물타기")))),
    # A trade still running ("Still holding #INJ", "keep holding"): progress on it, nothing to execute.
    (UpdateAction.OTHER, _Gated(
        _HOLDING + "|" + _HOLDING_THE_REST + "|"
        # "Modificamos TP1 3335", "TP2 updated to 1.45": a target of the running trade moved
        rf"(?:modificamos|cambiamos|ajustamos|actualizamos|movemos|alteramos|mudamos|modifichiamo|modifions|"
        rf"changeons|updated|changed|modified|adjusted|moved)\s+"
        rf"(?:el\s+|o\s+|la\s+|le\s+|the\s+|our\s+|den\s+)?{_TP_WORDS}s?\s*\d{{0,2}}(?!\w)|"
        # (the imperative names the new level: "Move TP2 to 1.45"; "Change TP in Cornix: Settings" is a tutorial)
        rf"(?:update|change|modify|adjust|move)\s+(?:the\s+|our\s+|your\s+)?{_TP_WORDS}s?\s*\d{{0,2}}\s+(?:to\s+)?\$?\d|"
        rf"{_TP_WORDS}\s*\d{{0,2}}\s+(?:updated|changed|moved|modificad[oa]|cambiad[oa])(?!\w)|"
        # ("✅ reduce-only take-profit orders are in: 5.42 (30%) / 5.78 (30%) …", "TP orders placed", "we set the exit
        # orders", "Position stays open"): the running trade's exits put on the book, the trade left open
        r"(?<!\w)(?:reduce[\s-]*only\s+)?(?:take[\s-]*profit|tp|exit)\s+orders?\s+(?:are\s+|is\s+|have\s+been\s+|has\s+been\s+|"
        r"were\s+|now\s+|all\s+)*(?:in|placed|set|up|live)(?!\w)(?!\s+(?:profit|loss|the\s+green|the\s+red)(?!\w))|"
        r"(?<!\w)(?:placed|set|put\s+in)\s+(?:the\s+|our\s+|all\s+)?(?:reduce[\s-]*only\s+)?(?:take[\s-]*profit|tp|exit)\s+orders?(?!\w)|"
        r"(?<!\w)(?:position|trade)\s+(?:stays|remains|is\s+kept)\s+open(?!\w)|"
        + _LEVERAGE_CHANGE,
        # ("솔라나 아직 홀딩 중입니다", "ETH まだホールド中"): still held, in Korean and Japanese
        (r"홀딩|보유|ホールド|保有", _HOLDING_CJK[1:]),
        # ("#SOL cancel TP3", "#AVAX TP3 iptal, pozisyon açık kalsın", "cancel the SL, move it to 33.00", "cancel the #JTO
        # limit and enter at market"): one order of the trade cancelled, or its limit swapped for a market entry — the
        # trade goes on (for an operator: no level of it is known here)
        (r"cancel|iptal|отмен|скасов|h[ủu]y|huỷ|anul|storn|batal|取消|キャンセル",
         (rf"{_CANCEL_VERB}\s+(?:the\s+|our\s+|your\s+)?(?:[#$]\w+\s+|{_BARE_COIN}\s+)?{_ONE_STOP_OR_TARGET}|"
         rf"(?<!\w){_ONE_STOP_OR_TARGET}\s+(?:\w+\s+)?{_CANCEL_VERB}|"
         rf"(?:{_CANCEL_VERB}(?:\W+[#$]?\w+){{0,3}}?\W*{_ORDER_WORD}|{_ORDER_WORD}(?:\W+\w+){{0,2}}?\W*{_CANCEL_VERB})"
         rf"[^\n]{{0,80}}?{_MARKET_INSTEAD.pattern}")),
        # ("we're cutting TP4", "dropping the last target", "TP3 removed"): a target of the running trade dropped — the
        # trade runs on to the others
        (r"cut|drop|remov|scrap|delet",
         (r"(?<!\w)(?:cut|cutting|drop|dropping|dropped|remov(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|delet(?:e|es|ed|ing))\s+"
          r"(?:the\s+|our\s+)?(?:last\s+|final\s+)?(?:tps?|targets?|take[\s-]*profits?)\s*\d{0,2}(?!\w)|"
          # (session 23, partial23) ("Remove SL on BTC", "delete the stop", "SL removed"): the stop taken off — no stop moved
          # to any price; a note (the follower's stop is left where it is)
          rf"(?<!\w)(?:remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|drop(?:s|ped|ping)?|scrap(?:s|ped|ping)?)\s+(?:the\s+|our\s+|your\s+)?"
          rf"(?:[#$]\w+\s+|{_BARE_COIN}\s+)?(?:sl|stop(?:[\s-]*loss)?|stoploss)(?!\w)|"
          r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|stoploss)\s+(?:is\s+|was\s+|has\s+been\s+)?(?:removed|deleted|dropped)(?!\w)|"
          r"(?<!\w)(?:tps?|targets?)\s*\d{0,2}\s+(?:is\s+|was\s+|has\s+been\s+)?(?:removed|dropped|scrapped|deleted)(?!\w)")),
        # "тейк переносим на 171", "hedef 2'yi 1.45'e taşıyoruz": a target and a move verb
        (_MOVE_STEMS, rf"{_TP_WORDS}\s*\d{{0,2}}(?:[ \t]+[^\s,.;!?]+){{0,2}}?[ \t]*{_MOVE_VERB}"),
        # (session 27, cards27: "the last 20% now aims for 33.20 instead of 34.50", "el último tramo apunta a 33.20 en
        # lugar de 34.50", "последняя часть теперь на 33.20 вместо 34.50"): a level of the running trade put at a new
        # price in place of the old one — the trade goes on with it revised
        (r"instead|lugar|vez|вместо|lieu|invece|statt",
         r"(?<![\w.,])\$?\d[\d.,]*\s+(?:instead\s+of|rather\s+than|en\s+(?:lugar|vez)\s+de|em\s+vez\s+de|вместо|"
         r"au\s+lieu\s+de|invece\s+di|(?:an)?statt)\s+\$?\d[\d.,]*(?![\d.,]*\d)(?!\s*%)"),
        # "Running in profit", "#ETH running nicely in profit", "+50 pips secured": the trade under way, reported (said of
        # the trade: the post's or line's first words — "Most alts running in profit" is market talk); "可留小仓做格局"
        # (keep a small position as a runner), "继续持有", "拿住"
        (r"running|sitting|secured|locked|banked|留|持有|拿住|拿着|继续拿|持仓",
         (r"(?:^|\n)\W*(?:[#$]\w+\W+)?(?:(?:the\s+)?(?:trade|position|it|we'?re|we\s+are|still|is|now)\s+){0,2}(?:running|sitting)\s+"
         r"(?:nicely\s+|well\s+|comfortably\s+|now\s+)?in\s+(?:(?:good\s+|nice\s+)?profit|the\s+green)(?!\w)|"
         r"\+?\d+(?:[.,]\d+)?\s*(?:pips|points|%)\s+(?:secured|locked(?:\s+in)?|banked)(?!\w)|"
         # ("#SUI 还没到第一目标，别急，继续拿着": not at TP1 yet, keep holding)
         r"留(?:一?点|小|少量|部分)?仓|保留(?:部分|小)?仓位?|继续持有|拿住|继续拿(?!\w)|继续拿着|(?:还|仍然?|依然)拿着|继续持仓")))),
]

# The months, in the languages whose results posts name one ("Закрыли ноябрь в плюсе", "Fechamos novembro com …")
MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|"
                r"september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
                r"octubre|noviembre|diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|"
                r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janvier|f[ée]vrier|mars|avril|"
                r"mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|januar|februar|m[äa]rz|juni|juli|oktober|"
                r"dezember|январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|"
                r"октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|"
                r"ekim|kas[ıi]m|aral[ıi]k)")
# ("Nasdaq closed higher", "candle closed above 64k", "#BTC closing above 70k": a market moving, not a trade ending;
# "cancel anytime" in an ad is about a subscription)
# ("cancel(which=all); market(side=sell …)": a copier script's function call, not prose)
_MARKET_MOVE = (r"(?!\()(?!\s+(?:higher|lower|above|below|up|down|green|red|flat|over|under|near|around|call|"
                # ("ETH закрылся выше 3500 на дневке", "cerró por encima de 3500", "fechou acima", "schloss über 3500"): the
                # same in other languages — a candle closing beyond a level
                r"выше|ниже|por\s+(?:encima|debajo)|acima|abaixo|[üu]ber|unter|oberhalb|unterhalb|au[\s-]dessus|en[\s-]dessous|"
                r"sopra|sotto|powy[żz]ej|poni[żz]ej|[üu]zerinde|alt[ıi]nda|di\s+(?:atas|bawah)|"
                # ("Close to TP2 on #AVAX", "Exit liquidity", "exit strategy", "Cancel culture")
                r"to|liquidity|strateg\w*|plan|culture|point|level|candle|недели|дня|месяца|года|"
                # ("Стоп: закрытие H4 ниже 2,31", "SL: daily close below 2.31", "cierre diario"): a candle's close
                r"[hdwm]\d{1,2}|\d{1,2}\s*(?:h|d|w|ч|д)|свеч\w*|дневк\w*|daily|weekly|diari[oa]|di[áa]ri[oa]|"
                # ("#DOT closed the daily at 6.92", "BTC closed its weekly above 70k", "closed the 4H candle red"): the
                # coin's candle, with its article — not "close the daily scalp"
                r"(?:the|its|a|this|that|today'?s|yesterday'?s)\s+(?:daily|weekly|monthly|[hdwm]\d{1,2}|\d{1,2}\s*[hdw])"
                r"(?!\s+(?:long|short|trade|position|scalp|swing|setup|call|signal|entry)s?(?!\w))|"
                # ("EXIT 1 ✅ EXIT 2 ✅": the channel's numbered exits — its targets — ticked off)
                # ("Exit 1 reached 22.60", "exit target 2 hit", "Exit 1 almost reached": a numbered exit — a target, read
                # as such)
                r"(?:(?:target|tp|level|point)\s*)?" + _EXIT_NUMBER_TOLD + r"|"
                # ("Binance closed the #LUNA market", "closed deposits"): an exchange's venue, not a trade
                r"the\s+[#$]\w+\s+(?:market|exchange|listing|trading\s+pair)|deposits?|withdrawals?|"
                r"in\s+(?:the\s+)?(?:green|red)|the\s+(?:day|week|month|year|session)|"
                # ("Cerramos la semana con +230%", "Fechamos o mês com 92%": the week or month, not a trade)
                r"(?:la|el|a|o|il|le|die|den|das)\s+(?:semana|mes|m[êe]s|d[íi]a|a[ñn]o|ano|settimana|mese|semaine|mois|"
                r"woche|monat|jahr|tag)|haftay[ıi]|ay[ıi]|g[üu]n[üu]|неделю|месяц|год|день|сессию|тиждень|місяць|"
                # ("Fechamos novembro com 38 operações", "Closed October +180%", "Cerramos marzo en verde", "Закрыли ноябрь
                # в плюсе", "Kasım ayını kapattık"): a month of results, not a trade
                r"(?:(?:this|the|our|este|esta|este|o|el|le|il|den|этот)\s+)?" + MONTH_NAMES + 
                # ("Close this week's #AVAX long", "Closing the March #ETH long now", "closed October's swing", "close may be
                # wise"): a month or week naming the trade, or "may" the verb — the trade is closed
                r"(?!['’]s(?!\w)|\s+[#$]|\s+(?:long|short|swing|trade|position|call|be|have|not|help)(?!\w))|"
                r"(?:this|esta|este|essa|cette|questa|diese[nr]?|эту|этот)\s+"
                r"(?:week|month|year|semana|mes|m[êe]s|a[ñn]o|ano|semaine|mois|ann[ée]e|settimana|mese|anno|woche|monat|jahr|неделю|месяц|год)"
                r"(?!['’]s(?!\w))|"
                r"any\s*time|(?:your\s+|the\s+)?(?:subscription|membership|plan))(?!\w))")
# "Close all", "Все сделки закрыть", "全部平仓", "모든 포지션 청산": a close verb and an "all" word within three words of
# each other, in either order — one rule over the verbs and "all" words of each language instead of a list of phrases.
# ("target 2 is close", "so close to TP3": the adjective, near)
# ("we set the exit orders", "exit ladder", "exit plan"): the exits' noun, no exit now
_NOT_AN_EXIT_PLAN = r"(?!\s+(?:orders?|ladder|plan|strateg\w*|liquidity)(?!\w))"
_CLOSE_VERB = (r"(?:(?<!\w)(?:(?<!(?<!\w)is\s)(?<!are\s)(?<!very\s)(?<!(?<!\w)so\s)(?<!too\s)(?<!getting\s)close|closed|kapat(?!ma|m[ıi]yor)\w*|closing|exit"
               + _NOT_AN_EXIT_PLAN + r"|exiting|flatten\w*|realiz\w*\s+(?:o\s+|os\s+)?lucros?|"
               r"tom(?:ar|amos|en|ad)\s+ganancias|закр\w*|cerr\w*|cierr\w*|fech\w*|encerr\w*|"
               # pt "zeramos todas as posições", "zerar a posição" (zeroed: closed out); "zerar o risco" is the stop to entry
               r"zer(?:ar|amos|ando|ei|em|e)(?!\s+(?:o\s+|nosso\s+|seu\s+)?risco)|"
               r"schlie(?:ß|ss)\w*|glattstell\w*|ferm\w*|cl[ôo]tur\w*|chiud\w*|zamk\w*|zamyk\w*|закри\w*|đóng|dong|"
               r"tutup|ditutup|sluit\w*|[îi]nchid\w*|κλεί\w*|סגר\w*|לסגור|[أا]غلق\w*|إغلاق|اغلاق|ببندید|ببند\w*|"
               # (ar dialects: "اقفلوا الصفقة", "سكّروا الصفقة")
               + _AR_CLOSE_DIALECT + r"|"
               # ("По эфиру фиксируем всё": the whole profit taken; "ट्रेड अभी पूरा बंद करें"; ur "ٹریڈ بند" (the trade closed))
               r"фиксиру\w*|зафиксир\w*|фіксу\w*|зафіксу\w*|बंद|بند)(?!\w)|"
               r"平仓|平掉|决済|청산|정리|ปิด[\u0e00-\u0e7f]*|(?<!\w)(?:st[äa]ng\w*|lez[áa]r\w*|z[áa]rjuk|zav[řr]en\w*)(?!\w))")
_ALL_WORD = (r"(?:(?<!\w)(?:alla|all|everything|everyone|every|sab|sabhi|saare|saari|تمام|to[àa]n\s+b[ộo]|h[ếe]t|все|всё|всех|весь|всю|увесь|усю|t[üu]m\w*|hepsi\w*|b[üu]t[üu]n|tod[oa]s|todo|tudo|alle[sn]?|"
             r"toutes|tous|tout|tutt[eoia]|wszystk\w*|tất\s+cả|tat\s+ca|semua|جميع|كل|همه|όλ\w*|כל|toate)(?!\w)|"
             r"全部|全て|すべて|모든|전부|ทั้งหมด)")
# "kalanını kapatıyoruz", "closing the rest", "işlemi kapat", "أغلقنا الصفقة": a close verb next to "the rest" or to a
# word for the position, in either order (the languages put the verb first or last).
_REST_OR_POSITION = (r"(?:(?<!\w)(?:rest|remaining|remainder|kalan\w*|остат\w*|остальн\w*|resto|restante|restlichen|"
                     r"reste|rimanente|reszt\w*|sisa\w*|c[òo]n\s+l[ạa]i|i[şs]lem\w*|pozisyon\w*|сделк\w*|позици\w*|"
                     r"posici[óo]n|posi[çc][ãa]o|position|positioner|positionen|poz[íi]ci[óo]\w*|pozice|pozycj\w*|trade|الصفقة|صفقة|پوزیشن|معامله|"
                     r"posizion[ei]|operazion[ei]|ट्रेड|पोजीशन|पोज़ीशन|ٹریڈ|سودا|объ[её]м\w*)(?!\w)|仓位|剩余|포지션|ポジション)")
# ("Supertrend BUY … — close 142.3 Position: $300": a candle's close price, then a field — no close of a position)
_CLOSE_NEAR = rf"{_CLOSE_VERB}(?!\s+\$?\d+[.,]\d)(?:\W+\w+){{0,2}}?\W*{_REST_OR_POSITION}|{_REST_OR_POSITION}(?:\W+\w+){{0,2}}?\W*{_CLOSE_VERB}"
# ("Cancel half of the DOGE order", "ETH cancel 50%", "cancelamos la mitad de la orden", "отменяем половину заявки"): a
# share of the pending order cancelled — the rest of the order waits on; never the whole entry cancelled (the bot has no
# way to shrink an order: no change, a note)
_CANCEL_SHARE_TAIL = (r"(?=[ \t]*(?:$|\n|[^\w\s%]|(?:only|just|now|here|for\s+now)(?!\w)|"
                      r"(?:of\s+|de\s+|da\s+|do\s+|del\s+)?(?:(?:the|your|our|my|this|that|la|el|a|o)\s+)?(?:[#$]?[a-z][a-z0-9]{1,14}\s+)?"
                      r"(?:(?:limit\s+|buy\s+|sell\s+|entry\s+)?orders?|limits?|entr(?:y|ies)|bids?|buys?|size|position|[óo]rden(?:es)?|ordem|"
                      r"ordens|заявк\w*|ордер\w*|лимитк\w*|emr\w*|emir\w*)(?!\w)|挂单|订单|注文|주문))")
PARTIAL_CANCEL_RE = re.compile(
    rf"{_CANCEL_VERB}{_CLAUSE_LEAD}(?:{_CLAUSE_SHARE_WORD}|{_CLAUSE_SHARE_PCT}){_CANCEL_SHARE_TAIL}|"
    rf"(?:{_CLAUSE_SHARE_WORD}|{_CLAUSE_SHARE_PCT})[ \t]+(?:of[ \t]+)?(?:(?:the|our|your)[ \t]+)?(?:[#$]?[a-z][a-z0-9]{{1,14}}[ \t]+)?"
    r"(?:(?:limit[ \t]+|buy[ \t]+|entry[ \t]+)?orders?|limits?|entr(?:y|ies)|bids?)[ \t]+(?:(?:is|was|are|were|has[ \t]+been|got|now)[ \t]+){0,2}"
    r"cancel\w*")
_CANCEL_NEAR = (rf"{_CANCEL_VERB}(?:\W+\w+){{0,2}}?\W*{_ORDER_WORD}|"
                rf"{_ORDER_WORD}(?:\W+[#$]?\w+){{0,2}}?\W*{_CANCEL_VERB}")
_CLOSE_ALL = rf"{_CLOSE_VERB}(?:\W+\w+){{0,2}}?\W*{_ALL_WORD}|{_ALL_WORD}(?:\W+\w+){{0,3}}?\W*{_CLOSE_VERB}"
# ("│ CUT │ 1.779 │", "Cut 1.779" as a row of a card): the word and a price alone on its line are the stop's row — a
# level of the call, no order to cut the trade ("Cut 50%", "Cut at 1.779 now" are not such rows)
_CUT_ROW_NOT = r"(?![ \t]*[:=|]?[ \t]*\$?\d[\d.,]*[ \t]*(?:\||$))"
# ("cut it close on #BTC, stop is tight", "we're cutting it fine"): the idiom for a narrow margin, no exit
# ("cut it out with the FUD", "cut that out"): the idiom for "stop doing that", no exit
_CUT_IDIOM_NOT = (r"(?!\s+(?:it|things)\s+(?:(?:very|really|pretty|a\s+bit|too)\s+)?(?:close|fine)(?!\w))"
                  r"(?!\s+(?:it|that|this|the\s+\w+)\s+out(?!\w))")
# English ways to end a trade without the word "close" ("Cut the #DOGE position", "Get out of #ARB now").
# ("cut TP4", "we're cutting the last target", "cutting leverage to 5x"): one order or setting of the trade dropped, it runs on
_NOT_THE_WHOLE = (r"(?!\s+(?:the\s+|our\s+|your\s+|one\s+)?(?:last\s+|final\s+)?(?:tps?|targets?|take[\s-]*profits?|leverage|lev|dca|"
                  r"entry\s+order|rung)(?:\s*\d)?(?!\w))")
# ("take half off", "kill a third", "cut 2/3 here"): a share of the position — a partial close, read as one
_NO_SHARE = rf"(?!\s+{_SHARE_NAMED}(?!\w))"
# ("Kill it $DOGE army", "Cut it #SHIB fud spreaders"): a cheer or a jab at a coin's crowd, no exit
_CHEER_NOT = (r"(?!\s+(?:it\s+)?[#$]?[a-z0-9]{2,15}\s+(?:army|fam|family|gang|holders|community|fud\w*|haters|nation|squad|"
              r"maxis?|bulls|bears|lovers|believers)(?!\w))")
_OTHER_EXITS = (r"^(?:please\s+|pls\s+|now\s+)?(?:(?:taking|take)" + _NO_SHARE + r"\s+\S+\s+off|"
                # ("take the other half off", "taking the last third off here"): what was left, all of it
                r"(?:taking|take)\s+(?:the\s+)?(?:last|other|remaining|final|rest)(?:\s+\S+){0,2}?\s+off|cut(?:ting)?" + _CUT_IDIOM_NOT + _CUT_ROW_NOT + _NOT_THE_WHOLE
                + _NO_SHARE + _CHEER_NOT + r"|kill(?:ing)?" + _NO_SHARE + _CHEER_NOT + r"|flatten\w*|dump|bail\s+(?:on|out\s+of)|get\s+out\s+of|"
                r"stopped(?:\s+out)?)(?!\w)(?!\s+(?:loss|losses)(?!\w))|"
                r"(?:we'?re|we\s+are|i'?m|i\s+am|we'?ll|we\s+will|i'?ll)\s+(?:now\s+)?(?:closing|exiting|cutting|getting\s+out\s+of)(?!\w)"
                + _CUT_IDIOM_NOT + _NOT_THE_WHOLE + _NO_SHARE + r"|"
                r"(?<!\w)stopped(?=\s*(?:$|[.!,;]|at\s|on\s|in\s|for\s|with\s))|"
                # ("#LINK का ट्रेड अभी पूरा बंद करें": the trade, closed; Devanagari's vowel signs are no \w)
                r"(?:ट्रेड|पोजीशन|पोज़ीशन|पोजिशन)[\u0900-\u097f\s]{0,24}?बंद\s*(?:कर|हो)[\u0900-\u097f]*")

# (session 25) the author away, not out of a trade: "out for lunch", "out on holiday", "out for the weekend", "out with
# friends", "out in the city"
_AWAY_NOT = (r"(?!\s+(?:the\s+|this\s+|a\s+|my\s+|some\s+)?(?:weekend|day|night|evening|holidays?|vacation|trip|lunch|dinner|"
             r"breakfast|coffee|drinks?|walk|run|gym|today|tonight|bit|while|few|friends|family|kids|wife|city|town|office|"
             r"sick|flu|leave)(?!\w))")
# ("I'm out of ideas", "we're out of patience", "out of breath", "out of the loop"): no trade left
_OUT_OF_NOT_A_TRADE = (r"(?!\s+(?:the\s+)?(?:range|office|time|stock|luck|control|breath|order|nowhere|context|box|loop|"
                       r"ideas|patience|money|cash|funds|margin|reach|season|words|energy|space|battery|coffee|here|"
                       r"my\s+(?:mind|league|depth)|country|town|touch)(?!\w))")
# "Zarar Durdur tetiklendi", "cắt lỗ đã kích hoạt", "se activó el stop loss", "تم ضرب وقف الخسارة", "Stop-Loss wurde
# ausgelöst": the stop-loss word of a language and a "triggered / hit" verb, in either order, with only an auxiliary or
# an article between (never a comma: "TP1 hit, SL to entry" is no stop-out)
_STOP_TRIGGERED = (r"(?:(?<!\w)(?:tetiklendi|[çc]al[ıi][şs]t[ıi]|kesildi|kích\s+ho[ạa]t|ausgel[öo]st|getroffen|atingido|acionado|ativado|"
                   r"activado|alcanzado|tocado|ejecutado|d[ée]clench[ée]|atteint|preso|pris|genommen|colpito|scattato|toccato|"
                   r"сработал\w*|terpicu|tersentuh|zadzia[łl]a[łl]|تفعل|فعال\s+شد|خورد|"
                   # ("stop loss touché", "le stop a sauté", "stop patladı")
                   r"touch[ée]e?|(?:a\s+)?saut[ée]|patlad[ıi]|спрацюва\w*|wybit[ya]?|"
                   # pl "SL złapany", "stop trafiony" (the stop caught, hit; session 27, heldout27)
                   r"z[łl]apan[ya]?|trafion[ya]?)(?!\w)|(?:'?[ae]|'?ye)?\s*tak[ıi]ld[ıi]|"
                   r"触发(?![价位点后时前条])|打到|被打|나갔\w*|나왔\w*|당했\w*|され(?:まし)?た|に?かか(?:りました|った|る)|ヒット)")
_STOP_TRIGGER_FIRST = (r"(?:(?<!\w)(?:se\s+)?(?:activ[óo]|salt[óo]|toc[óo]|dispar[óo]|acionou|bateu\s+n[oa]|tocou|bateu|"
                       # ("preso lo stop loss", "bị quét SL": the stop taken, swept)
                       r"pres[oa]|(?:b[ịi]\s+)?qu[ée]t|(?:nos\s+|me\s+)?sac[óo]|z[łl]apa[łl]\w*|спрацюва\w*|сработал\w*|"
                       r"(?:đã\s+)?(?:dính|dinh|chạm)|(?:ter)?kena|تم\s+(?:ضرب|تفعيل)|ضرب(?:ت|نا|وا)?))")
_AUXILIARY = (r"(?:\s*(?:'?[ae]|'?ye)?\s+(?:was|has\s+been|got|is|wurde|ist|đã|bị|sudah|foi|fue|ha\s+sido|[èe]\s+stato|a\s+[ée]t[ée]|ayant\s+[ée]t[ée]|"
              r"تم|已经?|been|была?|было|zosta[łl][ao]?)){0,2}\s*")
# "ausgestoppt", "stoppé", "stoppati", "стопнуло", "ушли по стопу", "wybici na stopie", "stop olduk", "BE hit", "被止损",
# "ロスカットされました", "โดน SL", "स्टॉप लॉस हिट हो गया": stopped out, in one word or a fixed phrase of a language
_STOPPED_OUT_STEMS = (r"cắt l|cat l|cut|kena cl|손절|ausgestoppt|gestopt|stop\s+out|got\s+hit|stopp|стопн|стопан|по\s+стоп|wybi|stop'?u?\s+old|be\s+(?:sl\s+|stop\s+)?(?:was\s+|got\s+)?(?:hit|trig)|"
                      r"even\s+(?:sl\s+|stop\s+)?(?:was\s+|got\s+)?(?:hit|trig)|被止损|止损被|ロスカット|โดน|ชน|ตัดขาดทุน|हिट|लग|"
                      r"(?:entry|even|be|безубытке|бу|входе)(?:\s+price)?\)?\s+(?:was\s+|got\s+|has\s+been\s+)?(?:hit|trig|сработ)")
# ("Invalid: 7.35", "invalid below 7.35", "Setup invalid if 4H closes under 7.35"): the word heading a price or a condition is
# the call's invalidation level (a stop label), not the news that the call was invalidated ("Setup invalid ❌")
_INVALID_ROW_NOT = r"(?![ \t]*[:=<>][ \t]*\$?\d|\s+(?:if|below|under|above|over|on|when|at)\s)"
_STOPPED_OUT_WORDS = (
    # ("TP1 hit SL to entry — got stopped later", "SL to TP1 and it got hit": the moved stop then hit)
    r"(?<!\w)(?:got\s+stopped(?:\s+out)?|(?:and|then)\s+(?:it\s+|that\s+)?got\s+hit|ausgestoppt|na-?stop\s+out|stopp[ée](?:e|s|es)?|stoppat[oiae]|стопнул\w*|стопанул\w*|"
    r"(?:ушли|уш[её]л|вышли|выбило|вибило|вибили|выбили)\s+по\s+стоп\w*|wybi\w*\s+(?:na\s+|z\s+|przez\s+)?(?:sl|stop\w*)|"
    r"stop(?:u|'u)?\s+old(?:u|uk|um)|(?:be|breakeven|break[\s-]*even)\s+(?:sl\s+|stop\s+)?(?:was\s+|got\s+)?(?:hit|triggered))(?!\w)|"
    # nl "DOGE long gestopt op 0,1528", "uitgestopt ❌" (stopped out; "gestopt" alone is also "quit" — "gestopt met
    # traden" — so only ending its clause or before the price it stopped at)
    r"(?<!\w)(?:uitgestopt|gestopt(?=\s*(?:$|[.!,;]|(?:op|bij|rond)\s+\$?\d|uit(?!\w))))(?!\w)|"
    r"被止损|止损被打|ロスカット\s*(?:され|になり|した)|(?:โดน|ชน)\s*(?:sl|stop|สต็อป|สตอป|(?:จุด)?ตัดขาดทุน)|"
    # ("SOL ตัดขาดทุนแล้ว ❌": the loss cut — the word is also the stop's label, so only with "already"/"done" after it)
    r"ตัดขาดทุน(?:ไป)?(?:แล้ว|เรียบร้อย)|"
    # vi "Kèo BTC short cắt lỗ 😞 -25%", "đã cắt lỗ", "bị cắt lỗ", "cắt lỗ rồi" (the loss cut): "cắt lỗ" is also the stop's
    # label ("Cắt lỗ: 95000", "cắt lỗ 95000", "Cắt lỗ -3%" heading a card's line), so only done ("đã", "bị", "rồi", "xong")
    # or after the trade's words on its line and followed by nothing but a signed loss — never a label's colon, a price or
    # a condition after it
    r"(?:(?:đã|da|bị|bi)\s+)c[ắa]t\s+l[ỗo](?!\w)(?![^\w\n]*[:=：])|c[ắa]t\s+l[ỗo]\s+(?:r[ồo]i|xong)(?!\w)|"
    r"(?<=[^\W\d_][ \t])c[ắa]t\s+l[ỗo](?=[^\w\n:=：+\-−]*[\-−]\s*\d+(?:[.,]\d+)?\s*%)|"
    # id/ms/en "udah cut loss", "kena CL", "BTC short cut loss -25%" (the same: "Cut loss: 95000" is the stop's label); ko
    # "손절했습니다", "손절 당했네요" (the loss cut, done — "손절가", "손절하면", "손절하세요" are a label, a condition, an order)
    r"(?<!\w)(?:udah|sudah|dah|already|kena|terkena|terpaksa)\s+(?:cut[\s-]*loss|cl)(?!\w)(?![^\w\n]*[:=：])|"
    r"(?<!\w)cut[\s-]*loss\s+(?:done|sudah|udah|dah)(?!\w)|"
    r"(?<=[^\W\d_][ \t])cut[\s-]*loss(?=[^\w\n:=：+\-−]*[\-−]\s*\d+(?:[.,]\d+)?\s*%)|"
    r"손절\s*(?:했|하였|됐|되었|당했|당하)|"
    r"(?:स्टॉप(?:\s*लॉस)?|sl|stop\s*loss)\s*(?:हिट|लग)\s*(?:हो\s*)?(?:गया|गई|गए)|"
    # ("#BTC SL at entry was hit", "stop loss at entry price triggered", "SL (entry) hit", "стоп в безубытке сработал"): the
    # stop, where it stood, then the hit — the trade stopped out at breakeven, not a move of the stop
    rf"{_STOP_WORD}\s*\(?\s*(?:(?:at|@|in|on|в|на)\s+)?(?:the\s+)?(?:entry(?:\s+price)?|breakeven|break[\s-]*even|be|"
    r"безубытке|бу|входе|точке\s+входа)\s*\)?\s+(?:was\s+|got\s+|has\s+been\s+|just\s+)?"
    r"(?:hit|triggered|taken|touched|сработал\w*)(?!\w)")
# "#LINK anulada", "скасовуємо угоду", "лимитку снимаем, неактуально", "Order löschen", "ملغاة", "此单作废",
# "このシグナルはキャンセルです", "注文取り消し", "सिग्नल कैंसिल", "ยกเลิกสัญญาณ": the call or its order withdrawn
_CANCEL_STEMS = r"anul|[șşs]terg|скасов|відмін|отмен|снима|сняли|снимем|знімає|зняли|знімем|убира|убрали|прибира|прибрали|неактуал|l[öo]sch|ملغ|作废|キャンセル|取り?消し|कैंसिल|रद्द|ยกเลิก"
_CANCEL_WORDS = (
    r"(?<!\w)(?:anulad[oa]s?|anulamos|"
    # ro "Anulăm semnalul pe #KAS", "semnalul este anulat", "tranzacția anulată" (the signal, the trade cancelled)
    r"anul(?:[ăa]m|a[țţt]i|ez)\s+(?:semnalul|tranzac[țţt]ia|pozi[țţt]ia|setup-ul)|"
    # pl "anulujemy sygnał", "anuluję transakcję", "sygnał anulowany" (the signal, the trade cancelled)
    r"anuluj\w*\s+(?:ten\s+|nasz\s+)?(?:sygna[łl]\w*|transakcj\w*|setup\w*|zagranie)|(?:sygna[łl]|setup|transakcja)\s+(?:jest\s+|zosta[łl]\s+)?anulowan[ya]|"
    r"(?:semnalul|tranzac[țţt]ia|setup-ul)\s+(?:este\s+|a\s+fost\s+)?anulat[ăa]?|"
    # (session 27, heldout27) ro "🚫 ANULAT: semnalul pe #JUP …", pl "ANULOWANY: #JUP", it "ANNULLATO — #JUP" (the word
    # heading the post, before a colon, a dash or the coin), ro "Ștergeți ordinele" (delete the orders)
    r"^[^\w\n]*(?:anulat[ăa]?|anulowan[yae]|annullat[oa])(?=[ \t]*[:—–-]|[ \t]+[#$]\w|[^\w\n]*$)|"
    r"[șş]terge(?:[țţ]i|m)\s+(?:toate\s+)?ordinele(?:\s+(?:limit[ăa]|de\s+intrare))?|(?:скасов\w*|отмен\w*)\s+(?:\w+\s+)?(?:угод\w*|сделк\w*|сигнал\w*)|"
    r"(?:угод\w*|сделк\w*|сигнал\w*)\s+(?:\w+\s+)?(?:скасов\w*|отмен\w*)|"
    r"(?:лимитк\w*|ордер\w*|заявк\w*)\s+(?:\S+\s+){0,2}?(?:снима\w*|сняли|снимем|убира\w*|убрали)|"
    r"(?:снима\w*|сняли|снимем|убира\w*|убрали)\s+(?:\S+\s+){0,2}?(?:лимитк\w*|ордер\w*|заявк\w*)|"
    # uk "лімітки знімаємо", "знімаємо ордери", "прибрали заявки" (the resting orders taken off), "❌ Відміна по #NEAR"
    # (the call called off: at a line's start, before the coin or the call's word)
    r"(?:лімітк\w*|ліміт\w*|ордер\w*|заявк\w*)\s+(?:\S+\s+){0,2}?(?:знімає\w*|зняли|знімемо|прибира\w*|прибрали)|"
    r"(?:знімає\w*|зняли|знімемо|прибира\w*|прибрали)\s+(?:\S+\s+){0,2}?(?:лімітк\w*|ліміт\w*|ордер\w*|заявк\w*)|"
    r"^[^\w\n]*відмін[аи](?=\s+(?:по\s+|на\s+)?[#$]\w|\s+(?:угод\w*|сигнал\w*|сетап\w*)|[^\w\n]*$)|"
    r"(?:уже\s+)?неактуал(?:ьно|ен|ьна)|(?:order|auftrag)\s+(?:\w+\s+)?(?:l[öo]schen|gel[öo]scht|stornieren)|"
    r"l[öo]sch\w*\s+(?:die\s+|den\s+)?(?:order|auftrag)|ملغا[ةه]|ملغي|ملغى)(?!\w)|"
    r"作废|(?:シグナル|注文|エントリー|オーダー)\s*(?:は|を)?\s*(?:キャンセル|取り?消し)|取り?消し|(?:सिग्नल\s*)?(?:कैंसिल|रद्द)|ยกเลิก")
# ("#SOL TP2 hit SL to entry", "TP1 kena SL ke entry": a target hit, then the stop moved — no stop-out)
_NOT_MOVED_ON = (r"(?!(?:[ \t-]*loss)?[ \t]*(?:(?:mov\w*|shift\w*|rais\w*|trail\w*)(?!\w)|"
                 # (the word "to", "ke", "về" … alone is no move: "hit SL to the penny", "kena SL ke bawah" — a place follows)
                 r"(?:to|->|=>|>|→|➡️?|ke|v[ềe]|sang|naar|auf|para|na|на|a|al)[ \t]*(?:la[ \t]+|the[ \t]+|punto[ \t]+de[ \t]+|o[ \t]+)?"
                 r"(?:entry|entrada|einstieg|entr[ée]e|be|bep|breakeven|break[\s-]*even|b/e|tp[ \t]*\d|cost|modal|"
                 r"(?:(?:first|second|third|fourth|\d(?:st|nd|rd|th))[ \t]+)?(?:tp|target)|"
                 r"harga[ \t]+masuk|h[òo]a[ \t]+v[ốo]n|gi[áa][ \t]+v[àa]o|безубыт\w*|бу|вход\w*|\$?[1-9]|0[.,]\d)(?!\w)|"
                 r"в\s+бу(?!\w)))")
# ("TP1 hit SL 14.5", "target 2 kena SL …": the hit verb right after a target's number is the target's)
# ("near TP1 hit SL ❌", "almost TP1 then hit SL": the target was missed — the stop is what hit)
_TARGETS_HIT = (r"(?:(?<=near\stp\d\s)|(?<=almost\stp\d\s)|"
                r"(?<!tp\d\s)(?<!tp\s\d\s)(?<!tp\d\d\s)(?<!target\s\d\s)(?<!target\d\s)(?<!\d[snrt][tdh]\starget\s)"
                # ("TP2 bhi hit", "TP2 also hit", "TP2 de hit": a particle between the target and its verb)
                r"(?<!tp\d\sbhi\s)(?<!tp\d\salso\s)(?<!tp\d\stoo\s)(?<!tp\d\sde\s)(?<!tp\d\sda\s))")
# Session 24 (status24a): the stop, the coin it is of and the price it stood at, then said hit ("🔴 Стоп по #BTC на 61 200
# сработал", "#BTC stop at 61 200 hit", "SL de #ETH en 3.120 tocado", "Stop bei #SOL auf 142 ausgelöst"): a stop-out at that
# price (on one line; not "SL 61200, TP1 hit" — a comma or a target between is another clause)
_STOP_PRICE_THEN_TRIGGER = (rf"{_STOP_WORD}(?:[ \t]+(?:по|for|on|of|de|di|del|do|da|bei|für|на)[ \t]+[#$]?[a-z][a-z0-9]{{1,14}}(?:/usdt)?)?"
                            r"[ \t]*:?[ \t]*(?:(?:на|по|at|@|en|em|a|à|auf|bei|di|da|a[ \t]+quota)[ \t]*)?\$?(?:\d{1,3}(?:[ \t\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)"
                            rf"{_AUXILIARY}(?:{_STOP_TRIGGERED}|(?<!\w)(?:hit|triggered|touched)(?!\w))"
                            r"(?!\s+(?:rate|ratio|%|count)(?!\w))(?![ \t]*\?)")
_STOP_THEN_TRIGGER = (rf"(?:{_STOP_WORD}|{_STOP_WORD_TR}){_AUXILIARY}{_STOP_TRIGGERED}(?!\s+(?:rate|ratio|%|count)(?!\w))|"
                      rf"{_STOP_TRIGGER_FIRST}\s+(?:(?:el|the|our|my|o|a|le|la|il|lo)\s+)?{_STOP_WORD}{_NOT_MOVED_ON}|"
                      + _STOP_PRICE_THEN_TRIGGER + "|"
                      # (session 24, status24b) ja/zh the stop's level between the stop word and the verb: "損切り 0.6420 に
                      # ヒット", "損切りライン(0.6420)にかかりました", "止损 1.745 被打", "止损1.745已触发" (not "止损 1.745 触发后…")
                      r"(?:损切り?|止损)(?:ライン|线|位)?\s*[(（]?\s*\$?\d[\d.,]*\s*[)）]?\s*(?:已\s*|也\s*)?"
                      r"(?:に\s*ヒット|ヒット|に\s*かか(?:りました|った)|被打(?:掉|了)?|打到了|触发了?(?![价位点后时前条]))")

# pt/es "Saindo de tudo agora", "saímos de tudo", "salimos de todo" (out of everything: every position closed)
_OUT_OF_EVERYTHING = (r"(?<!\w)(?:sa[ií](?:ndo|mos|r|am|ia)|salimos|saliendo|salir|salgan|salgamos)\s+de\s+(?:tud[oa]|tod[oa]s?)"
                      r"(?:\s+(?:as\s+|las\s+)?(?:posi[çc][õo]es|posiciones|opera[çc][õo]es|operaciones))?(?!\w)"
                      # ("saindo de tudo que é memecoin", "salir de todo lo que …": what is left is named after it)
                      r"(?!\s+(?:que|o\s+que|lo\s+que|isso|eso)(?!\w))")

# az "Mövqe bağlandı" (the position closed), sk "pozíciu zatvárame celú" / cs "zavíráme pozici" (we close the position),
# da/no/sv "LUK ALT", "lukk posisjonen", "stäng allt" (close everything / the position) — not a part: "zatvárame
# polovicu", "luk halvdelen" (half) keep the rest
_MORE_CLOSE_STEMS = r"ba[ğg]land|zatv[áa]r|zav[íi]r|luk|stäng|steng|ёп|yop"
_MORE_CLOSE_WORDS = (
    r"(?<!\w)(?:(?:m[öo]vqe|pozisiya|[əe]m[əe]liyyat|siqnal|treyd)\s+(?:tam\s+|tamamil[əe]\s+)?ba[ğg]land[ıi]|"
    r"(?:poz[íi]ci[ua]|obchod)\s+(?:\S+\s+)?(?:zatv[áa]rame|zav[íi]r[áa]me)|"
    r"(?:zatv[áa]rame|zav[íi]r[áa]me)\s+(?:cel[úu]\s+|celou\s+)?(?:poz[íi]ci[ua]?|obchod)|"
    r"(?:luk|lukk|stäng|steng)\s+(?:alt|allt|alle|positionen|posisjonen|handlen|handelen|traden)|"
    # uz "барча позицияни ёпдик" (we closed the whole position), "савдо ёпилди", "pozitsiyani to'liq yopdik", "барчасини
    # ёпдик" (we closed all of it) — no share between ("позициянинг ярмини ёпдик" closes half)
    r"(?:(?:(?:барча|бутун|ҳамма|хамма|barcha|butun|hamma)\s+)?(?:позиция\w*|савдо\w*|битим\w*|pozitsiya\w*|savdo\w*|bitim\w*)\s+"
    r"(?:(?:тўлиқ|тулиқ|to['ʻ’]?liq)\s+)?|(?:барчасини|ҳаммасини|хаммасини|barchasini|hammasini)\s+)"
    r"(?:ёпдик|ёпдим|ёпилди|ёпамиз|ёпинг|yopdik|yopdim|yopildi|yopamiz|yoping))(?!\w)"
    r"(?!\s+(?:\S+\s+)?(?:polovic\w*|časť|čiastočne|část|částečně|halvdelen|halvparten|hälften|halvt|delvis|\d+\s*%))")
# Phrases that end a trade; only trusted at the start of a post (after its coin tag) or as a clear status sentence.
# Session 22 (money52): see its pair in _CLOSE_PATTERN
_SESSION22_CALL_WORD = (r"(?:signal|call|setup|trade|idea|plan|se[ñn]al|se[ñn]ales|operaci[óo]n|sinal|ideia|opera[çc][ãa]o|"
                        r"segnale|operazione|sinyal|ide|posisi)")
_SESSION22_CALL_WITHDRAWN = (
    r"(?<!\w)(?<!not\s)(?<!n't\s)(?:(?:we(?:'re|\s+are)|i'?m|i\s+am)\s+)?cancell?ing\s+(?:the|this|that|our|today'?s)\s+"
    + _SESSION22_CALL_WORD + r"(?!\w)|"
    r"(?<!\w)(?<!no\s)(?:se|si)\s+(?:cancela|anula|annulla)\s+(?:la|el|esta|este|esa|ese|il|lo|questo|questa|a|o)\s+"
    + _SESSION22_CALL_WORD + r"(?!\w)|"
    r"(?<!\w)(?:cancelando|anulando|annullando)\s+(?:la|el|esta|este|o|a|este|il|questo|questa)\s+" + _SESSION22_CALL_WORD + r"(?!\w)|"
    r"(?<!\w)(?:setup|signal|sinyal|trade|call|ide|posisi)\s+(?:(?:kita|kami|ini|itu|nya)\s+){0,2}"
    r"(?:di)?(?:cancel|batal)(?:kan)?(?!\w)(?!\s+(?:kalau|jika|kalo|bila|if|kalau|apabila|ga|gak|nggak|tidak|enggak)(?!\w))")


_CLOSE_PATTERN = _Gated(
    # ("#ETH jetzt schließen", "#ETH अभी बंद करो", "ETH'yi hemen kapatın": the coin, "now", then the verb — the coin is
    # taken off the line first)
    # ("we close #BTC long here": the channel saying what it does now)
    # (Session 23, status23: de puts the infinitive last — "Sofort zum Marktpreis schließen: unseren Short bei APT!",
    # "Jetzt zu Markt schließen", "wir schließen den APT-Short": the market price or "we" before the verb)
    r"^(?:please\s+|pls\s+|now\s+|let'?s\s+|we\s+(?:now\s+|also\s+)?|wir\s+(?:jetzt\s+|sofort\s+)?|"
    r"(?:(?:jetzt|sofort|bitte)\s+)?(?:zum|zu)\s+(?:aktuellen\s+)?markt(?:preis)?\s+|jetzt\s+|sofort\s+|bitte\s+|hemen\s+|"
    # (session 27, money27: tr "şimdi piyasa fiyatından kapatıyoruz", "hemen piyasadan kapatın" — now, at the market price)
    r"(?:(?:şimdi|hemen)\s+)?piyasa(?:dan|\s+fiyat[ıi]ndan)\s+|şimdi\s+|"
    r"(?:को\s+)?(?:अभी|तुरंत)\s+|को\s+)?"
    r"(?:बंद\s*(?:करो|करें|करे|कर\s*(?:दो|दें|लो|लें)|करिए|कीजिए)|"
    # (session 27, money27: "Close 3 moves from 3,640 to 3,600, Close 1 & 2 unchanged", "Exit 2 stays": a target
    # labelled "Close 1"/"Exit 2" by its index — no close; "close 1/3", "close 50%", "close 3600" still close)
    r"close(?!\s*[1-6](?![\d/%x]|[.,]\d))|closing|"
    # (session 27, money27: "LINK: dumping the whole position at market here", "dumped the entire bag at market" — the
    # whole position sold off; "LINK dumping hard" names no position)
    r"dump(?:ing|ed)?\s+(?:the\s+|our\s+|my\s+|this\s+)?(?:whole|entire|full|complete)\s+(?:position|bag|trade)|"
    r"exit(?!\s*[1-6](?![\d/%x]|[.,]\d))(?!\s+(?:orders?|ladders?|plan|levels?|targets?|points?|zones?)(?!\w))|exiting|cancel|закрыть|закрываем|закрываю|отмена|отменяем|"
    r"kapat(?!ma|m[ıi]yor)\w*|iptal|cerrar|cerramos|cerrando|cancelar|cancelamos|fechar|fechamos|fechando|chiudendo|sair|tutup|đóng\s+lệnh|dong\s+lenh|"
    # (session 24, status24b: the plural imperative heading the line — pt "FECHEM #LINK AGORA", es "Cierren #SOL ya", it
    # "Chiudete #ETH", pl "Zamknijcie #BTC", de "Schließt #ADA")
    r"fechem|cierren|chiudete|zamknijcie|schlie(?:ß|ss)t|"
    r"إغلاق|اغلاق|取消|平仓|schlie(?:ß|ss)en|fermer|fermez|cl[ôo]turer|cl[ôo]turez|chiudere|chiudi|chiudiamo|"
    r"zamknij|zamykamy|zamknąć|annulez|annulons|annuler|on\s+annule|nous\s+annulons|annulliamo|annullate|annullare|annulla|"
    # ("on annule le signal", "annulliamo il segnale", "anulamos la señal", "cancelem a ordem")
    r"anulamos|anulem(?:os)?|cancelem(?:os)?|закриваємо|закриваю|закрийте|закрий|закройте|закрой|закрити|скасування|batalkan|batal|hủy|huỷ|决済|キャンセル|"
    r"κλείστε|κλείνουμε|κλείσιμο|[îi]nchidem|[îi]nchide[țţt]i|[îi]nchide|sluiten|sluit|zav[řr][ií]t|zav[řr]ete|"
    # (th "ปิดเลย" close now, "ปิดทั้งหมด" close all: Thai writes no space before the word after the verb)
    r"uzav[řr]ete|funga|fungeni|isara|isasara|סגרו|לסגור|ปิด(?:เลย|ทั้งหมด|สถานะ)?|کنسل|"
    # "#DOGE la cerramos en entrada", "la chiudiamo", "On coupe #KAVA au prix d'entrée", "on sort de la position"
    r"(?:la|lo|las|los)\s+(?:cerramos|cerr[ée]|cierro|chiudiamo|chiudo)|on\s+(?:coupe|ferme|cl[ôo]ture|sort\s+de)|coupons|coupez|"
    r"sortons\s+de|sortez\s+de|(?:take|taking|book|booking|secure|securing)\s+(?:all|full|the\s+full|100\s*%)\s+(?:the\s+)?(?:profits?|gains?)|"
    r"(?:take|book|secure)\s+(?:the\s+|your\s+)?profits?\s+(?:and|&)\s+(?:close|exit))(?!\w)"
    # ("Supertrend BUY on SOLUSDT 1h — close 142.3": a candle's close price, as in _CLOSE_NEAR)
    r"(?!\s+\$?\d+[.,]\d)"
    + _MARKET_MOVE + r"|"
    # "#NEAR در نقطه ورود کلوز کنید" (close it at the entry), "#AAVE رو بستیم" (we closed it)
    r"کلوز\s*(?:کنید|کن|کردیم|شد|می\s*کنیم)|(?<!\w)(?:بستیم|بستم)(?!\w)|"
    r"(?:iptal|kapat[ıi]ld[ıi]|ditutup|stop\s+oldu[km]?|stop\s+(?:atingido|acionado)|"
    r"(?:sl|stop)\s+(?:alcanzad[oa]|salt[óo]|ejecutado|activado|ativado|acionado|ausgel[öo]st|d[ée]clench[ée]|scattato|zadzia[łl]a[łl]|"
    r"tocad[oa]|touch[ée]|atteint|colpito|preso|tocou|pris|genommen)|保本(?:出局|离场|出了|出场)|"
    # "#OP entry not triggered, ignore this signal": the call is withdrawn
    # ("Ignore the last bot message (WIF #AV-0419) ❌", "ignore our last alert"; "#NEAR signal is void", "call voided")
    r"(?<!n't\s)(?<!not\s)ignore\s+(?:this|the|that|previous|the\s+previous)\s+(?:signal|call|setup|trade|post)|"
    # (session 26, bots26: the call named by its number — "ignore Signal #1311 DOGE, it's cancelled", "disregard call
    # 214", "ignoren la señal #88", "игнорируйте сигнал №12")
    r"(?<!n't\s)(?<!not\s)(?<!don't\s)(?:ignore|disregard|ignoren|ignorem|ignorez|ignorate|ignoriert|игнорируйте|abaikan)\s+"
    r"(?:the\s+|la\s+|el\s+|o\s+|le\s+|il\s+|das\s+)?(?:signal|call|setup|trade|se[ñn]al|sinal|segnale|сигнал|sinyal)\s*"
    r"(?:#|№|no\.?\s*|n[ºo°]\s*)\s*\d{1,6}(?![\d.,])"
    # (a copy of the call withdrawn — "ignore signal #214, it was sent twice", "duplicate", "the first one stays valid" —
    # leaves the call itself running)
    r"(?![^\n]{0,80}?(?:duplicat\w*|dup(?!\w)|twice|double[\s-]?post\w*|(?:posted|sent)\s+again|repeat\w*|"
    r"still\s+(?:valid|open|active|running|on)|(?:original|first)\s+(?:one\s+)?(?:stands|is\s+valid|stays)|"
    r"duplicad\w*|дубл\w*|повтор\w*))|"
    # (the last post withdrawn — not a status notice disowned while the trade runs: "ignore the last 'SL hit' alert,
    # still holding")
    r"(?<!n't\s)(?<!not\s)ignore\s+(?:the\s+|our\s+|my\s+)?last\s+(?:bot\s+|bot's\s+|notice\s+)?"
    r"(?:signal|call|setup|trade|post|message|alert)(?!s?\s+(?:about|regarding|on\s+(?:the\s+)?market|re\b))"
    r"(?![^\n]*?(?:still\s+(?:holding|open|running|in|valid|active)|(?:we\s+are|we'?re)\s+(?:still\s+)?holding))|"
    r"(?:signal|call|trade|setup|alert)\s+(?:is|was|has\s+been)\s+(?:now\s+)?(?:void(?:ed)?|null\s+and\s+void)(?!\w)|"
    r"(?:signal|call|alert)\s+voided|"
    # (session 26, threads26) ("condition failed → AAVE call void, nothing to enter", "setup void."): the call void, its
    # clause ending there — no verb written
    r"(?<!if\s)(?<!when\s)(?:signal|call|trade|setup|idea)\s+(?:now\s+)?void(?=\s*(?:$|[,.;!]|\s[—–-]\s))|" + _TARGETS_HIT + r"(?:dính|dinh|kena|hit)\s+(?:sl|stop|henti\s+rugi)(?!\w)" + _NOT_MOVED_ON + r"|ضرب\s+وقف|ضرب\s+(?:ال)?ستوب|stop(?:a|'a)?\s+tak[ıi]ld[ıi]|止损离场|"
    r"전량\s*(?:익절|청산|정리|손절)|청산\s*완료|sell\s+(?:your|all|the|our|my)\s+|"
    # ("Sell all your $PENDLE bags now", "#PENDLE sell all now ✅"): all of the held coin sold, now (not "sell all at TP3",
    # "sell all targets": a plan for later)
    r"sell\s+all\s+(?:of\s+)?(?:your|the|our|my)\s+|"
    r"sell\s+all(?=\s+(?:now|here|asap|immediately|right\s+now|at\s+(?:market|cmp))(?!\w)|\s*(?:[.!,;✅💰]|$))|"
    # (session 23: "Sell all LINK now", "sell all of our AVAX here": all of the coin named right after, sold now)
    r"sell\s+all\s+(?:of\s+)?(?:(?:your|the|our|my)\s+)?[#$]?[a-z][a-z0-9]{1,11}"
    r"(?=\s+(?:now|here|asap|immediately|right\s+now|at\s+(?:market|cmp))(?!\w))|"
    # ("BAG FULLY SOLD", "sold the whole bag", "position fully sold at 0.0000121"; "VIP spots sold out" sells no coin)
    # (not "first bag sold": one part of it, the rest runs)
    r"(?<!first\s)(?<!second\s)(?<!third\s)(?<!\dst\s)(?<!\dnd\s)(?<!\drd\s)(?<!\dth\s)"
    r"(?:bag|position|holdings?|everything)\s+(?:is\s+|was\s+|now\s+)?(?:fully\s+|completely\s+|all\s+)?sold(?!\w)(?!\s+out)|"
    # ("sold the whole spot bag", "sold my entire #BOME position": one word of which market or coin between; "sold all my
    # #BOME", "sold all at 0.00905": all of it — not "sold all targets' worth", "sold all-time highs")
    r"(?<!\w)(?:fully|completely)\s+sold(?!\w)(?!\s+out)|sold\s+(?:the\s+|our\s+|my\s+)?(?:whole|entire|full|remaining)\s+"
    r"(?:[#$]?[^\W\d_]\w{0,14}\s+)?(?:bag|position|holding)|sold\s+(?:everything|it\s+all|them\s+all)(?!\w)|"
    r"sold\s+all\s+(?:of\s+)?(?:my|our)(?=\s+(?!\d|profits?|gains?|money|cash|funds?)\S)|"
    # ("sold all at 0.00905", "sold the rest of the bag at 0.00905", "vendí todo", "alles verkauft", "продал всё")
    r"sold\s+(?:all|(?:the\s+)?rest(?:\s+of\s+(?:the|my|our)\s+(?:bag|position|holding)s?)?)"
    r"(?=\s*(?:$|[.,!:;)]|\s-|(?:at|here|now|into|@|too)(?!\w)))|"
    r"(?<!\w)(?:vend[íi]|vendimos|vendemos|vendido|venduto)\s+(?:tod[oa]s?|tudo|tutto)(?!\w)|"
    r"(?<!\w)(?:tudo|todo|tutto)\s+(?:vendid[oa]|vendut[oa])|(?<!\w)alles\s+verkauft|(?<!\w)verkauf(?:e|en|t)\s+alles|(?<!\w)tout\s+vendu|"
    # the whole bag sold, in more languages: id/ms "jual semua di 8,70 ✅", "sudah jual semuanya", "semua sudah dijual", vi
    # "đã bán hết", "bán toàn bộ ở 8.70 ✅", tr "hepsini sattık", zh "已全部卖出", ko "전량 매도 완료", hi "sab bech diya" —
    # done (a past form, or a tick after it); "jual semua di TP3", "bán hết khi chạm TP3" sell at a target later: no close
    r"(?<!\w)(?:(?:sudah|udah|dah|telah)\s+(?:kami\s+|kita\s+)?(?:jual|dijual|menjual)\s+semua(?:nya)?|"
    r"semua(?:nya)?\s+(?:sudah\s+|udah\s+|telah\s+)?(?:dijual|terjual)|"
    r"(?:đã\s+|da\s+)b[áa]n\s+(?:h[ếe]t|to[àa]n\s+b[ộo])|"
    r"(?:hepsini|t[üu]m[üu]n[üu]|tamam[ıi]n[ıi])\s+(?:\S+\s+)?satt[ıi][kmn]\w*|"
    r"(?:sab|saara|sabhi)\s+bech\s+(?:diya|diye|di|dia))(?!\w)|"
    r"(?<!\w)(?:(?:kita|kami)\s+)?(?:jual|menjual)\s+semua(?:nya)?(?=(?:\s+(?:di|pada|@)\s*\$?\d[\d.,]*)?\s+done(?!\w))|"
    r"(?<!\w)b[áa]n\s+(?:h[ếe]t|to[àa]n\s+b[ộo])(?=(?:\s+(?:ở|o|t[ạa]i|@)\s*\$?\d[\d.,]*)?\s+done(?!\w))|"
    r"(?<![后时就再])已?全部(?:卖出|卖掉|卖完)(?:了|完成)?(?![^\n]{0,6}(?:后|时|就|再))|전량\s*매도\s*(?:했습니다|완료|했어요|함)|"
    # ("TP2 kena, kita cukupkan di sini", "TP2 hit, we stop here", "TP2 alcanzado, lo dejamos aquí", "TP2 到达，到此为止"): a
    # target reached, then the trade ended there — only right after the target on its line ("we stop here for today"
    # alone is the channel's day)
    r"(?:tp|target|take[\s-]*profit|hedef|m[ụu]c\s+ti[êe]u|目标|止盈)\s*\d{1,2}[^\n]{0,30}?"
    r"(?:kita\s+(?:cukupkan|sudahi|akhiri)|cukup\s+sampai\s+(?:di\s+)?sini|we\s+(?:stop|end\s+it|call\s+it)\s+here|"
    r"(?:lo\s+)?dejamos\s+(?:aqu[íi]|ac[áa])|paramos\s+por\s+aqui|encerramos\s+por\s+aqui|d[ừu]ng\s+(?:t[ạa]i|[ởo])\s+[đd][âa]y|"
    r"burada\s+(?:bitiriyoruz|kapat[ıi]yoruz|b[ıi]rak[ıi]yoruz)|на\s+этом\s+(?:вс[её]|закрываем|заканчиваем)|到此为止|就到这里)|"
    r"(?<!\w)(?:продал[аи]?|продали)\s+(?:вс[её]|целиком|полностью)|(?<!\w)вс[её]\s+продал[аи]?|"
    # "#ARB 청산하세요" (close it), "#DOT رو ببندید" (close DOT), "#XLM 损切りになりました" (stopped out), "sol stopado" (pt:
    # stopped out)
    r"청산\s*(?:하세요|해\s*주세요|합니다|했습니다|하겠습니다)|"
    # ko "남은 물량 전량 정리합니다" (all the remaining size closed), "전량 익절했습니다", "나머지 물량 청산할게요" (the rest
    # closed) — the whole of what is left, with the verb's ending glued on
    r"(?:(?:남은|나머지|전체|보유)\s*물량\s*(?:을|를|은|는|도)?\s*(?:전량\s*)?|전량\s*)(?:익절|청산|정리|손절)\s*"
    r"(?:하세요|해\s*주세요|합니다|했습니다|하겠습니다|할게요|했어요|해요|완료)|(?<!\w)(?:ببندید|ببندین|می\s*بندیم|میبندیم)(?!\w)|"
    r"损切り\s*(?:に\s*)?(?:なりました|されました|完了|确定|しました)|(?<!\w)(?:stopad[oa]s?|stopou|stopamos|stopeado)(?!\w)|"
    # ("Out of #SOL", "out of the trade"; "Out of office until Monday", "#BTC: out of range" are no exit)
    # (session 25: "out of half", "out of 30%", "7 out of 10" are a share or a count — read as a part, or no exit)
    r"out\s+of(?!\s+(?:the\s+)?(?:range|office|time|stock|luck|control|breath|order|nowhere|context|the\s+box|"
    r"this\s+world|reach|season|money|ideas|patience|half|(?:a|one)\s+(?:third|quarter|half)|two\s+thirds)(?!\w)|\s+\d[\d.,]*(?![\d.,]*[a-z]))|(?:استاپ|حد\s+ضرر)\s+خورد|(?:(?:打到|打了|触及|碰到|吃到)\s*)?止损(?:出局|触发(?![价位点后时前条])|已触发|离场|了)(?:了|啦)?|(?:打到|触及|碰到|吃到)\s*止损(?:了|啦)|平仓|стоп\s+выбил\w*|выбил\w*\s+(?:по\s+)?стоп\w*|全?决済(?:しました|完了)|全利确\w*|利确で终了\w*|"
    r"손절\s*(?:처리\w*|완료|됨)|종료|stop\s+target(?:\s*\d{1,2})?\s*(?:hit|❌|⛔|🛑)|(?:stop[\s-]*ziel\w*\s+(?:erreicht|getroffen)|стоп[\s-]*цел\w*\s+(?:достигнут\w*|сработал\w*)|alvo\s+de\s+stop\s+atingido|objectif\s+(?:de\s+)?stop\s+atteint|obiettivo\s+(?:di\s+)?stop\s+raggiunto|stop\s+hedefi(?:ne)?\s+(?:ula[şs][ıi]ld[ıi]|vuruldu))(?!\s*(?:не(?!\w)|nicht|quasi|presque|casi|quase|почти|neredeyse|fast(?!\w)|m[ıi](?!\w)|\?))|(?<!سي)تم\s+(?:ال)?(?:إغلاق|اغلاق|إلغاء|الغاء)|(?:بسته|لغو)\s+شد|"
    r"(?:إلغاء|الغاء)\s+(?:ال)?(?:صفقة|اشارة|إشارة|توصية)|"
    # ar "اخرجوا من صفقة #LINK", eg/lev "اطلعوا من الصفقة", "خرجنا من #LINK" (get out of the trade, we got out of it)
    r"(?<!\w)[وف]?(?:[اإ]خرجوا|[اإ]طلعوا|خرجنا|طلعنا)\s+(?:من|م)\s+(?:(?:ال)?(?:صفق[ةه]|مركز|توصي[ةه])|[#$]\w+)|"
    # "#KAS limit order removed ❌ price ran away" (a stop order removed is no cancel of the trade)
    r"limit\s+(?:buy\s+|sell\s+)?orders?\s+(?:was\s+|has\s+been\s+|got\s+)?(?:removed|pulled|deleted|withdrawn)|"
    r"(?:removed|pulled|deleted|withdrew)\s+(?:the\s+|our\s+)?limit\s+(?:buy\s+|sell\s+)?orders?|"
    # (session 23: a bot's "ENTRY NOT FILLED, ORDER REMOVED", "entry never filled - order deleted": the unfilled entry's
    # order taken off — the call ends before it began, as a cancel does)
    # (one later rung's — "2nd entry not filled, order removed", "entry 2 …" — is no cancel of the call)
    r"(?<!\d(?:st|nd|rd|th)\s)(?<!second\s)(?<!third\s)(?<!fourth\s)(?<!last\s)(?<!next\s)(?<!dca\s)(?<!other\s)(?<!later\s)"
    r"entry(?!\s*#?\d)\s+(?:was\s+|is\s+|got\s+)?(?:not|never)\s+(?:filled|triggered)\W+(?:the\s+|its\s+)?(?:entry\s+|limit\s+)?orders?\s+"
    r"(?:was\s+|has\s+been\s+|got\s+)?(?:removed|pulled|deleted|withdrawn)|"
    # ("IMX — pull all bids, price never came down", "bids pulled on #FET"): the resting buy orders taken off
    + _PULLED_BIDS + r"|"
    r"(?:positionen?|trades?|alles)\s+(?:\w+\s+){0,2}schlie(?:ß|ss)en)(?!\w)|"
    # ("#XRP lawsuit closed", "presale round closed": something else than a trade)
    r"(?:closed(?<!lawsuit\sclosed)(?<!case\sclosed)(?<!poll\sclosed)(?<!giveaway\sclosed)(?<!presale\sclosed)"
    r"(?<!sale\sclosed)(?<!round\sclosed)(?<!registration\sclosed)(?<!window\sclosed)(?<!gap\sclosed)(?<!market\sclosed)"
    r"(?<!exchange\sclosed)|cancel+ed|stopped\s+out|exited|invalidated|kapand[ıi]|закрыт\w*|отмен[её]н\w*|(?:отменяем|отменили)(?!\s+(?:\w+\s+)?(?:ордер\w*|лимит\w*|вход\w*|заявк\w*|тейк\w*|стоп\w*|\d))|cerrad\w*|cerr[óo]|"
    # nl "geannuleerd" (cancelled), ur "ٹریڈ بند کر دی گئی" (the trade was closed); a bare "closed" word of these languages
    # ("Ons kantoor is gesloten") says nothing of a trade
    r"geannuleerd|annullerad|(?:ٹریڈ|پوزیشن|سودا)\s+(?:(?:مکمل\s+طور\s+پر|پوری\s+طرح(?:\s+سے)?|مکمل|ساری|پوری)\s+)?"
    r"بند\s+(?:کر\s+)?(?:دی|دیا|ہو)\s+(?:گئی|گیا)|"
    # "SL #ORDI dính rồi", "stop $ARB hit": the stop word, the coin, then the verb
    r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:(?:bei|für|for|on|на|по|de|di|en|del|do|da|su)\s+)?[#$]\w+(?:/\w+)?\s+(?:(?:was|has\s+been|got|đã|sudah|udah|wurde)\s+)?"
    r"(?:dính|dinh|kena|hit|triggered|taken|touched|ausgel[öo]st|getroffen|сработал|alcanzad[oa]|atingid[oa]|acionad[oa]|d[ée]clench[ée]|scattat[oa])|"
    r"cancelad\w*|fechad\w*|encerrad\w*|geschlossen|storniert|fermée?s?|cl[ôo]turée?s?|annulée?s?|"
    # (session 24, status24b: fr "#DOT short soldé au marché à 4,06" — the position settled, closed out; not the noun
    # "les soldes", sales)
    r"sold(?:é|ée|és|ées|ee|ees)(?!\w)|"
    r"chius[oaie]|annullat[oaie]|zamkni[eę]t\w*|anulowan\w*|закрит\w*|скасован\w*|dibatalkan|决済済み|"
    r"έκλεισε|έκλεισαν|κλειστό|[îi]nchis[aă]?|"
    # ("#SEI gesloten op break-even", "positie volledig gesloten", "trade gesloten": the coin or the trade closed — "Ons
    # kantoor is gesloten, #BTC blijft sterk" is an office)
    r"(?:^|(?:trade|positie|posities|handel|order|signaal|deal)\s+(?:is\s+|werd\s+|wordt\s+|zijn\s+)?(?:volledig\s+|helemaal\s+)?|"
    r"hebben\s+(?:de\s+)?[#$]\w+(?:\s+\w+)?\s+)gesloten|"
    # sv/da/no/fi/hu/hr the same way ("Stängt. +6 % på #HBAR", "#SOL lukket i plus", "Traden är stängd på #ETH"): heading
    # its line before a result or the coin, after the coin, or after the trade's word — "Stängt för helgen", "Lukket
    # gruppe", "Lezárva a regisztráció!", "Handeln stängd idag" are the week, a group, a sign-up, the market; "stängt
    # delvis" is a part
    r"(?:^\W*(?![^\n]*rest\w*\s+(?:är\s+|er\s+)?(?:öppen|öppna|åpen|åpne|kör|løper|auki|nyitva|otvoren))"
    r"(?![^\n]*[#$]\w+[ \t]+[1-9]\d?[ \t]*%)(?=(?:stängd|stängt|avslutad|avslutat|lukket|suljettu|lez[áa]rva|zatvoren[oa]?)[.!:,]?[ \t]*(?:[+\-−][ \t]*\d|[#$]\w|"
    r"(?:i|med|på|u|s|na)[ \t]+(?:plus|minus|vinst|förlust|gevinst|tap|profit\w*|gubitk\w*)|voitolla|tappiolla|"
    r"profittal|nyeres[ée]ggel|vesztes[ée]ggel))|"
    r"[#$]\w+\s+(?:är\s+|er\s+|on\s+|je\s+)?|(?:traden|trade|position(?:en)?|posisjon(?:en)?|positio|pozíció|pozicija|"
    r"signal(?:en)?)\s+(?:är\s+|er\s+|ble\s+|blev\s+|on\s+|je\s+|lett\s+)?(?:helt\s+|nyt\s+|teljesen\s+)?)"
    r"(?:stängd|stängt|stängda|avslutad|avslutat|lukket|lukkede|suljettu|suljettiin|lez[áa]rva|lez[áa]rt|zatvoren[oa]?)"
    r"(?!\s+(?:delvis\w*|osittain|puoliksi|r[ée]szben|f[ée]lig|djelomi\w*|napola|halvt|till\s+h[äa]lften|til\s+halvdelen|"
    r"för|for|za|i\s+dag|idag))|"
    r"uzav[řr]en\w*|imefungwa|נסגר\w*|বন্ধ|ปิดแล้ว|"
    # bn/hi "ট্রেড ক্লোজ", "ट्रेड क्लोज" (the trade closed, in the borrowed English word)
    r"(?:ট্রেড|পজিশন|ट्रेड|पोजीशन|पोज़ीशन)\s*(?:ক্লোজ|क्लोज़?)(?![^\n.!,]{0,20}(?:না|मत|नहीं))|"
    # (session 26, asia26) hi "पोज़िशन बंद, बधाई हो!", "ट्रेड बंद हो गया" (the position closed: the noun, then "closed" ending
    # its clause or told as done — not "ट्रेड बंद न करें", "बंद करने का समय नहीं")
    r"(?:ट्रेड|पो(?:ज\u093c|\u095b|ज)(?:\u0940|\u093f)शन)\s*बंद(?=\s*(?:[,.!।|]|$)|\s+(?:हो\s+(?:गया|गई|गए)|कर\s+(?:दिया|दी|दिए)))|"
    r"закрыл\w*|закрили|kapatt[ıi]\w*|cerr[ée]|fechei|fechamos|zamkn[ęe]li\w*|encerrando|encerramos|"
    # pt "Encerrem a operação de #SOL agora" (close it, to the readers); vi "Cắt lệnh #TIA toàn bộ" (cut the position)
    r"(?:encerrem|encerre(?=\s+a\s+opera)|c[ắa]t\s+l[ệe]nh)(?![^\n]{0,25}?(?:m[ộo]t\s+n[ửu]a|metade|(?<![\d.,])\d{1,2}\s*%|[1-3]\s*/\s*[2-4]))|"
    # ko "익절 마감" (closed in profit), "수동 종료" (closed by hand), "진입 취소" (entry cancelled); hi "प्रॉफिट में बंद"
    r"익절\s*마감\w*|수동\s*(?:종료|청산|마감)\w*|진입\s*취소\w*|(?:प्रॉफिट|लॉस|नुकसान|फायदे)\s+में\s+बंद|"
    # zh "挂单未成交，取消该单" (the order did not fill: cancel it)
    r"(?:挂单|订单|限价单)\s*未成交\s*[,，]?\s*(?:取消|撤)|"
    # he "מבטלים את העסקה" (we cancel the trade), ur "پینڈنگ آرڈرز کینسل کر دیں" (cancel the pending orders), tl "Na-stop
    # out tayo" (we got stopped out)
    r"(?:מבטלים|ביטלנו)\s+(?:את\s+)?ה?(?:עסקה|סיגנל|איתות|פוזיציה)|(?:آرڈر\w*|ٹریڈ|سگنل)\s+(?:\S+\s+)?کینسل\s+کر\s+(?:دیں|دو|دیا)|"
    # ur "#INJ کی ٹریڈ ابھی market پر close کر دیں" (close the trade now at market): the trade, a few words, the verb told
    r"(?:ٹریڈ|پوزیشن|سودا)\s+(?:\S+\s+){0,3}?(?:close|بند)\s+کر\s+(?:دیں|دو)(?!\w)|"
    r"na-?stop\s+out|"
    r"کنسل\s+شد|بسته\s+شد|(?<!سي)تم\s+(?:ال)?(?:إغلاق|اغلاق|إلغاء|الغاء)\w*|invalidated|invalid" + _INVALID_ROW_NOT + r"|вышли|выходим|вышел|[أا]غلقنا|(?:позиці\w*|угод\w*)\s+(?:повністю\s+|цілком\s+)?(?:закриваємо|закрито|закрита|закрили)|(?:закриваємо|закрили)\s+(?:\w+\s+)?(?:позиці\w*|угод\w*)|(?:повністю|цілком)\s+(?:закриваємо|закрили|закрито)|stop+ed\s+out|cancle\w*|"
    r"ch[ốo]t\s+(?:h[ếe]t|to[àa]n\s+b[ộo])|out\s+of\s+everything|" + _OUT_OF_EVERYTHING + r"|(?:everything|all\s+positions)\s+off\s+the\s+table|"
    # "#SOL manual close +6%", "#SOL trade ended", "Abort #SOL", "#SOL: out"
    r"manual(?:ly)?\s+clos\w*|(?:trade|position)\s+(?:has\s+)?(?:ended|finished|is\s+over)|^abort|^out(?=\W*$)|"
    # (session 27, cards27: "final sell level hit, bag is empty. Trade done, +24.1%", "position complete"): the trade said
    # done as a whole, or its bag emptied
    r"(?:trade|position)\s+(?:is\s+)?(?:done|complete)(?=\s*(?:[,.;!✅]|$))|bag\s+is\s+(?:now\s+)?empty|"
    # ("#APT out 7.76, small L", "$ARB: out at 0.81"): after the coin heading the line, "out" and the price it left at
    r"^out[ \t]+(?:at[ \t]+|@[ \t]*|~[ \t]*|around[ \t]+)?\$?\d+(?:[.,]\d+)*(?![.,]?\d)"
    r"(?![ \t]*(?:%|/\d|(?:h|hr|hrs|m|min|mins|d|w|x|k|am|pm|days?|weeks?|hours?|candles?|times)(?![a-z])))|"
    # "סגרנו את העסקה ברווח" (we closed the trade), "Operação finalizada sem perdas" (trade finished)
    r"סגרנו|סגרתי|"
    # he "סוגרים את העסקה עכשיו" (we are closing the trade now), "יוצאים מהעסקה" (we exit the trade)
    r"(?:סוגרים|סוגר|סגור)\s+(?:את\s+)?ה?(?:עסקה|עסקאות|פוזיציה|פוזיציות|טרייד|איתות)|יוצאים\s+מה?(?:עסקה|פוזיציה|טרייד)|"
    r"(?:opera[çc][ãa]o|posi[çc][ãa]o|operaci[óo]n|posici[óo]n)\s+(?:foi\s+)?(?:finalizad[ao]|encerrad[ao])|"
    # "Wyjście z #SOL …, koniec pozycji": exit from / end of the position
    r"end\s+of\s+(?:the\s+)?position|koniec\s+pozycji|"
    r"fin\s+de\s+(?:la\s+)?posici[óo]n|fim\s+da\s+posi[çc][ãa]o|fin\s+de\s+(?:la\s+)?position|ende\s+der\s+position|"
    # (only with the coin's tag right after: "salida de rango" is market talk)
    r"(?:exit\s+from|wyj[śs]cie\s+z|salida\s+de|sa[íi]da\s+de|sortie\s+de|uscita\s+da|ausstieg\s+aus|выход\s+из)"
    r"(?=\s+[#$]\w))(?!\w)"
    + _MARKET_MOVE + r"|"
    r"(?:sl|stop(?:[\s-]*loss)?|stoploss|henti\s+rugi)\s+(?:was\s+|has\s+been\s+|already\s+|just\s+|got\s+|don\s+){0,2}(?:hit|triggered|reached|touched|taken|kena|dính|dinh|"
    r"geraakt|atins|zasa[žz]en|imegongwa|נפגע|χτυπήθηκε|হিট)(?!\s+(?:rate|ratio|%|count|streak|percentage)(?!\w))|"
    r"(?<!almost\s)(?<!nearly\s)(?<!barely\s)" + _TARGETS_HIT + r"hit\s+(?:the\s+|our\s+|my\s+)?(?:\d{1,2}(?:[.,]\d)?\s*%\s+)?(?:sl|stop(?:[\s-]*loss)?)(?!\w)" + _NOT_MOVED_ON + r"|стоп\s+сработал|выбил\w*\s+по\s+стопу|"
    r"(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+)?out\s+of(?!\w)" + _AWAY_NOT + _OUT_OF_NOT_A_TRADE + r"|(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+)?flat(?!\w)|"
    # (session 27, day27) "flat" right after a clause that ends the levels ("both targets tagged, flat now", "TP2 hit,
    # now flat", "scalp done, flat"): no position left — not a "flat stop" (the stop at entry)
    r"(?:(?<=hit,\s)|(?<=hit\s)|(?<=tagged,\s)|(?<=done,\s)|(?<=reached,\s)|(?<=smashed,\s)|(?<=filled,\s)|(?<=booked,\s))"
    r"(?:and\s+)?(?:now\s+)?flat(?:\s+now)?(?!\w)(?!\s+(?:stop|sl|on|at)(?!\w))|"
    # "#LDO — we're out at breakeven", "I'm out here +3%": out, with where or when
    # (session 25, casualstatus25: not "I'm out for lunch", "we're out for the weekend", "I'm out on holiday" — the author
    # away, no exit; "im out 💰💰", "done, I'm out." — out, ending its clause: the trade left)
    r"(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+|fully\s+|all\s+)?out\s+(?:at|here|now|with|in|for|on)(?!\w)" + _AWAY_NOT + r"|"
    r"(?<!while\s)(?<!when\s)(?<!if\s)(?<!until\s)(?<!till\s)(?<!because\s)(?<!since\s)(?<!once\s)"
    r"(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+|fully\s+|all\s+|completely\s+|officially\s+)?out"
    r"(?=[ \t]*(?:$|[.!,;:)\u2705]|[+\-\u2212][ \t]*\d|[^\w\s.,;:!?'\"()\[\]/\\&@#$%*=<>-]|done(?!\w)))|"
    # (the same in de/es/pt/fr/it/tr/id/vi: "ich bin raus", "estoy fuera", "tô fora", "je suis sorti", "sono uscito",
    # "pozisyondan çıktım", "aku sudah keluar", "tôi đã thoát lệnh" — not "estoy fuera de casa", "keluar rumah")
    r"(?<!\w)(?:ich\s+bin|wir\s+sind|bin)\s+(?:jetzt\s+|komplett\s+|ganz\s+)?raus(?!\w)|"
    r"(?<!\w)(?:ya\s+)?(?:estoy|estamos)\s+(?:ya\s+)?fuera(?!\s+de(?!\s+[#$]))(?!\w)|(?<!\w)(?:t[ôo]|estou|estamos)\s+(?:j[áa]\s+)?fora(?!\s+d[aeo](?!\s+[#$]))(?!\w)|"
    r"(?<!\w)(?:je\s+suis|on\s+est|nous\s+sommes)\s+(?:d[ée]j[àa]\s+)?sortie?s?(?!\w)(?!\s+(?:du\s+bureau|de\s+la\s+maison|ce\s+soir))|"
    r"(?<!\w)(?:sono|siamo)\s+(?:gi[àa]\s+)?(?:uscit[oaie]|fuori)(?!\w)(?!\s+(?:casa|ufficio|citt[àa]|a\s+cena))|"
    r"(?<!\w)(?:pozisyondan|i[şs]lemden)\s+[çc][ıi]kt[ıi](?:m|k)(?!\w)|"
    r"(?<!\w)(?:aku|saya|gw|gue|kami|kita)\s+(?:sudah\s+|udah\s+|dah\s+)?keluar(?!\w)(?!\s+(?:rumah|kota|kantor|dulu|sebentar))|"
    r"(?<!\w)(?:t[ôo]i|m[ìi]nh|em)\s+(?:[đd][ãa]\s+)?tho[áa]t\s+(?:l[ệe]nh|k[èe]o|v[ịi]\s+th[ếe])|t[üu]m\w*\s+(?:\w+\s+){0,2}kapat(?!ma|m[ıi]yor)\w*|"
    r"(?:fech\w*|cerr\w*|cierr\w*|закрыва\w*|закрой\w*|chiud\w*)\s+(?:\w+\s+)?(?:todas?|todos|tudo|все|всё|tutt[ei])(?!\w)|"
    r"wszystk\w*\s+(?:\w+\s+)?zamyka\w*|zamyka\w*\s+wszystk\w*|close\s+every(?:thing)?(?!\w)|"
    r"b[üu]t[üu]n\s+(?:\w+\s+){0,2}kapat(?!ma|m[ıi]yor)\w*|schlie(?:ß|ss)\w*\s+alle(?!\w)|ferm\w*\s+(?:toutes|tous)(?!\w)|"
    r"(?:все|всё)\s+(?:\w+\s+)?закрыва\w*|hepsini\s+(?:kapat(?!ma|m[ıi]yor)\w*|sat(?!ma|m[ıi]yor|[ıi]n(?!\w)|t[ıi][ğg]|an)\w*)|chiud\w*\s+tutt[oeia](?!\w)|"
    r"alles\s+(?:\w+\s+)?schlie(?:ß|ss)\w*|"
    # "#DOGE jetzt beim Einstieg komplett schließen": the whole position, closed
    r"(?:komplett|vollst[äa]ndig|ganz)\s+(?:schlie(?:ß|ss)\w*|zumachen|glattstellen|raus|ausgestiegen)(?!\w)|"
    # "Ich steige bei #ETH komplett aus", "wir steigen jetzt vollständig aus" (out of all of it: the separable verb), "Rest
    # bei 3.298 glattgestellt" (the rest closed at a price — the whole of what was left)
    r"(?:steig\w*|stieg\w*)\s+(?:(?:wir|ich|bei|in|jetzt|nun|hier|[#$]\w+)\s+){0,3}(?:komplett|vollst[äa]ndig|ganz)\s+aus(?!\w)|"
    r"(?<!\w)(?:den\s+|der\s+)?rest(?:position|bestand)?\s+(?:(?:bei|zu|um|@|auf)\s+\$?\d[\d.,]*\s+|(?:jetzt|nun|auch|ebenfalls)\s+)?"
    r"(?:glattgestellt|geschlossen|verkauft)(?!\w)|"
    r"schlie(?:ß|ss)\w*\s+(?:wir\s+|die\s+position\s+)?(?:jetzt\s+)?(?:komplett|vollst[äa]ndig)(?!\w)|"
    # ("… target 2 is close Position: $300": a field's label after the word)
    r"(?<!(?<!\w)is\s)(?<!are\s)(?<!(?<!\w)so\s)(?<!very\s)(?<!too\s)close\s+(?:all|everything|your|the|this|my|position|trade|it|them|now|here)(?!\w)(?!\s*:)"
    r"(?!\s+(?:week|month|year|day|candle|session|quarter)s?(?!\w))|"
    # (on one line: "NEW TRADE / Closed today: …" is a heading over a recap)
    r"(?:position|trade|signal|order)s?[ \t]+(?:is[ \t]+|was[ \t]+|has[ \t]+been[ \t]+)?(?:closed|cancel+ed)|"
    # ("Deal #88421907 (USDT_LINK) completed": 3Commas writes the pair in brackets)
    r"deals?\s+(?:#?\d+\s+)?(?:\(?[\w/]+\)?\s+)?(?:completed|finished)(?!\w)|"
    + _CLOSE_ALL + "|" + _CLOSE_NEAR + "|" + _CANCEL_NEAR + "|" + _OTHER_EXITS
    # ("SCALP #7 cancel ❌ — NEAR short …", "Signal #12 cancelled", "Call #3: closed"): the channel's numbered call heading a
    # line, withdrawn or ended — that call (its coin named in the post; with none, a close naming no coin is held apart)
    + r"|^[^\w\n]*(?:scalp|signal|call|setup|trade|swing|sinyal|se[ñn]al|sinal|semnal|signaal)[ \t]*#[ \t]*\d{1,4}[ \t]*"
    r"(?:[:—–-][ \t]*)?(?:(?:is|was|has[ \t]+been)[ \t]+)?(?:cancel(?:l?ed)?|closed|invalidated)(?!\w)"
    # (scripts without spaces between words: no word boundary after the verb)
    # "از #SOL خروج بزنید" (exit #SOL), "خارج شوید"
    + r"|خروج\s+(?:بزنید|بزن|کنید|کن|زدیم|گرفتیم)(?!\w)|خارج\s+(?:شوید|شید|شدیم)(?!\w)"
    # "#SOL 信号取消", "시그널 취소", "シグナルキャンセル": the signal withdrawn
    # "ポジションクローズ", "クローズしました", "全部利確しました", "取引終了" (ja: position closed, all profit taken, trade over)
    # "#SOL 建値撤退", "建値で决済", "#AVAX 본절 마감", "본절로 청산" (out at the entry price: the trade closed at breakeven)
    + r"|(?:建値|同値)\s*(?:で|にて)?\s*(?:撤退|决済|クローズ|手仕舞|逃げ|撤収|终了)|(?:본절|본전)\s*(?:로|으로|에)?\s*(?:마감|청산|정리|탈출|종료)"
    + r"|ポジション\s*クローズ|クローズしました|全部?利确(?:しました|完了)|全决済|取引终了|トレード终了"
    # hi-en "trade abhi market pe close kar do", "yeh trade cancel karo", "exit karein" (close / cancel it: the
    # borrowed verb, then the imperative of "kar" — "close mat karo", "close nahi karna" put a negation between)
    # (a cancel only of the trade or signal: "DCA 35.90 cancel kar do" is one rung)
    + r"|(?<!\w)(?:close|exit|(?:trade|signal|setup|call|position)\s+(?:ko\s+)?cancel)\s+"
    r"(?:kar\s*(?:do|dein|den|lo|lein|dijiye|diya|diye)|karo|karein|karen|kijiye)(?!\w)"
    # hi-en "scalp band karo", "trade band kar diya" (close it: "band" is "shut"), "0.1668 pe nikal gaye" (we got out at a
    # price), "14.90 pe poora close", "pura close ho gaya" (the whole of it closed, at a price or said done — "TP2 pe
    # poora close karenge" is the plan for later)
    + r"|(?<!\w)band\s+(?:kar\s*(?:do|dein|den|lo|lein|dijiye|diya|diye)|karo|karein|karen|kijiye|kiya|ho\s+gaya)(?!\w)"
    # (session 26, asia26) hi-en "isko abhi market pe bech do" (sell it — what is held — now at the market), "sab bech do",
    # "pura exit 🚪" (the whole of it out, ending its clause: "pura exit TP3 pe" is a plan); a bare "bech do" may be a short
    # call and stays unread
    + r"|(?<!\w)(?:isko|isse|ise|ye|yeh|sab|saara|sara|sabhi|poora|pura)\s+(?:(?:abhi|turant|market|cmp|pe|par|se)\s+){0,4}"
    r"bech\s+(?:do|dein|den|dijiye|de)(?!\w)"
    + r"|(?<!\w)(?:poora|pura|poori|puri)\s+exit(?:\s+(?:karo|kar\s*(?:do|lo|diya)|ho\s+gaya))?(?=\s*(?:$|[^\w\s]))"
    + r"|(?<![\w.,])\$?\d[\d.,]*\s+(?:pe|par|pr|@)\s+(?:(?:poora|pura|poori|puri)\s+(?:position\s+|trade\s+)?close"
    r"(?!\s+(?:kar(?:enge|na|ne)|hoga|ho\s+jayega))|nikal\s+(?:gaye|gaya|gye|gya|aaye|aye|liye))(?!\w)"
    + r"|(?<!\w)(?:poora|pura|poori|puri)\s+(?:position\s+|trade\s+)?close\s+(?:ho\s+gaya|kar\s*diya|kiya|done)(?!\w)"
    # hi-en "trade khatam" (the trade is over — "aaj ka kaam khatam" is the day's work); tl "sarado na ✅", "isinara na namin"
    # (closed already — "hindi pa sarado" is not yet); pcm "we don close am", "we don comot" (we have closed it, got out —
    # "we don sell small" is a part)
    + r"|(?<!\w)(?:trade|position|scalp|signal)\s+(?:ab\s+)?khatam(?!\w)"
    + r"|(?<!hindi\s)(?<!hindi\spa\s)(?<!\w)(?:sarado|isinara|sinara|naisara)\s+na(?!\w)"
    + r"|(?<!\w)(?:we|i|dem)\s+don\s+(?:close|comot|exit)(?:\s+(?:am|everything|the\s+(?:trade|position)))?(?!\w)"
    r"(?!\s+(?:small|half|some|part|\d))"
    + r"|信号\s*已?取消|讯号\s*已?取消|取消信号|시그널\s*취소|신호\s*취소|シグナル\s*キャンセル"
    # bn "সিগন্যাল বাতিল" (the signal cancelled); cs/sk "Zrušeno ❌ #ATOM", "signál zrušen" (cancelled)
    # ("এটা বাতিল করুন", "এই ট্রেডটি বাতিল করে দিন": cancel this one — the trade replied to)
    + r"|(?:এটা|এটি|এই\s*(?:ট্রেড|সিগন্যাল|সিগনাল)\s*(?:টি|টা)?)\s*বাতিল\s*(?:করুন|করে\s*দিন|করলাম|করছি)"
    + r"|(?:সিগন্যাল|সিগনাল|ট্রেড)\s*(?:টি\s*)?বাতিল|(?:sign[áa]l|obchod|pozice|vstup)\s+(?:je\s+|byl\s+|byla\s+|bol\s+)?zru[šs]en[ýyoa]?(?!\w)"
    + r"|^[^\w\n]*zru[šs]eno(?=[^\w\n]*(?:[#$]?[a-z0-9]{2,12}(?:/?usdt)?(?:\s+(?:long|short))?[^\w\n]*)?$)"
    # "#ADA 获利了结 全部出场" (profit taken, out of all of it), "#SUI 全部止盈出局" (all taken in profit, out)
    + r"|取消挂单|撤单|取消订单|주문\s*취소|平仓|平掉|清仓|离场|决済|全部出场|获利了结|止盈出场|止盈出局|全部止盈"
    # "剩余仓位保本止损出场" (the remaining position out at the breakeven stop), "本单结束" (this trade is over)
    # (not a plan for the rest: "剩余仓位等TP2再出场" waits for TP2, "跌破2.0就出场" for a break; "本单结束后" is after it ends)
    + r"|(?:剩余|剩下的?)\s*(?:仓位|部分)\s*[^\n，,。等待再就跌破突若如果到时后前]{0,8}?(?:出场|出局)(?!后|之后|以后|时)"
    r"|(?:本|此|该|这)单\s*(?:已\s*|已经\s*)?(?:结束|完结)(?!后|之后|以后|时|前)",
    (_TRIGGERED_STEMS, _STOP_THEN_TRIGGER),
    (_STOPPED_OUT_STEMS, _STOPPED_OUT_WORDS),
    (_CANCEL_STEMS, _CANCEL_WORDS),
    # "⌛ ИСТЁК (48ч) — DOTUSDT", "#SOL signal expired" (at a line's start or after a call word: "futures expired" is
    # none); "ARKMUSDT - 看涨跟踪结束", "#SOL tracking ended": the call's time ran out, or its follow-up is over
    (r"expir|ист[её]к|s[üu]resi|abgelaufen|scadut|h[ếe]t\s+h[ạa]n|kedaluwarsa|منتهي|منقضی|过期|만료|期限切れ|tracking|monitoring|[跟追][踪踪]",
     # ("#3109 INJUSDT LONG › EXPIRED › not reached within 24h": a cell of a bot's one-line follow-up, not an "if")
     (r"(?:^[^\w\n]*|[›»•|][ \t]*(?=expired(?![ \t]*(?:if|when|unless|after|in|on|at)(?!\w)))|"
     r"(?:signal|call|setup|trade|order|entry|limit|сигнал|сделка|ордер|señal|sinal|sinyal|i[şs]lem)\s+(?:has\s+|is\s+|was\s+)?)(?:expired|ист[её]к(?:ла|ло)?|s[üu]resi\s+doldu|expirad[oa]|expir[ée]e?|abgelaufen|scadut[oa]|h[ếe]t\s+h[ạa]n|kedaluwarsa|منتهي|منقضی\s+شد)(?!\w)|已?过期|已?过期|만료됨?|期限切れ|(?<!\w)(?:tracking|monitoring)\s+(?:has\s+)?(?:ended|finished|stopped|closed)(?=\s*(?:$|[^\w\s]))|[跟追]踪(?:已)?结束|[跟追]踪(?:已)?结束")),
    (_MORE_CLOSE_STEMS, _MORE_CLOSE_WORDS),
    # Session 22 (money52): the call withdrawn before it filled, said in the present — "Cancelling the signal", "we're
    # cancelling this setup", es "se cancela la idea", "se anula la señal", pt "cancelando o sinal", it "si annulla il
    # segnale", id "setup kita cancel", "sinyal dibatalkan", "trade ini batal" (the call's word first, then the verb)
    (r"cancel|anul|annull|batal", _SESSION22_CALL_WITHDRAWN),
    # "фиксируем прибыль полностью", "kapatıyoruz tamamen", "chốt toàn bộ": a take/close verb and "fully" — the whole position
    (_FULLY_STEMS, (rf"{_TAKE_VERB}(?:[ \t]+[^\s,.;!?]+){{0,2}}?[ \t]+(?:полностью|целиком|tamamen|completamente|totalmente|"
                   r"enti[èe]rement|komplett|vollst[äa]ndig|sepenuhnya|fully|completely|entirely|کامل|بالكامل)(?!\w)"
                   # ("#LINK'i ise tamamen kapatıyoruz", "полностью закрываем #LINK", "fully closing #LINK"): "fully" before
                   # the close verb, in the languages that put it so (a close verb only: "fully booked", "fully secured"
                   # are no close)
                   r"|(?<!\w)(?:полностью|целиком|tamamen|fully|completely|entirely)[ \t]+(?:[^\s,.;!?]+[ \t]+)?"
                   r"(?:clos(?:e|ed|ing)|exit(?:ed|ing)?|закр\w*|kapat(?!ma|m[ıi]yor|[ıi]rsa|aca[kğ])\w*)(?!\w)")),
    # vi "Lệnh đã đóng hoàn toàn", "kèo đóng toàn bộ", "đã đóng hết vị thế" (the order / the whole position closed): "đóng"
    # with "fully" or "all" after it — "đóng 50%", "đóng một nửa" close a part
    (r"đóng|dong", (r"(?<!\w)(?:(?:l[ệe]nh|k[èe]o|v[ịi]\s+th[ếe])\s+)?(?:đã\s+|da\s+)?(?:đ[óo]ng|dong)\s+"
                   r"(?:ho[àa]n\s+to[àa]n|to[àa]n\s+b[ộo]|h[ếe]t(?:\s+v[ịi]\s+th[ếe])?)(?!\w)")),
    flags=re.MULTILINE)


# ("the stop for SUI raised concerns in the chat", "moving stops raises questions"): a stop talked about, not moved
_RAISED_TALK = re.compile(r"(?<!\w)(?:rais|lower)(?:ed|es|ing)?\s+(?:(?:some|many|a\s+few|serious)\s+)?"
                          r"(?:concerns?|questions?|doubts?|eyebrows|issues?|worries|objections?|a\s+(?:question|concern|point))(?!\w)")


@functools.lru_cache(maxsize=256)
def update_action(lowered: str) -> UpdateAction | None:
    # (cached: one post asks of its status text several times, and every pattern is run when none matches)
    if "rais" in lowered or "lower" in lowered:
        lowered = _RAISED_TALK.sub(" ", lowered)
    for action, pattern in UPDATE_PATTERNS:
        if pattern.search(lowered):
            # ("#INJ: cancel only entry 2 — entry 1 is filled"): the fill is the report, the rung's cancel is the order
            if action == UpdateAction.ENTRY_FILLED and _PATTERN_BY_ACTION[UpdateAction.CANCEL_ENTRY].search(lowered) \
                    and not rung_cancel_denied(lowered):
                return _partial_cancel_or(UpdateAction.CANCEL_ENTRY, lowered)
            if action == UpdateAction.CANCEL_ENTRY:
                return _partial_cancel_or(action, lowered)
            return action
    return _partial_cancel_or(None, lowered)


def _partial_cancel_or(action: UpdateAction | None, lowered: str) -> UpdateAction | None:
    """(session 23, partial23) A share of the pending order cancelled ("Cancel half of the DOGE order", "ETH cancel 50%"):
    the rest of the order waits on — a note (OTHER), never the entries cancelled."""
    return UpdateAction.OTHER if PARTIAL_CANCEL_RE.search(lowered) is not None else action


_HOLDING_THE_REST_RE = re.compile(_HOLDING_THE_REST)


def only_the_rest_held(lowered: str) -> bool:
    """(session 22, status52) The post's one update word is the rest of the position said held ("holding the rest"):
    without it, no update is read."""
    return _HOLDING_THE_REST_RE.search(lowered) is not None and update_action(_HOLDING_THE_REST_RE.sub(" ", lowered)) is None


def fill_beside_rung_cancel(lowered: str) -> bool:
    """A fill reported beside one rung cancelled ("#NEAR: entry 2 (4.61) cancelled, entry 1 is filled — trade still on"):
    the running trade's ladder trimmed — restated levels beside it are the trade's, no fresh call."""
    return _PATTERN_BY_ACTION[UpdateAction.ENTRY_FILLED].search(lowered) is not None \
        and _PATTERN_BY_ACTION[UpdateAction.CANCEL_ENTRY].search(lowered) is not None


# ("Personally I closed mine early on #TIA — the channel call is still ON, hold yours", "I sold my own #SOL, the signal
# stays active, keep yours"): the writer's own exit, beside the channel's call said to go on — the call is held, no close
# ("I closed mine on #ATOM at 6.42, you do as you like" says no call goes on: a close)
_OWN_CLOSE = re.compile(r"(?<!\w)(?:personally\W+i|i\s+personally)(?!\w)[^.!?\n]{0,40}?(?:clos|exit|sold|sell|cut|out)|"
                        r"(?<!\w)(?:closed|exited|sold|cut)\s+(?:mine|my\s+own|my\s+personal)(?!\w)")
_CALL_KEPT = re.compile(r"(?<!\w)(?:call|signal|trade|setup)\s+(?:is\s+|stays\s+|remains\s+)?still\s+(?:on|live|active|open|running|valid)|"
                        r"(?<!\w)(?:call|signal|trade|setup)\s+(?:stays|remains)\s+(?:on|live|active|open|valid)|"
                        r"(?<!\w)(?:hold|keep)\s+yours(?!\w)")


def own_close_beside_the_call_kept(lowered: str) -> bool:
    """The writer's own exit told beside the channel's call said to go on ("Personally I closed mine early on #TIA — the
    channel call is still ON, hold yours"): the call is held, not closed."""
    return _OWN_CLOSE.search(lowered) is not None and _CALL_KEPT.search(lowered) is not None


def says_only_held(lowered: str) -> bool:
    """The post's only update is that the trade is still held ("#DOGE … Still holding for now"), no other change."""
    return _HOLDING_RE.search(lowered) is not None and update_action(_HOLDING_RE.sub(" ", lowered)) is None


# (session 27, money27: a Turkish case ending on the tag or the side, "#doge short'u şimdi … kapatıyoruz" — the short,
# accusative — is still the leading tag)
_LEADING_TAG = re.compile(r"^\s*[#$][\w/.]+(?:['’][a-zçğıöşü]{1,4})?(?:\s+(?:long|short)(?:['’][a-zçğıöşü]{1,4})?)?[\s,:-]*")


# A clause boundary: punctuation followed by a space (never the point inside a price).
# (and a colon: "Señal #318 INJ: stop alcanzado", "Kèo số 27 ARB: hủy" — the status follows the post's reference)
# (a question mark stays with its clause: "Many of you ask: close #SOL? Answer: hold" asks, it closes nothing)
_CLAUSE_BREAK = re.compile(r"[,;.!|，、،]\s*(?=\S)|(?<=[?？؟])\s*(?=\S)|:\s+(?=\S)")
# A command after a condition ("if it dips below 1.2, close") is not an instruction to act now.
# ("SE CIERRA TODO EN EL MOMENTO EN EL QUE TOCA EL SL O TP3": a standing rule — everything closes when a level is
# touched — not a command now)
_WHEN_PHRASES = (r"cuando|quando|quand|lorsque|d[èe]s\s+que|sobald|sodass|kiedy|как\s+только|когда|"
                 r"en\s+el\s+momento\s+(?:en\s+)?(?:el\s+)?(?:que|qué)|no\s+momento\s+(?:em\s+)?que|au\s+moment\s+o[ùu]")
# (Turkish puts "if" in the verb: "0.590 altı gelirse" — if it comes below 0.590)
_TR_CONDITIONAL = (r"gelirse|gelmezse|olursa|olmazsa|d[üu][şs]erse|k[ıi]rarsa|inerse|[çc][ıi]karsa|kapat[ıi]rsa|"
                   r"g[öo]r[üu]rse|kaybederse|ula[şs][ıi]rsa|y[üu]kselirse|tutarsa|kapan[ıi]rsa")
# ("SL to TP1 after it hits TP2", "… after the next target", "… after we get TP2", "… on next TP", "после второго тейка",
# "SL to 155 on the 4H close", "… in 2 hours"): a move for later
# (only what is said after the move, and in the present: "SL moved to TP1 after it hit TP2" and "TP1 hit in 2 hours ✅ SL to
# BE" report what happened)
# (said before the move too: "after it hits TP2, move SL to TP1", "после второго тейка переносим стоп")
_LATER_ANYWHERE = (r"after\s+(?:it|price|we|that)\s+(?:hits|gets?|reaches|touches|tags)|"
                   # ("after we hit TP2 we close everything": what we do then; "after we hit TP1, SL is now at entry" is done)
                   r"after\s+we\s+(?:hit|reach)\s+(?:tp|target)\s*\d[\s,]+we(?:'ll|\s+will)?"
                   r"(?=\s*$|\s+(?!moved|closed|took|exited|sold|secured|booked)\w)|"
                   r"(?:after|at|on|upon)\s+(?:the\s+)?(?:next|second|third|2nd|3rd|following)\s+(?:tp|target|take)|"
                   r"после\s+(?:втор|трет|следующ|четв[её]рт)\w*\s+(?:тейк|цел|тп)\w*")
_LATER_EVENT = (_LATER_ANYWHERE + r"|on\s+(?:the\s+|a\s+)?(?:\d{1,2}\s*[hd]|daily|weekly|hourly|h[14]|[14]h)\s+(?:candle\s+)?close|"
                r"in\s+\d{1,2}\s*(?:hours?|hrs?|minutes?|mins?)")
_LATER_EVENT_RE = re.compile(r"(?<!\w)(?:" + _LATER_EVENT + r")(?!\w)")
_CONDITION = re.compile(r"(?<!\w)(?:if|when|once|unless|until|in\s+case|otherwise|si|wenn|falls|eğer|если|"
                        # vi/id/ms "when/if" ("Dời SL về hòa vốn khi TP1 chạm": move the SL to BE when TP1 hits)
                        r"khi|n[ếe]u|ketika|apabila|jika|kalau|bila|"
                        # hi-en "agar 140 toota to close", "jab TP1 aaye tab"; el "αν", "εάν", "όταν"; cs "pokud",
                        # "jestli", "když"; tl "kung", "kapag", "pag"; bn "যদি"
                        r"agar|jab|αν|εάν|όταν|pokud|jestli|jestliže|když|kung|kapag|yadi|যদি|"
                        # ar "لو كسر 7 اقفلوا", "إذا نزل تحت 7", "عندما يصل", "في حال كسر", "بمجرد ما يلمس" (if / when / once)
                        r"[وف]?(?:إذا|اذا|لو|لما|عندما|حينما|بمجرد)|في\s+حال[ةه]?|"
                        + _WHEN_PHRASES + "|" + _TR_CONDITIONAL + r"|"
                        # ("#SOL at TP2 close everything", "after TP1 close half", "после ТП1 закрываем половину", "al
                        # llegar a TP1", "à TP1 fermer 50%", "plan: TP1 close 50%"): a plan for a target not reached yet
                        r"(?:at|after|on|upon|à|al\s+llegar\s+a|после|при)\s+(?:the\s+)?(?:tp|target|тп|тейк\w*|цел\w*)\s*\d"
                        r"(?!\s*(?:hit|done|reached|now|already|is\s+hit|was\s+hit|got\s+hit))|"
                        r"plan\s*:|при\s+пробое|gelince|gelirse|도달\s*시|"
                        + _LATER_ANYWHERE + r"|"
                        # "después del TP1", "Po TP1 na #DOT zamkniemy połowę", "nach TP1", "après le TP1"
                        r"(?:despu[ée]s\s+del?|depois\s+do|nach|apr[èe]s\s+(?:le\s+)?|dopo\s+(?:il\s+)?|po)\s*(?:tp|target|objetivo|alvo|ziel|cel)\s*\d)(?!\w)"
                        # (session 27, cards27: "Después del objetivo 1 el precio volvió y tocó el stop": the price's
                        # move after TP1 told in the past — what happened, no plan)
                        r"(?![^.\n]{0,30}?(?<!\w)(?:volvi[óo]|toc[óo]|regres[óo]|retrocedi[óo]|cay[óo]|baj[óo]|se\s+gir[óo]|"
                        r"voltou|tocou|caiu|recuou|bateu)(?!\w))|"
                        # pt "Se #ETH perder 3200", "Caso #ETH perca 3200", fr "Au cas où", pl "Gdy/Jeśli", ru "при закреплении
                        # ниже", fa "اگر" (a coin right after pt "se": "#SOL se cerró" is Spanish, done)
                        r"(?<!\w)(?:se\s+[#$]\w+|caso\s+[#$]\w+|se\s+(?:\S+\s+){0,3}?(?:for|perder|romper|cair|subir|chegar|"
                        r"bater|atingir|tocar|fechar\s+(?:abaixo|acima))|au\s+cas\s+o[ùu]|gdy|je[śs]li|je[żz]eli|при\s+закреплени\w*|اگر|اگه)(?!\w)|"
                        # ja "割ったら", "下回れば": "if" in the verb
                        r"(?:たら|れば)(?=[\s、,]|$)|"
                        # he "אם נשבר 3000" (if 3000 breaks), "כשנגיע ל-TP1" (when we reach TP1); bn "নিচে গেলে" (if it
                        # goes below), "হিট হলে" (if hit): "if" in the verb's ending
                        r"(?<!\w)(?:אם|כאשר|כש\w+)(?!\w)|(?:গেলে|হলে|এলে|আসলে|ভাঙলে|ভাঙ্গলে)(?!\w)|"
                        # ("#ETH 到 3600 平仓": at 3600, close — "已到 3600" reports it reached)
                        r"(?<![已达])到\s*\$?\d[\d.,]*\s*k?\s*(?:就|时|再)?\s*$|"
                        # th "ถ้า" (if: Thai writes no space between words)
                        r"ถ้า|(?:tp|目标|止盈)\s*\d\s*(?:之)?后|一旦|如果|만약|"
                        # ko "도달하면", "깨지면", "넘으면" (if it reaches, breaks, passes), "이탈 시" (on a break below):
                        # "if" in the verb's ending
                        r"[가-힣](?:하면|되면|지면|오면|가면|으면)(?![가-힣])|(?:이탈|도달|터치|돌파|붕괴|하락|상승|마감)\s*시(?![가-힣])|跌破|突破|到\s*tp\s*\d|tp\s*\d\s*到了就|到了就|到达[^，,。]{0,8}时|我们会|(?:到达|达到)\s*(?:tp|目标)\s*\d\s*后")
# "If you have lower entries keep them risk free", "if you still hold it, close now" ("if you missed the entry"): a
# condition on what the reader holds, not on the market — the instruction is for now (for whoever holds the trade)
_READER_CONDITION = re.compile(
    # ("if you're in, close it at entry")
    r"(?<!\w)(?:if|when)\s+you'?re\s+(?:already\s+|still\s+)?in(?!\w)|"
    r"(?<!\w)(?:if|when|si|wenn|falls|если|se)\s+(?:you|u|y'?all|вы|t[úu]|usted(?:es)?|voc[êe]s?|vous|du|ihr)\s+"
    r"(?:still\s+|already\s+)?(?:have|has|hold|holding|are\s+(?:in|still\s+in|holding)|entered|got\s+(?:in|filled)|took|bought|"
    # ("If you had entered #SOL late, at 145, close half now": the readers who got in; "if you had bought at 120 you'd
    # be up 25%" is a look back, no condition)
    r"had\s+(?:already\s+)?(?:bought|entered|got\s+in|longed|shorted)(?![^\n]*?(?:would|could|you'?d|'d\s+have))|"
    r"sold|missed|didn'?t|haven'?t|did\s+not|have\s+not|tienes|tiene|tienen|tem|t[êe]m|avez|as|hast|habt|hab|имеете|держите)(?!\w)|"
    # th "ถ้าใครยังถืออยู่" (if anyone still holds), "ถ้ายังไม่ได้เข้า" (if you have not entered yet): Thai writes no space
    r"ถ้า(?:ใคร|คุณ|ท่าน)?ยัง(?:ไม่(?:ได้)?(?:เข้า|ถือ)|ถือ)(?:อยู่)?")


def without_reader_conditions(text: str) -> str:
    """The text lower-cased, without its conditions on what the reader holds ("if you have lower entries"): such a
    condition makes no lesson ("if you …" otherwise opens one) and does not make an instruction wait."""
    return _READER_CONDITION.sub(" ", text.lower())


def _waits(text_before: str) -> bool:
    """A condition stands before the instruction (one on the market or the writer's plan, not on what the reader holds)."""
    return bool(_CONDITION.search(_READER_CONDITION.sub(" ", text_before)))


# "Close #NEAR short if 4H candle closes above 5.40": the close waits for a market event the bot cannot check
# ("close it if you haven't yet" is still a command: the condition is about the reader).
_MARKET_CONDITION = re.compile(
    r"(?<!\w)(?:if|once|when|unless|should|если|eğer|si|wenn|falls|se|jeśli|jika|nếu|khi|ketika|apabila|kalau|bila|" + _WHEN_PHRASES
    + r")\s+(?!you|u\s|вы\s)(?:\S+\s+){0,6}?"
    r"(?:break\w*|close[sd]?|closing|los[et]\w*|drop\w*|fall\w*|dump\w*|reach\w*|hit\w*|touch\w*|dip\w*|pump\w*|"
    r"toca\w*|toque\w*|llega\w*|llegue\w*|alcanz\w*|alcance\w*|ating\w*|touche\w*|erreich\w*|ber[üu]hr\w*|"
    r"flip\w*|reclaim\w*|retest\w*|confirm\w*|goes|moves|trades|comes?\s+back|coming\s+back|gets?\s+back|return\w*|"
    # ("Close #SOL at 155 if it gets there": when the price comes to the level)
    r"gets?\s+(?:there|that\s+far|to|up|down)|makes?\s+it|"
    r"retrac\w*|revisit\w*|bounce\w*|vuelve\w*|volta\w*|верн[её]т\w*|"
    r"пробь\w*|закро\w*|упад\w*|kırar\w*|kapan\w*|"
    r"rompe\w*|cierra\w*|fecha\w*|bricht|schlie\w*|casse|cl[ôo]ture|chiude|tembus|phá|ch[ạa]m|[đd][ạa]t|kena|tercapai|"
    r"menyentuh|sentuh|закреп\w*|"
    # ("Cancel #SOL limit if not filled by tomorrow", "отменим, если не зайдёт"): the order's own fill
    r"fill\w*|trigger\w*|зайд[её]т|исполн\w*)(?!\w)|"
    # ar "اقفلوا الصفقة لو نزل تحت 7", "… إذا كسر الدعم", "… في حال وصل 8": the close waits for the price
    r"(?<!\w)(?:[وف]?(?:إذا|اذا|لو|لما|عندما|حينما|بمجرد)|في\s+حال[ةه]?)\s+(?:\S+\s+){0,6}?"
    r"(?:[يتنا]?(?:كسر|نزل|طلع|وصل|لمس|اخترق|هبط|صعد|ارتفع|انخفض|قفل|سك\u0651?ر|رجع|ضرب|تجاوز)\w*|\$?\d)")
# "move SL to entry after TP1", "close all at TP2", "close at 3600 (limit)", "close on a daily close below 3200": an
# instruction for when a level is reached (a verb in the past, "closed at TP2", reports one)
_AT_LEVEL_LATER = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:after|at|on|upon|once)\s+(?:the\s+)?(?:tp|target|тп)\s*\d(?!\s*(?:hit|done|reached|[+-]?\d))|"
    # ("SL auf Einstieg nach TP1", "SL a entrada después del TP1", "Alihkan SL ke titik masuk setelah TP1", "SL přesouváme na
    # vstup až po TP1"): the same, after a target in other languages
    r"^\W*(?:\S+\s+){0,3}?(?:nach|despu[ée]s\s+del?|depois\s+d[oa]|apr[èe]s(?:\s+le)?|dopo(?:\s+il)?|až\s+po|po|setelah|"
    r"sesudah|selepas|sau\s+khi|после)\s+(?:tp|target|ziel|objetivo|alvo|objectif|obiettivo|cel|c[íi]l|sasaran|тп|цел\w*)\s*\d"
    r"(?!\s*(?:hit|done|reached|[+-]?\d))|"
    # ("#ETH — close at 3600 (set your TP there)", "exit at 3600 as your TP": an order left at the level)
    r"(?<!\w)at\s+\$?\d[\d.,]*\s*k?\s*\(?\s*(?:limit|(?:set|place|put)\s+(?:your\s+|a\s+|the\s+)?(?:tp|take[\s-]*profit|limit|"
    r"order|target)|as\s+(?:your\s+|a\s+|the\s+)?(?:tp|take[\s-]*profit|target|limit))|(?<!\w)(?:on|upon|after)\s+(?:a\s+)?(?:\w+\s+)?close\s+(?:above|below|under|over)|"
    # "SL to 180 once TP1 hits", "到达TP1后止损上移到180"
    r"(?<!\w)(?:once|when|after|if)\s+(?:the\s+)?(?:tp|target)\s*\d\s+(?:hits?|is\s+hit|gets\s+hit|fills?|is\s+reached)|"
    # ar "اقفلوا الصفقة عند الهدف الثاني", "… على التارجت 2", "… بعد الهدف الأول" (at / after a target)
    r"(?<!\w)(?:عند|على|في|مع|بعد)\s+(?:ال)?(?:هدف|تارجت|تارقت)\s*(?:\d|(?:ال)?(?:أول|اول|ثاني|تاني|ثالث|تالت|رابع))")
_PAST_VERB = re.compile(r"(?<!\w)تم(?!\w)|[أا]غلقنا|قفلنا|س[كص]\u0651?رنا|ص[كص]\u0651?رنا|سد\u0651?ينا|خرجنا|طلعنا|مقفول|closed|exited|stopped|cancel+ed|hit|triggered|touched|reached|filled|cerrad|fechad|закрыт|kapand|geschlossen|cl[ôo]tur[ée]|moved|"
                        r"movid|перенес|taşındı|sold|booked|secured|taken|took")


# (a point or comma inside a price is no break: "… 1h — close 142.3" is a candle's close price)
# ("nothing happened → flattened at 0.0118": an arrow drawn between two clauses, normalized to ">", before an exit told
# as done — "TP1 hit → cancel the DCA order" stays one clause: the cancel reads with what came before it)
_STATUS_BREAK = re.compile(r"(?:[;!|，、،]|(?<!\d)[,.]|[,.](?!\d))\s*(?=\S)|(?<=[?？؟])\s*(?=\S)|:\s+(?=\S)|\s[—–-]\s+(?=\S)|"
                           r"\s>\s+(?=(?:flattened|closed|exited|stopped|sold|cut)(?!\w))|"
                           # ("STOP this one ❌ close at market": a mark between words, dropped by the normalising, leaves a
                           # gap of spaces — a clause of its own begins at the close verb after it)
                           # (not after a negation or a "to": "don't ❌ close at market", "no need to ❌ close …")
                           r"(?<=\w)(?<!n't)(?<!not)(?<!never)(?<!dont)(?<![\s']to)(?<!\sno)(?<!need)(?<!nunca)[ \t]{3,}(?=(?:close|closing|exit|exiting|cut|sell|flatten)\s+(?:at|now|here|it|this|everything|all)(?!\w))")
_SIDE_AFTER_COIN = r"(?:\s+(?:long|short|лонг|шорт|buy|sell))?"


_INNER_TAG = re.compile(r"(?<=\w)\s+(?:(?:in|on|of|for|bei|f[üu]r|auf|von|de|del|da|do|em|en|di|su|в|по|на|за|dla|w)\s+)?"
                        r"[#$](?=\d*[a-z])[a-z0-9]{2,15}(?:/[a-z]{3,5})?(?!\w)")


def _status_lines(lowered: str, coins: frozenset[str] = frozenset()) -> str:
    """Lines trimmed of decorations, each also without a leading coin tag ("#LTC Închidem poziția"), plus the
    clauses after the first one ("Not triggered, cancel #FET") unless a condition precedes them."""
    lines = []
    for line in lowered.splitlines():
        pieces = [line]
        # (the text before a clause keeps its marks: "Plan: close #ETH at 3600" — the colon makes the plan)
        # (and a spaced dash: "Gap closed ✅ — we close #BTC long here", "Maintenance soon — close #DOGE manually now")
        for brk in _STATUS_BREAK.finditer(line):
            if _waits(line[:brk.end()]):
                break
            pieces.append(_STATUS_BREAK.split(line[brk.end():], maxsplit=1)[0])
        for piece in pieces:
            lines.append(piece.strip(" \t-:>*#.!/"))
            untagged = _LEADING_TAG.sub("", piece, count=1)
            if untagged == piece and coins:
                # "APT zamykamy ...", "ETH шорт закрываем ...": a coin written without # opening the line
                bare = re.match(rf"^\s*(?:{'|'.join(map(re.escape, sorted(coins)))}){_SIDE_AFTER_COIN}[\s,:-]+", piece)
                untagged = piece[bare.end():] if bare else piece
            if untagged != piece:
                lines.append(untagged.strip(" \t-:>*#.!/"))
            if ("#" in untagged[1:] or "$" in untagged[1:]) and not _CONDITION.search(untagged):
                # ("Alle Positionen in #PEPE jetzt glattstellen!", "Tüm #SOL pozisyonlarını kapatın"): the coin's tag inside the
                # phrase, between the words of a close that puts its verb last — read also without it ("Se #DOGE perde
                # 0,1450 …, chiudiamo": a condition may need its coin, so a line with one is left as it is)
                inner = _INNER_TAG.sub("", untagged.strip(" \t-:>*#.!/"))
                if inner != untagged.strip(" \t-:>*#.!/"):
                    lines.append(inner)
            # (a condition on the reader opening the line, no mark after it: "#SOL ถ้าใครยังถืออยู่ ปิดเลย", if anyone
            # still holds, close now — Thai sets clauses apart with a space)
            if (held := _READER_CONDITION.match(untagged.strip(" \t-:>*#.!/"))) is not None:
                lines.append(untagged.strip(" \t-:>*#.!/")[held.end():].strip(" \t,-:>*#.!/"))
    return "\n".join(lines)


# "Close #BTC above 100k", "Let's close it below 3.2": the close waits for a level
_LEVEL_CONDITION = re.compile(r"\s*(?:[#$][\w/.]+\s+)?(?:(?:long|short|it|them|position|trade)\s+)?"
                              r"(?:above|below|over|under|on\s+a\s+break\s+of)\s+\$?\d")


# "Never close a trade in panic", "Who got stopped out on #SOL? 😅", "almost hit our stop": no close
_NEGATED = re.compile(r"(?<!\w)(?:never|don'?t|do\s+not|not|nunca|jamais|mai|nie|никогда|не|asla|no|"
                      # he "לא סוגרים" (we do not close), "אל תסגרו"; el "δεν κλείνουμε", "μην κλείσετε"; tl "huwag"
                      # ro "Nu anulăm ordinul", "nu închidem" (we do not cancel / close)
                      r"לא|אל|δεν|μην|μη|huwag|wag|hindi|nu|"
                      # ar "لم نغلق" (we did not close), dialects "ما سكرنا", "مش هنقفل", "بلاش نقفل" (let's not)
                      r"لم|لن|ما|مش|مو|مب|بلاش)\s+(?:(?:עדיין|ακόμα|ακόμη|muna|munang|pa|بعد|لسه|لسا)\s+)?"
                      # ("#LINK not fully closed yet", "не полностью закрыли"): not the whole — a part still runs
                      r"(?:(?:yet\s+)?(?:fully|completely|entirely|totally|полностью|целиком)\s+)?$|(?:不要|别|不|先别|暂不)\s*$")
# ("#SOL hasn't hit SL", "#SOL wasn't stopped out", "#SOL no está cerrada", "#SOL wurde nicht geschlossen", "#SOL 还没平仓"): a
# negation, then at most a few auxiliaries, right before the phrase
_NEGATION = (r"(?:never|not|no|nope|\w+n't|dont|didnt|doesnt|isnt|wasnt|arent|werent|hasnt|havent|hadnt|wont|cant|cannot|"
             r"nunca|jamais|mai|nie|никогда|не|нет|asla|nicht|kein\w*|pas|non|não|nao|jangan|belum|tidak|không|chưa|đừng|"
             r"لا|نه|هرگز|לא|אל|δεν|μην|μη|huwag|wag|hindi|nu)")
_NEGATED_BEFORE = re.compile(
    rf"(?<!\w){_NEGATION}\s+(?:(?:been|be|being|get|got|gotten|yet|even|still|already|ever|more|any|is|are|was|were|"
    r"está|esta|están|es|fue|foi|foram|se|è|e|stato|stata|ha|han|sido|wurde|wurden|ist|został\w*|est|été|a|by[łl]\w*|"
    r"была?|было|были|ещё|еще|пока|todavía|aún|ainda|ancora|noch|encore|sudah|đã|bị|"
    # ("SL nicht auf Einstand ziehen": the German preposition of the move between)
    r"auf)\s+){0,3}$|"
    # ("No trade is risk-free", "there's no such thing as risk free": no case of it)
    r"(?<!\w)no\s+(?:\w+\s+){1,3}(?:is|as|are)\s+$|"
    # ("لا تحركوا الستوب": the verb's prefix before the stem matched)
    r"(?<!\w)لا\s+[تين]?$|"
    # ("Don't move your #SOL stop to breakeven", "No muevan el stop a BE", "Не переносите стоп в БУ"): the negated verb
    # of moving, then the stop and its coin, before the phrase matched
    rf"(?<!\w){_NEGATION}\s+(?:move|moving|put|set|shift|bring|pull|drag|raise|lower|adjust|touch|trail|muev\w*|mov\w*|"
    r"pong\w*|sub[ai]\w*|llev\w*|coloqu\w*|coloc\w*|mud\w*|d[ée]plac\w*|verschieb\w*|setz\w*|spost\w*|przesuw\w*|"
    r"двига\w*|передвига\w*|перенос\w*|переставл\w*|ставь\w*|ставим|ставите|трога\w*|сдвига\w*|geser\w*|d[ờo]i)\s+"
    r"(?:\S+\s+){0,3}$|"
    # (el "δεν μεταφέρουμε ακόμα το stop", "μην μετακινήσετε το stop"; tl "huwag munang ilipat ang SL"; he "אל תזיזו את
    # הסטופ": the negated verb of moving in these languages, a word of "yet" allowed before it)
    rf"(?<!\w){_NEGATION}\s+(?:(?:ακόμα|ακόμη|muna|munang|pa|עדיין)\s+)?(?:μεταφ\w*|μετακιν\w*|ilipat|galawin|تحرك\w*|تنقل\w*|ترفع\w*|"
    r"תזיז\w*|להזיז|מזיזים)\s+(?:\S+\s+){0,3}$|"
    # ("先别把止损移到开仓价", "不要将止损上移")
    r"(?:不要|别|不|先别|先不要|暂不|暂时不|没|没有|还没|还没有|未|仍未|尚未|无需|不用|不必|不需要)(?:到|有|把|将)?\s*$|"
    # fr "ne mettez pas le stop au TP1" (do not put the stop on TP1)
    r"(?<!\w)(?:ne|n')\s*\w+\s+pas\s+(?:le\s+|la\s+|votre\s+)?$|"
    # th "อย่าเพิ่งปิด" (don't close yet), "ไม่ต้องปิด" (no need to close), "ยังไม่ปิด" (not closed yet)
    r"(?:อย่า(?:เพิ่ง)?|ไม่ต้อง|ยังไม่)\s*$")
# ("…は決済しません", "決済しないで", "決済はまだ", "closed? no", "закрыли ли", "손절가 변경 없음", "einstand noch nicht"): the
# negation or the question particle right after the phrase
_NEGATED_AFTER = re.compile(r"^\s*(?:(?:пока|ещё|еще|still|yet)\s+)?(?:(?:し|する|は|を)?(?:ません|ない|せず|まだ)|ли(?!\w)|не\s+\w+(?:им|ем|ём|ите|йте|ет|ит|ут|ют|ат|ят)(?!\w)|pas(?!\w)|"
                            # (de "schließen wir (noch) nicht", "schließe ich nicht": the subject after the verb, then not)
                            r"(?:(?:wir|ich|ihr)\s+)?(?:(?:noch|jetzt|heute|hier)\s+)?nicht(?!\w)|not\s+yet|없음|없습니다|아님|않|değil|yok(?!\w)|"
                            # ko "취소하지 않습니다", "취소 안 합니다", "정리하지 마세요" (not done, do not do it)
                            r"(?:하지|되지|하진|되진)\s*(?:않|마|말)|안\s*(?:합|해|할|하|했|됩|돼)|"
                            # ur "ٹریڈ بند نہ کریں", hi "ट्रेड बंद मत करो" (do not close the trade)
                            r"(?:نہ|نہیں|مت)(?!\w)|(?:मत|नहीं|ना)(?=[\s,.!?।]|$)|"
                            # fa "کنسل نشده" (not cancelled), "… نکنید" (do not), "نمی‌کنیم" (we do not), "نیست" (is not)
                            r"(?:نشده|نشد|نشدن|نکنید|نکن|نکنین|نکردیم|نمی\S*|نیست|نمیشه|نمیکنیم)(?!\w)|"
                            # hi-en "close mat karo", "exit nahi karna" (do not close)
                            r"(?:mat|nahi|nahin|nhi|na)\s+(?:kar\w*|kijiye)(?!\w)|"
                            # hi-en "close karne ki zarurat nahi" (no need to close); ur "انٹری پر مت لائیں" (do not bring
                            # it to the entry: the postposition first)
                            r"kar(?:ne|na)\s+ki\s+(?:zarurat|zaroorat|jarurat|zaroorat)\s+(?:nahi|nahin|nhi)(?!\w)|"
                            r"(?:پر|پہ|تک|میں|کو)\s+(?:نہ|نہیں|مت)(?!\w)|"
                            # bn "বাতিল নয়" (not cancelled), "বাতিল হয়নি" (has not been), "বাতিল করবেন না" (do not
                            # cancel), "বাতিল করা হয়নি"
                            r"(?:(?:করবেন|করো|করুন|কোরো|করা|করে|হবে)\s*)?(?:না|নয়|নয়|হয়নি|হয়নি|নি)(?!\w)|"
                            r"(?:করা\s*)?হয়নি|(?:করা\s*)?হয়নি|"
                            # el "… ακόμα όχι", tl "… hindi pa"
                            r"όχι(?!\w)|hindi\s+pa(?!\w)|"
                            # kk "жылжытпаңыз", uz "кўчирманг", "ko'chirmang" (do not move): the verb negated by its suffix
                            r"[\w'ʻ’]+(?:паңыз|пеңіз|маңыз|меңіз|баңыз|беңіз|маймыз|мейміз|манг|mang)(?!\w)|"
                            # ("Стоп в БУ по #SOL не переносим": the coin between; "#ETH stopu girişe çekmeyin",
                            # "… taşımıyoruz": a Turkish verb negated by its suffix)
                            r"(?:[#$]?\w+\s+){1,3}не\s+(?:перенос|передвига|двига|став|переставл|трога|сдвига)\w*|"
                            r"\w+(?:m[ae]y[ıi]n(?:[ıi]z)?|m[ıiuü]yor\w*|m[ae]y[ae]l[ıi]m|m[ae]yece\w*|m[ae]d[ıi]k?)(?!\w)|"
                            # ("#ETH'ye ekleme yapmıyoruz", "ekleme yapmayın": Turkish puts "not" in the verb)
                            r"yap(?:m[ıi]yor|may[ıi]n|mayaca|mad[ıi])\w*)")
# ("#SOL position isn't closed", "#SOL order not cancelled", "止损没有移动"): a negation inside the phrase matched
# ("limit never filled - cancel", "entry not triggered, cancel": an order that did not fill, cancelled — the negation is
# the reason, not a denial of the cancel)
_NEGATED_INSIDE = re.compile(r"(?<!\w)(?:never|not|\w+n't|nicht|não|не|нет)(?!\w)(?!\s+(?:filled|triggered|activated|"
                             # (session 23: "entry not filled, order removed" — the unfilled order taken off)
                             r"reached|executed|hit)\W+(?:\w+\W+){0,2}?cancel|\s+(?:filled|triggered)\W+(?:\w+\W+){0,3}?(?:removed|deleted|pulled|withdrawn))|"
                             r"没有?|未|不要")
# ("We should have closed #SOL at 190", "Надо было закрыть", "早该", "すべきだった", "Думаю закрыть", "Worst case #SOL hits SL",
# "#SOL might get stopped out", "#SOL hampir kena SL"): what should have been, what may happen or is weighed — not done now
_NOT_DONE = re.compile(
    r"(?<!\w)(?:should(?:\s+have|'?ve)|could\s+have|would\s+have|(?:i|we|you|they)'d\s+have|would(?:\s+be)?|might|could|maybe|"
    r"perhaps|ideally|worst[\s-]+case|peor\s+caso|pior\s+caso|pire\s+des\s+cas|schlimmsten\s+fall|risk\s*:|"
    r"надо\s+было|нужно\s+было|стоило\s+(?:бы\s+)?|следовало\s+(?:бы\s+)?|думаю|подумываю|"
    r"dev[íi]amos|dever[íi]amos|deber[íi]amos|debimos|h[äa]tten|avremmo\s+dovuto|aurions\s+d[ûu]|"
    r"\w+m[ae]l[ıi]yd[ıi](?:k|m)?|hampir|nyaris|su[ýy]t|thinking\s+(?:about|of)|considering|"
    r"usually|tomorrow|later|soon|next\s+(?:week|time|month|day)|in\s+a\s+(?:bit|while|few)|"
    # ("Last time we moved SL to entry on #NEAR it still hit TP3", "В прошлый раз …", "上次"): a past trade told again
    r"last\s+time|в\s+прошлый\s+раз|la\s+[úu]ltima\s+vez|da\s+[úu]ltima\s+vez|ge[çc]en\s+sefer|"
    r"letztes\s+mal|la\s+derni[èe]re\s+fois|"
    r"завтра|позже|потом|на\s+следующей\s+неделе|планиру\w*|yar[ıi]n|haftaya|ma[ñn]ana|pronto|amanh[ãa]|morgen|sp[äa]ter|"
    r"demain|plus\s+tard|domani|jutro|p[óo][źz]niej|nanti|besok|l[áa]t\s+n[ữu]a|ng[àa]y\s+mai|"
    r"try|trial|bekle(?:yin|yelim|yiniz|yece\w*)|ask(?:ed|s|ing)?\s+(?:about|whether|if)|"
    # ("50% schließen wir erst bei TP2", "vender a metade só no TP2", "la mitad solo en TP2", "only at TP2"): only when a
    # target is reached — later
    r"erst\s+(?:bei|am|an)|s[óo]\s+n[oa]|solo\s+en|s[óo]lo\s+al?|only\s+(?:at|on|when)|\w+aca[kğ]\w*)(?!\w)|"
    r"上次|早该|早知道|应该|本该|最坏|在考虑|考虑|明天|稍后|晚点|下周|以后|すべき|べきだった|迷って|明日|あとで|后で|나중에|내일|아직|"
    # ("到190再卖出一半": once 190 is reached, then sell half; "도달 시 본절", "chạm thì dời SL": when reached)
    r"到\s*\$?\d[\d.,]*\s*再|도달\s*시|달성\s*시|ch[ạa]m\s+th[ìi]|khi\s+ch[ạa]m")
# ("#SOL: в бу пока рано", "stop girişe çekmek için erken": too early for it — "Closed #SOL too early" is done all the same)
_TOO_EARLY = re.compile(r"(?<!\w)(?:рано|erken|too\s+early|temprano|zu\s+fr[üu]h|trop\s+t[ôo]t)(?!\w)")
# ("Another channel just closed #SOL", "Many traders got stopped out on #SOL, not us", "Some of you closed #SOL too early",
# "Кто-то уже закрыл #SOL", "有些人已经平仓了 #SOL"): someone else did it, not the channel
_SOMEONE_ELSE = re.compile(
    r"(?<!\w)(?:another\s+(?:channel|group|trader)|(?:the\s+)?other\s+(?:\w+\s+)?(?:channels?|groups?|traders?)|"
    # ("Those who still hold #SOL close now" is the instruction, to them)
    r"(?:some\s+of\s+you|those\s+who)\s+(?:already\s+|just\s+|have\s+|had\s+)?$|"
    # ("Some of you moved the stop to entry on #ETH and got stopped"): what some readers did, told in one clause
    r"(?:some|a\s+few|many)\s+of\s+you\s+(?:\S+\s+){1,10}$|(?:many|most|some|other)\s+(?:\w+\s+)?(?:traders|people|users|members)|most\s+retail|"
    r"my\s+(?:friend|brother|colleague)|big\s+trader|trader\s+\w+|"
    # ("He sold the whole bag of #DOGE", "Dad sold all my #SHIB", "Whoever sold all at 0.10", "Он продал всё"): another
    # person the subject of the verb, a few helper words between ("everyone out of everything, now" is said to everyone)
    r"(?:he|she|they|whoever|someone|somebody|dad|daddy|mom|mum|father|mother|"
    r"(?:my|his|her)\s+(?:dad|mom|mum|father|mother|wife|husband|girlfriend|boyfriend|uncle|aunt|cousin|neighbou?r|son|"
    r"daughter|grandma|grandpa|boss|roommate)|él|ella|ellos|er|он|она|они|папа|мама|батя|lui|lei|elle|ele|ela|quien|wer)"
    r"\s+(?:(?:just|already|also|has|have|had|finally|literally|apparently|reportedly|probably|actually|once|then|hat|"
    r"hatte|ha|hanno|a|ont|já|ya|уже|тоже)\s+){0,2}$|"
    # ("Tracked wallet on Hyperliquid just closed …", "A whale closed his #BTC long", "Smart money exited #SOL", "0x7a3f…
    # closed", "Кит закрыл шорт", "Balina pozisyonunu kapattı"): a stranger's on-chain or exchange position, not ours
    r"(?:(?:a|one|some|the|this|that|big|huge)\s+)?(?:whales?|кит|киты|balina\w*|ballenas?|baleias?|c[áa]\s+voi)|"
    r"(?:tracked|smart[\s-]money|whale|insider|unknown|same|this|that|a|an|one|the)\s+(?:\w+\s+)?(?:wallets?|address(?:es)?)|"
    r"smart[\s-]money|0x[0-9a-f]{4,}\w*|(?:a|one|top|famous|well[\s-]known)\s+(?:\w+\s+)?trader|кто-?то|некоторые|многие|baz[ıi]\s+\w+|algunos|alguns|"
    r"einige|certains|alcuni|"
    # ("Many got stopped out on #SOL, not us", "a lot of people were stopped on ETH — but not us")
    r"(?:many|a\s+lot(?:\s+of\s+(?:you|people|traders))?|(?:lots|plenty|most)\s+of\s+(?:you|people|traders|them))"
    r"(?:\s+(?:got|were|have\s+been|are\s+getting))?|"
    r"(?:but\s+)?not\s+us(?=\s*(?:$|[.!,;)🙂😎💪]))|"
    # id "Banyak yang kena SL di #SOL, kita tidak", "banyak trader"; vi "nhiều người", "người khác"; tr "birçok kişi";
    # es/pt "muchos traders", "muitos traders"; fa "خیلی‌ها", "بقیه"; ar "كثير من المتداولين", "البعض": other traders
    r"banyak\s+(?:yang|orang|trader|member)|sebagian\s+(?:orang|trader|besar\s+orang)|beberapa\s+(?:orang|trader)|"
    r"orang\s+lain|nhi[ềe]u\s+ng[ưu][ờo]i|ng[ưu][ờo]i\s+kh[áa]c|bir[çc]ok\s+(?:ki[şs]i|trader|yat[ıi]r[ıi]mc[ıi])|"
    r"[çc]o[ğg]u\s+(?:ki[şs]i|trader)|muchos\s+(?:traders|de\s+ustedes)|muitos\s+(?:traders|de\s+voc[êe]s)|"
    r"خیلی\s*‌?\s*ها|بعضی\s*‌?\s*ها|كثير\s+من\s+(?:ال)?(?:متداولين|ناس)|البعض"
    r")(?!\w)|有些人|有人|一部の人|일부|别人|其他人|很多人|不少人|好多人|许多人|大多数人|多数人|大部分人|"
    r"他の人|多くの人|다른\s*(?:사람|분)들?|많은\s*(?:사람|분)들?|หลายคน|คนอื่น")
# (a point inside a price ends no sentence: "Is SL now 1.92 or 1.88 on #SUI? admin pls")
_ASKED = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*[?？؟]")
# ("Close your eyes and hold #ETH", "Close the app and relax", "Kapat şu grafiği", "#LINK closed the 4H gap", "Binance
# closed ETH withdrawals", "CME gap on #BTC closed"): the thing closed is no position — eyes, a screen, a price gap, an
# exchange's service — and the close is none (up to three words between: an article, the coin, a timeframe)
_NOT_A_POSITION = (r"(?:eyes|apps?|charts?|screens?|laptops?|phones?|tabs?|computers?|pc|doors?|gaps?|fvgs?|imbalances?|"
                   r"inefficienc\w+|wicks?|withdrawals?|deposits?|transfers?|grafi\w*|ekran\w*|uygulama\w*|g[öo]z\w*|"
                   r"bo[şs]lu[ğg]\w*|глаза|график\w*|гэп\w*|приложени\w*|вывод\w*|ojos|gr[áa]fic\w*|retiros?|dep[óo]sitos?|"
                   r"olhos|saques?|augen|l[üu]cke\w*|yeux|graphique\w*|occhi|ogen|ochii|ochi|"
                   # ("#ETH cerró la vela diaria por encima de 3500", "#SOL haftayı 200 üstünde kapattı": a candle, the
                   # week; "I closed Twitter for a week", "closed #XRP trading in NY": an app, a market's trading)
                   r"candles?|velas?|bougies?|kerzen?|candel[ae]|[śs]wiec\w*|свеч\w*|mumu|mumlar\w*|n[ếe]n|lilin|haftay[ıi]|"
                   r"twitter|telegram|discord|instagram|tiktok|youtube|notifications?|trading|缺口|图表|"
                   # ("Cancelamos a live de hoje", "on annule le live de ce soir", "cancel tonight's stream", "annulliamo la
                   # diretta"): a livestream, a class or a giveaway called off — no position ("close the live trades" is one)
                   r"(?:(?<=\ba\s)|(?<=\bo\s)|(?<=\ble\s)|(?<=\bla\s)|(?<=\bil\s)|(?<=\bthe\s)|(?<=\bour\s)|(?<='s\s)|(?<=\bel\s)|"
                   r"(?<=\bdie\s)|(?<=\bden\s)|(?<=\bmy\s))live(?:stream)?s?(?!\s+(?:trades?|positions?|orders?|signals?|calls?|longs?|shorts?|sinal|se[ñn]al|segnale|posi\w*|ordre|ordem|orden))|"
                   r"stream(?:ing)?s?|directo|en\s+vivo|ao\s+vivo|diretta|webinars?|giveaways?|sorteos?|sorteios?|"
                   r"aulas?|clases?|lezion[ei]|meetings?|ama)")
# ("sold the whole #RENDER bag into the 9.40 wick", "closed into the wick"): a sale into a wick sells the position —
# the wick is where it was sold, not the thing closed
_NOT_A_POSITION_AFTER = re.compile(rf"^\W*(?:(?!into\s)[^\s]+\s+){{0,3}}?{_NOT_A_POSITION}(?!\w)")
_NOT_A_POSITION_BEFORE = re.compile(rf"(?<!\w){_NOT_A_POSITION}\s+(?:\S+\s+){{0,3}}?$")
# ("Cancel your doubts, not your dreams", "close your mind to the noise", "cancel the fear", "cancel your Netflix
# subscription", "cancela tus dudas", "cancel your weekend plans"): a motivational idiom or a thing of the reader's life —
# a feeling, the noise, a subscription, plans — is cancelled, no position (only right after the verb, with at most a
# possessive or an article between: "Close #SOL no doubt" still closes #SOL)
_NOT_A_TRADE_THING_AFTER = re.compile(
    r"^\W*(?:(?:your|the|all|those|these|my|our|any|that|this|every|tus|sus|las|los|tes|vos|seus|suas|as|os|deine|"
    r"alle|semua|para)\s+){0,2}(?:(?:netflix|gym|spotify|weekend|holiday|vacation|evening|dinner)\s+)?"
    r"(?:doubts?|fears?|worr(?:y|ies)|anxiet(?:y|ies)|excuses?|negativity|noise|drama|haters?|emotions?|feelings?|"
    r"self[\s-]*doubt|bad\s+habits?|habits?|dreams?|goals?|plans|subscriptions?|memberships?|"
    r"netflix|gym|spotify|dudas|miedos?|excusas|d[úu]vidas|medos?|desculpas|zweifel|[äa]ngste|angst|doutes|peurs?|"
    r"keraguan|ketakutan|rasa\s+takut|сомнени\w*|страх\w*)(?!\w)"
    r"(?!\s+(?:trades?|positions?|longs?|shorts?|orders?|calls?|signals?|entry|entries|setups?)(?!\w))")
# ("Coinbase closed #XRP trading", "Binance has closed …"): an exchange closed something of its own, no position of ours
# Session 23 (status23): a timeframe right before the verb ("ENA condition met ✅ 1h closed at 0.7874 — the re-entry is
# live", "4H closed at 3.21, trigger confirmed", "H1 candle closed at 0.78", "günlük mum 3.20'de kapandı", "дневка
# закрылась на 3.20"): a candle's close at a price — the market, never the trade ("closed the 4H scalp" names the trade
# after the verb and still closes it)
_TIMEFRAME_BEFORE = re.compile(r"(?<![\w.,])(?:\d{1,2}\s*(?:m|min|mins|h|hr|hrs|d|w|ч|д)|[mhdw]\d{1,2}|daily|weekly|monthly|"
                               r"hourly|дневк\w*|недельк\w*|g[üu]nl[üu]k|haftal[ıi]k|diari[oa]|semanal|t[äa]glich\w*|"
                               r"journali[èe]re?)(?:\s+(?:candle|bar|vela|mum(?:u|lar)?|kerze|bougie|candela|свеч\w*|"
                               r"close|closing))?\s*$")
_VENUE_BEFORE = re.compile(r"(?<!\w)(?:binance|coinbase|bybit|okx|kraken|kucoin|bitget|mexc|upbit|bitfinex|robinhood|"
                           r"(?:the\s+)?exchange|sec|cme)\s+(?:(?:has|have|just|officially|temporarily|finally|also)\s+){0,2}$")
# ("#ETH will be closed at TP2", "the #SOL trade will be closed at 155", "#ETH будет закрыт на TP2", "#ETH wird bei TP2
# geschlossen"): a close said for later — a plan ("we're going to close #SOL now" is for now)
# (the same in other languages: "#ETH será fechado no TP2", "verrà chiuso", "sera clôturé", "zostanie zamknięty", "буде
# закрито", "akan ditutup", "سيتم إغلاقها" — "سيتم" is the future of "تم", done; "#ETH 将在 TP2 平仓", "预计…平仓";
# "TP2 で决済予定", "청산 예정" after the verb)
_FUTURE = (r"(?<!\w)(?:will|shall|'ll|going\s+to|gonna|будет|будут|будем|wird|werden|ser[áa]|ser[ãa]o|sar[àa]|verr[àa]|"
           r"verranno|seront|zostan\w*|b[ęe]d\w*|буде|будуть|будемо|akan|سيتم|سوف)\s+(?:(?:be|get)\s+)?")
_FUTURE_BEFORE = re.compile(rf"{_FUTURE}(?:\w+\s+){{0,2}}$|(?:将|预计|计划|打算)[^，,。！!？?\n]{{0,12}}$")
_FUTURE_INSIDE = re.compile(_FUTURE)
_FUTURE_AFTER = re.compile(r"^\s*(?:する|します)?\s*(?:予定|つもり|예정)")
# ("#TON سيتم إغلاق الصفقة الآن", "#ETH akan ditutup sekarang", "#ETH 将立即平仓": for now, in the languages of the future words)
_RIGHT_NOW = re.compile(r"(?<!\w)(?:now|right\s+away|immediately|asap|jetzt|sofort|сейчас|немедленно|ahora|agora|maintenant|"
                        r"imm[ée]diatement|adesso|subito|teraz|natychmiast|зараз|негайно|sekarang|segera|الآن|الان|فورا|فوراً)(?!\w)|"
                        r"现在|立即|马上|立刻|今すぐ|直ちに|지금|즉시")
_DISOWN_VERB = (r"(?<!\w)(?<!n't\s)(?<!not\s)(?:ignore|disregard|ignor(?:en|ad|ar|em|ez|iert|ieren|iere|iamo|ate)|"
                r"игнорир\w*|не\s+обращайте\s+внимания\s+на|aldırmayın|dikkate\s+almayın)")
_DISOWNED_QUOTE = re.compile(
    r"(" + _DISOWN_VERB + r"\s+(?:(?:the|this|that|our|previous|last|earlier|bot'?s)\s+){0,3})"
    # (a quoted status, up to three words before it: "Ignoren el mensaje de 'stop tocado'", "ignore the bot's 'SL hit'")
    r"(?:(?:[^\s'\"«‘“,.;:!?]+\s+){0,3}['\"‘“«][^'\"’”»\n]{1,60}['\"’”»]|"
    # (a status named before the notice's noun or the coin: "ignore the stop hit notice", "Ignore stop loss hit on #XRP")
    r"(?:(?!\b(?:and|but|then|close|exit|only)\b)[^\s,.;:!?]+\s+){1,4}"
    r"(?=(?:notice|message|alert|notification|msg|post)s?(?!\w)|(?:on|for)\s+[#$])|"
    # (the notice's noun, then what it said: "Ignore the alert that said #SOL closed — we're still in")
    r"(?:notice|message|alert|notification|msg|post)\s+(?:that\s+)?(?:said|says|saying)\s+[^,.;:!?—–\n]{1,60})")


# ("the CME gap at 96k is still open", "the window for early entries stays open", "registration still open"): a price gap
# or an offer left open — market talk or an advert, no trade running
_NO_TRADE_STILL_OPEN = re.compile(r"(?<!\w)((?:gaps?|fvgs?|imbalances?|windows?|doors?|registrations?|offers?|presales?|"
                                  r"whitelists?|spots|slots|seats|applications|discounts?|promos?)(?!\w)[^.,;:!?\n]{0,30}?)"
                                  r"(?:still|remains?|stays?)\s+open(?!\w)", re.IGNORECASE)


def without_open_gaps(text: str) -> str:
    """The text with a gap or an offer said to be "still open" blanked (no trade of the follower's is open there)."""
    return _NO_TRADE_STILL_OPEN.sub(lambda m: m.group(1) + "unfilled", text) if "open" in text.lower() else text


# ("SOL never got near 149", "ETH didn't even touch TP2", "nunca llegó a 149", "не дошла до 149"): the price never reached
# the level a notice reported — the notice was a false report of a level hit
_LEVEL_NEVER_REACHED = re.compile(
    r"(?<!\w)(?:never|didn'?t|did\s+not|hasn'?t|has\s+not|haven'?t)\s+(?:even\s+|actually\s+|once\s+)?"
    r"(?:(?:got|get|gone|went|go|came|come|traded|trade|made\s+it)\s+(?:anywhere\s+|even\s+)?"
    r"(?:near|close\s+to|to|up\s+to|down\s+to)|hit|reach(?:ed)?|touch(?:ed)?|tag(?:ged)?|print(?:ed)?)\s+"
    r"(?:the\s+|our\s+)?(?:\$?\d|tp\s*\d?(?!\w)|targets?(?!\w)|sl(?!\w)|stop(?!\w))|"
    r"(?<!\w)nunca\s+(?:lleg[óo]|toc[óo]|alcanz[óo]|chegou|tocou|atingiu|bateu)\s+(?:a\s+|en\s+|o\s+|no\s+|el\s+|ao\s+)?"
    r"(?:\$?\d|tp(?!\w)|sl(?!\w)|stop(?!\w))|"
    r"(?<!\w)не\s+(?:дош[её]л\w*|дошла|доходил\w*|коснул\w*|касал\w*|достиг\w*)\s+(?:до\s+)?(?:\$?\d|тп|tp|стоп\w*|sl)")
# ("Ignore the last bot message ☝️", "disregard the previous alert"): the last notice of the channel's bot disowned
_LAST_NOTICE_DISOWNED = re.compile(r"(" + _DISOWN_VERB + r"\s+(?:the\s+|our\s+|my\s+|that\s+)?(?:last|previous|prior|earlier)\s+"
                                   r"(?:bot\s+|bot's\s+)?)(?:message|alert|post|notification|update|msg)(?!\w)")
# ("that trade closed at entry at 12:31", "it was already stopped out earlier"): the trade's end told with its time —
# what happened before the notice, not a close now
_CLOSED_AT_A_TIME = re.compile(
    r"(?<!\w)(?:already\s+)?(?:closed|stopped\s+out|exited|hit\s+(?:the\s+)?(?:sl|stop))(?!\w)"
    r"(?=[^.!?\n]{0,40}?(?:(?<!\w)at\s+\d{1,2}:\d{2}(?!\d)|(?<!\w)(?:earlier|ago|yesterday|before\s+that|this\s+morning|"
    r"last\s+night|overnight)(?!\w)))|"
    r"(?<!\w)already\s+(?:closed|stopped\s+out|exited)(?!\w)")


def without_disowned_notices(lowered: str) -> str:
    """The post with what says nothing of a trade blanked: the status a notice it disowns reported ("Ignore the bot's
    'Stop Target Hit' on #GALA", "ignore the stop hit notice on #ETH"), and a gap or an offer "still open".

    A bot's last notice disowned as a false report of a level hit ("Ignore the last bot message ☝️ SOL never got near
    149, that trade closed at entry at 12:31. Price feed hiccup"): the notice was no call — disowning it withdraws no
    trade — and the trade's end told with its time is what happened before it, no close now. (A call disowned — "ignore
    the last bot message about #PEPE, it was a test webhook, NOT a trade" — says no level was missed: it stays a close.)"""
    if "ignore" in lowered or "disregard" in lowered or "игнор" in lowered:
        if _LEVEL_NEVER_REACHED.search(lowered) and _LAST_NOTICE_DISOWNED.search(lowered):
            lowered = _LAST_NOTICE_DISOWNED.sub(lambda m: m.group(1) + "notice", lowered)
            lowered = _CLOSED_AT_A_TIME.sub("over", lowered)
        lowered = _DISOWNED_QUOTE.sub(lambda m: m.group(1) + " notice ", lowered)
    return without_open_gaps(lowered)


# ("#ETH almost got stopped out": the auxiliary between "almost" and the stop-out)
# ("barely got stopped out" was stopped — by a little; "quase foi stopado", "casi fue", "fast wurde")
_ALMOST = re.compile(r"(?<!\w)(?:almost|nearly|casi|quase|presque|quasi|fast|почти|neredeyse|suýt|hampir|nyaris)\s+"
                     r"(?:(?:got|get|getting|been|was|were|have\s+been|had\s+been|we\s+got|foi|fomos|fue|fuimos|wurde|wurden|a\s+[ée]t[ée])\s+)?$|"
                     # ("#ETH 差点打到止损了", "거의 손절", "เกือบโดน"): "almost" before the stop-out, in CJK and Thai
                     r"(?:差点|差一点|险些|几乎|もう少しで|거의|เกือบ)\s*$")
# ("SOL stopped at resistance 150 again", "ETH stopped right at the 0.618 fib", "DOGE stopped out everyone before the pump",
# "XRP hit the stop of many longs", "SL got hit on the last trade, it happens"): the price halted at a level, other
# people's stops taken, or a past trade's stop — market talk or a lesson, no stop-out of a running trade
_PRICE_HALTED = re.compile(
    r"^(?:\s+(?:right|just|exactly|perfectly|precisely|again|cleanly|twice))*"
    r"(?:\s+(?:at|on|by|near|under|below|above|into|in\s+front\s+of))?"
    r"(?:\s+(?:the|a|an|that|this|major|key|strong|local|daily|weekly|4h|1h|h4|h1|big))*(?:\s+\$?\d[\d.,]*\s*k?)?"
    r"\s+(?:resistance|support|fib\w*|ema\d*|sma\d*|ma\d+|moving\s+average|trend\s*line|wall|ceiling|supply|demand|"
    r"golden\s+pocket|vwap|range\s+(?:high|low)|order\s*block|fvg)(?!\w)")
# ("stopped out at support, painful": our stop-out, at a level — the level reading is for the price that "stopped")
_OTHERS_STOPPED = re.compile(
    r"^s?\s+(?:out\s+)?(?:(?:of|for)\s+)?(?:every(?:one|body)|all\s+the\s+\w+|many|most|lots\s+of|plenty\s+of|"
    r"the\s+(?:longs|shorts|bulls|bears|late)|longs|shorts|late\s+\w+|retail|over[\s-]*leveraged)(?!\w)|"
    # ("SL hit for a LOT of traders today", "stops hit for tons of people", "stop hit for so many folks on that wick"):
    # other people's stops taken by the wick — not the channel's trade ("for a lot of us" would be ours: not matched)
    r"^s?\s+(?:out\s+)?(?:for|of)\s+(?:(?:a\s+(?:lot|ton|bunch|load)\s+of|tons\s+of|loads\s+of|so\s+many|too\s+many|"
    r"many|most|some|a\s+few)\s+)?(?:other\s+)?(?:traders|people|folks|accounts|longs|shorts|bulls|bears|"
    r"degens|retail\s+traders)(?!\w)|"
    r"^\s+(?:on|in)\s+(?:the\s+|our\s+|my\s+)?(?:last|previous|prior)\s+(?:trade|signal|call|one)(?!\w)")


# ("Yang tanya kenapa sinyal #SEI kemarin dibatalkan: karena BTC dump …", "For those asking why we closed #ARB early:
# funding flipped", "Para los que preguntan por qué cerramos #SOL: …", "Много вопросов, почему закрыли #ETH"): a close or a
# cancel done before, explained to those who ask why — no close now ("that's why we close #SOL", "itulah kenapa kita
# tutup", "вот почему закрываем" give the reason for a close made now: not this)
_WHY_EXPLAINED = re.compile(
    r"(?<!\w)(?<!that's\s)(?<!thats\s)(?<!that\sis\s)(?<!this\sis\s)(?<!which\sis\s)(?<!it's\s)(?<!its\s)(?<!itulah\s)(?<!inilah\s)"
    r"(?<!вот\s)(?<!c'est\s)(?<!voilà\s)(?<!voila\s)(?<!es\s)(?<!é\s)(?<!就是)(?<!这是)"
    r"(?:why|kenapa|mengapa|knp|por\s+qu[ée]|pourquoi|warum|wieso|weshalb|почему|зачем|neden|niye|dlaczego|czemu|"
    r"t[ạa]i\s+sao|v[ìi]\s+sao|چرا|لماذا|ليش|क्यों|bakit)(?!\w)|(?<!这就是)(?<!就是)(?:为什么|为何)|なぜ|どうして")


_CANCEL_START = re.compile(_CANCEL_VERB)
# ("cancel entry 2 — entry 1 not filled yet, keep that one", "… keep entry 1 at 2.15"): the unfilled first rung kept
# waiting — only the later rung goes
_FIRST_RUNG_KEPT = re.compile(r"(?<!\w)(?:keep|leave)\s+(?:that\s+one|this\s+one|entry\s*1|entry\s+one|the\s+first(?:\s+(?:one|entry|order|buy))?|"
                              r"(?:the\s+)?(?:1st|first)\s+(?:entry|order|buy))(?!\w)|"
                              r"(?:entry\s*1|(?:the\s+)?(?:1st|first)\s+(?:entry|order))\s+(?:stays|remains|is\s+kept|still\s+stands)(?!\w)")


def _cancels_one_order(line: str, match: re.Match[str], lowered: str = "") -> bool:
    """The close phrase is a cancel of one order of the trade (a target, the stop, one entry rung) or of the limit swapped
    for a market entry — the trade goes on ("#SOL cancel TP3", "cancel the limit and enter at market")."""
    verb = _CANCEL_START.search(match.group(0))
    if verb is None:
        return False
    # (the phrase may hold the object: "cancel the dca order", "limit emri iptal")
    start, end = match.start() + verb.start(), match.start() + verb.end()
    one = _ONE_ORDER_AFTER.match(line[end:])
    if one is not None and not re.search(_ONE_STOP_OR_TARGET, one.group(0)) and first_rung_not_filled(lowered or line) \
            and not _FIRST_RUNG_KEPT.search(lowered or line):
        # ("cancel entry 2, entry 1 not filled either", "cancel only the 2nd entry — the first never triggered"): a later
        # rung named while the first is said unfilled too — nothing of the call runs, the cancel is the whole call's
        one = None
    return bool(one or _ONE_ORDER_BEFORE.search(line[:start])
                or _THAT_ORDER_AFTER.match(line[end:]) and _RUNG_NAMED.search(lowered or line[:start])
                and not first_rung_not_filled(lowered or line)
                or _PRICED_ORDER_AFTER.match(line[end:]) and _OTHER_RUNG_FILLED_RE.search(lowered or line)
                or _MARKET_INSTEAD.search(line[end:])
                or _FOR_THOSE_NOT_IN.search(line) and not re.search(_THOSE_IN_CLOSE, line))


# ("2nd entry 130 was not reached, cancel that limit", "DCA at 130 didn't fill — cancel this order"): the cancel's object
# points back to the one rung named earlier on the line
_THAT_ORDER_AFTER = re.compile(r"^\s+(?:(?:that|this|it|the\s+same)(?:\s+(?:one|limit|order|limit\s+order|buy\s+order|entry))?|"
                               r"(?:его|её|ее|эту\s+заявку|этот\s+ордер|esa\s+orden|esa|ese|essa\s+ordem|essa|diese\s+order|bunu|onu))(?!\w)"
                               r"(?!\s*(?:[,.]\s*)?(?:and\s+|&\s+)?(?:we'?re\s+out|we\s+are\s+out|close|exit))")
# One rung of the entries named by its place or as the averaging order ("2nd entry", "the remaining orders", "DCA order")
_RUNG_OR_DCA = rf"(?:{_UNFILLED_RUNGS}|dca(?:\s+(?:order|limit|entry))?)"
_RUNG_NAMED = re.compile(rf"(?<!\w){_RUNG_OR_DCA}(?!\w)")
_PRICED_ORDER_AFTER = re.compile(r"^\s+" + _PRICED_ORDER)
_OTHER_RUNG_FILLED_RE = re.compile(_OTHER_RUNG_FILLED)


# ("signal expired for latecomers only — if you're in, hold", "setup expired. If you got filled, keep your SL"): the
# expiry is for those not filled — those in keep the trade
_EXPIRY_PHRASE = re.compile(r"expir|ист[её]к|s[üu]resi|abgelaufen|scadut|h[ếe]t\s+h[ạa]n|kedaluwarsa|过期|만료|期限切れ|"
                            r"(?:not|never)\s+(?:reached|hit|touched)|invalid")
_THOSE_IN_KEEP = re.compile(r"(?<!\w)(?:if\s+you(?:'re|\s+are)\s+(?:already\s+)?in|if\s+you\s+(?:already\s+)?(?:entered|got\s+in|"
                            r"got\s+filled|were\s+filled|are\s+filled)|those\s+(?:who\s+are\s+|who\s+)?(?:already\s+)?(?:in|entered|filled)|"
                            r"(?:for\s+)?latecomers(?:\s+only)?|for\s+new\s+entries\s+only|(?:tp|target)\s*\d\s+(?:already\s+)?"
                            r"(?:hit|reached|done)|(?:tp|target)\s*\d\s+\w+\s+already)(?!\w)")
# ("2nd entry 130 was not reached, cancel that limit"): one rung of the entries named before the expiry or the cancel
_RUNG_BEFORE = re.compile(rf"(?<!\w){_RUNG_OR_DCA}\s+(?:at\s+|@\s*)?(?:\$?\d[\d.,]*\s+)?"
                          r"(?:\S+\s+){0,4}$")


# ("Closed: 50% | Remaining: 50% — closing the rest now", "closing everything now … (Remaining: 50% — close all of it)"):
# a close said of the rest or of everything outranks the card's field of the share left — it ends the trade
_ALL_OF_IT = re.compile(r"(?<!\w)(?:everything|all|it\s+all|them\s+all|the\s+rest|whole|entire)$")
_ALL_OF_IT_AFTER = re.compile(r"^\s+(?:out\s+)?(?:(?:the|our|my)\s+)?(?:rest|remainder|remaining\s+(?:\w+\s+)?(?:position|bag|size|part|half)|"
                              r"everything|all\s+of\s+it|(?:it|them)\s+all|whole\s+(?:position|bag|trade)|"
                              r"entire\s+(?:position|bag|trade))(?!\w)")
# zh "ONDO 跌破 1.21 止损出局 ❌ 亏损 -8%" (broke below 1.21, stopped out, loss -8%): the break is a report, its loss
# taken; "跌破2.0就出场" (on a break of 2.0, exit: 就) waits for it
_BROKE_AND_OUT = re.compile(r"跌破\s*\$?\d[\d.,]*\s*(?:止损)?\s*(?:出局|离场|出场)[^\n就则]{0,8}?(?:亏损|损失|亏)\s*-?\d")
_BROKE_BEFORE = re.compile(r"跌破\s*\$?\d[\d.,]*\s*(?:止损)?\s*$")


# A close verb in a conditional form ("#LINK kapatırsak …" if we close, "kapatınca" once we close, "kapatırken" while
# closing; "#LINK 決済したら…", "決済すれば" if closed; hi-Latn "close karein to loss hoga" if we close): the sentence weighs
# a close, it orders none
_CONDITIONAL_CLOSE_VERB = re.compile(r"(?:kapat|kapan|sat|[çc][ıi]k)\w*?(?:[ıiuü]r|[ae]r)s[ae](?:k|m|n[ıi]z|lar)?$|"
                             r"(?:kapat|kapan|sat|[çc][ıi]k)\w*?(?:[ıiuü]nca|[ae]nca|[ıiuü]rken|[ae]rken)$")
_CONDITIONAL_TAIL = re.compile(r"\w*\s*(?:したら|すれば|すると|する场合|しても)")
_HI_VERB_END = re.compile(r"(?<!\w)(?:kar\w*|kiya|kiye|diya|liya)$")
_HI_THEN = re.compile(r"(?:\s+(?:kar\w*|kiya|kiye)(?:\s+(?:diya|liya|den|le|lo|do))?)?\s+(?:to|toh|तो)(?!\w)")
_WORD_REST = re.compile(r"\w*")


def _cancels_a_share(line: str, match: re.Match[str]) -> bool:
    """(session 23, partial23) The close phrase is a cancel of a share of the pending order ("Cancel half of the DOGE
    order", "ETH cancel 50%"): the rest of the order waits on — no cancel of the call."""
    return _CANCEL_START.search(match.group(0)) is not None \
        and any(share.start() <= match.end() and share.end() >= match.start() for share in PARTIAL_CANCEL_RE.finditer(line))


def _conditional_form(match: re.Match[str], line: str) -> bool:
    """The close phrase's verb is conditional: its word's ending (tr), the words right after it (ja), or "to" (then)
    after the verb "kar" (hi-Latn)."""
    word = match.group(0) + _WORD_REST.match(line, match.end()).group(0)
    if _CONDITIONAL_CLOSE_VERB.search(word) is not None or _CONDITIONAL_TAIL.match(line, match.end()) is not None:
        return True
    then = _HI_THEN.match(line, match.end())
    return then is not None and (_HI_VERB_END.search(match.group(0)) is not None or "kar" in then.group(0)
                                 or "kiy" in then.group(0))


_STOPPED_OUT = re.compile(r"stopped\s+out")


def _close_readings(lowered: str, coins: frozenset[str] = frozenset()):
    """For each close phrase of the post, in order: "waits" (a condition or a level comes first: "if BTC closes below
    60k we will close the ETH long", "Close #NEAR short if 4H closes above 5.40", "Close #BTC above 100k"), "no"
    (negated, asked, almost: "Never close in panic", "Close #SOL?", "almost hit our stop") or "now"."""
    plan = sum(1 for line in lowered.splitlines() if _PLAN_STEP_RE.match(line)) >= 2
    # (a share said still open: the card's "closed" is a part of the position — "Closed: 25% | Remaining: 50%")
    share_left = ("remain" in lowered or "left" in lowered or "open" in lowered or "runner" in lowered or "rest" in lowered) \
        and SHARE_LEFT_RE.search(lowered) is not None
    active = _CLOSE_PATTERN.active(lowered)
    for line in _status_lines(lowered, coins).splitlines():
        if _PLAN_STEP_DONE_RE.match(line) or plan and _PLAN_STEP_RE.match(line):
            continue
        broke_and_out = "跌破" in line and _BROKE_AND_OUT.search(line) is not None
        for match in _CLOSE_PATTERN.finditer(line, active):
            before = line[:match.start()]
            sentence_after = re.split(r"[.!?;](?:\s|$)", line[match.end():], maxsplit=1)[0]
            clause_before = re.split(r"[.!?;,:]\s+|\s[—–-]\s", before)[-1]
            if broke_and_out:
                # ("ONDO 跌破 1.21 止损出局 ❌ 亏损 -8%"): the break is what happened — the trade is out at a loss taken
                before = _BROKE_BEFORE.sub(" ", before)
            if _waits(before) or _MARKET_CONDITION.search(sentence_after) or _LEVEL_CONDITION.match(sentence_after) \
                    or _conditional_form(match, line) \
                    or not _PAST_VERB.search(match.group(0)) and _AT_LEVEL_LATER.search(sentence_after) \
                    or (_FUTURE_BEFORE.search(clause_before) or _FUTURE_INSIDE.search(match.group(0))
                        or _FUTURE_AFTER.match(sentence_after)) \
                    and not (_RIGHT_NOW.search(sentence_after) or _RIGHT_NOW.search(clause_before)):
                yield "waits"
            # (a negation in an earlier clause is about something else: "$TON limit never filled — cancel the order")
            # (the thing closed is in the verb's own clause: "#ETH closed, trading plan worked" closes ETH)
            # ("stopped out, that wick was rude": a stop-out takes no object — the wick after it is what did it)
            elif not _STOPPED_OUT.fullmatch(match.group(0)) \
                    and _NOT_A_POSITION_AFTER.match(re.split(r"[,，]\s", sentence_after, maxsplit=1)[0]) \
                    or _NOT_A_POSITION_BEFORE.search(clause_before) \
                    or _NOT_A_TRADE_THING_AFTER.match(line[match.end():]) \
                    or _WHY_EXPLAINED.search(re.split(r"(?<!\d)[.!?;](?:\s|$)", before)[-1]) \
                    and not _RIGHT_NOW.search(re.split(r"(?<!\d)[.!?;](?:\s|$)", before)[-1] + sentence_after) \
                    or _VENUE_BEFORE.search(clause_before) or _TIMEFRAME_BEFORE.search(clause_before) \
                    or _NEGATED.search(re.split(r"[.!?;]\s+|\s[—–-]\s", before)[-1]) or _ASKED.match(line[match.end():]) \
                    or _ALMOST.search(before) \
                    or _invalidation_label(match.group(0), line[match.end():]) \
                    or match.group(0) in ("إغلاق", "اغلاق") and _CANDLE_AFTER_AR.match(line[match.end():]) \
                    or match.group(0).endswith("stopped") and _PRICE_HALTED.match(line[match.end():]) \
                    or ("stop" in match.group(0) or "sl" in match.group(0)) and _OTHERS_STOPPED.match(line[match.end():]) \
                    or said_not_done(before, match.group(0), line[match.end():]) or _cancels_one_order(line, match, lowered) \
                    or _cancels_a_share(line, match) \
                    or share_left and not _CANCEL_START.match(match.group(0)) and not _ALL_OF_IT.search(match.group(0)) \
                    and not _ALL_OF_IT_AFTER.match(line[match.end():]) \
                    or _EXPIRY_PHRASE.search(match.group(0)) and (_THOSE_IN_KEEP.search(lowered)
                                                                  or _RUNG_BEFORE.search(clause_before)
                                                                  and not first_rung_not_filled(line)):
                yield "no"
            else:
                yield "now"


# ("Отмена идеи: закрытие дня ниже 91 500", "Cancel idea: daily close below 91,500", "İptal: günlük kapanış 91.500 altı",
# "Batal jika: penutupan harian di bawah 0,40", "Скасування ідеї: закриття дня нижче …", "Отмена — пробой 91 500 вниз"): a
# cancel word heading a condition on the price is the label of the idea's invalidation level, no cancel said now ("Отмена:
# цена ушла без нас", "Cancel: we missed it" are cancels, and "Отмена идеи" alone cancels the idea)
# (the noun or the bare verb that heads a label: "cancelled:", "annullato:" tell a cancel done, and why)
_CANCEL_WORD = re.compile(r"отмена|скасування|cancel|cancellation|cancelar|cancelaci[óo]n|anulaci[óo]n|annulation|annullamento|"
                          r"iptal|batal|h[ủu]y|huỷ|取消|إلغاء|الغاء")
# ("la 4h non ha chiuso sotto 61.800", "the 4H did not close below …"): the reason a cancel was done, not a condition
_NEGATED_REASON = re.compile(r"(?<!\w)(?:not|never|didn'?t|hasn'?t|non|не|ні|nie|nicht|tidak|không|chưa|hi[çc])(?!\w)")
_INVALIDATION_LABEL = re.compile(
    r"^[ \t]*(?:(?:the|of|the|de|la|da|do|del|dell'|of\s+the|an?|this|our)[ \t]+){0,2}"
    r"(?:(?:idea|ideia|idée|idee|setup|set-up|scenario|scénario|escenario|cenário|plan|plano|piano|trade|call|signal|"
    r"идеи|иде[яю]|сценари[яй]|сетапа?|плана?|сигнала|ідеї|сценарію|fikr[iı]|senaryo\w*|kịch[ \t]+bản|ý[ \t]+tưởng|"
    r"ide(?:nya)?|الفكرة|الصفقة|السيناريو)[ \t]*|(?:jika|kalau|if|si|se|если|якщо|eğer|nếu|wenn|falls)[ \t]*)?"
    # (a colon or a dash, or a word of the condition: "Отмена идеи при закрытии дня ниже …", "cancel on a daily close …")
    r"(?:[:：—–-]|(?=(?:при|у\s+разі|on\s+an?|upon|if|если|якщо|when|once|si|se|wenn|falls|jika|nếu|eğer|عند|إذا)(?!\w)))")
_PRICE_CONDITION = re.compile(
    r"(?<!\w)(?:below|under|above|over|loses?|break(?:s|ing)?|ниже|выше|под|над|пробо\w*|нижче|вище|debajo|encima|"
    r"abaixo|acima|sous|au-dessus|sotto|sopra|unter|über|ueber|alt[ıi]\w*|üst[üu]\w*|üzerinde|d[ưu][ớo]i|tr[êe]n|"
    r"bawah|atas|تحت|فوق|أسفل|أعلى|دون)(?!\w)|跌破|突破|低于|高于")


# ("إغلاق يومي تحت 91500", "إغلاق الشمعة فوق …": a daily or a candle's close — the market's, no order to close)
_CANDLE_AFTER_AR = re.compile(r"^[ \t]*(?:ال)?(?:يومي[ةه]?|أسبوعي[ةه]?|شمع[ةه]|ساع[ةه]|اليوم|الأسبوع|\d+[ \t]*(?:ساعات|ساعة|س))(?!\w)")


# (the event that voids the idea: a candle's or a day's close, a break, or a condition — "цена ушла выше 95 000 без нас"
# tells where the price went, a cancel done)
_VOIDING_EVENT = re.compile(
    r"(?<!\w)(?:clos(?:e|es|ing)|candle|break\w*|закрыти\w*|закриття|свеч\w*|пробо\w*|cierre|vela|fechamento|"
    r"chiusura|cl[ôo]ture|kapan[ıi][şs]\w*|mum|penutupan|[đd][óo]ng|n[ếe]n|tagesschluss|schluss\w*|"
    r"if|si|se|если|якщо|при|jika|kalau|bila|n[ếe]u|e[ğg]er|wenn|falls|on|upon|once|when|إغلاق|اغلاق|شمع\w*|إذا|عند)(?!\w)"
    r"|收盘|跌破|突破")


def _invalidation_label(word: str, after: str) -> bool:
    label = _INVALIDATION_LABEL.match(after) if _CANCEL_WORD.fullmatch(word.strip()) else None
    condition = _PRICE_CONDITION.search(after, label.end()) if label is not None and re.search(r"\d", after) else None
    # (a negation before the condition: the reason a cancel was done — "Отмена: 4ч не закрылась ниже 61 800")
    return condition is not None and not _NEGATED_REASON.search(after, label.end(), condition.start()) \
        and _VOIDING_EVENT.search(after) is not None


def closed_by_someone_else(lowered: str, coins: frozenset[str] = frozenset()) -> bool:
    """A close phrase of the post is someone else's ("Some of you closed #DOT early, we are still in", "有些人已经平仓
    #AVAX，我们继续拿"): told beside the channel's trade held, it is a remark on others, no status of the call."""
    active = _CLOSE_PATTERN.active(lowered)
    for line in _status_lines(lowered, coins).splitlines():
        for match in _CLOSE_PATTERN.finditer(line, active):
            before = line[:match.start()]
            clause_before = re.split(r"(?<!\d)\.\s*|\.(?!\d)\s*|[!?;,，。？！、:]\s*|\s[—–-]\s", before)[-1]
            if _SOMEONE_ELSE.search(_CONTRAST.split(clause_before)[-1]) or _OTHERS_POSITION_AFTER.match(line[match.end():]):
                return True
    return False


_CONTRAST = re.compile(r"(?<!\w)(?:but|however|nh[ưu]ng|tapi|tetapi|namun|pero|mas|aber|mais|но|однако|ama|fakat|لكن|ولكن|"
                       r"اما|ولی)(?!\w)|但是?|可是|不过|하지만|그러나|แต่")


# ("… closed a $14M #BTC short", "… closed his #SOL long", "… sold her ETH bag"): a position in millions, or his or hers —
# someone else's trade (the channel's own is "our" or none)
_OTHERS_POSITION_AFTER = re.compile(
    r"^\s+(?:out\s+of\s+)?(?:(?:a|an|his|her|their)\s+)?(?:[#$]?\w+\s+)?\$\s?\d[\d.,]*\s*(?:m|mn|mm|million|b|bn|billion)(?!\w)|"
    r"^\s+(?:out\s+of\s+)?(?:his|her)\s+(?:[#$]?\w+\s+){0,2}?(?:position|long|short|trade|bag|stack)s?(?!\w)|"
    # ("@mike closed his #SOL early and made +$300"): his or her coin (the coin may be read out of the line: "closed his
    # early"), or theirs named
    r"^\s+(?:out\s+of\s+)?(?:his|her)(?!\w)|^\s+(?:out\s+of\s+)?their\s+[#$][a-z0-9]{2,15}(?!\w)")


# ("Last cycle I sold all my ETH at 4000", "In 2021 I sold all my #SOL", "sold all my ETH for a car back then", "I wish
# I sold all my #APE", "Every time I sold all my #BTC it pumped", "vendí todo el año pasado", "Letztes Jahr alles
# verkauft", "В 2021 продал всё", "nel 2019"): a story of the past, a wish or a habit — told in the phrase's sentence, no
# change of a trade now ("yesterday" is not one: a close reported late still ends the trade)
_STORY = re.compile(
    r"(?<!\w)(?:last\s+(?:cycle|year|bull\s*run|bull\s+market|bear\s+market|bear|bull|season|summer|winter|spring|autumn|"
    r"decade)|(?:a\s+(?:few\s+|couple\s+(?:of\s+)?)?|\w+\s+)(?:years?|cycles?)\s+(?:ago|back)|back\s+then|back\s+in\s+the\s+day|"
    r"(?:back\s+in|in|since|during|en|nel|em|im|w|в|во|dans|di)\s+(?:(?:the\s+year|jahre?|el\s+a[ñn]o|l'anno|l'ann[ée]e)\s+)?"
    r"(?:early\s+|late\s+|mid[\s-]?)?(?:2009|201\d|202\d)"
    r"(?![\d.,]*\d)(?!\s*(?:k|\$|usd))|"
    # ("Back in '21 I sold all my #ETH", "Sold all my #BTC at the 2021 top", "closed #ETH during the last ATH")
    r"(?:back\s+in|in|since|during)\s+['’‘][12]\d(?!\d)|"
    r"(?:at|during|near|before|after)\s+the\s+(?:(?:20[12]\d|['’‘][12]\d|last|previous|old|first)\s+)+"
    r"(?:top|ath|peak|bottom|high|low|bull\s*run|bull\s+market|cycle|crash|halving)s?|"
    r"el\s+(?:a[ñn]o|ciclo)\s+pasado|hace\s+(?:\w+\s+)?a[ñn]os|en\s+aquel\s+entonces|(?:no\s+)?ano\s+passado|"
    r"(?:l')?anno\s+scorso|anni\s+fa|all'epoca|letzte[ns]?\s+(?:jahr|zyklus|bullrun)|vor\s+(?:\w+\s+)?jahren|damals|"
    r"l'ann[ée]e\s+derni[èe]re|l'an\s+dernier|[àa]\s+l'[ée]poque|в\s+прошлом\s+(?:году|цикле)|(?:\w+\s+)?(?:лет|год)\s+назад|"
    r"ge[çc]en\s+(?:y[ıi]l|sene|d[öo]ng[üu])|y[ıi]llar\s+[öo]nce|"
    # (a wish)
    r"i\s+wish|wish\s+i|if\s+only|ojal[áa]|ich\s+w[üu]nschte|h[äa]tte\s+ich|если\s+бы|вот\s+бы|magari|se\s+solo|"
    r"si\s+seulement|ke[şs]ke|"
    # (a habit)
    r"every\s+(?:single\s+)?time|each\s+time|whenever|cada\s+vez\s+que|toda\s+vez\s+que|jedes\s+mal|каждый\s+раз|"
    r"ogni\s+volta|chaque\s+fois|her\s+seferinde|"
    # (what the coins bought: "sold all my ETH for a car")
    r"for\s+(?:a|an|my|our|the|two|some)\s+(?:new\s+|used\s+)?(?:car|house|home|apartment|flat|wedding|vacation|holiday|"
    r"trip|rent|tuition|ring|phone|laptop|tesla|lambo|bike|pizzas?)s?)(?!\w)")


def _told_as_story(before: str, after: str) -> bool:
    """The phrase's sentence tells a story of the past, a wish or a habit (see `_STORY`)."""
    sentence = re.split(r"(?<!\d)[.!?;](?:\s|$)|[.!?;](?=\s|$)", before)[-1] + " " \
        + re.split(r"[.!?;](?:\s|$)", after, maxsplit=1)[0]
    return _STORY.search(sentence) is not None


def said_not_done(before: str, phrase: str, after: str) -> bool:
    """The phrase is negated, weighed, regretted, for later, or someone else's ("#SOL hasn't hit SL", "Worst case #SOL
    hits SL", "We should have closed #SOL", "#SOL will move SL to entry soon", "Another channel closed #SOL")."""
    # (a point inside a price does not end the clause: "到 4.5 再卖出一半")
    clause_before = re.split(r"(?<!\d)\.\s*|\.(?!\d)\s*|[!?;,，。？！、:]\s*|\s[—–-]\s", before)[-1]
    # (the few words after it, up to a mark: "All signals closed for today ✅ see you tomorrow" closes now)
    clause_after = " ".join(re.split(r"[^\w\s%#$'+/-]|\s[—–-]\s", after, maxsplit=1)[0].split()[:5])
    # (a hedge before "but" is about the other event: "#AVAX suýt chạm TP1 nhưng sau đó dính SL" — almost TP1, then the stop hit)
    clause_now = _CONTRAST.split(clause_before)[-1]
    return bool(_NEGATED_BEFORE.search(clause_before) or _NEGATED_AFTER.match(after) or _NEGATED_INSIDE.search(phrase)
                or _NOT_DONE.search(clause_now) or _NOT_DONE.search(clause_after) or _SOMEONE_ELSE.search(clause_before)
                or _OTHERS_POSITION_AFTER.match(after) or _told_as_story(before, after)
                or not _PAST_VERB.search(phrase) and (_TOO_EARLY.search(clause_before) or _TOO_EARLY.search(clause_after)))


# ("Add more #SOL to your watchlist", "Добавляем #SOL в вотчлист", "Add more funds", "Add more to your knowledge"): something
# else added, not the position
_NOT_THE_POSITION = re.compile(r"(?<!\w)(?:watch\s*list\w*|вотчлист\w*|список\s+наблюдения|lista\s+de\s+seguimiento|"
                               r"izleme\s+listesi\w*|funds|knowledge|radar)(?!\w)")


def hedged(lowered: str) -> bool:
    """The post weighs, regrets or attributes to someone else what it says ("Worst case #SOL hits SL, -3%",
    "Many traders got stopped on #SOL, not us")."""
    return bool(_NOT_DONE.search(lowered) or _SOMEONE_ELSE.search(lowered))


def _position_change_phrases(lowered: str, action: UpdateAction):
    """(line, match) for each phrase of the post that says `action`, when it changes a follower's position."""
    if action not in POSITION_CHANGES and action != UpdateAction.CANCEL_ENTRY:
        return
    pattern = _PATTERN_BY_ACTION[action]
    active = pattern.active(lowered) if isinstance(pattern, _Gated) else None
    for line in lowered.splitlines():
        for match in pattern.finditer(line, active) if active is not None else pattern.finditer(line):
            yield line, match


def change_beside(lowered: str, action: UpdateAction) -> bool:
    """`action` (the stop to breakeven, the unfilled entries cancelled) ordered now, said beside another change of the
    same post ("TP1 ✅ 50% closed, SL to entry", "Фиксируем половину, стоп в безубыток", "TP1 hit ✅ cancel remaining
    orders"); not when negated, for later or on a condition ("SL to BE after TP2")."""
    for line, match in _position_change_phrases(lowered, action):
        clause = _CLAUSE_BREAK.split(line[:match.start()])[-1] + match.group(0) \
            + _CLAUSE_BREAK.split(line[match.end():], maxsplit=1)[0]
        if not _CONDITION.search(clause) and not update_not_now(line, action):
            return True
    return False


# The reader's own choice ("up to you", "if you like", "those who want", "optional", "your call", es "si quieres", "quien
# quiera", pt "quem quiser", "fica a seu critério", ru "по желанию", "кто хочет", tr "isteyen", "size kalmış", de "wer
# will", "nach Belieben", fr "si vous voulez", "ceux qui veulent", "libre à vous", it "chi vuole", id "yang mau",
# "terserah", vi "ai muốn", "tùy", ar "لمن يرغب", "اختياري", zh "自行决定", "可选")
READERS_CHOICE_RE = re.compile(
    r"(?<!\w)(?:up\s+to\s+you|your\s+(?:call|choice|decision)|(?:if|as)\s+you\s+(?:like|want|wish|prefer)|if\s+you'?d\s+like|"
    r"feel\s+free\s+to\s+(?:\w+\s+){0,2}?(?:mov|clos|tak|book|secur|add|exit|sell|cut|averag|keep|hold|stay|lock|trail)\w*|optional(?:ly)?|at\s+your\s+(?:own\s+)?(?:discretion|choice)|(?:those|anyone|whoever|people|guys)\s+(?:who\s+)?"
    r"(?:want|wants|wish|wishes|like)|who\s+wants?\s+to|si\s+(?:quieres|quieren|lo\s+desean|desean)|quien(?:es)?\s+quiera\w*|"
    r"los\s+que\s+quieran|a\s+(?:tu|su)\s+criterio|opcional|se\s+quiser(?:em)?|quem\s+quiser|fica\s+a\s+(?:seu\s+)?crit[ée]rio|"
    r"по\s+желанию|кто\s+хочет|на\s+ваше\s+усмотрение|isteyen(?:ler)?|size\s+kalm[ıi][şs]|tercih\s+sizin|wer\s+(?:will|m[öo]chte)|"
    r"nach\s+belieben|si\s+vous\s+(?:voulez|le\s+souhaitez)|ceux\s+qui\s+veulent|libre\s+[àa]\s+vous|facultati[fv]\w*|"
    r"chi\s+vuole|a\s+vostra\s+discrezione|yang\s+mau|terserah|ai\s+mu[ốo]n|t[ùu]y\s+(?:anh\s+em|b[ạa]n|c[áa]c\s+b[ạa]n)|"
    r"لمن\s+يرغب|اختياري|"
    # (the reader's own state decides: "close ETH if you are not comfortable holding", "if you're in profit, close BTC")
    r"if\s+you(?:'re|\s+are)\s+(?:not\s+)?(?:comfortable|in\s+profit|scared|worried|nervous|unsure|greedy|happy\s+with)|"
    # ru "решать вам", de "wenn ihr wollt", hi "agar chahte ho", "aapki marzi", ko "하실 분은", "(선택)"
    r"решать\s+вам|решайте\s+сами|wenn\s+(?:ihr\s+wollt|du\s+willst|sie\s+wollen)|agar\s+chaho|agar\s+chahte\s+ho|"
    r"(?:aapki|apni|tumhari)\s+marzi)(?!\w)|自行决定|可选|随意|하실\s*분|\(선택\)|선택\s*사항")
# The channel's own act, in the first person, right before the change ("we're taking 30% off", "I'm booking half",
# "tomamos", "фиксируем"): its trade changes, whatever it leaves the readers to do
_FIRST_PERSON_BEFORE = re.compile(r"(?<!\w)(?:we|i)(?:'re|'m|'ve|\s+are|\s+am|\s+have|\s+will|'ll)?\s+(?:\w+\s+){0,2}$")
_FIRST_PERSON_VERB = re.compile(r"^(?:tomamos|cerramos|fechamos|realizamos|garantimos|фиксируем|закрываем|зафиксировали|"
                                r"kapat[ıi]yoruz|kapatt[ıi]k|ald[ıi]k|on\s+(?:prend|s[ée]curise|ferme)|nous\s+prenons|"
                                r"wir\s+(?:nehmen|sichern|schlie(?:ß|ss)en)|prendiamo|chiudiamo|kami\s+ambil|kita\s+ambil)(?!\w)")


def partial_left_to_reader(lowered: str) -> bool:
    """Every partial close of the post is left to the reader in its own sentence ("Taking partial profits on #DOGE is up
    to you", "Move SL to entry. Those who want can also take 30% off"), none said as the channel's own act ("we're
    taking 30% off here, you can do the same if you like"): an option, no order."""
    phrases = list(_position_change_phrases(lowered, UpdateAction.PARTIAL_CLOSE))
    if not phrases:
        return False
    for line, match in phrases:
        sentence_before = re.split(r"(?<!\d)[.!?;](?!\d)", line[:match.start()])[-1]
        sentence_after = re.split(r"(?<!\d)[.!?;](?!\d)", line[match.end():], maxsplit=1)[0]
        if not READERS_CHOICE_RE.search(sentence_before + " " + match.group(0) + " " + sentence_after) \
                or _FIRST_PERSON_BEFORE.search(sentence_before) or _FIRST_PERSON_VERB.match(match.group(0)):
            return False
    return True


# ("Hope #ETH zone filled tonight", "fingers crossed the entry gets filled", "ojalá se llene la entrada"): a fill wished for
_FILL_WISHED = re.compile(r"(?<!\w)(?:hope|hoping|hopefully|wish|pray|praying|fingers\s+crossed|waiting\s+for|wait\s+for|"
                          r"ojal[áa]|espero|esperamos|надеюсь|hoffe|hoffentlich|esp[èe]re|spero|umar[ıi]m)(?!\w)")
# ("#ETH zone filled on the chart, but our order was above — no fill for us", "entry filled? not yet"): the level traded,
# the channel's order did not fill
_FILL_NOT_OURS = re.compile(r"^\W*not\s+yet(?!\w)|(?<!\w)(?:on\s+the\s+chart|no\s+fill|not\s+(?:filled\s+)?(?:for\s+)?(?:us|ours)|"
                            r"(?:our|my)\s+(?:order|limit|bid|entry)\s+(?:was|is|sat|sits)\s+(?:above|below|higher|lower|too)|"
                            r"missed\s+(?:it|us|our\s+\w+)|didn'?t\s+(?:get\s+)?fill|"
                            # ("Orders filled on the spot #BTC ETFs were massive … no trade from us"): a fund's flows, or
                            # the channel saying it trades none of it
                            r"etfs?|no\s+(?:trade|position|entry|fill)s?\s+(?:from|for)\s+us"
                            r"(?=\s*(?:$|[.,;:!)—–-]|(?:here|there|on\s+(?:it|this|that))(?!\w))))(?!\w)")
# ("Spot #ETH ETF orders filled today"): the orders filled are a fund's
_FUND_ORDERS = re.compile(r"(?<!\w)etfs?(?!\w)")


# ("🐋 OR-4474 │ #ARB/USDT / arb filled ✅", "sol long got filled @ 182.4"): the post's coin written in lower case without
# its tag, heading its line or clause, then said filled — ended there, ticked or at its price (not "arb filled?",
# "arb not filled", "if arb filled …")
_WORD_FILLED = re.compile(r"(?:^|(?<=\n)|(?<=[,.;!:|]\s))[^\w\n]*(?P<word>[a-z][a-z0-9]{1,14})(?:/usdt)?[ \t]+"
                          r"(?:(?:long|short|spot|buy|limit|bid|order|entry)[ \t]+)?"
                          r"(?:(?:just|got|was|is|has[ \t]+been|now|finally|already)[ \t]+)*filled"
                          r"(?:[ \t]+(?:at|@)[ \t]*\$?\d[\d.,]*|[ \t]*@[ \t]*\$?\d[\d.,]*|(?=[ \t]*(?:$|\n|[.!,;]|done(?!\w))))")


# ("🟢 Filled ✔️ avg 21.77", "Filled ✅ 182.40", "Filled @ 0.4215"): a bot's notice opening its line on the fill, with the
# price it filled at (not "Filled ✅" alone heading a card: its status word)
FILL_LINE_RE = re.compile(r"(?:^|(?<=\n))[^\w\n]*(?:all\s+|fully\s+)?filled(?:\s+done)*[ \t,:]*"
                          r"(?:(?:avg\.?|average(?:\s+price)?|at|@)[ \t:]*)?\$?\d[\d.,]*(?![\d.,]*\s*(?:%|x(?!\w)))")


def coin_word_filled(lowered: str, coin: str) -> bool:
    """The post's own coin, written as a plain lower-case word ("arb filled ✅"), said filled: the call's entry filled
    (another word there is no coin: "gap filled ✅", "wick filled" are the market's)."""
    return "filled" in lowered and any(m.group("word") == coin.lower() for m in _WORD_FILLED.finditer(lowered))


def fill_not_asserted(lowered: str) -> bool:
    """Every entry fill the post names is asked about, wished, on a condition, negated or not the channel's ("#ETH zone
    filled? not yet", "If #ETH zone filled, we add more", "Hope #ETH zone filled tonight", "zone filled on the chart, but
    our order was above — no fill for us"): no fill to report."""
    pattern = _PATTERN_BY_ACTION[UpdateAction.ENTRY_FILLED]
    active = pattern.active(lowered) if isinstance(pattern, _Gated) else None
    found = False
    for line in lowered.splitlines():
        for match in pattern.finditer(line, active) if active is not None else pattern.finditer(line):
            found = True
            before = re.split(r"(?<!\d)[.!?;](?:\s|$)", line[:match.start()])[-1]
            after = line[match.end():]
            if not (_waits(before) or _FILL_WISHED.search(before) or _ASKED.match(after) or _FILL_NOT_OURS.search(after)
                    or _FUND_ORDERS.search(before)
                    or said_not_done(line[:match.start()], match.group(0), after)):
                return False
    return found


# ("#ICP — close 50%? Yes. Take half here"): the writer answers their own question with a yes and then makes the change —
# a yes alone ("Anyone closing half? yes. me.", "Move SL to entry? Yes, tomorrow") leaves the question a question
_ANSWERED_YES = re.compile(r"\s*(?:yes|yep|yup|yeah|s[íi]|sim|да|evet|oui|ja|tak|có)[ \t]*[,.!]")


def _asked_unanswered(line: str, match: re.Match, phrases: list) -> bool:
    after = line[match.end():]
    asked = _ASKED.match(after)
    if asked is None:
        return False
    answer_at = match.end() + asked.end()
    return not (_ANSWERED_YES.match(line, answer_at)
                and any(other_line is line and other.start() > answer_at for other_line, other in phrases))


# ("the stop is already at breakeven", "der Stop liegt schon auf Einstand", "стоп уже в БУ", "el stop ya está en
# breakeven", "stop zaten girişte"): the stop said to sit at the entry already — where it is, told to the readers, no
# order to move it (a move told as done keeps its verb: "SL already moved to BE", "стоп уже перенесли в БУ" are no state)
_ALREADY_WORD = (r"(?:already|schon|bereits|längst|уже|déjà|deja|già|gia|ya|já|zaten|sudah|udah|đã|już|juz)")
_STATE_VERB = (r"(?:is|sits|stays|remains|was|liegt|steht|ist|sitzt|bleibt|стоит|находится|está|esta|estão|est|reste|"
               r"è|sta|resta|durur|duruyor|ada|vẫn|leży|jest|staat|ligt|is|now|jetzt|сейчас|теперь)")
_STOP_ALREADY_THERE = re.compile(
    r"(?<!\w)(?:sl|stop(?:[\s-]*loss)?|stoploss|стоп(?:[\s-]*лосс)?|stop'?u(?:muz)?)(?:\s+" + _STATE_VERB + r"){0,2}\s+"
    + _ALREADY_WORD + r"(?:\s+" + _STATE_VERB + r"){0,2}(?:\s+(?:at|on|auf|bei|in|в|на|a|al|en|au|à|ở|di|na|op|w|@))?"
    r"(?:\s+(?:the|den|dem|el|la|le|il|lo|o))?\s*$")


# ("Stop ist bereits auf Einstand nachgezogen", "стоп уже в БУ перенесли"): the verb of moving after the level — a move
# told as done, no state
_MOVED_AFTER = re.compile(r"^\s*(?:(?:nach|hoch)?gezogen|verschoben|gesetzt|gestellt|moved|перенес\w*|перенёс\w*|передвину\w*|"
                          r"переставил\w*|movid[oa]|mov[ií]|d[ée]plac[ée]e?|spostat[oa]|ta[şs][ıi]nd[ıi]|[çc]ekildi)(?!\w)")


def _stop_already_there(before: str, after: str = "") -> bool:
    clause = re.split(r"(?<!\d)\.\s*|\.(?!\d)\s*|[!?;,，。？！、:]\s*|\s[—–-]\s", before)[-1]
    return _STOP_ALREADY_THERE.search(clause) is not None and _MOVED_AFTER.match(after) is None


def update_not_now(lowered: str, action: UpdateAction) -> bool:
    """A stop move, partial close or add said not to happen, or only to have been due, to come later, or to be someone
    else's ("Don't add more #ETH here", "No movemos el stop de #SOL", "#SOL 明天平仓一半", "Should've moved SL to entry");
    or a stop said to sit at breakeven already ("der Stop liegt schon auf Einstand"): where it is, no move ordered."""
    phrases = list(_position_change_phrases(lowered, action))
    for line, match in phrases:
        if said_not_done(line[:match.start()], match.group(0), line[match.end():]) or _asked_unanswered(line, match, phrases) \
                or action == UpdateAction.ADD_ENTRY and _NOT_THE_POSITION.search(line) \
                or action == UpdateAction.MOVE_SL_BREAKEVEN and _stop_already_there(line[:match.start()], line[match.end():]):
            return True
    return False


_ORDERS_UNFILLED_RE = re.compile(_ORDERS_UNFILLED)
_ZH_UNFILLED_THEN_PULLED = re.compile(r"(?:没|未)有?成交[^\n]{0,8}?(?:撤|取消)")


def rung_cancel_denied(lowered: str) -> bool:
    """Every cancel of an entry rung the post says is negated ("ورود دوم کنسل نشده", "2. giriş iptal değil", "2-й вход не
    отменён"); a question about a cancel done ("Why did we cancel the 2nd entry? … Cancelled.") is no denial."""
    phrases = list(_position_change_phrases(lowered, UpdateAction.CANCEL_ENTRY))
    # ("Cancel this one if you are not in yet": the "not" is whom the cancel is for, no denial of it)
    # ("第二笔一直没成交，撤掉就行": the rung never filled, then pulled — the "没" is the fill's)
    return bool(phrases) and not any(_FOR_THOSE_NOT_IN.search(m.group(0)) or re.match(_RUNG_UNFILLED_CANCEL, m.group(0))
                                     or _ZH_UNFILLED_THEN_PULLED.search(m.group(0)) for _, m in phrases) \
        and all(said_not_done(line[:m.start()], _ORDERS_UNFILLED_RE.sub(" orders ", m.group(0)), line[m.end():])
                or _RUNG_CANCEL_NOT_MEANT_BEFORE.search(line[:m.start()])
                or _RUNG_CANCEL_NOT_MEANT_AFTER.match(line[m.end():]) for line, m in phrases)


# ("no need to cancel entry 2", "Yesterday I wrote cancel entry 2 — ignore that", "cancel entry 2 if you're on a small
# account"): a rung's cancel not needed, taken back, or left to some readers — the rung stays for the follower
_RUNG_CANCEL_NOT_MEANT_BEFORE = re.compile(r"(?<!\w)(?:no\s+need\s+to|(?:don'?t|do\s+not)\s+need\s+to|needn'?t|need\s+not|"
                                           r"no\s+reason\s+to|(?:i|we)\s+(?:wrote|said|posted|told\s+you)(?:\s+to)?)\s*:?\s*['\"“]?\s*$")
_RUNG_CANCEL_NOT_MEANT_AFTER = re.compile(r"[^\n.!?]{0,40}?(?:(?<!\w)ignore\s+(?:that|this|it)|scratch\s+that|disregard|"
                                          r"(?<!\w)if\s+you(?:'re|\s+are|\s+want|\s+like|\s+prefer)(?!\s+not(?!\w)))")


@functools.lru_cache(maxsize=64)
def _readings(lowered: str, coins: frozenset[str]) -> tuple[str, ...]:
    # (a post is read for closes now and for closes that wait: one reading serves both)
    return tuple(_close_readings(lowered, coins))


def is_close(lowered: str, coins: frozenset[str] = frozenset()) -> bool:
    """`coins`: lower-cased tickers the post names (bare ones included) that may open a line before the verb.
    A close that follows a condition on its line is not a command now: the bot cannot check the condition."""
    return "now" in _readings(lowered, coins)


# ("Si #LINK cierra la vela diaria por debajo de 13,40 cerramos la operación", "Se #SOL perder 140 fechamos", "Wenn #ETH
# unter 3.200 schließt, schließen wir", "Kalau #SEI tembus 0,40 kita tutup", "Если #BTC закроется ниже 60k, закрываем"):
# the condition first, then the channel's close verb in the middle of the sentence — a close that waits
_IF_THEN_CLOSE = re.compile(
    r"(?<!\w)(?:si|se|wenn|falls|jika|kalau|kalo|если|if)\s+(?:[^.!?\n]|(?<=\d)\.(?=\d)){3,80}?(?<!\w)(?:cerramos|cerraremos|salimos|saldremos|"
    r"fechamos|fecharemos|sa[íi]mos|sairemos|chiudiamo|chiuderemo|usciamo|on\s+ferme|nous\s+fermons|on\s+sort|"
    r"schlie(?:ß|ss)en\s+wir|steigen\s+wir\s+aus|kita\s+(?:tutup|close|cut|keluar)|закрываем|закроем|выходим|выйдем|"
    # ("if TP1 isn't hit within 48h of entry we close at market", "if the 4H closes below 1.80 we exit"): the same in
    # English — the channel's own close, after the condition in its sentence
    # ("If the 4h closes below 96.40 I'll exit the long"): the author's own, the same way
    r"(?:we|i)(?:'ll|\s+will|\s+shall)?\s+(?:just\s+|simply\s+)?(?:close|exit|cut|flatten)(?=\s+(?:at|it|the|our|my|this|here|"
    r"everything|all|out|manually|immediately|right)(?!\w)|\s*(?:$|[.,;!—–-])))(?!\w)")


def is_conditional_close(lowered: str, coins: frozenset[str] = frozenset()) -> bool:
    """A close that waits for a market event ("Close #NEAR short if 4H closes above 5.40", "if BTC loses 60k close
    the alts"): not a command now, and not a call either."""
    return "waits" in _readings(lowered, coins) \
        or _IF_THEN_VERB.search(lowered) is not None and _if_then_close(lowered)


# (the reader's own case is no market event: "Si ya entraste, cerramos #LINK ahora", "se você entrou, fechamos")
_READER_IN = re.compile(r"(?<!\w)(?:ya\s+)?(?:entraste|entr[óo]|entraron|entrou|entraram|est[áa]s\s+dentro|you|t[úu]|voc[êe]s?|"
                        r"usted(?:es)?|vous|du|kamu|anda)(?!\w)")


# (a cheap gate: most posts have none of the verbs)
_IF_THEN_VERB = re.compile(r"cerramos|cerraremos|salimos|saldremos|fecham|sa[íi]mos|sairemos|chiudiamo|chiuderemo|usciamo|"
                           r"on\s+ferme|nous\s+fermons|on\s+sort|schlie(?:ß|ss)en\s+wir|steigen\s+wir|kita\s+|закрываем|закроем|"
                           r"выходим|выйдем|we\s+(?:just\s+|simply\s+)?(?:close|exit|cut|flatten)|we'll\s|we\s+will\s|we\s+shall\s|"
                           r"i'll\s|i\s+will\s|i\s+(?:just\s+|simply\s+)?(?:close|exit|cut)")


def _if_then_close(lowered: str) -> bool:
    for found in _IF_THEN_CLOSE.finditer(lowered):
        after = re.split(r"[.!?;\n]", lowered[found.end():], maxsplit=1)[0]
        if not _READER_IN.search(found.group(0)) and not _RIGHT_NOW.search(after):
            return True
    return False


# ("closed rest +2.4%. done with this one", "Momentum died on this one 😴 closing the rest at market", "closing the rest here
# manually, not holding over CPI", "we closed the remainder ✅"): a reply reporting the rest of its trade closed, now — at a
# clause's head (after a line's start, punctuation or an emoji dropped by the normalising; no "I": a member's "I'm closing
# the rest" is his own), and ended there or by how and when ("here", "now",
# "at market", "manually", a result); not "close the rest at TP3" (a plan), "closing the rest of the week early"
_REST_CLOSED_RE = re.compile(r"(?:^|(?<=[^\w\s'’@$#])[ \t]*|(?<=[ \t][ \t]))(?:(?:we'?re|we\s+are|we'?ve|we\s+have|we|so|ok|okay|and|now|just)\s+)?"
                r"(?:clos(?:e|ed|ing)|exit(?:ed|ing)?)(?:\s+out)?\s+(?:(?:the|our)\s+)?(?:rest|remainder|remaining(?:\s+(?:position|part|size|bag))?)"
                r"(?:\s+of\s+(?:the\s+|our\s+|this\s+)?(?:position|trade|bag|size|it|this\s+one))?"
                r"(?=[ \t]*(?:$|[^\w\s@$#]|(?:here|now|done|at\s+(?:market|be|breakeven|entry|cmp|current\s+price)|manually|"
                r"in\s+(?:profit|loss)|for\s+(?:a\s+)?(?:small\s+)?(?:profit|win|gain|loss))(?!\w)))", re.MULTILINE)
_CLOSE_ALL_OR_COMMAND = re.compile(
    # ("Everything off the table now", "we're flat on everything": all positions gone)
    r"^(?:everything|all(?:\s+positions)?)\s+off\s+the\s+table|^(?:we'?re|we\s+are)\s+(?:now\s+)?flat\s+on\s+everything|"
    # ("FLATTEN ALL", "KILL ALL POSITIONS", "dump every open trade", "sell all our bags"): an exit verb over every position
    # (not "sell all at TP3": only with a word for the positions, or "everything")
    r"^(?:please\s+|pls\s+|now\s+)?(?:flatten\w*\s+(?:all|every(?:thing)?)|(?:kill|dump|liquidate|cut|sell)\s+(?:(?:all|every)\s+"
    r"(?:(?:open|our|your|the|of\s+the|of\s+our)\s+)?(?:positions?|trades?|bags?|longs?|shorts?)|everything))(?!\w)|"
    # (not "close the rest of the chart", "close the rest of the week early": the rest of something no trade's)
    r"^(?:please\s+|pls\s+|now\s+)?(?!(?:close|exit)\s+(?:the\s+)?rest\s+of\s+(?:the\s+|this\s+|my\s+|your\s+|our\s+)?"
    r"(?!(?:positions?|trades?|bags?|size|it|this|that|them|longs?|shorts?|orders?)(?!\w))[^\W\d])"
    r"(?:close|exit(?!\s+(?:orders?|ladders?|plan|levels?|targets?|points?|zones?)(?!\w))|cancel|закрыть|закрываем|закрываю|отмена|kapat(?!ma|m[ıi]yor)\w*|iptal|"
    # (the plural imperative too: it "Chiudete questo trade a mercato", es "Cierren la operación", pt "Fechem a posição")
    r"cerrar|cerramos|cierren|cancelar|fechar|fechamos|fechem|schlie(?:ß|ss)en|fermer|fermez|cl[ôo]turer|chiudere|chiudi|chiudete|"
    r"chiudiamo|zamknij|zamknijcie|zamykamy|закриваємо|закрити|batalkan|đóng\s+lệnh|"
    # ro "Închideți acest trade la piață", "Închidem poziția" (close / we close), nl "Sluit deze trade", "Sluiten we"
    r"[îi]nchide[țţt]i|[îi]nchidem|sluit|sluiten)(?!\w)|"
    r"(?:close|closing|exit|exiting|cancel|закрыть|закрываем|cerrar|cerramos|fechar|fechamos|fech\w*|cerr\w*|cierr\w*)\s+"
    r"(?:\w+\s+)?(?:all|every|everything|все|всё|todo|todos|todas|tudo|tutte|tutti)(?!\w)|t[üu]m\w*\s+(?:\w+\s+){0,2}kapat|"
    r"wszystk\w*\s+(?:\w+\s+)?zamyka\w*|zamyka\w*\s+wszystk\w*|"
    r"b[üu]t[üu]n\s+(?:\w+\s+){0,2}kapat(?!ma|m[ıi]yor)\w*|schlie(?:ß|ss)\w*\s+alle(?!\w)|ferm\w*\s+(?:toutes|tous)(?!\w)|"
    r"(?:все|всё)\s+(?:\w+\s+)?закрыва\w*|hepsini\s+(?:kapat(?!ma|m[ıi]yor)\w*|sat(?!ma|m[ıi]yor|[ıi]n(?!\w)|t[ıi][ğg]|an)\w*)|chiud\w*\s+tutt[oeia](?!\w)|"
    r"alles\s+(?:\w+\s+)?schlie(?:ß|ss)\w*|"
    r"(?:position|trade|signal|order)s?[ \t]+(?:is[ \t]+|was[ \t]+|has[ \t]+been[ \t]+)?(?:closed|cancel+ed)|stopped\s+out|"
    # ("stopped. -1R.", "Stopped, on to the next"): a reply opening on the word alone — its trade stopped out
    r"^stopped(?=[ \t]*(?:$|[.!,;]|[+-][ \t]*\d))|"
    r"(?:everyone|everybody|all\s+of\s+us|we'?re|we\s+are)\s+out\s+of\s+(?:everything|all)(?!\w)|out\s+of\s+everything|" + _OUT_OF_EVERYTHING + r"|"
    r"deals?\s+(?:#?\d+\s+)?(?:\(?[\w/]+\)?\s+)?(?:completed|finished|closed|cancel+ed)(?!\w)|"
    r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:was\s+|has\s+been\s+|already\s+|just\s+|got\s+){0,2}(?:hit|triggered|reached|touched|taken)"
    r"(?!\s+(?:rate|ratio|%|count|streak|percentage)(?!\w))|"
    # (the stop said hit in other languages, as a reply of its own: vi "SL dính rồi", "SL chạm rồi", id "SL kena", tr "stop
    # patladı", ru "стоп сработал", es "SL tocado", pt "stop acionado", de "SL ausgelöst", fr "SL touché", it "stop colpito")
    r"^(?:sl|stop(?:[\s-]*loss)?|стоп)\s+(?:(?:[đd][ãa]|b[ịi]|sudah|udah|уже|ya|j[áa]|schon|d[ée]j[àa]|gi[àa])\s+)?"
    r"(?:d[íi]nh|ch[ạa]m|kena|patlad[ıi]|[çc]al[ıi][şs]t[ıi]|сработал|tocado|acionado|atingido|ausgel[öo]st|touch[ée]|colpito)"
    r"(?:\s+(?:r[ồo]i|ae|anh\s+em|guys))*(?=[^\w\n]*$)|"
    # "I am out of this trade at BE", "Closing this one early", "Closed manually in small profit", "Take profits and close"
    r"(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+|fully\s+)?out\s+of\s+(?:this|the|that)\s+(?:trade|position|one)(?!\w)|"
    r"^(?:we'?re\s+|we\s+are\s+|i'?m\s+|i\s+am\s+)?closing\s+(?:this|that|the)\s+(?:one|trade|position)(?!\w)|"
    # "Closing here at BE", "Closing now", "Exiting here"
    r"^(?:we'?re\s+|we\s+are\s+|i'?m\s+|i\s+am\s+)?(?:closing|exiting)\s+(?:here|now|at\s+(?:be|breakeven|break[\s-]even|entry|market))(?!\w)|"
    r"^(?:trade\s+|position\s+)?closed\s+(?:manually|early)(?!\w)|"
    # ("all 3 targets hit ✅ / fully closed, +8.3%", "Position completely closed at 13.40"): the whole of it, ending its
    # clause or with where and what it made (not "fully closed the gap")
    r"^(?:trade\s+|position\s+|now\s+)?(?:fully|completely|entirely)\s+closed(?=\s*(?:$|[,.;!]|[+-]\s*\d|at\s+\$?\d|@|"
    r"in\s+(?:profit|loss)|here|now|done)(?!\w))|"
    # ("kill it. out at market", "Cut it here", "dump this one now"): a reply ending the trade it answers
    # (not "kill it today fam", "cut it close")
    r"^(?:please\s+|pls\s+|just\s+)?(?:kill|cut|dump|bail\s+on|get\s+out\s+of)\s+(?:it|this(?:\s+one)?|that(?:\s+one)?)"
    r"(?=\s*(?:now|here|asap|immediately|at\s+(?:market|entry|be|breakeven))?[\s.!,;🔪❌]*"
    # (only the exit said after it, or nothing: "kill it, we're out", "Cut it, #SOL is done" — "kill it now, the stream
    # lags", "cut it, no more FOMO posts", "kill it! (the music in the live)" end a stream or a chat's noise, no trade)
    # (the exit word ends its clause: "Kill it, stop the music", "kill it, done for today guys", "Cut it, SL hunters
    # everywhere", "Get out of that loss-averse mindset" are no exits)
    r"(?:$|(?:(?:we'?re\s+|i'?m\s+|all\s+)?(?:out|exit\w*|done|clos\w*|flat|at\s+market|market|(?:take\s+the\s+)?loss\w*|sl|stop\w*|"
    r"(?:the|this|that)\s+(?:trade|position|one)|trade|position|not\s+worth(?:\s+(?:it|the\s+risk))?|(?:too\s+)?risk\w*|"
    r"invalid\w*|setup(?:\s+(?:is\s+)?(?:invalid\w*|broken|dead|failed))?|thesis(?:\s+(?:is\s+)?(?:invalid\w*|broken|dead|wrong))?)"
    r"(?:\s+(?:here|now|asap|at\s+(?:market|entry|be|breakeven|a\s+(?:small\s+)?loss)))?(?=\s*(?:$|[.!,;🔪❌✅]))|"
    r"[#$][a-z0-9]{2,15}(?:\s+(?:is\s+)?(?:done|closed|out|dead|over|finished))?(?=\s*(?:$|[.!,;🔪❌✅])))))|"
    # ("Closed ✅ +2.7% on this one", "Cerrado manualmente, el mercado no acompaña", "Fechado no lucro"): a reply reporting
    # its trade closed, with the result or how
    r"^(?:trade\s+|position\s+)?closed\s+(?:done\s+)?[+-]\s*\d+(?:[.,]\d+)?\s*%|"
    # ("closed ✅", "Cerrado ✅", "Закрыто ✅", "已平仓 ✅" — a reply that says only that, under nothing but a blank line or
    # its reply heading's): its trade closed (not "Gap / closed ✅": a line continuing the one above)
    r"^(?<![^\n]\n)(?:trade\s+|position\s+)?(?:closed|cerrad[oa]|fechad[oa]|encerrad[oa]|chius[oa]|geschlossen|ferm[ée]e?|"
    r"cl[ôo]tur[ée]e?|закрыт[аоы]?|закрыли|kapat[ıi]ld[ıi]|kapand[ıi]|ditutup|đã\s+đóng|已平仓|청산\s*완료)(?:\s+done)*\W*\Z|"
    r"^(?:cerrad[oa]|fechad[oa]|chius[oa]|geschlossen|ferm[ée]e?|закрыт[аоы]?|kapat[ıi]ld[ıi])\s+"
    r"(?:manualmente|manually|manuell|manuellement|manualmente|вручную|manuel|en\s+(?:ganancia|p[ée]rdida|positivo|be|entrada)|"
    r"no\s+(?:lucro|zero\s+a\s+zero)|com\s+lucro|in\s+(?:profitto|guadagno)|с\s+прибылью|в\s+плюс|в\s+ноль)(?!\w)|"
    r"^(?:take|book|secure)\s+(?:the\s+|your\s+)?profits?\s+(?:and|&)\s+(?:close|exit)(?!\w)|"
    r"^(?:trade\s+|position\s+)?closed\s+(?:in\s+(?:profit|loss)|at\s+(?:breakeven|break[\s-]even|entry|be|tp\s*\d?|sl|stop)|manually|with\s+(?:a\s+)?(?:profit|loss))(?!\w)"
    r"(?:\s*(?:done|[+-]?\d+(?:[.,]\d+)?\s*%))*[^\w\n]*$|"
    r"^(?:please\s+|pls\s+|now\s+)?(?:take|book|secure)\s+(?:all|full|the\s+full|100\s*%)\s+(?:the\s+)?(?:profits?|gains?)(?!\w)|" + _CLOSE_ALL, re.MULTILINE)


def rest_closed_reply(lowered: str) -> bool:
    """A reply reporting the rest of its trade closed now ("closed rest +2.4%. done with this one", "Momentum died 😴
    closing the rest at market"): the replied-to trade ended — read only when the post names no coin."""
    return ("rest" in lowered or "remain" in lowered) and _REST_CLOSED_RE.search(lowered) is not None \
        or "left" in lowered and _SESSION22_WHAT_IS_LEFT.search(lowered) is not None


def closed_with_result_reply(lowered: str) -> bool:
    """(session 26, threads26) A reply naming no coin that opens on its trade closed with how it went ("Closed in loss ❌
    -6.3%. Macro turned", "closed at a small profit", "closed -2.1%", "Cerrado en pérdida", "Fechado no lucro",
    "Закрыли в минус", "Zararla kapattık", "Mit Verlust geschlossen", "Clôturé en perte", "Chiuso in perdita"): the replied-to
    trade ended now — asked only when the post names no coin (a recap, a member's or a past day's result is read before)."""
    return _CLOSED_WITH_RESULT.search(lowered) is not None and is_close(lowered) and not _RESULT_OF_A_PERIOD.search(lowered)


# (session 27, lead) the result told of a period or as a count of trades — "Closed in profit this week: 12 of 15 trades",
# "closed green today: 7/9" — is a tally, no trade closed now
_RESULT_OF_A_PERIOD = re.compile(r"(?<!\w)(?:this|last|past)\s+(?:week|month|year|quarter)(?!\w)|(?<!\w)(?:today|yesterday|so\s+far)"
                                 r"\s*[:：]|(?<!\d)\d+\s*(?:of|/|из|de|von|su)\s*\d+\s+(?:trades|calls|signals|сделок|operaciones|trades?)(?!\w)")


# (the close said first in the post, then the result: "in loss", "at a profit", a signed percentage)
_CLOSED_WITH_RESULT = re.compile(
    r"(?m:^)[^\w\n]*(?:(?:trade|position|we|i|we'?ve|i'?ve|we\s+have|i\s+have)\s+)?(?:(?:just|got|been)\s+)?"
    r"(?:closed|exited|cerrad[oa]|cerramos|fechad[oa]|fechamos|закрыл[иа]?|закрыта|закрыто|kapatt[ıi]k|kapand[ıi]|"
    r"geschlossen|cl[ôo]tur[ée]e?|ferm[ée]e?|chius[oa])(?:\s+(?:it|this\s+one|the\s+trade|the\s+position|la\s+operaci[óo]n|"
    r"a\s+opera[çc][ãa]o|сделку|позицию))?[^\w\n]*"
    r"(?:(?:in|at|with|for|en|no|na|com|con|в|с|mit|en|in)\s+(?:a\s+|um\s+|una?\s+)?(?:small\s+|tiny\s+|minor\s+)?"
    r"(?:loss|profit|gain|minus|plus|red|green|p[ée]rdida|ganancia|preju[íi]zo|lucro|perda|минус|плюс|убыток|прибыль|"
    r"verlust|gewinn|perte|profit|perdita|profitto)(?!\w)|[+\-−]\s?\d+(?:[.,]\d+)?\s*%|"
    r"(?:zararla|k[âa]rla)(?!\w))|"
    r"(?m:^)[^\w\n]*(?:zararla|k[âa]rla|mit\s+(?:verlust|gewinn)|в\s+(?:минус|плюс|убыток))\s+(?:kapatt[ıi]k|kapand[ıi]|geschlossen|закрыли)(?!\w)")


# Session 22 (money52): "close what is left at market", "closing whatever's left here": the rest of the replied-to trade
# (the "what" after the verb is no coin of that name)
_SESSION22_WHAT_IS_LEFT = re.compile(
    r"(?:^|(?<=[^\w\s'’@$#])[ \t]*|(?<=[ \t][ \t]))(?:(?:we'?re|we\s+are|we|so|ok|okay|and|now|just)\s+)?"
    r"(?:clos(?:e|ing)|exit(?:ing)?)\s+(?:what|whatever)(?:'s|\s+is|\s+we\s+have)\s+left"
    r"(?=[ \t]*(?:$|[^\w\s@$#]|(?:here|now|at\s+(?:market|be|breakeven|entry|cmp|current\s+price)|manually)(?!\w)))",
    re.MULTILINE)


# (the stop-out said done in other languages, as "stopped out" is: ru "выбило по стопу", "стоп сработал", "стопнуло", de
# "ausgestoppt", fr "stoppé", pl "wybiło na SL", tr "stop olduk", zh "被止损"; not a count of them: "9 ausgestoppt")
_STOP_OUT_TOLD = re.compile(r"(?<!\d)(?<!\d\s)(?:" + _STOPPED_OUT_WORDS
                            + r"|(?<!\w)(?:стоп\s+сработал\w*|стоп\s+выбил\w*|выбил\w*\s+стоп\w*)(?!\w))")


def stop_out_reply(lowered: str) -> bool:
    """A reply naming no coin that reports its trade stopped out in a language's own words ("К сожалению, выбило по
    стопу ❌", "Leider ausgestoppt"): the replied-to trade ended — asked only when the post names no coin."""
    return _STOP_OUT_TOLD.search(lowered) is not None and is_close(lowered) and close_action(lowered) == UpdateAction.SL_HIT


def is_close_without_coin(lowered: str) -> bool:
    """A close that names no coin must be a command ("Close all trades", a reply "Close now"), not prose
    that merely contains "closed" ("market is closed") — it would otherwise close every trade."""
    lines = "\n".join(line.strip(" \t-:>*#.!/") for line in lowered.splitlines())
    return bool(_CLOSE_ALL_OR_COMMAND.search(lines))


# ---------------------------------------------------------------------------------------------
# details the webhook needs from a status post: which target was hit, and what kind of close it is

_TP_HIT_PATTERN = {a.value: p for a, p in UPDATE_PATTERNS}[UpdateAction.TP_HIT.value]
# The number(s) written right after the target word ("TP1", "target 2", "TP 1-3", "Target 1 - 2 - 3 all done").
_INDEX_AFTER_TP_WORD = re.compile(
    rf"^{_TP_WORDS}(?:'?s)?\s*(?:no\.?\s*|#\s*)?{_PARTICLES}(\d{{1,2}}(?:\s*[-,&/]\s*\d{{1,2}})*)(?![.,]?\d)")
_INDEX_BEFORE_TP_WORD = re.compile(r"(?<![\d.,])(\d{1,2})\.\s*hedef")  # Turkish "2. hedef geldi"
# A number with an ordinal marker right before the matched phrase (Korean "2차 목표 달성").
_INDEX_BEFORE_MATCH = re.compile(r"(?<![\d.,])(\d{1,2})\s*차\s*$")
_ENTRY_BEFORE = re.compile(r"(?:entry|entries|buy|giri[şs]|вход)\s*$")
_ORDINALS = {
    1: "first|1st|اول|(?:ال)?[أا]ول|первая|первый|первую|перша|перший|birinci|primer[oa]?|primeir[oa]|premi[eè]re?|"
       "erste[sn]?|prim[oa]|pierwszy|第一|첫\\s*번째",
    2: "second|2nd|دوم|(?:ال)?ثاني|вторая|второй|вторую|друга|другий|ikinci|segund[oa]|deuxi[eè]me|zweite[sn]?|"
       "second[oa]|drugi|第二|두\\s*번째",
    3: "third|3rd|سوم|(?:ال)?ثالث|третья|третий|третью|третя|третій|[üu][çc][üu]nc[üu]|tercer[oa]?|terceir[oa]|"
       "troisi[eè]me|dritte[sn]?|terz[oa]|trzeci|第三|세\\s*번째",
    4: "fourth|4th|چهارم|(?:ال)?رابع|четв[её]ртая|четв[её]ртый|d[öo]rd[üu]nc[üu]|cuart[oa]|quart[oa]|quatri[eè]me|"
       "vierte[sn]?|czwarty|第四",
    5: "fifth|5th|پنجم|(?:ال)?خامس|пятая|пятый|be[şs]inci|quint[oa]|cinqui[eè]me|f[üu]nfte[sn]?|pi[aą]ty|第五",
}
_ORDINAL_NEAR_TP_WORD = [
    (n, re.compile(rf"(?<!\w)(?:{words})\s*{_TP_WORDS}|(?:{_TP_WORDS}|(?:ال)?هدف)s?\s+(?:{words})(?!\w)"))
    for n, words in _ORDINALS.items()]


def tp_hit_index(lowered: str) -> int | None:
    """The highest take-profit number a TP-hit post states (1-based), or None ("all targets done", no number)."""
    found: list[int] = [int(m.group(1)) for m in re.finditer(r"(?:^|\n)[^\w\n]*(?:done\s+)?(\d{1,2})\s*\)", lowered)
                        if _PLAN_STEP_DONE_RE.match(lowered, m.start())]
    for match in _TP_HIT_PATTERN.finditer(lowered):
        before, chunk = lowered[:match.start()], match.group(0)
        if _ENTRY_BEFORE.search(before):
            continue  # "Entry target 1 ✅" is a fill, not a take-profit
        numbered = (_INDEX_AFTER_TP_WORD.search(chunk) or _INDEX_BEFORE_TP_WORD.search(chunk)
                    or _INDEX_BEFORE_MATCH.search(before))
        if numbered and (of := re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*", numbered.group(1))) \
                and int(of.group(1)) < int(of.group(2)):
            found.append(int(of.group(1)))  # "TP 1/3 ✅", "Target 2/4 hit": the first target of three, not the third
        elif numbered:
            found += [int(n) for n in re.findall(r"\d{1,2}", numbered.group(1))]
        else:
            tail = re.search(r"(?:tp|target|exit|close|(?<![a-z])t(?=\d)|เป้าหมาย(?:ที่)?|เป้า(?:ที่)?)\s*(\d{1,2})(?![.,]?\d)", chunk)  # "đã chạm TP2", "target 2: 0.55 done", "T2 ✔"
            if tail:
                found.append(int(tail.group(1)))
    if not found:
        for n, pattern in _ORDINAL_NEAR_TP_WORD:
            if pattern.search(lowered):
                found.append(n)
    found = [n for n in found if n >= 1]
    return max(found) if found else None


_STOP_OUT = re.compile(
    _STOP_THEN_TRIGGER + r"|" + _STOPPED_OUT_WORDS + r"|"
    r"(?:sl|stop(?:[\s-]*loss)?)\s+(?:(?:bei|für|for|on|на|по|de|di|en|del|do|da|su)\s+)?[#$]\w+(?:/\w+)?\s+(?:(?:was|has\s+been|got|đã|sudah|udah|wurde)\s+)?"
    r"(?:dính|dinh|kena|hit|triggered|taken|touched|ausgel[öo]st|getroffen|сработал|alcanzad[oa]|atingid[oa]|acionad[oa]|d[ée]clench[ée]|scattat[oa])|"
    r"(?:cerr\w*|closed|fechad\w*|закрыт\w*|kapand[ıi])(?:\s+[#$]?\w+(?:/\w+)?)?\s+(?:en|at|on|by|no|по|ile)\s+(?:el\s+|the\s+|o\s+)?(?:stop|sl|стопу)(?!\w)|"
    r"(?:sl|stop(?:[\s-]*loss)?|stoploss|henti\s+rugi)\s+(?:was\s+|has\s+been\s+|already\s+|just\s+|got\s+|don\s+){0,2}(?:hit|triggered|reached|touched|taken)"
    r"|stop+ed\s+out|(?<!\w)stopped(?=\s*(?:$|[.!,;]|at\s|on\s|in\s|for\s|with\s))|"
    + _TARGETS_HIT + r"hit\s+(?:the\s+|our\s+|my\s+)?(?:sl|stop(?:[\s-]*loss)?)(?!\w)" + _NOT_MOVED_ON + r"|stop\s+oldu|stop\s+target(?:\s*\d{1,2})?\s*(?:hit|❌|⛔|🛑)|(?:stop[\s-]*ziel\w*\s+(?:erreicht|getroffen)|стоп[\s-]*цел\w*\s+(?:достигнут\w*|сработал\w*)|alvo\s+de\s+stop\s+atingido|objectif\s+(?:de\s+)?stop\s+atteint|obiettivo\s+(?:di\s+)?stop\s+raggiunto|stop\s+hedefi(?:ne)?\s+(?:ula[şs][ıi]ld[ıi]|vuruldu))(?!\s*(?:не(?!\w)|nicht|quasi|presque|casi|quase|почти|neredeyse|fast(?!\w)|m[ıi](?!\w)|\?))|"
    r"closed\s+(?:at|by|on|in)\s+(?:the\s+)?(?:sl|stop(?:[\s-]*loss)?|stoploss)(?!\w)|стоп\s+сработал|"
    r"выбил\w*\s+по\s+стопу|стоп\s+выбил\w*|" + _TARGETS_HIT + r"(?:dính|dinh|kena|hit)\s+(?:sl|stop|henti\s+rugi)(?!\w)" + _NOT_MOVED_ON + r"|(?:(?:打到|打了|触及|碰到|吃到)\s*)?止损(?:出局|触发(?![价位点后时前条])|已触发|离场|了)(?:了|啦)?|(?:打到|触及|碰到|吃到)\s*止损(?:了|啦)|ضرب\s+وقف|"
    r"(?:sl|stop)\s+(?:tocad[oa]|touch[ée]|atteint|colpito|tocou)(?!\w)|保本(?:出局|离场|出了|出场)|"
    r"(?:استاپ|حد\s+ضرر)\s+خورد|손절\s*(?:처리\w*|완료|됨)|stop\s+(?:atingido|acionado|alcanzad[oa])|^\W*stopped(?!\w)|止损离场|"
    r"(?:sl|stop)\s+(?:kena|dính|dinh)|"
    # uz "SL urildi", "стоп урилди" (the stop was hit)
    r"(?:sl|stop|стоп)\s+(?:urildi|урилди|ishladi|ишлади)(?!\w)|"
    # tl "tinamaan yung SL", "na-hit ang stop", "SL tinamaan" (the stop was hit), ro "stop atins", "stop-ul a fost atins"
    r"(?:tinamaan|natamaan|na-?hit)\s+(?:na\s+)?(?:yung|ang|ung)\s+(?:sl|stop(?:[\s-]*loss)?)(?!\w)|"
    r"(?:sl|stop(?:[\s-]*loss)?)(?:-?ul)?\s+(?:a\s+fost\s+|na\s+)?(?:tinamaan|natamaan|atins)(?!\w)|"
    r"损切り\s*(?:に\s*)?(?:なりました|されました|完了|确定)|(?<!\w)(?:stopad[oa]s?|stopou|stopamos|stopeado)(?!\w)|"
    r"ضرب(?:ت|نا|وا)?\s+(?:ال)?ستوب|stop(?:a|'a)?\s+tak[ıi]ld[ıi]")
_CANCEL = re.compile(
    r"(?<!\w)(?:cancel\w*|cancle\w*|not\s+(?:been\s+)?(?:triggered|filled|activated)|never\s+(?:triggered|filled)|"
    r"didn'?t\s+(?:trigger|fill|reach|hit)|invalid(?:ated)?|expired|ист[её]к\w*|expirad[oa]|abgelaufen|scadut[oa]|h[ếe]t\s+h[ạa]n|کنسل|iptal\w*|отмен\w*|скасов\w*|cancelad\w*|cancelar|cancelamos|annul\w*|storn\w*|"
    r"anulowan\w*|anuluj\w*|batal\w*|h[ủu]y|huỷ|إلغاء|الغاء|لغو|ביטול|בוטל\w*|מבטלים|ביטלנו|کینسل|ακύρ\w*|"
    r"limit\s+(?:buy\s+|sell\s+)?orders?\s+(?:was\s+|has\s+been\s+|got\s+)?(?:removed|pulled|deleted|withdrawn)|"
    # ("#NEAR remove the order": the coin before the verb)
    r"(?:pull|pulled|remove|removed|delete|deleted)\s+(?:the|our|your|this|that)\s+(?:limit\s+|buy\s+|sell\s+|entry\s+)?orders?"
    r"(?=\s*(?:[,.;!—–\n]|$))|"
    + _PULLED_BIDS + r")(?!\w)|取消|キャンセル|취소|"
    + _CANCEL_WORDS)
_CLOSE_OR_EXIT = re.compile(
    r"(?<!\w)(?:clos\w*|exit\w*|sell\w*|закры\w*|kapat(?!ma|m[ıi]yor)\w*|cerr\w*|fech\w*|schlie\w*|geschlossen|ferm\w*|"
    r"cl[ôo]tur\w*|chiud\w*|chius\w*|zamk\w*|закри\w*|tutup|ditutup|đóng|إغلاق|اغلاق|sluit\w*|gesloten|"
    r"inchi\w*|închi\w*|stäng\w*|avslut\w*|lukke\w*|sulje\w*|lez[áa]r\w*|zatvor\w*|glattstell\w*|glattgestellt|beendet)(?!\w)|"
    # fa "کل پوزیشن رو ببندید", "پوزیشن بسته شد"; ar "وأغلقنا الصفقة" (the prefix "and" joined to the verb)
    r"(?<!\w)(?:ببند\w*|بستیم|بسته\s+شد\w*|می\s*بندیم|میبندیم|[وف]?[أا]غلق\w*|[وف]?نغلق\w*)(?!\w)|"
    r"平仓|决済|"
    # ko "포지션 종료", "전량 종료/청산", "1차 손절"; ur "پوزیشن بند"; th "ปิดสถานะ", "ปิดเลย" (the position closed, beside a
    # cancel of the unfilled rungs: "2차 진입 취소, 포지션 종료" closes it all)
    r"(?:포지션|전량|전체|나머지)\s*(?:을|를)?\s*(?:종료|청산|정리)|\d\s*차\s*손절|(?<!\w)청산|پوزیشن\s+بند|ปิดสถานะ|ปิดเลย")


# What a stop is moved onto, right after the phrase that moves it: a price ("SL moved to 3150", "стоп переносим на 142")
# or one of the trade's targets ("SL to TP1", "move the stop to the first target", "стоп на первый тейк", "止损移到第一止盈")
# ("move SL from 13.5 to 14.1", "raise the stop loss from 13.50 to 14.10": the old stop, then the new one)
_ONTO = (r":?[ \t]*(?:(?:from|de|von|с|от)\s+\$?\d[\d.,]*\s+|(?:[1-9]\d{0,2}(?:[ \u00a0]\d{3})+|\$?\d[\d.,]*)\s*(?=->|=>|→|>))?"
         r"(?:(?:to|at|on|onto|@|a|al|à|au|na|на|в|до|к|auf|v[ềe]|ke|para|sur|su|naar|op|do|w|ile|به|إلى|الى|至|到)\s*|(?:->|=>|>|→)\s*)?"
         r"(?:the\s+|our\s+|la\s+|le\s+|el\s+|o\s+|il\s+|den\s+|de\s+|lo\s+)?")
_ONTO_TARGET = re.compile(r"[ \t]*" + _ONTO + rf"(?:(?P<ordinal>{'|'.join(_ORDINALS.values())})\s*{_TP_WORDS}|"
                          rf"{_TP_WORDS}\s*(?P<number>\d{{1,2}})(?![\d.,]))(?!\w)")
# (not one of two prices offered: "move SL to 0.1840 or 0.1860, your call")
# ("SL to 43 500": a space between the thousands)
_ONTO_PRICE = re.compile(r"[ \t]*" + _ONTO + r"\$?(?P<price>[1-9]\d{0,2}(?:[ \u00a0]\d{3})+(?![\d.,])|\d[\d.,]*\d|\d)"
                         # (the whole number: "152.5 or 151" is never read as 152)
                         r"(?![.,]?\d)(?![ \u00a0]\d{3}(?!\d))(?!\s*%|[\d.,]*\s*(?:x|%))(?!\w)"
                         r"(?!\s*(?:or|/|-|–|to|->|=>|→|>|или|o|ou|oder|veya|atau|ho[ặa]c|或)\s*\$?\d)")
# ("SL changed: 3100 → BE": the arrow onto breakeven; "moved SL from 3100": the old stop only, the new one not said)
_ONTO_BREAKEVEN = re.compile(r"[ \t]*:?[ \t]*(?:\$?\d[\d.,]*\s*)?(?:->|=>|→|>|to)\s*(?:" + _BE_ABBREVIATION + r"|breakeven|break[\s-]*even|entry)(?!\w)")
_FROM_ONLY = re.compile(r"[ \t]*(?:from|de|von|с|от)\s+\$?\d[\d.,]*\s*$")
_STOP_WORD_IN = re.compile(r"sl|stop|стоп")
_BEFORE_IN_CLAUSE = re.compile(r"[,;!|，、،?]|\.\s")
_ENDS_ON_THE_LEVEL = re.compile(r"(?:(?:tp|target)\s*)?\$?[\d.,]*$")
# (a clause ends at punctuation followed by a space or at a line's end: never at the point or comma inside a price)
_CLAUSE_END = re.compile(r"[,;!|，、،]\s|\.\s|[?？؟]|\s(?:and|und|et|e|y|и|та|ve|dan|và)\s")


@dataclass(frozen=True)
class StopMove:
    """Where a post moves a trade's stop: a price as written, or the number of one of its targets; `readings`, a price
    that reads two ways ("2,312": 2312 or 2.312)."""
    price: str | Decimal | None = None
    target: int | None = None
    readings: tuple[Decimal, ...] = ()
    breakeven: bool = False


def stop_moved_onto(lowered: str) -> StopMove | None:
    """The stop move a post orders now, with the price or target it moves the stop onto ("TP1 ✅ close 50%, SL moved to
    3150", "take half, stop to TP1"); None when it names neither, or names several, or the move is negated, later or
    on a condition ("SL to 3150 if TP2 hits")."""
    found: set[StopMove] = set()
    for line, match in _position_change_phrases(lowered, UpdateAction.NEW_STOP):
        # (the clause from the stop word: "Closed 50% at TP2, SL → TP1" — the phrase may begin at the comma before it)
        word = _STOP_WORD_IN.search(match.group(0))
        start = match.start() + (word.start() if word is not None and match.group(0)[:word.start()].strip(" ,;!|.%")
                                 == "" else 0)
        # ("sl -> 3150", "sl → tp1": the phrase ends inside what the stop is moved onto)
        end = match.start() + _ENDS_ON_THE_LEVEL.search(match.group(0)).start()
        tail = line[end:]
        tail = tail[:m.start()] if (m := _CLAUSE_END.search(tail)) else tail
        clause = _BEFORE_IN_CLAUSE.split(line[:start])[-1] + line[start:end] + tail
        if _CONDITION.search(clause) or _LATER_EVENT_RE.search(tail) or update_not_now(line, UpdateAction.NEW_STOP):
            continue
        if _ONTO_BREAKEVEN.match(tail):
            found.add(StopMove(breakeven=True))
        elif _FROM_ONLY.match(tail):
            found.add(StopMove())
        elif (onto := _ONTO_TARGET.match(tail)) is not None:
            number = onto.group("number")
            found.add(StopMove(target=int(number) if number else next(
                n for n, words in _ORDINALS.items() if re.fullmatch(words, onto.group("ordinal")))))
        elif (onto := _ONTO_PRICE.match(tail)) is not None:
            found.add(StopMove(price=onto.group("price")))
    return found.pop() if len(found) == 1 else None


def close_action(lowered: str) -> UpdateAction | None:
    """What a `close` post says happened: the stop was hit (SL_HIT), the setup was cancelled before or instead
    of filling (CANCEL_ENTRY: the whole signal's pending entries), or None for a plain close/exit.

    A post that both cancels and closes ("close and cancel the rest") is a plain close: acting on it as a
    cancel only would leave a filled position open."""
    if _STOP_OUT.search(lowered):
        return UpdateAction.SL_HIT
    if _CANCEL.search(lowered) and not _CLOSE_OR_EXIT.search(lowered):
        return UpdateAction.CANCEL_ENTRY
    return None


def closes_position(lowered: str) -> bool:
    """The post says close/exit/sell (not only cancel)."""
    return bool(_CLOSE_OR_EXIT.search(lowered))


# A target level already ticked off inside a full setup ("TP1: 2.05 ✅", "TP3 16.0 done").
_TICKED_LEVEL = re.compile(
    rf"{_TP_WORDS}[ \t]*\d{{0,2}}[ \t]*[:=.)-]?[ \t]*\(?\$?\d[\d.,]*\)?(?:[ \t]*[/|,][ \t]*\$?\d[\d.,]*)*[ \t]*(?:k[ \t]*)?"
    # ("TP1 3350 sats ✅": a price of an alt/BTC pair in satoshis)
    # ("target 2 (910 sats) smashed", "TP2 (155.4 USDT) hit", "TP2 (155.4$) hit": the level and its unit in brackets)
    r"(?:(?:sats|satoshis?|сатоши|usdt|usdc|usd|btc)(?!\w)[ \t]*|\$[ \t]*)?(?:(?<=[\w$])\)[ \t]*)?"
    # ("TP1 3100 (hit)", "TP1 3100 — взят", "TP1 3100 geldi", "TP1 3100 已达成", "TP1 3100 ☑"): the mark in brackets or after a dash,
    # in the channels' languages
    # (pcm "TP1 24.00 don land", "TP2 0.52 don hit": "don" says it has happened; tl "TP1 0.795 tapos na", "naabot na"
    # (finished, reached — "tapos" alone is also "then", so only with "na"))
    r"(?:[(\[—–-][ \t]*)?(?:already[ \t]+|is[ \t]+|was[ \t]+|were[ \t]+|are[ \t]+|đã[ \t]+|sudah[ \t]+|don[ \t]+|已经?)?"
    # (nl "TP1 150 geraakt", "bereikt"; ro "atins"; pcm "TP1 150 don touch", "don reach")
    r"(?:done|hit|reached|achieved|filled|taken|touched|smashed|land(?:ed)?|tapos[ \t]+na|naabot|tinamaan|geraakt|bereikt|"
    r"atins[ăa]?|(?<=don[ \t])(?:touch|reach|cross)|взят\w*|достигнут\w*|geldi|alcanzad[oa]|atingid[oa]|erreicht|atteint|raggiunt[oa]|"
    r"tercapai|ch[ạa]m|达成|达到|到达|달성|도달|\u2611|"
    # (hr "pogođen", pa "ਹਿੱਟ", yo "ti bọ́": "TP1 (3,420) ti bọ́ ✅")
    r"pogo[đd]en\w*|ਹਿੱਟ|ti[ \t]+b[ọo]\u0301?)(?!\w)"
    # ("TP1 190 (도달 시 본절)", "(chạm thì dời SL)": when it is reached — a plan)
    r"(?![ \t]*(?:시|th[ìi]|then|时|后))")


# Every target report names a target word, says "done" (a ticked exit) or numbers a plan step ("3) … ✅"): a line with
# none of them reports no target, and most lines of a post are such
_TP_GATE = re.compile(rf"{_TP_WORDS}|done|\d\s*\)")


def reports_progress(lowered: str) -> bool:
    """The post reports a target as hit: whatever levels it lists belong to a trade already under way.

    Read line by line (a "✅" bullet opening the next line is decoration, not a tick), and "Target profit:"
    is a label, not a target that made a profit."""
    for line in lowered.splitlines():
        if not _TP_GATE.search(line):
            continue
        # ("Dời SL về hòa vốn khi TP1 chạm", "move SL to BE when TP1 is hit": a rule for later, no target reached)
        if any(not _waits(line[:m.start()]) for m in _TICKED_LEVEL.finditer(line)):
            return True
        if any(not m.group(0).rstrip().endswith("profit") and not _waits(line[:m.start()])
               for m in _TP_HIT_PATTERN.finditer(line)):
            return True
    return False


# "#ENA ❌-3.2%", "🚫16% 손실(2x)🚫": a trade's result given as a loss — it ended at its stop
LOSS_RESULT_RE = re.compile(
    r"(?:\u274c|\U0001f6ab|\U0001f6d1|\u26d4)\ufe0f?\s*-\s*\d+(?:[.,]\d+)?\s*%|"
    # (on the same line: "Hedefler +3% / +8%" then the next line's "Zarar Durdur -4%" — the stop LABEL — is no result;
    # neither is a stop label right after the percent)
    r"(?<![\d.,])-?\d+(?:[.,]\d+)?[ \t]*%[ \t]*(?:손실|loss|zarar|kay[ıi]p|убыт\w*|p[ée]rdida|perda|perte|verlust|"
    r"ضرر|خسارة|زیان|l[ỗo])(?!\w)(?![ \t]+(?:durdur\w*|stop\w*|limit\w*|kes\w*))")

# A card whose heading says the trade ended ("TRADE KAPANDI — TP HIT", "STOP LOSS TETİKLENDİ!", "Position closed"),
# whatever levels it restates below
CLOSED_REPORT_HEAD_RE = re.compile(
    r"^(?:<[^>\n]{1,20}>|\W)*(?:trade|position|i[şs]lem|pozisyon|сделка|позиция|operaci[óo]n|posici[óo]n|posi[çc][ãa]o|opera[çc][ãa]o)\W+"
    r"(?:kapand[ıi]|kapat[ıi]ld[ıi]|closed|закрыта|cerrada|fechada|encerrada)(?!\w)|"
    # ("Binance Futures, #SOL/USDT / Closed due to stop loss ⛔ / Entry … / SL …": a bot's card, the close and why under
    # its venue-and-pair heading)
    r"^\W*closed\s+(?:due\s+to|by)\s+(?:the\s+|an?\s+)?(?:stop[\s-]*loss|sl|stop|take[\s-]*profit|tp\s*\d?|target|opposite|"
    r"provider|manual\w*|trailing)(?!\w)|"
    r"^(?:<[^>\n]{1,20}>|\W)*(?:trailing[\s-]+)?(?:stop[\s-]*loss|stop|sl)\W+(?:tetiklendi|triggered|hit|сработал|activado|acionado|ausgel[öo]st)(?!\w)|"
    # "💰 VENTA EJECUTADA … Razón: Take Profit … P&L" (a spot bot's sale: the position's end — only with its result, see
    # SOLD_CARD_RESULT_RE; a futures bot's "SELL EXECUTED" alone may open a short)
    r"^(?:<[^>\n]{1,20}>|\W)*(?:venta|venda|vendita|sell|sale|sold|sat[ıi][şs]|продажа)\s+(?:ejecutada|executada|eseguita|executed|filled|"
    r"ger[çc]ekle[şs]ti|исполнена)(?!\w)|"
    # "✅ ĐÓNG LỆNH - LONG SUIUSDT ✅", "Закрытие сделки", "Fechamento", "إغلاق صفقة": a card headed by the close itself
    r"^(?:<[^>\n]{1,20}>|\W)*(?:đóng\s+lệnh|cierre\s+de\s+(?:la\s+)?(?:posici[óo]n|operaci[óo]n)|fechamento(?:\s+d[ae]\s+\w+)?|"
    r"закрытие\s+(?:сделки|позиции)|إغلاق\s+صفقة|بستن\s+(?:معامله|پوزیشن)|trade\s+closed|position\s+closed)(?!\w)|"
    r"^(?:<[^>\n]{1,20}>|\W)*(?:平仓|청산\s*완료|决済完了)")

# A sale card's result line ("P&L: $2.88 (+5.77%)", "Razón: Take Profit", "Lucro", "Kâr") that makes "VENTA EJECUTADA" a close
SOLD_CARD_RESULT_RE = re.compile(r"(?<!\w)(?:p\s*&\s*l|pnl|profit|loss|ganancia|p[ée]rdida|lucro|preju[íi]zo|k[âa]r|zarar|"
                                 r"прибыль|убыток|raz[óo]n|reason|motivo)(?!\w)")
_SOLD_HEAD = re.compile(r"^(?:<[^>\n]{1,20}>|\W)*(?:venta|venda|vendita|sell|sale|sold|sat[ıi][şs]|продажа)\s+")


def sold_without_result(first_line: str, clean: str) -> bool:
    """A "SELL EXECUTED" heading with no result line: a fill that may open a short, not the end of a trade."""
    return bool(_SOLD_HEAD.match(first_line)) and not SOLD_CARD_RESULT_RE.search(clean)


# (after a footer's close: a result in percent or a reason in brackets, "-2.5%", "✅ +4%", "(BE)")
_FOOTER_TAIL = r"[^\w\n]*(?:[+\-−]?\d+(?:[.,]\d+)?\s*%)?[^\w\n]*(?:\((?:be|breakeven|sl|stop|tp\s*\d?)\))?[^\w\n]*$"
# "… setup … / TP1,2,3 - Trade Closed ✅": the post's last line, added when the provider edited the call, says it ended
CLOSED_FOOTER_RE = re.compile(
    r"(?:^|[-–—:|]\s*|\W\s)(?:trade|position|signal|сделка|позиция|i[şs]lem|operaci[óo]n|opera[çc][ãa]o)\s+"
    r"(?:is\s+|was\s+|has\s+been\s+)?(?:closed(?:\s+(?:manually|early|in\s+(?:loss|profit)|at\s+(?:entry|breakeven|be)))?|finished|ended|закрыта|kapand[ıi]|cerrada|encerrada|fechada)(?!\w)"
    # ("Signal closed manually", "Trade closed in loss -2.5%", "Position closed ✅ +4%"): how, and the result
    rf"{_FOOTER_TAIL}|"
    # ("Closed at entry (BE)", "Closed in profit +4%"): the close word alone heads the line
    rf"^\W*closed\s+(?:manually|early|in\s+(?:loss|profit)|at\s+(?:entry|breakeven|be|(?:the\s+)?stop))(?!\w){_FOOTER_TAIL}|"
    # ("Итог: закрыто в ноль", "Sonuç: stop ❌", "结果：止损", "Result: stopped out"): the card's result line names a stop or a close
    r"^\W*(?:result|r[ée]sultat|resultado|risultato|ergebnis|итог|результат|sonu[çc]|k[ếe]t\s+qu[ảa]|hasil|结果|결과)\s*[:：]\s*"
    r"(?:stop(?:\s*loss)?|sl|stopped(?:\s+out)?|止损|损切り?|손절|стоп|закрыт\w*(?:\s+в\s+(?:ноль|безубыток|минус|плюс))?|"
    r"closed(?:\s+at\s+(?:entry|be|breakeven))?|cerrad[oa]|fechad[oa]|kapand[ıi]|breakeven|be|безубыток|平仓|保本)"
    rf"(?!\w){_FOOTER_TAIL}|"
    # ("⛔ CANCELLED" under the card: the call withdrawn)
    r"^\W*(?:cancel+ed|cancelad[oa]|отмен[её]н\w*|отмена|iptal(?:\s+edildi)?|annul[ée]e?|已?取消|취소(?:됨)?|void(?:ed)?)[^\w\n]*$")

# "✅ Сделка полностью закрыта", "Trade fully closed", "İşlem tamamen kapandı": the whole position is closed
WHOLE_POSITION_CLOSED_RE = re.compile(
    # ("Cerramos #SOL completo ✅", "#SOL 全部平仓", "fechamos tudo"): the whole position closed, whatever part went before
    r"(?:cerramos|cerrad[oa]|fechamos|fechad[oa]|closed)\s+(?:[#$]?\w+\s+)?(?:complet[oa]|por\s+completo|entirely|fully)(?!\w)|"
    r"全部平仓|全部平掉|已全部平仓|"
    # ("Closed 50% | Remaining: 0%", "position left: 0 %"): nothing of the position left open
    # (a bare "left" only heading its field: "fees left: none", "risk left: 0%", "upside left: 0%" are something else)
    r"(?:(?:^|(?<=[|,;\n•(]))[^\S\n]*(?:remaining|left)|(?<!\w)(?:still\s+open|open\s+size|(?:position|size|qty|amount)\s+(?:left|remaining)))"
    r"\s*[:=]?\s*(?:0(?:[.,]0+)?\s*%|none|nothing|zero)(?!\w)|"
    # ("#BTC TP2 closed — trade finished": the trade said to be over after its part)
    # ("#AVAX 1st TP closed and trade done ✅", "TP1 closed, TP2 closed, TP3 closed ✅ all done": "done" at the end)
    r"(?:trade|position|сделка)\s+(?:is\s+|has\s+|now\s+)*(?:finished|over|ended|complete[d]?|done|завершена)(?!\w)|"
    r"(?<!\w)all\s+(?:done|over|finished)\W*$|"
    r"(?:сделка|позиция|trade|position|i[şs]lem|pozisyon|operaci[óo]n|posici[óo]n|posi[çc][ãa]o|opera[çc][ãa]o)\s+"
    r"(?:is\s+|was\s+|has\s+been\s+)?(?:полностью|целиком|fully|completely|entirely|tamamen|completamente|totalmente)\s+"
    r"(?:закрыта|closed|kapand[ıi]|kapat[ıi]ld[ıi]|cerrada|fechada|encerrada)(?!\w)|"
    r"(?:полностью|fully|completely|tamamen|completamente|totalmente)\s+(?:закрыл\w*|закрыт\w*|closed|kapatt[ıi]k|cerrad\w*|fechad\w*)(?!\w)")


def recap_heading(clean: str) -> bool:
    """A summary word heads a part of the first line ("Titanium ST3 – Resumo 04/12/2026", "VIP — Weekly recap")."""
    from verzek.parsing.lexicon import RECAP_HEAD_RE

    first = clean.lstrip().split("\n", 1)[0]
    parts = re.split(r"\s[–—-]\s|:\s|\|", first)
    return any(RECAP_HEAD_RE.search(part) for part in parts[1:]) or bool(_RECAP_ENDS_PART.search(parts[0]))


# "#SOL 2024 recap: …", "BTC weekly summary — …": the heading's first part ends with a recap word
# ("Друзі, підсумок тижня:", "Итоги недели:", "Podsumowanie tygodnia:", "Riepilogo della settimana:"): or with its
# period after it — the week's, the day's, the month's
# (session 26, threads26: a day's or a thread's tally heading its results — "Yesterday's thread, final tally 🧾", "Bilan du
# jour", "Bilanz der Woche", "Итог дня", "Recuento final", "Placar do dia", "Günün bilançosu")
_RECAP_ENDS_PART = re.compile(r"(?<!\w)(?:recap|summary|resumen|resumo|r[ée]sum[ée]|итоги|підсум(?:ок|ки|ку)|[öo]zet|riepilogo|podsumowanie|"
                              r"t[ổo]ng\s+k[ếe]t|rekap|ملخص|خلاصه|总结|回顾|まとめ|결산|요약|"
                              r"(?:final\s+|closing\s+|day'?s\s+|daily\s+)?(?:tally|scorecard|scoreboard)|bilan|bilanz|bilancio|"
                              r"bilan[çc]o(?:su)?|итог|recuento(?:\s+final)?|placar|战绩|成绩单)"
                              r"(?:\s+(?:of\s+the\s+)?(?:week|day|month|тижня|дня|місяця|недели|месяца|tygodnia|dnia|miesi[ąa]ca|"
                              r"(?:della|de\s+la|da)\s+semana|della\s+settimana|del\s+(?:giorno|mese|d[íi]a|mes)|"
                              r"de\s+la\s+semaine|du\s+(?:jour|mois)|do\s+(?:dia|m[êe]s)))?\W*$", re.IGNORECASE)


# (ur/fa/ar write their own full stop, semicolon and question mark: "#INJ کی ٹریڈ close کر دیں۔ BTC اوپر جا رہا ہے")
_CLAUSES = re.compile(r"[,;.!?|，、،۔؛؟]\s+|:\s+|\s[—–-]\s|\n|(?:[✅❌✔️]+|\sdone)\s+(?=[#$])")
_TAGGED_COIN = re.compile(r"[#$]([a-z0-9]{2,15})")


# ("#ETH still open", "BTC keeps running", "по эфиру ещё держим", "#SOL sigue abierto", "#AVAX hâlâ açık", "#ETH 继续持有"):
# a clause saying a trade goes on
_STILL_RUNNING = re.compile(
    r"(?<!\w)" + _NOT_THE_GROUP + r"(?:still\s+(?:open|running|active|alive|live|on|in(?:\s+the)?\s+(?:play|game|trade)|holding|valid|in)|"
    r"(?:remains?|stays?|keeps?)\s+(?:open|running|active|in\s+play)|keeps?\s+going|still\s+going|let\s+(?:it|\w+)\s+run|"
    r"(?:is\s+|are\s+)?running\s+(?:fine|well|nicely|smoothly|strong|ok)|holding\s+(?:fine|well|strong|up)|"
    # ("#BTC still sitting near entry, nothing to do there", "#ADA and #DOT still above their stops")
    r"still\s+(?:sitting|above|below|near|intact|untouched|fine|good|ok|okay|healthy)|nothing\s+to\s+(?:do|change|adjust)|no\s+action|"
    r"doing\s+its\s+thing|пока\s+держим|держим\s+дальше|"
    r"(?:ещё|еще|пока)\s+(?:держим|в\s+работе|открыт\w*|актуал\w*)|оста[её]тся(?:\s+открыт\w*)?|держим|"
    + _NOT_THE_GROUP + r"(?:sigue\s+(?:abiert[oa]|activ[oa]|en\s+juego|corriendo)|continua\s+(?:abert[oa]|ativ[oa])|segue\s+abert[oa])|"
    r"h[âa]l[âa]\s+a[çc][ıi]k|a[çc][ıi]k\s+kal\w*|(?:aynen\s+)?devam(?:\s+ediyor|\s+edecek)?|"
    r"l[äa]uft\s+weiter|noch\s+offen|toujours\s+ouvert\w*|reste\s+ouvert\w*|ancora\s+apert[oa]|"
    r"masih\s+(?:jalan|berjalan|open|hold|aktif)|v[ẫa]n\s+(?:gi[ữu]|ch[ạa]y|m[ởo])|"
    # a trade left as it is, or one whose entry order still waits ("#ETH işlemine dokunmuyoruz, hâlâ giriş emri
    # bekliyor", "#ADA segue aguardando entrada, nada muda", "#ADA still waiting for entry, nothing changes", "#DOT
    # sigue esperando su entrada", "по #DOT без изменений", "#DOT inchangé", "#DOT unverändert")
    r"(?:still\s+)?waiting\s+(?:for\s+(?:the\s+|its\s+|an?\s+)?)?(?:entry|fill)|untouched|unchanged|nothing\s+changes|no\s+changes?|"
    r"(?:we\s+)?(?:don'?t|do\s+not)\s+touch|leave\s+(?:it|\w+)\s+as\s+is|"
    r"dokunm(?:uyoruz|ay[ıi]n|ayaca[gğ][ıi]z)|(?:giri[şs]\s+)?emr\w*\s+bekl\w*|(?:h[âa]l[âa]\s+)?giri[şs]\w*\s+bekl\w*|de[ğg]i[şs]iklik\s+yok|"
    r"(?:segue|continua)\s+aguardando|aguardando\s+(?:a\s+)?entrada|nada\s+mud[ao]|sem\s+altera[çc](?:[ãa]o|[õo]es)|"
    r"n[ãa]o\s+mexemos|sigue\s+esperando|esperando\s+(?:la\s+|su\s+)?entrada|nada\s+cambia|sin\s+cambios|no\s+tocamos|"
    r"без\s+изменений|не\s+трогаем|ждём\s+вход\w*|ждем\s+вход\w*|rien\s+ne\s+change|inchang[ée]e?|"
    r"on\s+ne\s+touche\s+pas|unver[äa]ndert|wartet\s+(?:noch\s+)?auf\s+(?:den\s+)?einstieg|nessuna\s+modifica|invariat[oa]|"
    r"\s*(?:继续持有|继续拿|还在持有|持有中|仍在运行))(?!\w)")


def _coins_in(clause: str, coins: frozenset[str], aliases: dict[str, str]) -> set[str]:
    """The coins a clause names by a tag, by the plain word (a coin the post names) or by a name ("эфиру" → eth)."""
    named = {c for c in _TAGGED_COIN.findall(clause) if c in coins} \
        | {c for c in coins if re.search(rf"(?<![\w#$]){re.escape(c)}(?!\w)", clause)}
    return named | {base for word, base in aliases.items() if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", clause)}


_SIDE_WORD = re.compile(r"(?<!\w)(?:longs?|shorts?|лонг\w*|шорт\w*|buy|sell|compra|venta|uzun|k[ıi]sa)(?!\w)")


def side_of_another_coin(lowered: str, coin: str, coins: frozenset[str], aliases: dict[str, str]) -> bool:
    """Every side word of the post stands in a clause of another coin, none in `coin`'s ("BTC long still open, SL moved.
    ETH closed +20%": the long is BTC's — the close of ETH names no side)."""
    sided = [clause for clause in _CLAUSES.split(lowered) if _SIDE_WORD.search(clause)]
    return bool(sided) and all(_coins_in(clause, coins, aliases) - {coin} and coin not in _coins_in(clause, coins, aliases)
                               for clause in sided)


# ("Closed #SOL ✅ +12%. ETH long next", "BTC is next on the list", "AVAX coming up later"): the coin of the next call —
# nothing of it closed
_NEXT_UP = re.compile(r"(?<!\w)(?:(?:is\s+|are\s+)?(?:up\s+)?next(?!\s+(?:to|week|day|month|time|target|tp)(?!\w))|"
                      r"coming\s+(?:up|next|soon|later)|on\s+(?:the\s+|our\s+)?watch\s*list)(?!\w)")


def _closed_and_kept(lowered: str, coins: frozenset[str], aliases: dict[str, str],
                     says=None) -> tuple[set[str], set[str], bool]:
    """The coins named in clauses that close now, and in clauses that wait for a condition or say the trade goes on;
    and whether every clause naming a coin is one of the two."""
    closed: set[str] = set()
    kept: set[str] = set()
    every_clause_read = True
    said = says if says is not None else (lambda part: is_close(part, coins))
    for line in lowered.split("\n"):
        clauses = _CLAUSES.split(line)
        for index, clause in enumerate(clauses):
            named = _coins_in(clause, coins, aliases)
            if not named:
                continue
            if _CONDITION.search(clause) or _MARKET_CONDITION.search(clause) or _STILL_RUNNING.search(clause) \
                    or _NEXT_UP.search(clause) and not said(clause):
                kept |= named
            elif said(clause):
                closed |= named
            elif update_action(clause) in (None, UpdateAction.OTHER) and _left_as_is(clauses[index + 1:], coins, aliases, said):
                # ("#FET still hovering near entry, nothing to do, SL unchanged"): the coin's clause says nothing done,
                # the clauses after it on its line say the trade is left as it is
                kept |= named
            else:
                every_clause_read = False
    return closed, kept, every_clause_read


# (a clause after the coin's: "holding", "we hold for now", "nada que hacer", "nada a fazer", "ничего не делаем")
_HOLDING_CLAUSE = re.compile(r"\W*(?:(?:still|just|we'?re|we\s+are|we|keep(?:ing)?)\s+)?hold(?:ing)?(?:\s+(?:it|for\s+now|on|here|steady))?"
                             r"\W*|[^\n]*?(?<!\w)(?:nada\s+que\s+hacer|nada\s+a\s+fazer|sin\s+acci[óo]n|sem\s+a[çc][ãa]o|"
                             r"ничего\s+не\s+делаем|без\s+действий)(?!\w)[^\n]*")


def _left_as_is(after: list[str], coins: frozenset[str], aliases: dict[str, str], says) -> bool:
    """The clauses after a coin's, up to the next coin's, say its trade is left as it is ("nothing to do", "SL unchanged")
    and none does anything."""
    following: list[str] = []
    for clause in after:
        if _coins_in(clause, coins, aliases):
            break
        following.append(clause)
    return any(_STILL_RUNNING.search(clause) or _HOLDING_CLAUSE.fullmatch(clause) for clause in following) \
        and not any(says(clause) or is_close(clause, coins) or update_action(clause) not in (None, UpdateAction.OTHER)
                    for clause in following)


def closed_coin_beside_conditions(lowered: str, coins: frozenset[str], aliases: dict[str, str] | None = None,
                                  says=None) -> str | None:
    """Of a post naming several coins, the one an unconditional close names, when every other coin stands in a clause
    that waits for a condition ("#GMX kapattık ✅ — #DYDX de 0.590 altı gelirse onu da kapatırız": GMX is closed, DYDX
    only would be) or goes on ("#ETH closed ✅, #BTC still open"). None in any other case (a recap of several closes
    stays a recap). `aliases`: coins the post names in words ("эфиру" → "eth")."""
    closed, kept, every_clause_read = _closed_and_kept(lowered, coins, aliases or {}, says)
    return next(iter(closed)) if every_clause_read and len(closed) == 1 and not closed & kept and kept else None


# A row of a status board: one coin heading its line, a dash, bar or colon, then that coin's status ("#FET — fully closed
# at 1.384 ✅", "#INJ | hold", "AVAX: TP2 ✅ taking another 30% off")
_BOARD_ROW = re.compile(r"^[^\w#$\n]*[#$]?(?P<coin>[a-z0-9]{2,15})(?:/usdt)?[ \t]*(?:[—–:|]|-(?=[ \t]))[ \t]*(?P<rest>\S.*)$")


_SIGNED_RESULT = re.compile(r"(?<![\w.,])[+-]\s?\d+(?:[.,]\d+)?\s*%")
_SHEET_HEADER = re.compile(r"(?:^|\n)\W*coin\W+(?:result|status)\W+(?:roi|pnl|p&l|profit|gain)", re.IGNORECASE)


def board_change(lowered: str, coins: frozenset[str]) -> tuple[str, bool, UpdateAction | None] | None:
    """A status board — every line naming a coin is a row of its own ("Evening status / #FET — fully closed at 1.384 ✅ /
    #ADA — TP1 hit, SL to breakeven / #DOT — nothing to do, hold"), the other lines do nothing — on which one coin's trade
    ends, or, none ending, one coin's trade changes while every other row holds. Returns (coin, closed, action): the row
    that closes (with its close action), else the one row that changes (with its action); None when the rows say more (two closes
    are a recap, two changes a reading, a row that waits for the market no order)."""
    rows: list[tuple[str, str]] = []
    for line in lowered.split("\n"):
        named = _coins_in(line, coins, {})
        found = _BOARD_ROW.match(line.strip())
        if found is not None and found.group("coin") in coins and named == {found.group("coin")}:
            rows.append((found.group("coin"), found.group("rest")))
        elif named or update_action(line) not in (None, UpdateAction.OTHER) or is_close(line, coins):
            return None
    if len(rows) < 2 or len({coin for coin, _ in rows}) != len(rows):
        return None
    # ("Coin | Result | ROI / OP | TP3 ✅ | +61% / TIA | SL ❌ | -20%"): every row with its result — a sheet of trades done
    if all(_SIGNED_RESULT.search(rest) for _, rest in rows) or _SHEET_HEADER.search(lowered):
        return None
    if any(is_conditional_close(rest, coins) or update_waits(rest, update_action(rest) or UpdateAction.OTHER)
           for _, rest in rows):
        return None
    closes = [(coin, rest) for coin, rest in rows
              if is_close(rest, coins) and update_action(rest) not in (UpdateAction.PARTIAL_CLOSE, UpdateAction.CANCEL_ENTRY)]
    if len(closes) == 1:
        return closes[0][0], True, close_action(closes[0][1])
    if closes:
        return None
    changed = [(coin, action) for coin, rest in rows
               if (action := update_action(rest)) not in (None, UpdateAction.OTHER)]
    if len(changed) == 1 and changed[0][1] in (*POSITION_CHANGES, UpdateAction.TP_HIT):
        return changed[0][0], False, changed[0][1]
    return None


# ("Close #SOL because BTC is weak"): what follows a reason word is why, not what is done
_REASON = re.compile(r"\s(?:because(?:\s+of)?|since|due\s+to|thanks\s+to|как\s+и|из-за|благодаря|[çc]ünkü|porque|weil|"
                     r"parce\s+que|perch[ée]|karena)\s")


# ("BTC flushed and took #ARB with it — stopped out", "ETH dumped and dragged #OP down with it", "#ARB dragged down by
# BTC"): the market's move that caused the stop names its coin as the cause — that coin is not closed
_DRAGGED_ALONG = re.compile(
    r"(?<![\w#$])[#$]?(?P<cause>[a-z][a-z0-9]{1,14})\s+(?:\w+\s+){0,2}?(?:flushed|dumped|dropped|crashed|nuked|tanked|dipped|"
    r"wicked|fell|bled|collapsed|sold\s+off|plunged|slid)\s+(?:\w+\s+){0,2}?and\s+(?:took|dragged|pulled|brought|wiped)\s+"
    r"[#$]?[a-z0-9]{2,15}\s+(?:down\s+|out\s+)?with\s+it(?!\w)|"
    r"(?:dragged|pulled|taken|wiped)\s+(?:down\s+|out\s+)?(?:by|with)\s+[#$]?(?P<cause2>[a-z][a-z0-9]{1,14})(?![\w/])")


def dragging_coins(lowered: str) -> set[str]:
    """The coins named as the market move that took another coin's trade down with it (causes, not closes)."""
    return {found.group("cause") or found.group("cause2") for found in _DRAGGED_ALONG.finditer(lowered)}


# ("BTC dumping", "btc looks weak", "ETH is bleeding hard", "as BTC loses 60k", "биток падает", "BTC cayendo", "BTC caindo"): a
# clause of market talk — a coin and how the market moves, nothing done to a trade of it
_MARKET_REMARK = re.compile(
    r"\W*(?:(?:and|but|as|while|with|also|plus|и|а|y|e|con|com)\s+)?[#$]?[^\W\d_]\w{1,14}(?:/usdt)?"
    r"(?:\s+(?:is|are|looks?|looking|keeps?|still|just|now|seems?|getting|really|so|very|kinda|super|rn))*\s+"
    r"(?:dump(?:s|ing|ed)?|pump(?:s|ing|ed)?|crash(?:es|ing|ed)?|bleed(?:s|ing)?|tank(?:s|ing|ed)?|nuk(?:es|ing|ed)|"
    r"drop(?:s|ping)|fall(?:s|ing)|slid(?:es|ing)|collaps(?:es|ing)|rall(?:ies|ying)|ripp(?:ing)|moon(?:s|ing)|"
    r"weak(?:er|ening)?|shaky|strong(?:er)?|bearish|bullish|heavy|ugly|rejected|breaking\s+(?:down|out)|"
    r"selling\s+off|going\s+(?:down|up)|rolling\s+over|(?:losing|lost|loses)\s+(?:support|the\s+\w+|\$?\d[\d.,]*\s*k?(?!\s*%))|"
    r"under\s+pressure|пада(?:ет|ют)|слива(?:ет|ется)|ль[её]тся|слаб\w*|раст[её]т|"
    r"cayendo|se\s+desploma|d[ée]bil|bajando|subiendo|caindo|despencando|fraco|subindo)"
    r"(?:\s+(?:hard|again|now|fast|badly|here|today|rn|a\s+lot|too|everywhere|сильно|опять))*\W*")


def _talk_only_coins(part: str, coins: frozenset[str], aliases: dict[str, str]) -> set[str]:
    """The coins `part` names only in market talk ("#BNB … close the position too, BTC dumping") or after a reason word
    ("… exit the trade too because BTC is weak"): why, not what is done."""
    talk: set[str] = set()
    acted_on: set[str] = set()
    for clause in _CLAUSES.split(part):
        for index, piece in enumerate(_REASON.split(clause)):
            named = _coins_in(piece, coins, aliases)
            if index > 0 or named and _MARKET_REMARK.fullmatch(piece):
                talk |= named
            else:
                acted_on |= named
    return talk - acted_on


# (a close's clauses, also split where a tick ("done" in the status text) or an emoji ends the close's words: "closed ✅
# btc dumping hard")
_TALK_PARTS = re.compile(rf"{_CLAUSES.pattern}|\sdone\s+|\s{{3,}}")


def named_only_in_talk(lowered: str, coin: str, coins: frozenset[str], says) -> bool:
    """Whether `coin` is named in the post only in market talk ("btc dumping", "#btc looks weak") or after a reason word,
    never in a clause for which `says(clause)` holds (the close), and a clause naming no coin is the one that says it
    ("Closed the position, BTC dumping": the close is the replied-to trade's, BTC is only the market)."""
    coins = coins | {coin}
    talk = False
    close_without_coin = False
    for clause in _TALK_PARTS.split(lowered):
        if not clause or not clause.strip():
            continue
        pieces = _REASON.split(clause)
        for index, piece in enumerate(pieces):
            named = _coins_in(piece, coins, {})
            if coin in named:
                if index > 0 or _MARKET_REMARK.fullmatch(piece):
                    talk = True
                else:
                    return False
            elif index == 0 and not named and says(piece):
                close_without_coin = True
    return talk and close_without_coin


def coins_where(lowered: str, coins: frozenset[str], aliases: dict[str, str], says,
                by_line: bool = True) -> tuple[set[str], set[str]]:
    """(the coins named in clauses for which `says(clause)` holds, every coin named in any clause)."""
    acted: set[str] = set()
    named_anywhere: set[str] = set()
    # (by clause; with no clause naming a coin acted on, by line: "#ARB: running / #OP: stopped" puts each coin's status
    # after a colon on its own line)
    clauses = [part for clause in _CLAUSES.split(lowered) for part in _REASON.split(clause)]
    for parts, whole_lines in ((clauses, False), (lowered.split("\n"), True)) if by_line else ((clauses, False),):
        for part in parts:
            named = _coins_in(part, coins, aliases)
            named_anywhere |= named
            if named and says(part):
                # (on a line, a coin named only in market talk beside a coin acted on is not acted on: "#BNB DCA didn't
                # fill, cancel it and close the position too, BTC dumping" closes BNB; "Deal closed. #BTC looks weak"
                # names no other coin — the close stays unread for it)
                acted |= (named - _talk_only_coins(part, coins, aliases) if whole_lines else named) or named
        if acted:
            break
    return acted, named_anywhere


# (the share a change takes, after the colon closing the change's words: "30% of ", "half of ", "50% на ")
_CHANGE_OBJECT = re.compile(r"(?:\d{1,3}(?:[.,]\d+)?\s*%|half|a\s+third|a\s+quarter|la\s+mitad|metade|половин\w*|yar[ıi]s[ıi])"
                            r"\s*(?:of|de|da|do|del|на|по|от|из)?\s*")


def coin_only_after_the_change(lowered: str, coin: str, says, coins: frozenset[str] = frozenset()) -> bool:
    """Whether the post's first clause saying the change names no coin, and `coin` is first named after it ("SL to
    entry, #BTC looks shaky"), not before ("#SOL: SL to entry", "Update #TIA: add at 5.05")."""
    start = 0
    for separator in [*_CLAUSES.finditer(lowered), None]:
        end = separator.start() if separator is not None else len(lowered)
        clause = lowered[start:end]
        if says(clause):
            mention = re.search(rf"(?<![\w])[#$]?{re.escape(coin)}(?!\w)", lowered)
            # ("Move SL to entry on DOT. #BTC pumping": the change names a coin of its own — another reading)
            if mention is None or mention.start() < end or _coins_in(clause, coins | {coin}, {}) \
                    or _TAGGED_COIN.search(clause):
                return False
            if separator is not None and _CHANGE_OBJECT.fullmatch(lowered[separator.end():mention.start()]):
                # ("Partial close executed: 30% of #TON/USDT at 5.642"): the coin is the change's object, right after its
                # colon behind a share — whose the change is
                return False
            # ("SL to entry, #SOL": the coin alone after the change is whose it is; "#BTC looks shaky" is talk)
            rest = _CLAUSES.split(lowered[mention.end():], maxsplit=1)[0]
            return len(re.findall(r"\w", re.sub(r"(?<!\w)done(?!\w)", "", rest))) >= 3
        if separator is None:
            break
        start = separator.end()
    return False


_READER_STILL_IN = re.compile(r"(?<!\w)(?:whoever|anyone|anybody|everyone|those|if\s+you(?:'re|\s+are)?|you(?:'re|\s+are)|"
                              r"for\s+(?:those|anyone|everyone))\s+(?:(?:is|are|who(?:'s|\s+is|\s+are)?|that(?:'s|\s+is|\s+are)?)\s+)?"
                              r"still\s+(?:in|holding)(?!\w)")


def kept_running(lowered: str, coin: str, coins: frozenset[str], aliases: dict[str, str] | None = None) -> bool:
    """Whether the post says `coin`'s trade goes on (or waits) and closes it in no clause ("По эфиру фиксируем всё ✅,
    #SOL держим дальше": SOL is kept — the close is another coin's)."""
    coins = coins | {coin}
    if "still" in lowered:
        # ("Whoever is still in the #SUI long: close it now", "anyone still holding #SUI, exit"): who the command is for,
        # not a trade said to go on
        lowered = _READER_STILL_IN.sub(" ", lowered)
    clauses = [clause for clause in _CLAUSES.split(lowered) if coin in _coins_in(clause, coins, aliases or {})]
    return any(_STILL_RUNNING.search(clause) for clause in clauses) \
        and not any(is_close(clause, coins) and not _STILL_RUNNING.search(clause) for clause in clauses)


def waiting_close_of_another_coin(lowered: str, coin: str, coins: frozenset[str]) -> bool:
    """Whether every close of the post that waits for the market stands on a line naming other coins, none `coin`, and
    `coin`'s trade is said to go on ("#ETH still running / #DOT: if the daily closes below 6.50 we close it": ETH is held,
    the close that waits is DOT's — not ETH's)."""
    coins = coins | {coin}
    waiting = [line for line in lowered.split("\n") if is_conditional_close(line, coins)]
    return bool(waiting) and all((named := _coins_in(line, coins, {})) and coin not in named for line in waiting) \
        and kept_running(lowered, coin, coins)


_SENTENCE_PARTS = re.compile(r"[,;.!?|，、،]\s+|\s[—–-]\s|\n")


# (a colon or an emoji also ends the market talk before a command: "ETH looks weak: close all alt longs", "BTC is pumping 🚀
# close all shorts")
_ALL_WORD_RE = re.compile(_ALL_WORD)
ALL_WORD_RE = _ALL_WORD_RE  # (the parser reads it: a heading "CLOSE ALL" commands every trade)
_COMMAND_PARTS = re.compile(r"[,;.!?|，、،]\s+|\s[—–-]\s|\n|:\s+|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*")
# (in the normalised text an emoji is a run of spaces: "exit all now 🚨 btc dumping" — the coin after it is market talk)
_EMOJI_GAP = re.compile(r"\s{3,}")


def close_all_names(lowered: str, coin: str) -> bool:
    """Whether the clause that gives the close-all command also names `coin` ("Close all BTC longs"), rather than a
    clause of market talk beside it ("Closing every open long, BTC lost 95K": every long, not BTC's)."""
    for clause in _COMMAND_PARTS.split(lowered):
        clause = clause.strip(" \t-:>*#.!/")
        if (command := _CLOSE_ALL_OR_COMMAND.search(clause)) is None:
            continue
        named = re.compile(rf"(?<!\w){re.escape(coin)}(?!\w)")
        if named.search(_EMOJI_GAP.split(clause[command.start():], maxsplit=1)[0]):
            return True
        if not _ALL_WORD_RE.search(command.group(0)):
            if named.search(clause, 0, command.start()):
                return True
        # (a close of all: the coin before it only with a side word between — "BTC longs close all"; "BTC is pumping
        # close all shorts" names it as market talk)
        elif re.search(rf"(?<!\w){re.escape(coin)}(?:\s+(?:longs?|shorts?|positions?|trades?))?\W*$", clause[:command.start()]):
            return True
    return False


# The updates that change a follower's position or orders (also what `scoring.wrong_position_change` counts).
POSITION_CHANGES = frozenset({UpdateAction.NEW_STOP, UpdateAction.MOVE_SL_BREAKEVEN, UpdateAction.PARTIAL_CLOSE,
                              UpdateAction.ADD_ENTRY})
_PATTERN_BY_ACTION = dict(UPDATE_PATTERNS)


# "selling half at 9 and the rest at 12 eventually", "will add more one day": a plan for some later time, not a change now
_SOME_DAY = re.compile(r"(?<!\w)(?:eventually|some\s*day|one\s+day|at\s+some\s+point|in\s+the\s+(?:long\s+run|future)|"
                       r"long[\s-]term|this\s+cycle|next\s+(?:cycle|bull\s*run|year))(?!\w)")


def update_waits(lowered: str, action: UpdateAction) -> bool:
    """A stop move, partial close or add that waits for a market event ("#SOL if it loses 140 we move SL to 138",
    "movemos el SL a 140 si cierra el diario encima de 150") or is asked about ("where would you put your stop? I'd
    say 88k"): nothing to do now. Only the actions that change a follower's position are checked."""
    phrases = list(_position_change_phrases(lowered, action))
    for line, match in phrases:
        sentence_before = re.split(r"[.!?;](?:\s|$)", line[:match.start()])[-1]
        sentence_after = re.split(r"[.!;](?:\s|$)", line[match.end():], maxsplit=1)[0]
        if action == UpdateAction.ADD_ENTRY:
            # (session 26, threads26) ("2nd bag at 80.60 if it gets there"): an add at its price waits only for its own
            # fill — the limit order is what is placed now
            sentence_after = _LIMIT_FILL_ONLY.sub(" ", sentence_after)
        if _waits(sentence_before) or _MARKET_CONDITION.search(sentence_after) or _SOME_DAY.search(sentence_after) \
                or _LATER_EVENT_RE.search(sentence_after) \
                or not _PAST_VERB.search(match.group(0)) and _AT_LEVEL_LATER.search(sentence_after) \
                or _asked_unanswered(line, match, phrases) \
                or not _PAST_VERB.search(match.group(0)) and _AFTER_A_TARGET_BEFORE.search(sentence_before):
            return True
    return False


# (an add's price reached, said after it: "at 80.60 if it gets there", "if price comes back there", "if we dip that low",
# "si llega ahí", "se chegar lá", "если дойдёт")
_LIMIT_FILL_ONLY = re.compile(r"(?<=\d)(?:\s*,)?\s+(?:if|when|once)\s+(?:it|price|we|the\s+price)\s+(?:gets?|comes?|dips?|drops?|goes|"
                              r"trades?|falls?)\s+(?:back\s+)?(?:there|that\s+(?:low|far|deep))(?!\w)|"
                              r"(?<=\d)(?:\s*,)?\s+(?:si\s+llega\s+(?:ah[íi]|all[íi])|se\s+chegar\s+l[áa]|если\s+дойд[её]т)(?!\w)")


# Session 22 (money52): "After TP2 hits we move SL to entry", "Once target 2 is reached, we'll take half", "Sobald TP2
# erreicht ist, ziehen wir den SL nach", "Cuando toque el TP2 movemos el SL", "Quand le TP2 est touché, on remonte le SL",
# "Setelah TP2 kena, SL kita pindah", "Как только TP2, стоп в безубыток": the change is said after a target still to be
# reached — a plan for later, nothing to do now (a change told in the past, "after TP2 we moved SL", is done)
_AFTER_A_TARGET_BEFORE = re.compile(
    r"(?<!\w)(?:after|once|when|as\s+soon\s+as|nachdem|sobald|wenn|nach|despu[ée]s\s+de(?:\s+que)?|cuando|en\s+cuanto|"
    r"depois\s+(?:de|que)|quando|assim\s+que|quand|d[èe]s\s+que|apr[èe]s|dopo(?:\s+che)?|appena|setelah|begitu|kalau|"
    r"как\s+только|когда|после)\s+(?:the\s+|el\s+|la\s+|le\s+|o\s+|il\s+|der\s+|das\s+|de\s+)?"
    r"(?:tp|target|ziel|objetivo|alvo|objectif|obiettivo|sasaran|тп|цел\w*)\s*\d(?!\s*(?:was|has\s+been|got)\s)")


# "Close SEIUSDT buy", "AVAX/USDT sell limit was not triggered — cancelled", "Cerrar BTCUSDT compra": a buy/sell word
# written right after the pair names the side of the position a close is about (the close verb itself — "Sell #SOL
# now", "#SOL sell all" — says nothing about the side).
_SIDE_WORD_AFTER_PAIR = {
    "long": r"buy|compra|achat|kauf|acquisto|kupno|покупка|al[ıi][şs]|mua|beli",
    "short": r"sell|venta|venda|vente|verkauf|vendita|sprzeda[żz]|продажа|sat[ıi][şs]|b[áa]n|jual",
}


_SIDE_AFTER_PAIR = re.compile(
    r"(?<![\w#$])[#$]?([a-z0-9]{2,20})(?:\s*/\s*[a-z]{3,5}|\.p|\s+perp)?\s*[:|-]?\s*"
    rf"(?:({_SIDE_WORD_AFTER_PAIR['long']})|({_SIDE_WORD_AFTER_PAIR['short']}))(?!\w)"
    # ("RENDER jual semua di 8,70 ✅", "RENDER bán hết", "RENDER sell everything"): the sell verb of the exit, "all" after it
    r"(?!\s+(?:all|everything|semua\w*|h[ếe]t|to[àa]n\s+b[ộo]|tod[oa]s?|tudo|tutto|alles|tout|вс[её])(?!\w))")
_QUOTES = ("usdt", "usdc", "usd", "busd", "fdusd", "btc", "eth")


def side_after_pair(lowered: str, base: str) -> str | None:
    """'long' / 'short' when a buy/sell word follows the coin (as a ticker or a pair), None when none or both do."""
    found = set()
    for match in _SIDE_AFTER_PAIR.finditer(lowered):
        name = match.group(1)
        if name == base or any(name == base + quote for quote in _QUOTES):
            found.add("long" if match.group(2) else "short")
    return found.pop() if len(found) == 1 else None


# Words that tie a post to a trade: its levels, orders or position, or the channel's own call ("where we posted",
# "setup still valid", "girişte düzeltme"). An "Update" heading over a text with none of them ("$SOLUSDT Update: 4H /
# Expecting Solana to stay bullish …", "#BTC CME gap still open. Careful with longs") is market talk, not a status.
_TRADE_REFERENCE = re.compile(
    rf"(?<!\w){_TP_WORDS}(?:s|es|os|as|i)?(?!\w)|(?<!\w)(?:entr(?:y|ies|ada|ée|ata|ar)|einstieg|ingresso|wej[śs]ci\w*|вход\w*|giri[şs]\w*|"
    r"(?:stop(?:[\s-]*loss)?|sl|стоп|stopu?)|(?:re[\s-]*)?entry|setups?|signals?|se[ñn]al|sinyal|сигнал\w*|calls?|"
    r"positions?|posici[óo]n|posi[çc][ãa]o|позици\w*|pozisyon\w*|trades?|сделк\w*|i[şs]lem\w*|operaci[óo]n|opera[çc][ãa]o|"
    r"orders?|[óo]rden(?:es)?|ordem|ордер\w*|emir\w*|levels?|niveles|n[íi]veis|уровн\w*|seviye\w*|"
    r"leverage|apalancamiento|alavancagem|плеч\w*|kald[ıi]ra[çc]\w*|valid|v[áa]lid[oa]|g[üu]ncel|ge[çc]erli|актуал\w*|"
    r"posted|published|publicad[oa]|opubl\w*|we|our|nosotros|nuestr[oa]s?|nós|nosso|nossa|мы|наш\w*|biz|bizim|"
    r"zone|zona|зона|b[öo]lge)(?!\w)|"
    r"入场|进场|止损|止盈|仓位|진입|손절|익절|포지션|エントリー|损切|利确|ورود|دخول|وقف|استاپ|پوزیشن|صفقة|معامله")


def speaks_of_a_trade(lowered: str) -> bool:
    return bool(_TRADE_REFERENCE.search(lowered))


# "Close both #ETH and #SOL", "Cerramos #ETH y #SOL", "Закрываем #ETH и #SOL": the coins of one close command, listed
_COIN_LIST = re.compile(r"[#$]([a-z0-9]{2,15})(?:\s*(?:,|&|\+|/|and|y|e|и|ve|und|et|та|і|dan|và|和|及)\s*[#$]([a-z0-9]{2,15}))+")
_LISTED_COIN = re.compile(r"[#$]([a-z0-9]{2,15})")


def coins_closed_together(lowered: str, coins: frozenset[str]) -> list[str] | None:
    """The coins one close command lists (in order), when that list names every coin the post names and the command is
    for now; None otherwise (a recap of several closes, a close of one coin beside market talk about another)."""
    for clause in re.split(r"[.!?;\n]", lowered):
        listed = _COIN_LIST.search(clause)
        if listed is None:
            continue
        if not re.search(r"[^\s,#$a-z0-9]|(?<![#$a-z0-9])(?:and|y|e|и|ve|und|et|та|і|dan|và)(?![a-z0-9])", listed.group(0)):
            continue  # ("close #ETH, #SOL looks weak": a comma alone may end the command; a list has "and")
        names = list(dict.fromkeys(_LISTED_COIN.findall(listed.group(0))))
        if set(names) == set(coins) and len(names) >= 2 and is_close(clause.replace(listed.group(0), " them "), coins):
            return names
    return None


# "الاتجاه: شراء", "Direction: SELL", "Yön: ALIŞ", "Направление: покупка": a status card's direction field
_SIDE_FIELD = re.compile(
    r"(?:direction|side|الاتجاه|اتجاه|y[öo]n|направление|direcci[óo]n|dire[çc][ãa]o|richtung|sens|h[ưu][ớo]ng|arah|方向|جهت|سمت)"
    r"\s*[:：=]\s*\W*(?:(buy|long|شراء|خرید|al[ıi][şs]|покупка|лонг|compra|kauf|achat|mua|beli|做多|多)|"
    r"(sell|short|بيع|فروش|sat[ıi][şs]|продажа|шорт|venta|venda|verkauf|vente|b[áa]n|jual|做空|空))(?!\w)")


def side_field(lowered: str) -> str | None:
    found = {"long" if m.group(1) else "short" for m in _SIDE_FIELD.finditer(lowered)}
    return found.pop() if len(found) == 1 else None


# (session 24, status24b: "DOGE S / Stopped out.", "ETH L ❌ …" — the coin and its side's letter, or its side word)
_HEADING = re.compile(r"^[^\w\n]*([a-z0-9]{2,15})(?:[ \t]+(?:l|s|long|short))?[ \t]*(?:[—–:|-]|\n|$)")


def coin_heads_post(lowered: str, coin: str) -> bool:
    """The coin alone opens the post as its heading ("TAO — all targets hit … trade closed", "SOL:\n…"), not as the
    subject of a sentence of market talk ("BTC dumping. Close all now")."""
    heading = _HEADING.match(lowered.lstrip())
    return heading is not None and heading.group(1) == coin


# --- Session 22 (retract35): a close or change the post itself takes back, only offers, refuses, or tells of others, of
# a habit or of a time long past -------------------------------------------------------------------------------------
# (each pattern runs on the lower-cased normalised post; `taken_back` says which part of the post is left acting)

# After the order, the writer takes it back: "ignore this", "jk", "just kidding", "(joke)", "not really", "actually
# don't", "no wait", "scratch that", "never mind" — in es/pt/de/fr/it/ru/tr/id/vi/zh/ja/ko as well; each ends its clause
# ("Close BTC, not really bullish anymore", "ignore the noise, close ETH" keep their close)
_TAKEN_BACK = re.compile(
    # ("don't ignore this!", "not kidding", "no joke": said in earnest)
    r"(?<!\w)(?<!not\s)(?<!no\s)(?<!n't\s)(?<!never\s)(?<!nicht\s)(?<!не\s)(?:(?:edit\s*:\s*)?(?:please\s+|pls\s+|plz\s+|just\s+)?(?:ignore|disregard)(?:\s+(?:this|that|it|the\s+above|above|"
    r"(?:this|that)\s+(?:one|post|message|msg|call)))?|"
    r"jk|j/k|just\s+(?:kidding|joking)|only\s+(?:kidding|joking)|kidding|joking|not\s+really|"
    r"(?:it'?s|it\s+was|that\s+was|was|just|only)\s+(?:just\s+|only\s+)?a\s+joke(?!\s+of)|"
    r"actually\s*,?\s*(?:don'?t|do\s+not|no(?!\w)|nope|never\s*mind)|"
    r"on\s+second\s+thought|scratch\s+that|never\s*mind|nvm|forget\s+(?:that|this)|"
    r"(?:posted|sent|written)\s+(?:by\s+mistake|in\s+error|to\s+the\s+wrong\s+(?:channel|chat|group))|"
    r"wrong\s+(?:channel|chat|group|post)|mistake\s*,\s*ignore|"
    # es/pt/it
    r"(?:es|era|fue|é|e|foi|è|era)\s+(?:(?:una|uma|un|uno)\s+)?(?:broma|brincadeira|scherzo)|(?:solo|só|s[oó]lo)\s+(?:es\s+)?"
    r"(?:broma|brincadeira|bromeando|brincando)|bromeaba|bromeando|brincadeirinha|stavo\s+scherzando|scherzavo|"
    # (session 24, status24b: "Fechem #AVAX. Brincadeira 😂" — the word alone, a sentence of its own)
    r"(?:(?<=[.!?]\s)|(?<=[.!?])|(?<=\n)|(?<=^))(?:broma|brincadeira|scherzo)|"
    r"(?:mejor\s+no|olv[íi]d(?:alo|enlo|ate)|ign[óo]r(?:alo|enlo)|esquece|esque[çc]am|melhor\s+n[ãa]o|ignorem|ignoren|lasciate\s+perdere)|"
    # de/fr
    r"(?:war\s+)?nur\s+(?:ein\s+)?(?:spa(?:ß|ss)|scherz)|kleiner\s+scherz|doch\s+nicht|vergesst\s+(?:es|das)|ignoriert\s+(?:das|es)|"
    r"je\s+(?:rigole|plaisante)|c'?est\s+une\s+blague|pour\s+rire|laissez\s+tomber|finalement\s+non|ignorez(?:\s+(?:ce|ça|ca))?|"
    # ru/uk/tr
    r"(?:это\s+)?(?:шутка|шучу|пошутил\w*)|жарт\w*|забудьте|неважно|(?:хотя\s+)?нет\s*,?\s+не\s+надо|игнорируйте|"
    r"[şs]aka(?:yd[ıi]|\s+yapt[ıi]m)?|bo[şs]\s*verin|vazge[çc]tim|dikkate\s+almay[ıi]n|"
    # id/vi
    r"(?:cuma\s+|hanya\s+)?bercanda|abaikan|(?:chỉ\s+)?đùa\s+(?:thôi|th[ôo]i))"
    # (the clause ends there: a mark, an emoji, the end — not "ignore the noise", "not really bullish")
    r"(?=\s*(?:$|[^\w\s]|\s(?:lol|haha|pls|please|sorry)(?!\w)))"
    r"|开玩笑|冗谈(?:です)?|농담(?:이에요|입니다)?|(?<!\w)\(\s*(?:a\s+)?joke\s*\)|(?<!\w)lol\s+no(?!\w)")
# "no wait, close BTC", "wait, no — close BTC", "нет, стоп, закрываем BTC": the writer stops short and orders again — taken
# back only when an order follows ("SELL ETH now, no wait 🚨" is "do not wait")
_STOPS_SHORT = re.compile(r"(?<!\w)(?:no\s+wait|wait\s*,?\s+no|oh\s+wait|espera|esperen|perd[óo]n|não\s*,\s*espera|"
                          r"warte|attendez|aspetta|нет\s*,?\s*стоп|стоп\s*,?\s*нет|ой)(?!\w)\s*[,:—–-]")
# A heading that disowns what follows ("Disregard: Close SOL", "Ignore: …", "Delete: close LINK"); "Delete the pending
# order" (no colon) is an order
_TAKEN_BACK_HEADING = re.compile(r"^[^\w\n]*(?:disregard|ignore|delete|deleted|scratch|ignorar|ignorer|ignorieren|"
                                 r"игнор\w*)\s*[:：]")
# A poll: the close is one of its options ("1️⃣ Close BTC / 2️⃣ Hold BTC / Vote!"); its result is a decision ("Poll result:
# close it", "you voted close — closing BTC now" still close)
_POLL_WORD = re.compile(r"(?<!\w)(?:vote|votes|voting|poll|voten|votem|votad|votez|votate|umfrage|abstimm\w*|голосу\w*|опрос|"
                        r"anket|oylama|oy\s+verin|b[ìi]nh\s+ch[ọo]n|sondage|encuesta|enquete|sondaggio|ankieta|g[łl]osuj\w*)(?!\w)"
                        r"|投票|투표|アンケート")
# ("Si alguien sigue en #ETH, cierre ya", "if anyone is still in, close"): an order to whoever is in, not someone's close
_ANYONE_IN = re.compile(r"(?<!\w)(?:if|si|wenn|falls|se|если|e[ğg]er|jika|kalau|n[ếe]u|anyone|whoever|quien|quem|wer)(?!\w)")
_POLL_DECIDED = re.compile(r"(?<!\w)(?:results?|resultados?|r[ée]sultats?|ergebnis\w*|итог\w*|sonu[çc]\w*|winner|won|chose|"
                           r"decided|voted|majority|most\s+of\s+you|mayor[íi]a|maioria|mehrheit|большинство)(?!\w)")
# The order refused right after it is weighed ("Adding to BTC long is risky here, we won't", "¿Cerramos ETH? No lo
# haremos", "Доливаться по BTC? Не будем."): the refusal ends its clause
_REFUSED = re.compile(
    r"(?<!\w)(?:(?:we|i)\s+(?:won'?t|wont|will\s+not|shan'?t|don'?t|do\s+not|aren'?t\s+(?:going\s+to|gonna)|are\s+not\s+"
    r"(?:going\s+to|gonna)|'re\s+not\s+(?:going\s+to|gonna)|'m\s+not\s+(?:going\s+to|gonna)|am\s+not\s+(?:going\s+to|gonna))"
    r"(?:\s+(?:do\s+(?:it|that|this)|be\s+doing\s+(?:it|that)))?|not\s+doing\s+(?:it|that)|not\s+(?:today|now)|"
    r"no\s+lo\s+(?:haremos|haré|vamos\s+a\s+hacer)|n[ãa]o\s+(?:vamos|faremos|farei)(?:\s+fazer)?|"
    r"(?:machen|tun)\s+wir\s+(?:aber\s+)?nicht|nous\s+ne\s+le\s+ferons\s+pas|on\s+ne\s+le\s+fera\s+pas|non\s+lo\s+faremo|"
    r"(?:мы\s+)?не\s+будем|yapmayaca[ğg][ıi]z|kami\s+tidak\s+akan|ch[úu]ng\s+t[ôo]i\s+s[ẽe]\s+kh[ôo]ng)"
    r"(?=\s*(?:$|[^\w\s]))(?!\s*['’]\w)|我们不会|我们不加")
# A habit or a rule of the trade, no order ("Moving SL to breakeven is a good habit", "SL to entry on every trade",
# "Mover el stop a entrada es un buen hábito", "Stop auf Einstieg ist eine gute Gewohnheit")
_HABIT = re.compile(
    r"(?<!\w)(?:(?:is|are|was)\s+(?:(?:always|usually|really|very|such|just)\s+)*(?:a\s+|an\s+)?(?:good|great|smart|healthy|"
    r"wise|solid|bad|key|important|risky|dangerous)\s+(?:habit|practice|idea|rule|thing|move|strategy)|good\s+habit|"
    r"golden\s+rule|rule\s+of\s+thumb|best\s+practice|(?:on|in|for)\s+(?:every|each)\s+(?:single\s+)?trade|"
    r"(?:es|é)\s+(?:un|uma?)\s+(?:buen|bom|boa)\s+(?:h[áa]bito|pr[áa]ctica|pr[áa]tica)|buena\s+pr[áa]ctica|boa\s+pr[áa]tica|"
    r"en\s+cada\s+(?:trade|operaci[óo]n)|em\s+(?:cada|todo)\s+trade|"
    r"gute\s+(?:gewohnheit|praxis|regel)|bei\s+jedem\s+trade|bonne\s+(?:habitude|pratique)|[àa]\s+chaque\s+trade|"
    r"buona\s+(?:abitudine|pratica)|(?:su|in)\s+ogni\s+trade|хорош\w+\s+(?:привычк\w*|практик\w*)|в\s+каждой\s+сделке|"
    r"iyi\s+bir\s+(?:al[ıi][şs]kanl[ıi]k|uygulama)|her\s+i[şs]lemde|kebiasaan\s+(?:baik|bagus)|setiap\s+trade|"
    r"th[óo]i\s+quen\s+t[ốo]t|m[ọo]i\s+l[ệe]nh)(?!\w)|好习惯|每笔交易|良い习惯|좋은\s*습관")
# Someone else than the channel did it ("A member closed LINK early", "Mi amigo cerró su BTC", "Un miembro cerró",
# "Um membro fechou", "Ein Mitglied hat … geschlossen", "Мой друг закрыл", "Arkadaşım kapattı", "Teman saya")
_SOMEONE_NOT_US = re.compile(
    r"(?<!\w)(?:(?:a|one|some|another|un[ae]?|um[a]?|ein[e]?|bir|один|одна)\s+(?:(?:of\s+(?:our|the|my)|de\s+(?:nuestros|los|nossos|os)|"
    r"unserer|de\s+nos|dei\s+nostri|из\s+наших)\s+)?(?:(?:vip|channel|group|chat)\s+)?(?:members?|users?|followers?|subscribers?|"
    r"readers?|students?|guys?|miembros?|usuarios?|seguidor(?:es|as?)?|membros?|usu[áa]rios?|mitglied(?:er)?|nutzer|abonnent\w*|"
    r"membres?|abonn[ée]s?|utent[ei]|iscritt[oi]|[üu]ye|takip[çc]i|участник\w*|подписчик\w*)|"
    r"(?:mi|mis|tu|meu|minha|mein(?:e|er)?|mon|ma|il\s+mio|la\s+mia|мой|моя|benim)\s+(?:amig[oa]s?|herman[oa]|prim[oa]|pap[áa]|"
    r"padre|madre|novi[oa]|jefe|vecin[oa]|irm[ãa]o?|pai|m[ãa]e|chefe|vizinh[oa]|freund(?:in)?|bruder|schwester|vater|"
    r"mutter|kumpel|ami[e]?|fr[èe]re|s(?:oe|œ)ur|p[èe]re|m[èe]re|amic[oa]|fratello|sorella|друг|подруга|брат|сестра|отец|"
    r"мама|папа)|alguien|algu[ée]m|jemand|quelqu'?un|qualcuno|kto[śs]|birisi|seseorang|ai\s+đó|"
    r"arkada[şs][ıi]m|karde[şs]im|teman\s+(?:saya|aku|gue|gw)|b[ạa]n\s+(?:t[ôo]i|m[ìi]nh)|我朋友|我的朋友|有个(?:群友|会员|成员))(?!\w)")
# A time long past told with the action ("We closed BTC yesterday", "Closed SOL last week at TP2", "Вчера закрыли BTC",
# "Ontem fechamos BTC", "Gestern haben wir ETH geschlossen", "Dün BTC'yi kapattık", "Hier on a fermé ETH") — not the
# trade's own age ("yesterday's ETH long", "our XRP short from yesterday", "de ayer", "dünkü"), nor today ("this morning",
# "earlier today" are read as closes now); German "hier" is "here": French "hier" only with its verb
_PAST_TIME = re.compile(
    r"(?<!\w)(?<!from\s)(?<!since\s)(?<!of\s)(?<!desde\s)(?<!depuis\s)(?<!seit\s)(?<!de\s)(?<!von\s)(?<!di\s)(?<!z\s)(?<!от\s)"
    r"(?:yesterday|last\s+(?:week|month|weekend)|the\s+other\s+day|(?:\d+|two|three|four|five|a\s+few|few|a\s+couple\s+of|couple\s+of)"
    r"\s+days\s+ago|"
    r"ayer|anteayer|la\s+semana\s+pasada|el\s+mes\s+pasado|hace\s+(?:\w+\s+)?d[íi]as|ontem|anteontem|(?:na\s+)?semana\s+passada|"
    r"(?:no\s+)?m[êe]s\s+passado|h[áa]\s+(?:\w+\s+)?dias|gestern|vorgestern|letzte\s+woche|letzten\s+monat|vorige\s+woche|"
    r"vor\s+(?:\w+\s+)?tagen|hier(?=\s*,?\s*(?:on|nous|j'|je|soir|matin)(?!\w))|la\s+semaine\s+derni[èe]re|le\s+mois\s+dernier|"
    r"il\s+y\s+a\s+(?:\w+\s+)?jours|ieri|l'altro\s+ieri|la\s+settimana\s+scorsa|il\s+mese\s+scorso|(?:\w+\s+)?giorni\s+fa|"
    r"вчера|позавчера|на\s+прошлой\s+неделе|в\s+прошлом\s+месяце|(?:\w+\s+)?дн(?:я|ей)\s+назад|вчора|минулого\s+(?:тижня|місяця)|"
    r"d[üu]n|ge[çc]en\s+(?:hafta|ay)|(?:\w+\s+)?g[üu]n\s+[öo]nce|wczoraj|w\s+(?:zesz[łl]ym|ubieg[łl]ym)\s+(?:tygodniu|miesi[ąa]cu)|"
    r"gisteren|vorige\s+(?:week|maand)|kemarin|minggu\s+lalu|bulan\s+lalu|h[ôo]m\s+qua|tu[ầa]n\s+tr[ưu][ớo]c|th[áa]ng\s+tr[ưu][ớo]c|"
    r"أمس|امس|البارحة|الأسبوع\s+الماضي|الشهر\s+الماضي|دیروز|هفته\s+(?:گذشته|پیش)|ماه\s+(?:گذشته|پیش)|เมื่อวาน)"
    r"(?!\w)(?!\s*['’]s)|"
    r"(?:ferm[ée]e?s?|cl[ôo]tur[ée]e?s?|sold[ée]e?s?|sorti[es]?|coup[ée]e?s?|d[ée]plac[ée]e?s?|remont[ée]e?s?)\s+(?:\S+\s+){0,4}?hier(?!\w)|"
    r"昨天|昨日|前天|上周|上个月|先周|先月|어제|지난\s*주|지난\s*달")
# The time is the age of the trade, told with a verb of its call ("cancel the $RNDR orders we posted yesterday", "the ETH
# long we opened last week", "lệnh LONG hôm qua" — Vietnamese puts it after the order)
_CALLED_THEN = re.compile(r"(?<!\w)(?:like|as|than|como|wie|comme|come|как)\s+(?:[^\s.!?;]+\s+){0,3}?(?:yesterday|"
                          r"last\s+(?:week|month)|ayer|ontem|вчера|gestern|hier|ieri)(?!\w)|"
                          r"(?<!\w)(?:post(?:ed)?|open(?:ed)?|gave|given|shared|called|sent|entered|bought|placed|set\s+up|"
                          r"publicamos|abrimos|postamos|dimos|demos|открыли|дали|выложили|a[çc]t[ıi]k|verdik|l[ệe]nh|k[èe]o)"
                          r"\s+(?:[^\s.!?;]+\s+){0,4}?(?:yesterday|last\s+(?:week|month)|ayer|ontem|вчера|d[üu]n|h[ôo]m\s+qua)(?!\w)")
# ("Closed half yesterday, closing the rest now": the sentence speaks of now as well)
_NOW_TOO = re.compile(r"(?<!\w)(?:now|today|tonight|right\s+away|immediately|asap|ahora|hoy|agora|hoje|jetzt|heute|sofort|"
                      r"maintenant|aujourd'?hui|adesso|oggi|subito|сейчас|сегодня|şimdi|simdi|bug[üu]n|teraz|dzisiaj|sekarang|"
                      r"hari\s+ini|b[âa]y\s+gi[ờo]|h[ôo]m\s+nay)(?!\w)|现在|今天|今日|지금|오늘")
_NOW_OR_CALLED_THEN = re.compile(_NOW_TOO.pattern + "|" + _CALLED_THEN.pattern)
# A sentence: up to a full stop (not inside a price), "!", "?", ";", a line end, a dash between words or an emoji ("❌")
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[!?;\n。！？]|\s[—–-]\s|[\u2600-\u27bf\U0001f300-\U0001faff]+")


def _sentences(lowered: str, dashes: bool = True) -> list[tuple[int, int]]:
    spans, start = [], 0
    for mark in _SENTENCE_END.finditer(lowered):
        if not dashes and mark.group(0).strip() in ("—", "–", "-"):
            continue
        spans.append((start, mark.end()))
        start = mark.end()
    spans.append((start, len(lowered)))
    return [(a, b) for a, b in spans if lowered[a:b].strip()]


def _without_sentences(lowered: str, pattern: re.Pattern, unless: re.Pattern | None = None, dashes: bool = True) -> str | None:
    """The post with each sentence that `pattern` finds blanked (not one `unless` also finds), or None when none is
    (a dash ends no sentence when `dashes` is off: "Переносить стоп в безубыток — хорошая привычка" is one)."""
    cut = [(a, b) for a, b in _sentences(lowered, dashes) if pattern.search(lowered, a, b) and not (unless and unless.search(lowered[a:b]))]
    if not cut:
        return None
    kept, last = [], 0
    for a, b in cut:
        kept.append(lowered[last:a])
        last = b
    kept.append(lowered[last:])
    return " ".join(kept)


_RECAP_RESULT = re.compile(r"\U0001F389|[+]\s*\d+(?:[.,]\d+)?\s*%|(?<!\w)(?:in\s+profit|profit|at\s+tp\s*\d|tp\s*\d\s+hit|paid\s+off|"
                           r"ganancia|gewinn|прибыл\w*|lucro|k[âa]r\w*|plusie|profitto|l[ãa]i|win)(?!\w)|盈利|获利")
_POLL_OPTION_LINE = re.compile(r"(?m)^[^\w\n]*(?:[1-9]\ufe0f?\u20e3\s*|[1-9a-d]\s*[).:]\s|[•▪◦]\s*|-\s+)(?=\w)")


# Words of today that a recap also uses in the past ("y hoy el resto salió en breakeven", "today the rest hit BE"): with a
# partial close told of yesterday only a word of right now makes the sentence an order ("Closed half yesterday — closing
# another 25% now")
_NOW_NOT_TODAY = re.compile(r"(?<!\w)(?:now|right\s+away|immediately|asap|ahora|agora|jetzt|sofort|maintenant|adesso|subito|"
                            r"сейчас|şimdi|simdi|teraz|sekarang|b[âa]y\s+gi[ờo])(?!\w)|现在|지금")
_NOW_NOT_TODAY_OR_CALLED_THEN = re.compile(_NOW_NOT_TODAY.pattern + "|" + _CALLED_THEN.pattern)
# A heading of time long past over the lines below it ("Last week in short:", "Yesterday:", "Ayer:", "Вчера:",
# "Geçen hafta:"): the lines up to a blank line are its recap (one that says now is an order again)
_PAST_HEADING = re.compile(r"^[^\w\n]*(?:[^\n:]{0,30}?\s)?(?:" + _PAST_TIME.pattern + r")(?:[\s,][^\n:]{0,30}?)?\s*[:：][\s*_~]*$",
                           re.MULTILINE)


_LIST_ITEM = re.compile(r"\s*[*_~]*\s*(?:[•▪◦·*-]|\d{1,2}[.)])\s")


def _without_past_heading(lowered: str) -> str | None:
    """The post with a heading of time long past and the lines under it blanked, or None when it has none."""
    heading = _PAST_HEADING.search(lowered)
    if heading is None:
        return None
    lines, kept, under = lowered.split("\n"), [], False
    at = lowered.count("\n", 0, heading.start())
    for number, line in enumerate(lines):
        if number == at:
            under = True
            continue
        # (a blank line ends the recap — not one right under the heading, nor one before the next item of its list:
        # relays space lines out, "Last week:\n\n• AAVE — closed 50% …\n\n• UNI — SL hit")
        following = next((n for n in lines[number + 1:] if n.strip()), "")
        spaced = not line.strip() and (all(not n.strip() for n in lines[at + 1:number]) or _LIST_ITEM.match(following))
        if under and ((not line.strip() and not spaced) or _NOW_TOO.search(line)):
            under = False
        if not under:
            kept.append(line)
    return "\n".join(kept)


# A close or change in double quotes, someone else's words ("the copy channel posted \"#WIF close now!!\"", "a fake admin
# sends \"TP3 hit, close everything\" in DMs"), while the channel says outside the quotes that its own trade runs on or
# that there is nothing to do — the quote is shown, not ordered
_QUOTED_SPAN = re.compile(r"[\"“«„]([^\"“”«»„\n]{4,200})[\"”»“]")
_OURS_RUNS_ON = re.compile(
    r"(?<!\w)(?:(?:our|my)\s+(?:[#$]?\w+\s+){0,2}?(?:trade|position|long|short|entry)\s+(?:is\s+|stays\s+|remains\s+)?"
    r"(?:still\s+)?(?:open|running|active|live|intact|unchanged|untouched|on)|nothing\s+to\s+do|no\s+action\s+(?:is\s+)?"
    r"(?:needed|required)|"
    r"(?:nuestr[ao]|mi)\s+(?:\S+\s+){0,2}?(?:operaci[óo]n|posici[óo]n|trade)\s+(?:de\s+\S+\s+)?sigue\s+(?:abierta|activa|en\s+pie|igual)|"
    r"nada\s+que\s+hacer|(?:noss[ao]|meu|minha)\s+(?:\S+\s+){0,2}?(?:opera[çc][ãa]o|posi[çc][ãa]o|trade)\s+(?:de\s+\S+\s+)?"
    r"(?:segue|continua)\s+(?:aberta|ativa|de\s+p[ée]|igual)|nada\s+a\s+fazer|"
    r"unser(?:e|er)?\s+(?:\S+\s+){0,2}?(?:trade|position)\s+(?:ist|bleibt|l[äa]uft)\s+(?:noch\s+|weiter\s+)?(?:offen|aktiv|weiter)|"
    r"nichts\s+zu\s+tun|наш\w*\s+(?:\S+\s+){0,2}?(?:сделк|позици|трейд)\w*\s+(?:вс[её]\s+ещ[её]\s+|по-прежнему\s+)?"
    r"(?:открыт\w*|оста[её]тся|работает|в\s+работе)|ничего\s+не\s+делаем|"
    r"(?:i[şs]lemimiz|pozisyonumuz)\s+(?:\S+\s+)?(?:h[âa]l[âa]\s+)?(?:a[çc][ıi]k|devam)|yapacak\s+bir\s+[şs]ey\s+yok)(?!\w)")


def _quoted_not_ours(lowered: str) -> str | None:
    """The post without its quoted close or change when the channel says beside it that its trade runs on, or None."""
    if not _QUOTED_SPAN.search(lowered):
        return None
    quotes = [m for m in _QUOTED_SPAN.finditer(lowered)
              if is_close(m.group(1)) or update_action(m.group(1)) in (*POSITION_CHANGES, UpdateAction.CANCEL_ENTRY)]
    if not quotes:
        return None
    left = _QUOTED_SPAN.sub(" ", lowered)
    return left if _OURS_RUNS_ON.search(left) else None


def taken_back(lowered: str, partial: bool = False) -> tuple[str, str] | None:
    """(why, what is left) when the post's close or change is not the channel's order now: taken back after it ("Close
    BTC. Edit: ignore this", "Close ETH lol jk 😂", "ETH: close 50%. Actually don't, hold all" — what follows the taking
    back is left: "Close ETH — no wait, close BTC"), disowned by its heading ("Disregard: Close SOL"), an option of a poll,
    refused ("Adding to BTC long is risky here, we won't"), a habit ("Moving SL to breakeven is a good habit"), someone
    else's ("A member closed LINK early", "Mi amigo cerró su BTC") or told of a time long past ("We closed BTC yesterday",
    "Вчера закрыли BTC") — the sentences that say so are left out. The caller reads the post as no signal unless what is
    left still orders a close or change. None when nothing of the kind is said."""
    if _TAKEN_BACK_HEADING.match(lowered):
        return "the post's heading disowns what it says", ""
    back = None
    for back in _TAKEN_BACK.finditer(lowered):
        pass
    short = None
    for short in _STOPS_SHORT.finditer(lowered, back.end() if back is not None else 0):
        pass
    if short is not None and (is_close(lowered[short.end():]) or update_action(lowered[short.end():]) in POSITION_CHANGES):
        return "the close or change is taken back in the post (\"no wait, …\")", lowered[short.end():]
    if back is not None:
        return "the close or change is taken back in the post (a joke, \"ignore this\", \"actually don't\")", lowered[back.end():]
    if (left := _quoted_not_ours(lowered)) is not None:
        return "a close or change quoted from others while the channel's trade runs on", left
    if _POLL_WORD.search(lowered) and not _POLL_DECIDED.search(lowered) \
            and (len(_POLL_OPTION_LINE.findall(lowered)) >= 2 or "?" in lowered):
        # (the close among the poll's options, or asked: "1️⃣ Close BTC / 2️⃣ Hold BTC / Vote!", "Vote: close BTC or hold?";
        # not "#ATOM closed ✅ / Anket: sıradaki coin hangisi olsun", a poll on the next coin below a close)
        return "a poll: the close or change is one of its options", ""
    for why, pattern, unless in (("the close or change is weighed and refused", _REFUSED, None),
                                 ("a habit or a rule of the trade, no order", _HABIT, _NOW_TOO),
                                 ("someone else's close or change, not the channel's", _SOMEONE_NOT_US, _ANYONE_IN),
                                 ("a close or change told of a time long past (a recap)", _PAST_TIME, _NOW_OR_CALLED_THEN)):
        if pattern is _PAST_TIME and not partial and not _RECAP_RESULT.search(lowered) and is_close(lowered):
            # ("#WIF yesterday we sold all at 2.41"): a close reported late, with no result told — it still ends the trade
            # (a recap tells how it went: "We closed #LINK yesterday, +35% 🎉", "… in profit", "… at TP2"); a share
            # closed yesterday is no share to sell now ("Вчера закрыли половину ETH", "Dün yarısını kapattık")
            continue
        if pattern is _PAST_TIME and partial:
            unless = _NOW_NOT_TODAY_OR_CALLED_THEN
        if pattern is _PAST_TIME and (left := _without_past_heading(lowered)) is not None:
            return why, _without_sentences(left, pattern, unless) or left
        left = _without_sentences(lowered, pattern, unless, dashes=pattern is not _HABIT)
        if left is not None:
            return why, left
    return None


# The coin corrected within the post ("Close ETH — sorry, I meant SOL", "Close SOL (typo, should be SUI)", "Закрываем ETH.
# Ой, ошибка — BTC", "Cerrar ETH, perdón, quise decir BTC", "Fecha ETH, quis dizer BTC", "ETH schließen — ich meinte BTC"):
# the word the correction gives, right after it (an article or "is" between: "should be #SUI", "ошибка — BTC")
_COIN_CORRECTION = re.compile(
    r"(?<!\w)(?:i\s+meant|meant|should\s+(?:be|read|have\s+been|say)|i\s+mean|typo|wrong\s+coin|"
    r"quise\s+decir|quiero\s+decir|me\s+refer[íi]a\s+a|quis\s+dizer|quero\s+dizer|era\s+para\s+ser|ich\s+meinte|gemeint\s+war|"
    r"je\s+voulais\s+dire|volevo\s+dire|intendevo|я\s+имел\s+в\s+виду|имел\s+в\s+виду|имелось\s+в\s+виду|ошибка|опечатка|"
    r"demek\s+istedim|maksud(?:nya|\s+saya)|ý\s+(?:tôi|mình)\s+là)(?!\w)|我是说|应该是|正确的是", re.IGNORECASE)
_CORRECTED_WORD = re.compile(r"[\s:,—–-]*(?:(?:is|ist|es|é|est|è|это|the|el|la|o|a|le|il)\s+)?[#$]?([A-Za-z][A-Za-z0-9]{1,14})"
                             r"(?![\w/])")


def coin_corrected(text: str, known: frozenset[str]) -> tuple[int, str] | None:
    """(where the correction starts, the coin it gives) for the last correction of the post that gives a ticker of
    `known` right after it, or None."""
    found = None
    for marker in _COIN_CORRECTION.finditer(text):
        word = _CORRECTED_WORD.match(text, marker.end())
        if word is not None and word.group(1).upper() in known:
            found = (marker.start(), word.group(1).upper())
    return found


# The side closed, the other said apart ("Close BTC long (not the short)", "close the ETH short, not the long", "Закрываем
# лонг по BTC, не шорт", "Cerramos el long de BTC, no el short", "Fechamos o long, não o short")
_SIDE_NOT_THE_OTHER = re.compile(
    r"(?<!\w)(long|short|лонг|шорт)(?!\w)[^\n.!?;]{0,20}?[(,—–-]?\s*(?:but\s+)?(?:not|no|не|não|nicht|pas)\s+"
    r"(?:the\s+|our\s+|el\s+|o\s+|den\s+|le\s+|il\s+)?(long|short|лонг|шорт)(?!\w)")


# (session 23, partial23) The side closed, the other said kept ("Close long BTC, keep the short", "ETH: SL hit on the short
# (the long is still open)", "Закрываем лонг по BTC, шорт держим", "cerramos el long, el short sigue abierto"); or the other
# kept first, then the side closed ("Keep the short, close the long")
_OTHER_KEPT_AFTER = re.compile(
    r"(?<!\w)(long|short|лонг|шорт)(?!\w)[^\n.!?;]{0,24}?[(,—–-]?\s*(?:(?:but|and|while|и|а|y|e|pero|mas)\s+)?(?:"
    r"(?:keep|keeping|hold|holding|leave|leaving|держим|оставляем|mantenemos|mantemos|dejamos|deixamos)\s+"
    r"(?:the\s+|our\s+|your\s+|el\s+|o\s+)?(long|short|лонг|шорт)(?!\w)|"
    r"(?:the\s+|our\s+|your\s+|el\s+|o\s+)?(long|short|лонг|шорт)(?:\s+(?:position|side|leg))?\s+(?:is\s+|stays\s+|remains\s+|"
    r"sigue\s+|segue\s+|continúa\s+|continua\s+)?(?:still\s+)?(?:open|running|active|untouched|kept|abiert[oa]|abert[oa]|"
    r"держим|оста[её]тся|открыт)(?!\w))")
_OTHER_KEPT_BEFORE = re.compile(
    r"(?<!\w)(?:keep|hold|leave|держим|оставляем)\s+(?:the\s+|our\s+|your\s+)?(long|short|лонг|шорт)(?!\w)[^\n.!?;]{0,24}?"
    r"[,;—–-]?\s*(?:(?:but|and|и|а)\s+)?(?:close|closing|cut|exit|закрываем|закрыть)\s+(?:the\s+|our\s+|your\s+)?"
    r"(?:[#$]?[a-z0-9]{2,15}\s+)?(long|short|лонг|шорт)(?!\w)")


def _side_word(word: str) -> str:
    return "long" if word in ("long", "лонг") else "short"


def side_apart_from_the_other(lowered: str) -> str | None:
    """"long" or "short": the side a close names beside the other side it says it does not mean, or keeps, or None."""
    said = _SIDE_NOT_THE_OTHER.search(lowered)
    if said is not None:
        meant, other = (_side_word(said.group(i)) for i in (1, 2))
        return meant if meant != other else None
    kept = _OTHER_KEPT_AFTER.search(lowered)
    if kept is not None:
        meant, other = _side_word(kept.group(1)), _side_word(kept.group(2) or kept.group(3))
        return meant if meant != other else None
    kept = _OTHER_KEPT_BEFORE.search(lowered)
    if kept is not None:
        other, meant = _side_word(kept.group(1)), _side_word(kept.group(2))
        return meant if meant != other else None
    return None


# A target hit only supposed ("Cancel the ETH order if price hits TP1 before entry", "si toca el TP1 antes de la entrada,
# cancelen", "wenn TP1 vor dem Einstieg erreicht wird", "если цена дойдёт до TP1 раньше входа"): a condition, no target hit
_SUPPOSED = re.compile(r"(?<!\w)(?:if|when|once|in\s+case|should|unless|si|cuando|quando|wenn|falls|sobald|quand|lorsque|"
                       r"если|когда|e[ğg]er|jika|kalau|apabila|n[ếe]u|khi)(?!\w)|如果|若|もし|만약")


def tp_hit_only_supposed(lowered: str) -> bool:
    """Every target hit the post says is said on a condition in its own clause ("… if price hits TP1 before entry")."""
    hits = list(_TP_HIT_PATTERN.finditer(lowered))
    return bool(hits) and all(_SUPPOSED.search(re.split(r"[.!?;,\n]\s*|\s[—–-]\s", lowered[:m.start()])[-1]) for m in hits)


# (session 23, partial23) How much of the position a partial close takes, in the words and figures of the channels: a
# percentage ("50%", "%30", "50 percent", "۵۰ درصد" read as "50 درصد"), a fraction ("1/3", "3分の1"), a tenth count ("3割"),
# or a word ("half", "la mitad", "половину", "yarısını", "一半", "절반", "a third", "un tercio", "треть", "a quarter"…) —
# an English "third"/"quarter" (and the Romance "tercio", "cuarto", "terzo", "quarto", "tiers", "quart") only after "a",
# "one" or "another" ("third target closed" is a target's number, no share)
_HALF_SHARE = (r"(?:(?<!\w)(?:half|h[äa]lfte|h[äa]lften|moiti[ée]|met[àa]|mitad|metade|половин\w*|yar[ıi]s[ıi]\w*|yar[ıi]y[ıi]|"
               r"yar[ıi]m|separuh\w*|setengah\w*|n[ửu]a|نصف|نص|نیمی|آدھی|آدھا|आधा|आधी|aadh[ai]|adh[ai]|po[łl]ow\w*|jum[ăa]tate\w*|helft|"
               r"polovin\w*|μισό)(?!\w)|一半|半仓|半分|절반|ครึ่ง)")
_THIRD_SHARE = (r"(?:(?<!\w)(?:(?:a|one|another|un|una|um|uma|ein|le|the\s+first)\s+(?:third|tercio|ter[çc]o|terzo|tiers|drittel)|"
                r"треть|третину|sepertiga|[üu][çc]te\s+bir\w*|ثلث|تلت)(?!\w)|三分之一)")
_TWO_THIRDS_SHARE = (r"(?:(?<!\w)(?:two[\s-]+thirds|dos\s+tercios|dois\s+ter[çc]os|две\s+трети|дві\s+третини|deux\s+tiers|"
                     r"zwei\s+drittel|due\s+terzi)(?!\w)|三分之二)")
_QUARTER_SHARE = (r"(?:(?<!\w)(?:(?:a|one|another|un|um|ein|le)\s+(?:quarter|cuarto|quarto|quart|viertel)|четверть|чверть|"
                  r"seperempat|d[öo]rtte\s+bir\w*|ربع)(?!\w)|四分之一)")
_THREE_QUARTERS_SHARE = (r"(?:(?<!\w)(?:three[\s-]+quarters|tres\s+cuartos|tr[êe]s\s+quartos|trois\s+quarts|drei\s+viertel|"
                         r"tre\s+quarti)(?!\w)|四分之三)")
_SHARE_VALUE = re.compile(
    r"(?P<pct>(?<![+\-\d.,])\d{1,2}(?:[.,]\d{1,2})?)[ \t]*(?:%|٪|percent(?!\w)|процент\w*|درصد)|"
    r"(?<![\w+\-])[%٪][ \t]*(?P<pct_tr>\d{1,2})(?![\d.,])|"
    r"(?<![\d.,/])(?P<num>[1-9])[ \t]*/[ \t]*(?P<den>[2-9])(?![\d.,/])|"
    r"(?P<den_ja>[2-9])\s*分の\s*(?P<num_ja>[1-9])|(?<!\d)(?P<tenths>[1-9])\s*割|"
    rf"(?P<two_thirds>{_TWO_THIRDS_SHARE})|(?P<three_quarters>{_THREE_QUARTERS_SHARE})|(?P<half>{_HALF_SHARE})|"
    rf"(?P<third>{_THIRD_SHARE})|(?P<quarter>{_QUARTER_SHARE})")
_FRACTION_PLACES = Decimal("0.0001")


def _share_value(found: re.Match[str]) -> Decimal | None:
    """The share one `_SHARE_VALUE` match writes, 0 < f < 1, or None."""
    if found.group("pct") or found.group("pct_tr"):
        value = Decimal((found.group("pct") or found.group("pct_tr")).replace(",", ".")) / 100
    elif found.group("num"):
        value = Decimal(found.group("num")) / Decimal(found.group("den"))
    elif found.group("num_ja"):
        value = Decimal(found.group("num_ja")) / Decimal(found.group("den_ja"))
    elif found.group("tenths"):
        value = Decimal(found.group("tenths")) / 10
    else:
        value = {"two_thirds": Decimal(2) / 3, "three_quarters": Decimal("0.75"), "half": Decimal("0.5"),
                 "third": Decimal(1) / 3, "quarter": Decimal("0.25")}[found.lastgroup]
    if not 0 < value < 1:
        return None
    return value.quantize(_FRACTION_PLACES).normalize()


# ("Qty: 50%", "close_pct=25"): a bot's keyed share of the position its exit takes
_KEYED_SHARE_OF_EXIT = re.compile(r"(?:^|(?<=[\n|,;/{(\"']))[ \t]*(?:qty|quantity|size|amount|qty_?pct|qty_?percent|close_?pct|"
                                  r"close_?percent|percent)[\"']?\s*[:=]\s*[\"']?(\d{1,2}(?:\.\d+)?)\s*(%)?")


_SHARE_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s|$)|\n")
# (a percentage that is a result, not a share: "20% profit", "50% on 10x", "30% ROE", "12% gain", "40% в плюс")
_RESULT_AFTER = re.compile(r"[ \t]*\)?[ \t]*(?:of[ \t]+)?(?:profit|gain|roi|roe|pnl|return|up|on[ \t]+(?:margin|\d+[ \t]*x)|with[ \t]+\d+[ \t]*x|"
                           r"com[ \t]+\d+[ \t]*x|con[ \t]+\d+[ \t]*x|\(?\d+[ \t]*x|x[ \t]*\d+|lợi|прибыл|ganancia|lucro|kar(?!\w)|"
                           r"of[ \t]+(?:the[ \t]+)?(?:account|balance|portfolio|margin|capital))")
_SHARE_LISTED_AFTER = re.compile(r"[ \t]*[/|,;][ \t]*\d{1,2}(?:[.,]\d+)?[ \t]*%")


def close_fraction(lowered: str) -> Decimal | None:
    """(session 23, partial23) The share of the open position a partial close takes, as the post writes it in the phrase
    that reads as the partial close ("Close BTC (half)" -> 0.5, "take 30% off" -> 0.3, "close 1/3" -> 0.3333); None when
    that phrase names no amount ("take some profit", "close most of it", "let the rest run") or the post's phrases name
    two different ones ("take 50% at TP1 and 30% at TP2")."""
    pattern = _PATTERN_BY_ACTION[UpdateAction.PARTIAL_CLOSE]
    values: set[Decimal] = set()
    beside: set[Decimal] = set()
    for found in pattern.finditer(lowered):
        if _SHARE_LISTED_AFTER.match(lowered, found.end()):
            # ("Close AVAX: 50% / 30% / 20% at TP1/TP2/TP3"): a list of shares, one per target — no one amount now
            return None
        share = _SHARE_VALUE.search(found.group(0))
        if share is not None and (value := _share_value(share)) is not None:
            values.add(value)
        elif share is None:
            # ("Taking partial profits on #NEAR (30%)", "Partial close #AVAX: 30% at 25.10", "realizamos parcial de 50%",
            # "Teilgewinne mitnehmen (ca. 30 %)"): the phrase names the partial close, its sentence the amount — a share
            # that is no result ("+36%", "20% profit", "~50% on 10x")
            start = 0
            for stop in _SHARE_SENTENCE_END.finditer(lowered, 0, found.start()):
                start = stop.end()
            end_found = _SHARE_SENTENCE_END.search(lowered, found.end())
            sentence = lowered[start:end_found.start() if end_found else len(lowered)]
            beside |= {value for m in _SHARE_VALUE.finditer(sentence)
                       if not _RESULT_AFTER.match(sentence, m.end()) and (value := _share_value(m)) is not None}
    if not values and len(beside) == 1:
        values = beside
    if not values:
        # ("Symbol: APTUSDT | Side: SELL / Qty: 50% / Status: FILLED"): a bot's exit of a keyed share
        values = {Decimal(m.group(1)).__truediv__(100).quantize(_FRACTION_PLACES).normalize()
                  for m in _KEYED_SHARE_OF_EXIT.finditer(lowered)
                  if m.group(2) or "pct" in m.group(0) or "percent" in m.group(0)}
        values = {v for v in values if 0 < v < 1}
    return values.pop() if len(values) == 1 else None


# (session 23, partial23) "Close one of your positions", "close ONE of the longs", "cierren una de las posiciones",
# "закройте одну из позиций": one of several trades, which one not said — closing the replied-to trade, or every long,
# would be a guess
ONE_OF_SEVERAL_RE = re.compile(
    r"(?<!\w)(?:clos\w*|exit\w*|cut|sell|cerr\w*|cierr\w*|fech\w*|закр\w*)\s+(?:only\s+|just\s+)?"
    r"(?:one|any|either|a\s+few|two|2|una|uno|alguna|um|uma|одну|один|любую)\s+(?:of|de|из)\s+"
    r"(?:the|your|our|my|these|those|las|los|tus|sus|as|os|suas|seus|ваших|наших|этих)?\s*"
    r"(?:positions|trades|longs|shorts|bags|posiciones|operaciones|posi[çc][õo]es|позиций|сделок|лонгов|шортов)(?!\w)")
