"""Session 22, lead: leverage the post advises against or gives to others is not the call's, and a hoped-for multiple
("100x gem") is no price.

Rules (each with posts it must read and look-alikes that keep their value):
- a leverage mark after a negated use ("don't use 50x", "No usen 100x", "Не используйте 50х", "đừng dùng 50x", "不要用
  50倍", "50x değil") is none; a cap ("no more than 20x", "не больше 10х", "不要超过20倍") gives way to the call's own value
  beside it, and alone stays the call's ("Leverage: no more than 10x");
- a mark in a clause about others' losses, the past or an exchange's limit ("members on 40x got liquidated", "I used
  75x last time", "Bybit allows up to 100x") is none;
- "25x gem", "next 30x move" after the last target line is a hoped-for multiple, never one more target.
"""

import pytest
from verzek.parsing import parse_message

CARD = "{coin} LONG\nEntry 2.40\nSL 2.28\nTP 2.55, 2.70\n{tail}"


@pytest.mark.parametrize(("tail", "leverage"), [
    ("Please don't use 40x here, we go 4x", 4),
    ("Never use 75x on this one. 6x is ours", 6),
    ("(not more than 25x, we take 8x)", 8),
    ("Leverage: no more than 10x", 10),
    ("Lev 12x", 12),
    ("Some members on 40x got liquidated. Ours: 5x", 5),
    ("I used 75x on the last one, bad idea", None),
    ("Bybit allows up to 100x on this pair", None),
    ("Max leverage on OKX for this coin is 50x", None),
    ("No usen 60x, nosotros usamos 7x", 7),
    ("Alavancagem: evitem 40x, usem 4x", 4),
    ("Плечо: не больше 15х, мы берём 3х", 3),
    ("Не используйте 75х!", None),
    ("Đòn bẩy: đừng dùng 40x, dùng 4x thôi", 4),
    ("杠杆 不要超过30倍，建议6倍", 6),
    ("Kaldıraç 25x değil 5x", 5),
    ("not 20x but 9x", 9),
])
def test_leverage_advised_against_or_given_to_others_is_not_the_calls(tail, leverage):
    parsed = parse_message(CARD.format(coin="#ARB", tail=tail))
    assert parsed.kind == "open" and parsed.leverage == leverage, (tail, parsed.leverage)


@pytest.mark.parametrize("tail", ["25x gem 💎", "next 30x move 🚀", "easy 10x pump", "could be a 50x gem"])
def test_a_hoped_for_multiple_after_the_targets_is_no_target(tail):
    parsed = parse_message(CARD.format(coin="#ARB", tail=tail))
    assert parsed.targets == (2.55, 2.70) or [float(t) for t in parsed.targets] == [2.55, 2.70]
    assert parsed.leverage is None


def test_a_leverage_line_after_the_targets_stays_the_calls():
    parsed = parse_message(CARD.format(coin="#ARB", tail="Cross 15x"))
    assert parsed.leverage == 15 and [float(t) for t in parsed.targets] == [2.55, 2.70]


FULL_CARD = "#APT LONG\nEntry 8.10\nSL 7.80\nTP 8.50 / 8.90"


@pytest.mark.parametrize("heading", ["Watchlist 👀", "My watch-list for today:", "On our radar 📡", "Coins to watch this week",
                                     "Лист наблюдения", "İzleme listesi", "Danh sách theo dõi"])
def test_a_watchlists_setup_is_held_not_traded(heading):
    parsed = parse_message(f"{heading}\n{FULL_CARD}")
    assert not parsed.tradable
    assert parsed.kind == "not_a_signal" or "watchlist" in parsed.rejected


@pytest.mark.parametrize("tail", ["FILLED ✅", "Entry already gone, next one soon"])
def test_a_card_whose_entry_is_taken_already_is_held(tail):
    parsed = parse_message(f"{FULL_CARD}\n{tail}")
    assert parsed.kind == "open" and not parsed.tradable


@pytest.mark.parametrize("post", [f"🚨 NEW CALL\n{FULL_CARD}", f"{FULL_CARD}\nPatience pays 🙏", f"{FULL_CARD}\nFill the entry patiently"])
def test_a_fresh_card_still_trades(post):
    assert parse_message(post).tradable


def test_a_market_order_ruled_out_keeps_the_limit():
    parsed = parse_message("Limit order only, don't market buy:\n#APT LONG 8.10\nSL 7.80\nTP 8.50")
    assert parsed.entry_type == "limit" and [float(e) for e in parsed.entries] == [8.10]


@pytest.mark.parametrize(("line", "leverage"), [
    ("Leverage 1:20", 20), ("Плечо: 1:10", 10), ("Cross 20", 20), ("Isolated 15", 15), ("#LONG #25X", 25),
])
def test_leverage_written_as_a_ratio_a_bare_number_after_the_margin_mode_or_a_hashtag(line, leverage):
    parsed = parse_message(f"#APT LONG\n{line}\nEntry 8.10\nSL 7.80\nTP 8.50 / 8.90")
    assert parsed.leverage == leverage and parsed.market == "futures"


@pytest.mark.parametrize("line", ["R:R 1:3", "Risk 1:2 reward", "Cross 20 minutes ago the price broke out"])
def test_ratios_and_other_numbers_stay_no_leverage(line):
    assert parse_message(f"#APT LONG\nEntry 8.10\nSL 7.80\nTP 8.50 / 8.90\n{line}").leverage is None


@pytest.mark.parametrize(("rows", "targets"), [
    ("TP1: 8.50-8.60\nTP2: 8.90-9.00", [8.5, 8.9]),
    ("Target 1 8.50 – 8.60\nTarget 2 8.90", [8.5, 8.9]),
    ("Цель 1: 8.50-8.60\nЦель 2: 8.90-9.00\nЦель 3: 9.40", [8.5, 8.9, 9.4]),
])
def test_a_numbered_target_written_as_a_zone_is_one_target(rows, targets):
    parsed = parse_message(f"#APT LONG\nEntry 8.10\n{rows}\nSL 7.80")
    assert [float(t) for t in parsed.targets] == targets and parsed.tradable


@pytest.mark.parametrize(("rows", "targets"), [
    ("TP 8.50 - 8.90", [8.5, 8.9]),  # an unnumbered pair stays two targets (the corpora's convention)
    ("TP1: 8.50\nTP2: 8.90", [8.5, 8.9]),
])
def test_unnumbered_pairs_and_plain_ladders_keep_every_target(rows, targets):
    assert [float(t) for t in parse_message(f"#APT LONG\nEntry 8.10\n{rows}\nSL 7.80").targets] == targets


@pytest.mark.parametrize(("lines", "entry_type"), [
    ("Entry type: Market\nEntry: 8.10", "market"),
    ("Entry: Market\nEntry price 8.10", "market"),
    ("Enter at market, ideal entry 8.10", "market"),
    ("Order type: Limit\nEntry: now\nPrice 8.10", "limit"),
    ("Entry: 8.10", "limit"),
    ("Entry 8.10 (limit, not market)", "limit"),
])
def test_the_order_type_said_apart_from_the_price(lines, entry_type):
    parsed = parse_message(f"#APT LONG\n{lines}\nTP 8.50 / 8.90\nSL 7.80")
    assert parsed.entry_type == entry_type and [float(e) for e in parsed.entries] == [8.10]


@pytest.mark.parametrize("post", [
    "Feel free to trail the SL to entry on #AVAX",
    "Your call: close #AVAX or keep holding",
    "Exit #AVAX if you are not comfortable with the chop",
    "If you're in profit, close #AVAX",
    "Я бы закрыл #AVAX, но решать вам",
    "Add to #AVAX at 31.2 (optional)",
    "Schließt 30% bei #AVAX, wenn ihr wollt",
    "#AVAX ka 30% book kar lo agar chahte ho",
    "Optional — SL to breakeven on #AVAX",
])
def test_a_change_left_to_the_reader_orders_nothing(post):
    parsed = parse_message(post)
    assert parsed.kind in ("update", "not_a_signal") and parsed.update_action is None, (post, parsed.update_action)


@pytest.mark.parametrize(("post", "kind", "action"), [
    ("Close #AVAX now. Those who want can keep a small runner", "close", None),
    ("#AVAX: SL to entry. Those who want can also take 30% off", "update", "move_sl_breakeven"),
    ("#AVAX — we are closing 30% here at 34.1. You can do the same if you like", "update", "partial_close"),
    ("Closed #AVAX ✅ feel free to ask questions in the chat", "close", None),
])
def test_the_channels_own_change_beside_a_readers_option_stands(post, kind, action):
    parsed = parse_message(post)
    assert parsed.kind == kind and parsed.update_action == action, (post, parsed.kind, parsed.update_action)
