"""db_migrator Lambda: the `DbMigrations` custom resource (see verzek.db.deploy_migrations)."""

from verzek.db.deploy_migrations import handle_custom_resource
from verzek.observability import logger


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    result = handle_custom_resource(event)
    logger.info("database migrations", extra={"status": result["Status"], "reason": result.get("Reason")})
    return result
