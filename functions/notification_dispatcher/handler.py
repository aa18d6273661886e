"""notification_dispatcher Lambda: not built yet (the outbox dispatcher is in progress); answers 501."""


def lambda_handler(event, context):
    return {"statusCode": 501, "body": '{"error": "notification_dispatcher is not implemented yet"}'}
