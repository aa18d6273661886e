-- 0022b added paper_positions.funding_ms with DEFAULT 0, so a position already open when it ran would be
-- charged every recorded funding event since 1970 at its next check. Funding is owed only from the
-- position's own time: the venue-clock time of the last fill on that account's symbol (the paper clock is
-- the replay's in local runs and backtests, so wall time would be wrong). Rows already settled keep theirs.
UPDATE paper_positions p
SET funding_ms = o.last_fill_ms
FROM (SELECT user_id, symbol, max(updated_ms) AS last_fill_ms
      FROM paper_orders WHERE filled > 0 GROUP BY user_id, symbol) o
WHERE p.funding_ms = 0 AND p.amount <> 0 AND o.user_id = p.user_id AND o.symbol = p.symbol;
