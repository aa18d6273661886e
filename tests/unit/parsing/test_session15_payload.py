"""Bot payloads after review 26 (G12, G13): a stop move whose price is written "1,460" or "61.800" in a JSON string
carries both readings (thousands or decimals) for the signal's levels to choose from, as the text card does; a cancel
of the coin's orders ("cancel_orders", "cancel_all", "cancel_entry") is an update that leaves the filled position, a
cancel of the signal or trade stays a close; a share below one percent ("percent": 0.4, a fraction or a part of a
percent) is a partial close, never all of the position. (Own look-alikes: other coins, prices and key spellings.)"""

from decimal import Decimal as D

import pytest
from verzek.domain.signals import UpdateAction
from verzek.parsing import parse_message


def _moves_the_stop(parsed):
    return UpdateAction.NEW_STOP in (parsed.update_action, *parsed.also_actions)


# --- G12: a stop move's price whose one separator reads two ways ---------------------------------------------------

@pytest.mark.parametrize("payload,readings", [
    ('{"ticker":"OPUSDT","action":"move_stop","stop":"1,735"}', ("1735", "1.735")),
    ('{"symbol":"OPUSDT","command":"set_sl","new_stop":"1,735"}', ("1735", "1.735")),
    ('{"pair":"SUI_USDT","action":"sl_update","sl":"3,905"}', ("3905", "3.905")),
    ('{"symbol":"SUIUSDT","event":"tp2_hit","new_sl":"3,905"}', ("3905", "3.905")),
    ('{"symbol":"ETHUSDT","action":"modify_sl","sl_price":"3.275"}', ("3275", "3.275")),
    ('{"symbol":"BTCUSDT","action":"adjust_stop","stop_loss":"58.400"}', ("58400", "58.400")),
])
def test_a_moved_stop_written_with_one_ambiguous_separator_keeps_both_readings(payload, readings):
    parsed = parse_message(payload)
    assert parsed.kind.value == "update" and parsed.new_stop is None
    assert _moves_the_stop(parsed) and set(parsed.stop_readings) == {D(r) for r in readings}


# (guards: pass before the fix too — a JSON number groups no thousands, and a comma beside decimals is thousands)
@pytest.mark.parametrize("payload,stop", [
    ('{"symbol":"OPUSDT","action":"move_sl","sl":1.735}', "1.735"),
    ('{"symbol":"BTCUSDT","action":"move_sl","sl":"58,400.5"}', "58400.5"),
    ('{"symbol":"OPUSDT","action":"move_sl","sl":"1.7350"}', "1.7350"),
    ('{"symbol":"DOGEUSDT","action":"move_sl","sl":"0.184"}', "0.184"),
])
def test_a_moved_stop_with_one_reading_is_that_price(payload, stop):
    parsed = parse_message(payload)
    assert parsed.kind.value == "update" and parsed.new_stop == D(stop) and not parsed.stop_readings


def test_a_full_cards_own_stop_read_two_ways_beside_a_target_hit_is_no_move():
    # (one reading, 1.735, is below the long's entry: the card's own stop, not a move onto 1735)
    parsed = parse_message('{"symbol":"OPUSDT","side":"long","entry":1.8,"tp1":1.9,"sl":"1,735","tp1_hit":true}')
    assert parsed.update_action == UpdateAction.TP_HIT and parsed.new_stop is None and not parsed.stop_readings


# --- G13: a cancel of the orders leaves the position; a cancel of the call closes it --------------------------------

@pytest.mark.parametrize("payload", [
    '{"symbol":"AAVEUSDT","action":"cancel_all_orders"}',
    '{"ticker":"AAVEUSDT","command":"CANCEL ALL"}',
    '{"symbol":"AAVEUSDT","action":"cancel_orders","side":"sell"}',
    '{"symbol":"AAVEUSDT","action":"cancelOrders","positionSide":"long"}',
    '{"symbol":"AAVEUSDT","action":"cancel_entry","side":"buy"}',
    '{"symbol":"AAVEUSDT","action":"cancel_entries"}',
    '{"symbol":"AAVEUSDT","action":"cancel_limit"}',
])
def test_a_cancel_of_the_coins_orders_is_an_update_of_the_unfilled_entries(payload):
    parsed = parse_message(payload)
    assert (parsed.kind.value, parsed.symbol, parsed.update_action) == ("update", "AAVE/USDT", UpdateAction.CANCEL_ENTRY)


# (guards: pass before the fix too — the call cancelled is the whole trade's close, as "Cancel #AAVE" is)
@pytest.mark.parametrize("payload", [
    '{"symbol":"AAVEUSDT","action":"cancel_signal"}', '{"symbol":"AAVEUSDT","signal":"Cancel Trade"}',
    '{"symbol":"AAVEUSDT","action":"cancel"}',
])
def test_a_cancel_of_the_call_stays_a_close(payload):
    parsed = parse_message(payload)
    assert (parsed.kind.value, parsed.update_action) == ("close", UpdateAction.CANCEL_ENTRY)


# --- G13 note: a share below one percent is a part of the position -------------------------------------------------

@pytest.mark.parametrize("share", ['"percent":0.4', '"percent":"0.75"', '"close_percent":0.25', '"qty_percent":"0.5%"'])
def test_a_share_below_one_percent_is_a_partial_close(share):
    parsed = parse_message(f'{{"action":"close","symbol":"AAVEUSDT",{share}}}')
    assert (parsed.kind.value, parsed.update_action) == ("update", UpdateAction.PARTIAL_CLOSE)


# (guards: pass before the fix too — the module's convention is percent units: 1.0 is one percent, 100 all of it)
@pytest.mark.parametrize("share,kind", [('"percent":1.0', "update"), ('"percent":35', "update"), ('"percent":100', "close")])
def test_a_share_in_percent_units_keeps_its_reading(share, kind):
    assert parse_message(f'{{"action":"close","symbol":"AAVEUSDT",{share}}}').kind.value == kind


# --- G12 look-alike in opens: a level written "1,520" goes on the card as written, so the text card's hold applies ---

@pytest.mark.parametrize("payload", [
    '{"symbol":"OPUSDT","side":"long","entry":"1,735","tp":"1,880","sl":"1,650"}',
    '{"ticker":"OPUSDT","action":"buy","price":"1,735","tp":["1,880","1,960"],"sl":1650}',
    '{"symbol":"OPUSDT","side":"short","entry_zone":"1,735-1,770","tp":"1,610","sl":"1,820"}',
])
def test_an_open_whose_levels_are_written_with_an_ambiguous_comma_is_held(payload):
    parsed = parse_message(payload)
    assert parsed.kind.value == "open" and not parsed.tradable and "comma" in parsed.rejected


# (guards: pass before the fix too — the text card trades these, so the payload does)
@pytest.mark.parametrize("payload,entry", [
    ('{"symbol":"BTCUSDT","side":"long","entry":"58,900","tp":"60,500","sl":"57,800","leverage":"10x"}', "58900"),
    ('{"symbol":"BTCUSDT","side":"long","entry":"58,900.5","tp":"60,500","sl":"57,800"}', "58900.5"),
    ('{"symbol":"OPUSDT","side":"long","entry":1.735,"tp":[1.88],"sl":1.65}', "1.735"),
])
def test_an_open_with_one_reading_still_trades(payload, entry):
    parsed = parse_message(payload)
    assert parsed.tradable and parsed.entries == (D(entry),)
