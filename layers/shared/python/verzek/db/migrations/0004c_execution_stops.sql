-- DCA execution engine: protective stops and spot balance caps.

-- The filled entry amount the live take-profit ladder was sized from. The ladder is re-sized only
-- when the filled amount moves away from it (a later entry / DCA fill). Spot ladders may total less
-- than this amount (capped to the base balance actually held, e.g. after a fee paid in the base
-- coin), so comparing the ladder's own total with the filled amount is not enough.
ALTER TABLE positions ADD COLUMN tp_basis numeric(38, 18) CHECK (tp_basis IS NULL OR tp_basis > 0);
