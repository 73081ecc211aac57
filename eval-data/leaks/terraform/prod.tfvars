region        = "us-east-1"
environment   = "prod"
instance_type = "t3.medium"

db_username = "admin"
db_password = "P82Dwa8nUS%hRC9XjaPh"

datadog_api_key = "44d649155f1b3130df1e3c1da0bcf6e0"
datadog_app_key = "a0b84a7223488390e8c67e522b515a57802ae3f5"
