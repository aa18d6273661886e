"""DCA execution engine: planning, paper and live execution, idempotent orders, position monitor.

Entry points:
* `verzek.execution.planner.plan_trade` — pure planning (Decimal), usable by backtests without a DB.
* `verzek.execution.paper.PaperExchange` / `RecordedPrices` — the simulated exchange (pure objects).
* `verzek.execution.executor.Executor().handle(job)` — one execution-queue job (DB + exchange).
* `verzek.execution.monitor.run_monitor()` — advance every open position (scheduled).
* `verzek.execution.ccxt_adapter.CcxtExchange` — the live `Exchange` through the proxy node.
"""
