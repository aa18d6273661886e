-- Per-source hints (#15): defaults a provider never writes, recorded by an operator per source chat, so one
-- provider's house style parses without code changes.
CREATE TABLE source_hints (
    chat_id                  BIGINT PRIMARY KEY,
    quote                    TEXT CHECK (quote ~ '^[A-Z0-9]{2,10}$'),
    market                   TEXT CHECK (market IN ('spot', 'futures')),
    leverage                 INTEGER CHECK (leverage BETWEEN 1 AND 125),
    bare_numbers_are_entries BOOLEAN NOT NULL DEFAULT false,
    updated_by               TEXT NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
