-- Monitor fan-out (issue 12 item 3): the schedule enqueues one message per exchange account to the
-- monitor queue; a worker skips a position already advanced since that message was enqueued
-- (a backlog or a redelivered message then costs no second pass over the same positions).
ALTER TABLE positions ADD COLUMN monitored_at timestamptz;
