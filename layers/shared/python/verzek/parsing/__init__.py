"""VIP signal parser: Telegram text -> `ParsedMessage` (open / update / close / not a signal).

`parse_message` is pure and never raises; `check_against_price` adds the one check that needs
market data (a price written without its decimal point, or quoted for another coin).
"""

from verzek.parsing.parser import parse_message
from verzek.parsing.safety import check_against_price, validate_open

__all__ = ["check_against_price", "parse_message", "validate_open"]
