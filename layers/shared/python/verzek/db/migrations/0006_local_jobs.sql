-- Durable job queue for the local stack (`verzek local`): the in-process stand-in for SQS.
-- Jobs survive Ctrl-C and crashes; a job taken but not finished is leased and comes back when the
-- lease expires, like an SQS visibility timeout.
CREATE TABLE local_jobs (
    id           bigserial PRIMARY KEY,
    queue        text NOT NULL,
    dedupe_key   text NOT NULL,
    body         jsonb NOT NULL,
    status       text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'leased', 'done', 'dead')),
    attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    available_at timestamptz NOT NULL DEFAULT now(),
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    CONSTRAINT local_jobs_dedupe_unique UNIQUE (queue, dedupe_key)
);
CREATE INDEX local_jobs_ready_idx ON local_jobs (queue, available_at) WHERE status IN ('ready', 'leased');
