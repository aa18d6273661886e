"""API Lambda: the FastAPI app through Mangum (stage prefix stripped). The app is built once per container."""

from verzek.api.app import create_app
from verzek.api.lambda_adapter import StageAwareMangum
from verzek.observability import logger

app = create_app()
_adapter = StageAwareMangum(app, lifespan="off")


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    return _adapter(event, context)
