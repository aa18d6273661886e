"""API Lambda: the FastAPI app through Mangum. The app is built once per container."""

from mangum import Mangum

from verzek.api.app import create_app
from verzek.observability import logger

app = create_app()
_mangum = Mangum(app, lifespan="off")


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event, context):
    return _mangum(event, context)
