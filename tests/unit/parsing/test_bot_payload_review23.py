"""Bot payloads after review 23: a stop the author wrote is never dropped, a trade's status is no fresh open, a partial
exit is no full close, and the zones, nested objects and documented exit shapes of TradersPost, TradingView and Finandy
are read. (Look-alikes of the review's posts, other coins and prices.)"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message

# A LINK long every stop test below shares: entry 14.2, target 15.1
LINK_LONG = '{{"symbol":"LINKUSDT","side":"long","entry":14.2,"tp":[15.1],{stop}}}'


# --- A: a stop key that is written is read, or the open is held --------------------------------------------------

@pytest.mark.parametrize("payload,side,stop", [
    ('{"symbol":"AVAXUSDT","side":"long","entry":34.0,"tp":[35.5,36.8],"sl":[32.9,32.1]}', "long", "32.9"),
    ('{"symbol":"AVAXUSDT","side":"short","entry":34.0,"tp":[32.5],"sl":[35.6,35.1]}', "short", "35.1"),
])
def test_a_list_of_stops_gives_the_tighter_one(payload, side, stop):
    parsed = parse_message(payload)
    assert parsed.side.value == side and parsed.stop_loss == D(stop) and parsed.tradable


@pytest.mark.parametrize("stop", [
    '"stop_price":13.6', '"stop_loss_price":13.6', '"slPrice":13.6', '"sl_price":"13.6"',
    '"stopLoss":{"stopPrice":13.6}', '"stopLoss":{"triggerPrice":"13.6"}', '"stopLoss":{"type":"stop","price":13.6}',
    '"sl":"13.6 (4H candle close)"',
])
def test_a_stop_under_any_stop_key_is_read(stop):
    parsed = parse_message(LINK_LONG.format(stop=stop))
    assert parsed.stop_loss == D("13.6") and parsed.tradable


@pytest.mark.parametrize("stop,percent", [
    ('"sl":{"percent":1.5}', "1.5"), ('"stopLoss":{"type":"percent","value":2.5}', "2.5"), ('"sl":"-3%"', "3"),
    ('"sl_percent":2', "2"),
])
def test_a_percent_stop_is_carried_as_a_text_cards_percent_stop(stop, percent):
    parsed = parse_message(LINK_LONG.format(stop=stop))
    card = parse_message(f"#LINK long\nEntry: 14.2\nTP: 15.1\nSL: {percent}%")
    assert parsed.stop_loss is None and parsed.stop_loss_pct == D(percent) == card.stop_loss_pct
    assert parsed.tradable == card.tradable


@pytest.mark.parametrize("stop", [
    '"sl":null', '"sl":0', '"stop_loss":"none"', '"sl":false', '"sl":{"enabled":false}', '"sl":"under the weekly low"',
    '"sl":[13.6,"soon"]', '"trailing_stop":1.2', '"sl":13.6,"stop_loss_price":13.1', '"sl":{"type":"trailing","percent":1}',
])
def test_a_stop_written_but_not_read_holds_the_open(stop):
    parsed = parse_message(LINK_LONG.format(stop=stop))
    assert parsed.kind.value == "open" and not parsed.tradable and "stop" in (parsed.rejected or "")


# --- A: a running or finished trade's status is never a fresh open -----------------------------------------------

LINK_CARD = '"symbol":"LINKUSDT","side":"long","entry":14.2,"tp1":15.1,"tp2":15.9,"sl":13.6'


@pytest.mark.parametrize("status", ['"tp2_hit":true', '"event":"target_1_reached"', '"state":"tp2"', '"alert":"TP3 hit"'])
def test_a_target_reached_in_a_payload_is_a_target_hit(status):
    parsed = parse_message(f"{{{LINK_CARD},{status}}}")
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.TP_HIT and parsed.symbol == "LINK/USDT"


@pytest.mark.parametrize("status", ['"event":"stop_loss"', '"result":"stopped_out"', '"state":"sl_hit"'])
def test_a_stop_reached_in_a_payload_is_the_stop_out(status):
    parsed = parse_message(f"{{{LINK_CARD},{status}}}")
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.SL_HIT


@pytest.mark.parametrize("status", ['"closed":true,"pnl":"+4.2%"', '"hit":["tp1"]', '"state":"expired"'])
def test_a_finished_trades_report_is_no_signal(status):
    assert parse_message(f"{{{LINK_CARD},{status}}}").kind.value == "not_a_signal"


# --- B: a partial exit is no full close, a priced spot sell no exit at the market -------------------------------

@pytest.mark.parametrize("payload", [
    '{"action":"close","symbol":"AVAXUSDT","percent":"40"}',
    '{"action":"close","symbol":"AVAXUSDT","size":"12"}',
    '{"action":"exit","symbol":"AVAXUSDT","qty":"3.5"}',
    '{"exchange":"binance","market":"spot","symbol":"DOGEUSDT","side":"sell","price":"0.162","quantity":"30%"}',
])
def test_a_part_of_a_position_closes_only_a_part(payload):
    parsed = parse_message(payload)
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("payload", [
    '{"symbol":"AVAXUSDT","side":"sell","market":"spot","entry":34.0,"tp":[32.5],"sl":35.2}',
    '{"symbol":"AVAXUSDT","side":"sell","exchange":"OKX Spot","entry":34.0,"tp":[32.5],"sl":35.2}',
    '{"exchange":"bybit","category":"spot","symbol":"AVAXUSDT","side":"Sell","orderType":"Limit","price":"38.5","qty":"4"}',
])
def test_a_spot_sell_at_a_price_or_with_levels_is_held_not_an_exit_now(payload):
    parsed = parse_message(payload)
    assert parsed.kind.value == "open" and not parsed.tradable


@pytest.mark.parametrize("payload", [
    '{"action":"close","symbol":"AVAXUSDT"}', '{"action":"close","symbol":"AVAXUSDT","qty_percent":100}',
    '{"exchange":"binance","market":"spot","symbol":"DOGEUSDT","side":"sell"}',
])
def test_a_whole_exit_still_closes(payload):
    assert parse_message(payload).kind.value == "close"


# --- C: zones, target strings, nested objects, decimal commas, documented keys -----------------------------------

@pytest.mark.parametrize("entry", [
    '"entry":{"min":13.9,"max":14.2}', '"entry":{"low":"13.9","high":"14.2"}', '"entry_zone":[14.2,13.9]',
    '"entry_low":13.9,"entry_high":14.2', '"entry":"13.9-14.2"', '"entry_range":"14.2 - 13.9"',
])
def test_an_entry_zone_is_read_as_a_range(entry):
    parsed = parse_message(f'{{"symbol":"LINKUSDT","side":"long",{entry},"tp":[15.1],"sl":13.4}}')
    assert parsed.entries == (D("13.9"), D("14.2")) and parsed.entry_type.value == "range" and parsed.tradable


def test_targets_written_as_one_dashed_string_are_each_read():
    parsed = parse_message('{"pair":"LINK/USDT","direction":"LONG","entry":"14.2","targets":"15.1-15.9-16.6","stop":"13.6"}')
    assert parsed.targets == (D("15.1"), D("15.9"), D("16.6")) and parsed.tradable


@pytest.mark.parametrize("payload", [
    '{"data":{"symbol":"LINKUSDT","side":"long","entry":14.2,"tp":[15.1,15.9],"sl":13.6}}',
    '{"signal":{"symbol":"LINKUSDT","side":"long","entry":14.2,"tp":[15.1,15.9],"sl":13.6}}',
    '{"type":"signal","payload":{"coin":"LINK","direction":"long","entry":"14.2","targets":["15.1","15.9"],"sl":"13.6"}}',
])
def test_a_payload_nested_under_one_key_is_read_whole(payload):
    parsed = parse_message(payload)
    assert parsed.targets == (D("15.1"), D("15.9")) and parsed.stop_loss == D("13.6") and parsed.tradable


def test_decimal_commas_are_read_as_decimals():
    parsed = parse_message('{"symbol":"LINKUSDT","side":"long","entry":"14,2","tp":["15,15","15,9"],"sl":"13,6"}')
    assert (parsed.entries, parsed.targets, parsed.stop_loss) == ((D("14.2"),), (D("15.15"), D("15.9")), D("13.6"))
    tiny = parse_message('{"symbol":"SHIBUSDT","side":"long","entry":"0,00002210","tp":["0,00002350"],"sl":"0,00002100"}')
    assert tiny.entries == (D("0.0000221"),) and tiny.tradable


@pytest.mark.parametrize("word,side", [("bullish", "long"), ("Bearish", "short")])
def test_a_bullish_or_bearish_direction_is_the_side(word, side):
    levels = '"tp":[15.1],"sl":13.6' if side == "long" else '"tp":[13.6],"sl":15.1'
    parsed = parse_message(f'{{"pair":"LINK_USDT","direction":"{word}","entry":14.2,{levels}}}')
    assert parsed.side.value == side and parsed.tradable


@pytest.mark.parametrize("levels", [
    '"tp_price":15.1,"sl_price":13.6',
    '"takeProfit":{"limitPrice":15.1},"stopLoss":{"type":"stop","stopPrice":13.6}',
])
def test_documented_target_and_stop_price_keys_are_read(levels):
    parsed = parse_message(f'{{"ticker":"LINKUSDT","action":"buy","price":14.2,{levels}}}')
    assert parsed.targets == (D("15.1"),) and parsed.stop_loss == D("13.6") and parsed.tradable


def test_a_margin_mode_in_the_leverage_key_means_futures():
    parsed = parse_message('{"symbol":"LINKUSDT","side":"long","entry":14.2,"tp":[15.1],"sl":13.6,"leverage":"isolated"}')
    assert parsed.market is not None and parsed.market.value == "futures"


@pytest.mark.parametrize("payload", [
    '{"ticker":"LINKUSDT","action":"sell","sentiment":"flat","price":15.0}',
    '{"ticker":"LINKUSDT","action":"buy","market_position":"flat","prev_market_position":"short","price":"13.7"}',
    '{"secret":"abc","symbol":"LINKUSDT","side":"sell","positionSide":"long","close":{"enabled":true}}',
    '{"signal":"Short Exit","symbol":"LINKUSDT","price":13.7}',
    '{"action":"sell_to_close","ticker":"LINKUSDT","side":"long","price":15.0}',
])
def test_documented_exit_payloads_close_the_coin(payload):
    parsed = parse_message(payload)
    assert parsed.kind.value == "close" and parsed.symbol == "LINK/USDT"


# --- guards: a well-formed payload still trades, with every level it wrote ---------------------------------------

@pytest.mark.parametrize("payload", [
    '{"symbol":"ATOMUSDT","side":"long","entry":7.4,"tp":[7.8,8.1],"sl":7.1,"leverage":"10x"}',
    ('{"name":"atom","side":"buy","positionSide":"long","symbol":"ATOMUSDT","open":{"price":"7.4"},'
     '"tp":{"orders":[{"price":"7.8","piece":"50"},{"price":"8.1","piece":"50"}]},"sl":{"price":"7.1"}}'),
    '{"ticker":"ATOMUSDT","action":"buy","sentiment":"long","price":7.4,"takeProfit":{"limitPrice":7.8},"stopLoss":{"stopPrice":7.1}}',
    '{"symbol":"ATOMUSDT","side":"long","entry":7.4,"tp1":7.8,"tp2":8.1,"sl":7.1,"status":"active"}',
])
def test_a_well_formed_payload_still_trades_with_its_stop(payload):
    parsed = parse_message(payload)
    assert parsed.tradable and parsed.stop_loss == D("7.1") and parsed.targets[0] == D("7.8")


@pytest.mark.parametrize("targets", ['"tp":"+4%"', '"tp":[{"percent":3},{"percent":6}]', '"takeProfit":{"price":"later"}'])
def test_a_take_profit_written_but_not_read_as_a_price_holds_the_open(targets):
    # (a guard for the percent stops read above: a card with a percent stop and no target trades, so a target the
    # payload wrote and the card lost must hold it)
    parsed = parse_message(f'{{"symbol":"LINKUSDT","side":"long","entry":14.2,{targets},"sl":"2%"}}')
    assert parsed.kind.value == "open" and parsed.stop_loss_pct == D(2) and not parsed.tradable


# --- review 25 F15: a share of the position by TradersPost's quantityType; one reading of a percent --------------

@pytest.mark.parametrize("payload,kind", [
    ('{"ticker":"DOTUSDT","action":"exit","quantityType":"percent_of_position","quantity":100}', "close"),
    ('{"ticker":"DOTUSDT","action":"sell","quantityType":"percent_of_position","quantity":"100"}', "close"),
    ('{"ticker":"DOTUSDT","action":"exit","quantityType":"percent_of_position","quantity":25}', "update"),
    ('{"ticker":"DOTUSDT","action":"sell","quantityType":"percent_of_position","quantity":60}', "update"),
])
def test_a_percent_of_the_position_is_that_share_and_a_sell_of_it_an_exit(payload, kind):
    parsed = parse_message(payload)
    assert parsed.kind.value == kind and parsed.symbol == "DOT/USDT"
    if kind == "update":
        assert parsed.update_action == UpdateAction.PARTIAL_CLOSE


@pytest.mark.parametrize("percent", ['2.0', '"2"', '"2.0%"'])
def test_a_percent_share_reads_the_same_however_written(percent):
    parsed = parse_message(f'{{"action":"close","symbol":"DOTUSDT","percent":{percent}}}')
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.PARTIAL_CLOSE


# (a guard: passes before the fix too)
@pytest.mark.parametrize("share", ['"percent":100.0', '"percent":"100%"'])
def test_a_share_of_one_hundred_percent_closes_all(share):
    assert parse_message(f'{{"action":"close","symbol":"DOTUSDT",{share}}}').kind.value == "close"


# --- review 25 F16: a template's empty or waiting status leaves the call the card it is ---------------------------

DOT_CARD = '"symbol":"DOTUSDT","side":"long","entry":6.1,"tp":[6.5,6.9],"sl":5.8'


@pytest.mark.parametrize("status", [
    '"result":""', '"result":"None"', '"hit":"none"', '"targets_hit":"0/3"', '"reached":"No"', '"state":"entry_zone"',
    '"state":"Waiting Entry"', '"status":"awaiting_entry"', '"status":"entry-pending"', '"status":"not_triggered"',
    '"status":"WAITING ⏳"', '"status":"valid"', '"status":"created"', '"status":"New Signal 🚀"', '"status":"Opened"',
    '"status":"Active ✅"', '"status":"live 🔴"',
])
def test_an_empty_or_waiting_status_still_trades_the_call(status):
    parsed = parse_message(f"{{{DOT_CARD},{status}}}")
    assert parsed.kind.value == "open" and parsed.tradable and parsed.stop_loss == D("5.8")


# ("TP2 Hit ✅" failed before, its emoji unread; the stop-out is a guard)
@pytest.mark.parametrize("status,action", [('"status":"TP2 Hit ✅"', UpdateAction.TP_HIT),
                                           ('"result":"Stopped Out"', UpdateAction.SL_HIT)])
def test_a_status_of_a_level_reached_is_still_that_report(status, action):
    assert parse_message(f"{{{DOT_CARD},{status}}}").update_action == action


# (a guard: passes before the fix too)
@pytest.mark.parametrize("status", ['"targets_hit":"2/3"', '"hit":"tp1"'])
def test_a_reached_field_with_a_target_is_still_no_fresh_open(status):
    assert parse_message(f"{{{DOT_CARD},{status}}}").kind.value == "not_a_signal"


# --- review 25 F17: a stop moved by a payload, beside a target hit or alone; cancels -----------------------------

def _stop_moved_to(parsed):
    return parsed.new_stop if UpdateAction.NEW_STOP in (parsed.update_action, *parsed.also_actions) else None


@pytest.mark.parametrize("payload,stop", [
    ('{"symbol":"DOTUSDT","event":"tp1_hit","new_sl":6.1}', "6.1"),
    ('{"symbol":"DOTUSDT","action":"tp1_hit","sl":6.15}', "6.15"),
    ('{"symbol":"DOTUSDT","event":"tp2_reached","stop_loss":6.5}', "6.5"),
    ('{"symbol":"DOTUSDT","side":"long","entry":6.1,"tp1":6.5,"tp2":6.9,"sl":6.1,"tp1_hit":true}', "6.1"),
    ('{"symbol":"DOTUSDT","event":"sl_moved","sl":6.3}', "6.3"),
    ('{"symbol":"DOTUSDT","action":"update_sl","sl":"6.3"}', "6.3"),
    ('{"symbol":"DOTUSDT","action":"move_sl","new_sl":6.3}', "6.3"),
])
def test_a_stop_the_payload_moves_is_carried(payload, stop):
    parsed = parse_message(payload)
    assert parsed.kind.value == "update" and parsed.symbol == "DOT/USDT" and _stop_moved_to(parsed) == D(stop)


@pytest.mark.parametrize("payload", [
    '{"symbol":"DOTUSDT","event":"tp1_hit","sl":"breakeven"}', '{"symbol":"DOTUSDT","action":"breakeven"}',
    '{"symbol":"DOTUSDT","action":"move_sl_to_be"}', '{"symbol":"DOTUSDT","action":"move_sl","sl":"entry"}',
])
def test_a_stop_moved_to_breakeven_by_a_payload_is_the_breakeven_move(payload):
    parsed = parse_message(payload)
    assert parsed.kind.value == "update"
    assert UpdateAction.MOVE_SL_BREAKEVEN in (parsed.update_action, *parsed.also_actions)


# (a guard: passes before the fix too)
def test_a_full_cards_own_stop_beside_a_target_hit_is_no_move():
    parsed = parse_message('{"symbol":"DOTUSDT","side":"long","entry":6.1,"tp1":6.5,"tp2":6.9,"sl":5.8,"tp1_hit":true}')
    assert parsed.update_action == UpdateAction.TP_HIT and _stop_moved_to(parsed) is None


# (a cancel of the orders — "cancel_orders", "cancel_entry", "Cancel All" — is an update since review 26 G13: see
# test_session15_payload.py)
@pytest.mark.parametrize("action", ["cancel", "cancel_signal"])
def test_a_cancel_payload_cancels_the_coins_unfilled_entries(action):
    parsed = parse_message(f'{{"symbol":"DOTUSDT","action":"{action}"}}')
    assert parsed.kind.value == "close" and parsed.update_action == UpdateAction.CANCEL_ENTRY


def test_a_cancel_of_one_entry_order_is_an_update():
    parsed = parse_message('{"symbol":"DOTUSDT","action":"cancel_entry","orderId":"551207"}')
    assert parsed.kind.value == "update" and parsed.update_action == UpdateAction.CANCEL_ENTRY


# (a guard: passes before the fix too)
def test_an_exchanges_record_of_a_cancelled_order_is_still_no_signal():
    assert parse_message('{"symbol":"DOTUSDT","orderId":551207,"status":"CANCELED"}').kind.value == "not_a_signal"
