"""position_monitor Lambda: not built yet (its issue is in progress); answers 501 so invocation is wired end to end."""


def lambda_handler(event, context):
    return {"statusCode": 501, "body": '{"error": "position_monitor is not implemented yet"}'}
