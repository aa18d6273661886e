"""Static-IP proxy node: forwards HMAC-signed requests to an allow-list of exchange API hosts.

See `proxy_node/README.md` for the runbook and `proxy_node.app` for the wire contract.
"""
