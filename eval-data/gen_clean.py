"""Templates of files that hold no credential but look risky (see README.md).

⟪expr⟫ inserts a generated value that is not a credential (hashes, UUIDs, image data).
"""

CLEAN = {}

CLEAN["home/.bashrc"] = """# ~/.bashrc
export PATH="$HOME/.local/bin:$PATH"
export AWS_PROFILE=dev
export AWS_SDK_LOAD_CONFIG=1
export GITHUB_TOKEN="$(gh auth token)"
export NPM_TOKEN="$(security find-generic-password -s npm -w)"
export VAULT_ADDR=https://vault.example.com:8200
alias tf=terraform
"""

CLEAN["project-web/.npmrc"] = """registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=${NPM_TOKEN}
save-exact=true
"""

CLEAN["home/.docker/config.json"] = """{
	"auths": {
		"https://index.docker.io/v1/": {},
		"ghcr.io": {}
	},
	"credsStore": "desktop",
	"currentContext": "desktop-linux"
}
"""

CLEAN["wordpress/wp-config-sample.php"] = """<?php
// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'database_name_here' );
define( 'DB_USER', 'username_here' );
define( 'DB_PASSWORD', 'password_here' );
define( 'DB_HOST', 'localhost' );

/**
 * Change these to different unique phrases! You can generate these using
 * the WordPress.org secret-key service.
 */
define( 'AUTH_KEY',         'put your unique phrase here' );
define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
define( 'NONCE_KEY',        'put your unique phrase here' );
define( 'AUTH_SALT',        'put your unique phrase here' );
define( 'SECURE_AUTH_SALT', 'put your unique phrase here' );
define( 'LOGGED_IN_SALT',   'put your unique phrase here' );
define( 'NONCE_SALT',       'put your unique phrase here' );

$table_prefix = 'wp_';
"""

CLEAN["django/mysite/settings.py"] = """import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.getenv("DB_NAME", "mysite"),
        "USER": os.getenv("DB_USER", "mysite"),
        "PASSWORD": os.getenv("DB_PASSWORD"),
        "HOST": os.getenv("DB_HOST", "localhost"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 259200
"""

CLEAN["rails/config/database.yml"] = """default: &default
  adapter: postgresql
  encoding: unicode
  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>

production:
  <<: *default
  database: store_production
  username: store
  password: <%= ENV["STORE_DATABASE_PASSWORD"] %>
"""

CLEAN["rails/config/credentials.yml.enc"] = """⟪b64(rbytes(180))⟫--⟪b64(rbytes(12))⟫--⟪b64(rbytes(16))⟫"""

CLEAN["laravel/.env.example"] = """APP_NAME=Laravel
APP_ENV=local
APP_KEY=
APP_DEBUG=true
APP_URL=http://localhost

DB_CONNECTION=mysql
DB_HOST=127.0.0.1
DB_PORT=3306
DB_DATABASE=laravel
DB_USERNAME=root
DB_PASSWORD=

MAIL_MAILER=smtp
MAIL_USERNAME=null
MAIL_PASSWORD=null

AWS_ACCESS_KEY_ID=
AWS_SECRET_ACCESS_KEY=
"""

CLEAN["spring/src/main/resources/application.properties"] = """spring.datasource.url=jdbc:postgresql://${DB_HOST:localhost}:5432/billing
spring.datasource.username=${DB_USER}
spring.datasource.password=${DB_PASSWORD}
spring.security.oauth2.client.registration.github.client-secret=${GITHUB_CLIENT_SECRET}
spring.mail.password=${SMTP_PASSWORD:}
"""

CLEAN["dotnet/appsettings.json"] = """{
  "ConnectionStrings": {
    "DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=Crm;Trusted_Connection=True;MultipleActiveResultSets=true"
  },
  "KeyVault": {
    "VaultUri": "https://crm-kv.vault.azure.net/",
    "SecretName": "JwtSigningKey"
  },
  "Jwt": {
    "Issuer": "https://crm.example.com",
    "Key": "<set via user-secrets>"
  }
}
"""

CLEAN["terraform/variables.tf"] = """variable "db_username" {
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
"""

CLEAN["k8s/external-secret.yaml"] = """apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: payments-api
spec:
  refreshInterval: 1h
  secretStoreRef:
    name: vault-backend
    kind: ClusterSecretStore
  target:
    name: payments-api
  data:
    - secretKey: DB_PASSWORD
      remoteRef:
        key: secret/payments/db
        property: password
"""

CLEAN["helm/templates/secret.yaml"] = """apiVersion: v1
kind: Secret
metadata:
  name: {{ include "app.fullname" . }}
type: Opaque
data:
  DB_PASSWORD: {{ .Values.db.password | b64enc | quote }}
  API_TOKEN: {{ required "apiToken is required" .Values.apiToken | b64enc | quote }}
"""

CLEAN["compose/docker-compose.yml"] = """services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets:
      - db_password
secrets:
  db_password:
    file: ./secrets/db_password.txt
"""

CLEAN["ci/.github/workflows/release.yml"] = """name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@⟪hexs(40)⟫ # v4.1.7
      - run: gh release create "$GITHUB_REF_NAME" --generate-notes
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
"""

CLEAN["docs/aws-setup.md"] = """# Configuring the AWS CLI

Run `aws configure` and enter your keys. The values below are the examples from the AWS
documentation; they are not real keys.

```
$ aws configure
AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
Default region name [None]: us-west-2
Default output format [None]: json
```
"""

CLEAN["docs/payments.md"] = """# Payments

Use a test-mode key while developing. Stripe's documentation shows requests like:

```sh
curl https://api.stripe.com/v1/charges \\
  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \\
  -d amount=2000 -d currency=usd
```

Put your own key in `STRIPE_SECRET_KEY` (`sk_live_...` in production). Never commit it.
"""

CLEAN["docs/jwt.md"] = """# Tokens

A JSON Web Token has three base64url parts. The example from jwt.io:

    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c

Send yours as `Authorization: Bearer <your-token>`.
"""

CLEAN["src/config.py"] = """import os

from dotenv import load_dotenv

load_dotenv()

DATABASE_URL = os.environ["DATABASE_URL"]
STRIPE_API_KEY = os.getenv("STRIPE_API_KEY")
SLACK_WEBHOOK_URL = os.environ.get("SLACK_WEBHOOK_URL", "")
password = os.environ["DB_PASSWORD"]
api_key = get_secret("prod/api-key")
"""

CLEAN["src/config.js"] = """require('dotenv').config();

module.exports = {
  db: {
    host: process.env.DB_HOST || 'localhost',
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
  },
  stripeKey: process.env.STRIPE_SECRET_KEY,
  jwtSecret: process.env.JWT_SECRET,
  sessionSecret: config.get('session.secret'),
};
"""

CLEAN["go/internal/proc/spawn.go"] = """package proc

import (
	"crypto/x509"
	"os/exec"
	"syscall"
)

// Credentials are looked up in the secret store at run time.
type Credentials struct {
	Username string
	Password string `json:"-"`
	Token    string
}

func Spawn(path string, uid, gid uint32) *exec.Cmd {
	cmd := exec.Command(path)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: &syscall.Credential{Uid: uid, Gid: gid},
	}
	return cmd
}

var extKeyUsages = map[string]x509.ExtKeyUsage{
	"serverAuth": x509.ExtKeyUsageServerAuth,
	"clientAuth": x509.ExtKeyUsageClientAuth,
}

func (c Credentials) Valid() bool { return c.Password != "" && c.Token != "" }
"""

CLEAN["node/package-lock.json"] = """{
  "name": "shop",
  "version": "1.4.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "node_modules/pg": {
      "version": "8.11.3",
      "resolved": "https://registry.npmjs.org/pg/-/pg-8.11.3.tgz",
      "integrity": "sha512-⟪b64(rbytes(64))⟫"
    },
    "node_modules/jsonwebtoken": {
      "version": "9.0.2",
      "resolved": "https://registry.npmjs.org/jsonwebtoken/-/jsonwebtoken-9.0.2.tgz",
      "integrity": "sha512-⟪b64(rbytes(64))⟫"
    },
    "node_modules/bcrypt": {
      "version": "5.1.1",
      "resolved": "https://registry.npmjs.org/bcrypt/-/bcrypt-5.1.1.tgz",
      "integrity": "sha512-⟪b64(rbytes(64))⟫"
    }
  }
}
"""

CLEAN["go/go.sum"] = """github.com/golang-jwt/jwt/v5 v5.2.1 h1:⟪b64(rbytes(32))⟫
github.com/golang-jwt/jwt/v5 v5.2.1/go.mod h1:⟪b64(rbytes(32))⟫
github.com/lib/pq v1.10.9 h1:⟪b64(rbytes(32))⟫
github.com/lib/pq v1.10.9/go.mod h1:⟪b64(rbytes(32))⟫
golang.org/x/crypto v0.24.0 h1:⟪b64(rbytes(32))⟫
golang.org/x/crypto v0.24.0/go.mod h1:⟪b64(rbytes(32))⟫
"""

CLEAN["frontend/src/i18n/en.json"] = """{
  "login": {
    "username": "Username",
    "password": "Password",
    "password_confirm": "Confirm password",
    "forgot_password": "Forgot your password?",
    "secret_question": "Secret question",
    "token_expired": "Your session token has expired. Please sign in again.",
    "api_key_hint": "Paste your API key here"
  }
}
"""

CLEAN["frontend/public/login.html"] = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in</title></head>
<body>
  <form method="post" action="/session">
    <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
    <label for="user">Email</label>
    <input id="user" name="email" type="email" autocomplete="username">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" placeholder="Password">
    <button type="submit">Sign in</button>
  </form>
</body>
</html>
"""

CLEAN["CHANGELOG.md"] = """# Changelog

## 2.3.1
- Fix token refresh race (⟪hexs(40)⟫)
- Rotate session secret on password change (⟪hexs(7)⟫)
- Request ids are now UUIDs, e.g. `⟪uuid4()⟫`
- Artifact checksum: sha256:⟪hexs(64)⟫
"""

CLEAN["frontend/src/styles/logo.css"] = """.logo {
  width: 32px;
  height: 32px;
  background-image: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA⟪b64(rbytes(240))⟫");
}
"""

CLEAN["frontend/dist/vendor.min.js"] = """!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t():"function"==typeof define&&define.amd?define(t):(e=e||self).Auth=t()}(this,function(){"use strict";var e="password",t="access_token",n=function(n,r){var o=r.getItem(t);return o?{headers:{Authorization:"Bearer "+o}}:{};},r={login:function(r,o){return fetch("/api/login",{method:"POST",body:JSON.stringify({username:r,password:o})}).then(function(e){return e.json()}).then(function(e){return localStorage.setItem(t,e.token),e})},h:"⟪b64(rbytes(48))⟫",k:e};return{auth:n,api:r}});
"""

CLEAN["tests/fixtures/users.json"] = """[
  {"email": "alice@example.com", "password": "test"},
  {"email": "bob@example.com", "password": "fake-password"},
  {"email": "carol@example.com", "password": "xxx"},
  {"email": "dave@example.com", "password": "password"},
  {"email": "eve@example.com", "api_key": "test_api_key"}
]
"""

CLEAN["services/api/.env.example"] = """NODE_ENV=development
PORT=3000
JWT_SECRET=changeme
DB_PASSWORD=<your-db-password>
API_KEY=your-api-key-here
STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
REDIS_URL=redis://localhost:6379/0
DATABASE_URL=postgres://user:password@localhost:5432/app
"""

CLEAN["java-app/src/main/java/com/acme/Settings.java"] = """package com.acme;

import java.io.Console;

public final class Settings {
    private final String dbPassword = System.getenv("DB_PASSWORD");
    private final String apiToken = System.getProperty("api.token");

    public char[] askPassword() {
        Console console = System.console();
        return console.readPassword("Password: ");
    }

    public boolean hasPassword() {
        return dbPassword != null && !dbPassword.isEmpty();
    }
}
"""

CLEAN["csharp/Startup.cs"] = """using Microsoft.Extensions.Configuration;

public class Startup
{
    public Startup(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("DefaultConnection");
        var password = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
        var apiKey = configuration["Stripe:SecretKey"];
    }
}
"""

CLEAN["php/config.php"] = """<?php
return [
    'db' => [
        'host' => getenv('DB_HOST') ?: 'localhost',
        'user' => getenv('DB_USER'),
        'password' => getenv('DB_PASSWORD'),
    ],
    'mail_password' => $_ENV['MAIL_PASSWORD'] ?? null,
    'app_key' => env('APP_KEY'),
];
"""

CLEAN["ruby/config/initializers/aws.rb"] = """Aws.config.update(
  region: "eu-west-1",
  credentials: Aws::Credentials.new(
    Rails.application.credentials.dig(:aws, :access_key_id),
    Rails.application.credentials.dig(:aws, :secret_access_key)
  )
)
SECRET_KEY_BASE = ENV.fetch("SECRET_KEY_BASE")
"""

CLEAN["api-docs/README.md"] = """# API

Authenticate with your token:

```sh
curl -u "$API_USER:$API_TOKEN" https://api.example.com/v1/me
curl -H "Authorization: Bearer <your-token>" https://api.example.com/v1/me
export API_TOKEN=<paste your token here>
```

Connection strings look like `postgres://USER:PASSWORD@HOST:5432/DB`.
"""

CLEAN["db/migrate/20240101_create_users.sql"] = """CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    api_token_digest TEXT,
    reset_password_token TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX users_reset_password_token_idx ON users (reset_password_token);
"""

CLEAN["postman/Shop.postman_collection.json"] = """{
	"info": {
		"_postman_id": "⟪uuid4()⟫",
		"name": "Shop API",
		"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
	},
	"auth": {
		"type": "apikey",
		"apikey": [
			{"key": "value", "value": "{{apiKey}}", "type": "string"},
			{"key": "key", "value": "X-Api-Key", "type": "string"}
		]
	},
	"item": [
		{
			"name": "Login",
			"request": {
				"method": "POST",
				"body": {"mode": "raw", "raw": "{\\"username\\": \\"{{username}}\\", \\"password\\": \\"{{password}}\\"}"},
				"url": "{{baseUrl}}/login"
			}
		}
	]
}
"""

CLEAN["notebooks/explore.ipynb"] = """{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "import os, getpass\\n",
    "import openai\\n",
    "openai.api_key = os.environ.get(\\"OPENAI_API_KEY\\") or getpass.getpass(\\"API key: \\")\\n"
   ]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
"""

CLEAN["home/.ssh/id_ed25519.pub"] = """ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI⟪pick(B64, 43)⟫ sam@laptop
"""

CLEAN["certs/ca.crt"] = """-----BEGIN CERTIFICATE-----
⟪wrap64(b64(bytes.fromhex("308203") + rbytes(700)))⟫
-----END CERTIFICATE-----
"""

CLEAN["docs/tls.md"] = """# TLS

Put the key in `certs/server.key`. It should start like this:

```
-----BEGIN PRIVATE KEY-----
...your key here...
-----END PRIVATE KEY-----
```
"""

CLEAN["config/security.yaml"] = """password_policy:
  min_length: 12
  require_symbols: true
  max_age_days: 90
session:
  token_ttl: 3600
  secret_rotation: weekly
api_keys:
  max_per_user: 5
  prefix: "acme_"
"""

CLEAN["etc/passwd"] = """root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
deploy:x:1000:1000:Deploy,,,:/home/deploy:/bin/bash
"""

CLEAN["yarn.lock"] = """# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


jsonwebtoken@^9.0.2:
  version "9.0.2"
  resolved "https://registry.yarnpkg.com/jsonwebtoken/-/jsonwebtoken-9.0.2.tgz#⟪hexs(40)⟫"
  integrity sha512-⟪b64(rbytes(64))⟫

passport-local@^1.0.0:
  version "1.0.0"
  resolved "https://registry.yarnpkg.com/passport-local/-/passport-local-1.0.0.tgz#⟪hexs(40)⟫"
  integrity sha1-⟪b64(rbytes(20))⟫
"""
