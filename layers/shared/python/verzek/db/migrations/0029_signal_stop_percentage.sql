-- A stop the provider writes only as a percentage ("SL 5%", "Stop Targets: 5%", "Стоп 3%"): the share of the price
-- from the average entry, kept on the signal so the planner places it there instead of the user's default stop
-- (which is a loss on the margin, Cornix's rule, and was used before for every such post). A stop that is a share of
-- the margin ("SL 30% ROE") is held by the parser and never reaches here.
ALTER TABLE signals
    ADD COLUMN stop_loss_pct numeric CHECK (stop_loss_pct IS NULL OR (stop_loss_pct > 0 AND stop_loss_pct < 100));
