import os

from dotenv import load_dotenv

load_dotenv()

DATABASE_URL = os.environ["DATABASE_URL"]
STRIPE_API_KEY = os.getenv("STRIPE_API_KEY")
SLACK_WEBHOOK_URL = os.environ.get("SLACK_WEBHOOK_URL", "")
password = os.environ["DB_PASSWORD"]
api_key = get_secret("prod/api-key")
