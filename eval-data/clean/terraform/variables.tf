variable "db_username" {
  type    = string
  default = "admin"
}

variable "db_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "prod/db/password"
}

resource "aws_db_instance" "main" {
  engine              = "postgres"
  username            = var.db_username
  password            = data.aws_secretsmanager_secret_version.db.secret_string
  skip_final_snapshot = true
}
