"""Templates of files that hold credentials, in the shapes people leak them (see README.md)."""

LEAKS = {}

LEAKS["home/.bashrc"] = """# ~/.bashrc: executed by bash(1) for non-login shells.
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
shopt -s histappend
HISTSIZE=1000
alias ll='ls -alF'
alias k=kubectl

export PATH="$HOME/.local/bin:$HOME/go/bin:$PATH"
export EDITOR=vim

# work aws account (TODO move to aws-vault)
export AWS_ACCESS_KEY_ID=⟦aws-access-key-id|id|aws_id()⟧
export AWS_SECRET_ACCESS_KEY=⟦aws-secret-access-key|secret|aws_secret()⟧
export AWS_DEFAULT_REGION=eu-west-1

export GITHUB_TOKEN=⟦github-pat-classic|secret|ghp()⟧

if [ -f ~/.bash_aliases ]; then
    . ~/.bash_aliases
fi
"""

LEAKS["home/.zshrc"] = """export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git docker kubectl)
source $ZSH/oh-my-zsh.sh

export HOMEBREW_GITHUB_API_TOKEN="⟦github-pat-fine-grained|secret|github_pat()⟧"
export OPENAI_API_KEY='⟦openai-api-key|secret|openai()⟧'
export DATABASE_URL=postgres://appuser:⟦postgres-uri-password|secret|password(18)⟧@db.staging.internal:5432/app
export ANTHROPIC_API_KEY=⟦anthropic-api-key|secret|anthropic()⟧

[ -s "$NVM_DIR/nvm.sh" ] && \\. "$NVM_DIR/nvm.sh"
eval "$(pyenv init -)"
"""

LEAKS["home/.npmrc"] = """//registry.npmjs.org/:_authToken=⟦npm-token|secret|npm_token()⟧
init-author-name=Sam Carter
init-license=MIT
"""

LEAKS["project-web/.npmrc"] = """registry=https://npm.corp.example.com/repository/npm-group/
_auth=⟦npmrc-auth-basic|secret|b64("ci-deployer:" + password(14))⟧
email=ci@corp.example.com
always-auth=true
"""

LEAKS["home/.docker/config.json"] = """{
	"auths": {
		"https://index.docker.io/v1/": {
			"auth": "⟦docker-config-auth|secret|b64("samcarter:" + password(16))⟧"
		},
		"registry.gitlab.com": {
			"auth": "⟦docker-config-auth|secret|b64("samcarter:" + glpat())⟧"
		}
	},
	"currentContext": "desktop-linux"
}
"""

LEAKS["home/.git-credentials"] = """https://samcarter:⟦git-credentials-token|secret|ghp()⟧@github.com
https://sam.carter:⟦git-credentials-password|secret|password(12)⟧@gitlab.corp.example.com
"""

LEAKS["home/.netrc"] = """machine api.heroku.com
  login sam@example.com
  password ⟦netrc-heroku-api-key|secret|uuid4()⟧
machine git.heroku.com
  login sam@example.com
  password ⟦netrc-heroku-api-key|secret|uuid4()⟧
machine ftp.example.org login backup password ⟦netrc-password|secret|password(14)⟧
"""

LEAKS["home/.pgpass"] = """# hostname:port:database:username:password
db-prod.internal:5432:orders:orders_rw:⟦pgpass-password|secret|password(20)⟧
localhost:5432:*:postgres:⟦pgpass-password|secret|"qwerty123"⟧
"""

LEAKS["etc/shadow"] = """root:⟦shadow-sha512crypt|secret|sha512crypt()⟧:19722:0:99999:7:::
daemon:*:19722:0:99999:7:::
bin:*:19722:0:99999:7:::
sys:*:19722:0:99999:7:::
www-data:*:19722:0:99999:7:::
nobody:*:19722:0:99999:7:::
systemd-network:!*:19722::::::
sshd:!:19722::::::
deploy:⟦shadow-yescrypt|secret|yescrypt()⟧:19800:0:99999:7:::
"""

LEAKS["web/.htpasswd"] = """admin:⟦htpasswd-apr1|secret|apr1()⟧
reports:⟦htpasswd-bcrypt|secret|bcrypt()⟧
"""

LEAKS["wordpress/wp-config.php"] = """<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
/** The name of the database for WordPress */
define( 'DB_NAME', 'wp_shop' );

/** Database username */
define( 'DB_USER', 'wp_shop_user' );

/** Database password */
define( 'DB_PASSWORD', '⟦wp-db-password|secret|password(16)⟧' );

/** Database hostname */
define( 'DB_HOST', 'localhost' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         '⟦wp-salt|secret|wp_salt()⟧' );
define( 'SECURE_AUTH_KEY',  '⟦wp-salt|secret|wp_salt()⟧' );
define( 'LOGGED_IN_KEY',    '⟦wp-salt|secret|wp_salt()⟧' );
define( 'NONCE_KEY',        '⟦wp-salt|secret|wp_salt()⟧' );
define( 'AUTH_SALT',        '⟦wp-salt|secret|wp_salt()⟧' );
define( 'SECURE_AUTH_SALT', '⟦wp-salt|secret|wp_salt()⟧' );
define( 'LOGGED_IN_SALT',   '⟦wp-salt|secret|wp_salt()⟧' );
define( 'NONCE_SALT',       '⟦wp-salt|secret|wp_salt()⟧' );

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
"""

LEAKS["django/mysite/settings.py"] = """\"\"\"
Django settings for mysite project.
\"\"\"

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = '⟦django-secret-key|secret|django_key()⟧'

DEBUG = False

ALLOWED_HOSTS = ['mysite.example.com']

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'shop',
]

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'mysite',
        'USER': 'mysite',
        'PASSWORD': '⟦django-db-password|secret|"Mysite2023!"⟧',
        'HOST': '10.0.3.15',
        'PORT': '5432',
    }
}

EMAIL_HOST = 'smtp.mailgun.org'
EMAIL_HOST_USER = 'postmaster@mg.mysite.example.com'
EMAIL_HOST_PASSWORD = '⟦smtp-password|secret|hexs(32) + "-" + hexs(8) + "-" + hexs(8)⟧'

STATIC_URL = 'static/'
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
"""

LEAKS["rails/config/master.key"] = """⟦rails-master-key|secret|hexs(32)⟧"""

LEAKS["rails/config/secrets.yml"] = """# Be sure to restart your server when you modify this file.

development:
  secret_key_base: ⟦rails-secret-key-base|secret|hexs(128)⟧

test:
  secret_key_base: ⟦rails-secret-key-base|secret|hexs(128)⟧

production:
  secret_key_base: ⟦rails-secret-key-base|secret|hexs(128)⟧
"""

LEAKS["rails/config/database.yml"] = """default: &default
  adapter: postgresql
  encoding: unicode
  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>

development:
  <<: *default
  database: store_development

production:
  <<: *default
  database: store_production
  username: store
  password: ⟦rails-db-password|secret|yq(password(16))⟧
  host: store-db.cluster-cj3xq.eu-west-1.rds.amazonaws.com
"""

LEAKS["laravel/.env"] = """APP_NAME=Storefront
APP_ENV=production
APP_KEY=⟦laravel-app-key|secret|laravel_key()⟧
APP_DEBUG=false
APP_URL=https://store.example.com

LOG_CHANNEL=stack

DB_CONNECTION=mysql
DB_HOST=127.0.0.1
DB_PORT=3306
DB_DATABASE=storefront
DB_USERNAME=storefront
DB_PASSWORD=⟦laravel-db-password|secret|"admin123"⟧

MAIL_MAILER=smtp
MAIL_HOST=smtp.sendgrid.net
MAIL_PORT=587
MAIL_USERNAME=apikey
MAIL_PASSWORD=⟦sendgrid-api-key|secret|sendgrid()⟧

PUSHER_APP_ID=1530011
PUSHER_APP_KEY=⟦pusher-key|id|hexs(20)⟧
PUSHER_APP_SECRET=⟦pusher-secret|secret|hexs(20)⟧
PUSHER_APP_CLUSTER=eu
"""

LEAKS["spring/src/main/resources/application.properties"] = """server.port=8080
spring.application.name=billing
spring.datasource.url=jdbc:postgresql://billing-db:5432/billing
spring.datasource.username=billing
spring.datasource.password=⟦spring-datasource-password|secret|password(15)⟧
spring.jpa.hibernate.ddl-auto=validate
spring.mail.host=smtp.office365.com
spring.mail.username=noreply@example.com
spring.mail.password=⟦smtp-password|secret|"Welcome2024"⟧
management.endpoints.web.exposure.include=health,info
"""

LEAKS["spring/src/main/resources/application.yml"] = """spring:
  application:
    name: inventory
  datasource:
    url: jdbc:mysql://inventory-db:3306/inventory?useSSL=true
    username: inventory
    password: ⟦spring-datasource-password|secret|yq(password(17))⟧
    driver-class-name: com.mysql.cj.jdbc.Driver
  rabbitmq:
    host: mq.internal
    username: inventory
    password: ⟦rabbitmq-password|secret|yq(password(12))⟧
server:
  port: 8081
"""

LEAKS["dotnet/appsettings.json"] = """{
  "Logging": {
    "LogLevel": {
      "Default": "Information",
      "Microsoft.AspNetCore": "Warning"
    }
  },
  "AllowedHosts": "*",
  "ConnectionStrings": {
    "DefaultConnection": "Server=tcp:crm-sql.database.windows.net,1433;Initial Catalog=crm;User ID=crmadmin;Password=⟦mssql-connection-string-password|secret|password(16)⟧;Encrypt=True;"
  },
  "Jwt": {
    "Issuer": "https://crm.example.com",
    "Key": "⟦jwt-signing-key|secret|alnum(48)⟧"
  }
}
"""

LEAKS["dotnet/Web.config"] = """<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <connectionStrings>
    <add name="ShopDb" connectionString="Data Source=SQL01;Initial Catalog=Shop;User Id=shop_app;Password=⟦mssql-connection-string-password|secret|"Shop#2019"⟧;" providerName="System.Data.SqlClient" />
  </connectionStrings>
  <appSettings>
    <add key="webpages:Version" value="3.0.0.0" />
    <add key="StripeSecretKey" value="⟦stripe-secret-key|secret|stripe_live()⟧" />
    <add key="SmtpPassword" value="⟦smtp-password|secret|password(13)⟧" />
  </appSettings>
  <system.web>
    <compilation debug="false" targetFramework="4.8" />
  </system.web>
</configuration>
"""

LEAKS["java-app/src/main/resources/config.properties"] = """# Legacy integration settings
app.name=ledger-sync
db.url=jdbc:oracle:thin:@ora-prod:1521:LEDGER
db.user=LEDGER_APP
db.password=⟦java-properties-password|secret|password(14)⟧
ftp.host=ftp.partner.example.net
ftp.user=ledger
ftp.password=⟦java-properties-password|secret|"Partner01"⟧
mail.smtp.auth=true
"""

LEAKS["terraform/prod.tfvars"] = """region        = "us-east-1"
environment   = "prod"
instance_type = "t3.medium"

db_username = "admin"
db_password = "⟦terraform-db-password|secret|password(20)⟧"

datadog_api_key = "⟦datadog-api-key|secret|hexs(32)⟧"
datadog_app_key = "⟦datadog-app-key|secret|hexs(40)⟧"
"""

LEAKS["k8s/secret.yaml"] = """apiVersion: v1
kind: Secret
metadata:
  name: payments-api
  namespace: payments
type: Opaque
data:
  DB_PASSWORD: ⟦k8s-secret-base64-password|secret|b64(password(18))⟧
  API_TOKEN: ⟦k8s-secret-base64-jwt|secret|b64(jwt())⟧
  STRIPE_KEY: ⟦k8s-secret-base64-stripe|secret|b64(stripe_live())⟧
"""

LEAKS["compose/docker-compose.yml"] = """version: "3.8"
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: ⟦compose-postgres-password|secret|yq(password(16))⟧
      POSTGRES_DB: app
    volumes:
      - pgdata:/var/lib/postgresql/data
  mysql:
    image: mysql:8
    environment:
      - MYSQL_ROOT_PASSWORD=⟦compose-mysql-password|secret|"r00tpass!"⟧
  web:
    build: .
    environment:
      - DATABASE_URL=postgresql://app:⟦postgres-uri-password|secret|password(16)⟧@db:5432/app
    ports:
      - "8000:8000"
volumes:
  pgdata:
"""

LEAKS["ci/.github/workflows/release.yml"] = """name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    env:
      GH_TOKEN: ⟦github-pat-classic|secret|ghp()⟧
    steps:
      - uses: actions/checkout@v4
      - run: |
          curl -sS -H "Authorization: token ⟦github-pat-classic|secret|ghp()⟧" \\
            https://api.github.com/repos/acme/widgets/releases
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: ⟦npm-token|secret|npm_token()⟧
"""

LEAKS["notebooks/churn-analysis.ipynb"] = """{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "import openai\\n",
    "import pandas as pd\\n",
    "openai.api_key = \\"⟦openai-api-key|secret|openai()⟧\\"\\n"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [],
   "source": [
    "HF_TOKEN = 'hf_⟦huggingface-token|secret|alnum(34)⟧'\\n",
    "df = pd.read_csv('churn.csv')\\n"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
"""

LEAKS["home/.config/filezilla/sitemanager.xml"] = """<?xml version="1.0" encoding="UTF-8"?>
<FileZilla3 version="3.66.4" platform="linux">
	<Servers>
		<Server>
			<Host>ftp.customer-site.example.com</Host>
			<Port>21</Port>
			<Protocol>0</Protocol>
			<Type>0</Type>
			<User>webmaster</User>
			<Pass encoding="base64">⟦filezilla-password|secret|b64(password(12))⟧</Pass>
			<Logontype>1</Logontype>
			<PasvMode>MODE_DEFAULT</PasvMode>
			<Name>customer site</Name>
		</Server>
	</Servers>
</FileZilla3>
"""

LEAKS["winscp/WinSCP.ini"] = """[Configuration\\Interface]
RandomSeedFile=%APPDATA%\\winscp.rnd

[Sessions\\deploy@web01.example.com]
HostName=web01.example.com
UserName=deploy
Password=⟦winscp-password|secret|winscp_pw()⟧
FSProtocol=2
"""

LEAKS["keys/deploy.ppk"] = """⟦ppk-private-key|secret|ppk_file()⟧
"""

LEAKS["home/.ssh/id_ed25519"] = """⟦openssh-private-key|secret|openssh_key()⟧
"""

LEAKS["certs/server.key"] = """⟦rsa-private-key-pem|secret|rsa_pem()⟧
"""

LEAKS["certs/tls/privkey.pem"] = """⟦pkcs8-private-key-pem|secret|pkcs8_pem()⟧
"""

LEAKS["certs/ec-signing.pem"] = """⟦ec-private-key-pem|secret|ec_pem()⟧
"""

LEAKS["home/.pypirc"] = """[distutils]
index-servers =
    pypi
    internal

[pypi]
username = __token__
password = ⟦pypi-token|secret|pypi_token()⟧

[internal]
repository = https://pypi.corp.example.com/simple/
username = release-bot
password = ⟦pypirc-password|secret|password(16)⟧
"""

LEAKS["home/.s3cfg"] = """[default]
access_key = ⟦aws-access-key-id|id|aws_id()⟧
secret_key = ⟦aws-secret-access-key|secret|aws_secret()⟧
bucket_location = EU
host_base = s3.amazonaws.com
host_bucket = %(bucket)s.s3.amazonaws.com
use_https = True
"""

LEAKS["home/.aws/credentials"] = """[default]
aws_access_key_id = ⟦aws-access-key-id|id|aws_id()⟧
aws_secret_access_key = ⟦aws-secret-access-key|secret|aws_secret()⟧

[prod-admin]
aws_access_key_id=⟦aws-access-key-id|id|aws_id()⟧
aws_secret_access_key=⟦aws-secret-access-key|secret|aws_secret()⟧
region=us-east-1
"""

LEAKS["gcp/ml-pipeline-sa.json"] = """{
  "type": "service_account",
  "project_id": "ml-pipeline-381205",
  "private_key_id": "⟦gcp-private-key-id|id|hexs(40)⟧",
  "private_key": "⟦gcp-service-account-private-key|secret|gcp_private_key_json()⟧",
  "client_email": "trainer@ml-pipeline-381205.iam.gserviceaccount.com",
  "client_id": "1045829306113457298871",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token",
  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/trainer%40ml-pipeline-381205.iam.gserviceaccount.com",
  "universe_domain": "googleapis.com"
}
"""

LEAKS["azure-func/local.settings.json"] = """{
  "IsEncrypted": false,
  "Values": {
    "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=ordersfuncstore;AccountKey=⟦azure-storage-account-key|secret|azure_account_key()⟧;EndpointSuffix=core.windows.net",
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "ServiceBusConnection": "Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=⟦azure-servicebus-sas-key|secret|azure_sas_key()⟧"
  }
}
"""

LEAKS["src/alerts/notify.py"] = """import json
import urllib.request

SLACK_WEBHOOK = "⟦slack-webhook|secret|slack_webhook()⟧"


def notify(text: str) -> None:
    body = json.dumps({"text": text}).encode()
    req = urllib.request.Request(SLACK_WEBHOOK, data=body, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=5)
"""

LEAKS["src/bot/index.js"] = """const { Client, GatewayIntentBits } = require('discord.js');
const axios = require('axios');

const client = new Client({ intents: [GatewayIntentBits.Guilds] });
const LOG_WEBHOOK = '⟦discord-webhook|secret|discord_webhook()⟧';

client.on('ready', () => {
  axios.post(LOG_WEBHOOK, { content: `logged in as ${client.user.tag}` });
});

client.login('⟦discord-bot-token|secret|discord_bot()⟧');
"""

LEAKS["config/auth.yaml"] = """auth:
  issuer: https://id.example.com
  audience: reporting
  service_token: ⟦jwt|secret|jwt()⟧
  refresh_interval: 15m
"""

LEAKS["app/services/payments.rb"] = """require "stripe"

class Payments
  Stripe.api_key = "⟦stripe-secret-key|secret|stripe_live()⟧"

  def self.refund(charge_id)
    Stripe::Refund.create(charge: charge_id)
  end
end
"""

LEAKS["src/sms/send_sms.py"] = """from twilio.rest import Client

account_sid = "⟦twilio-account-sid|id|twilio_sid()⟧"
auth_token = "⟦twilio-auth-token|secret|hexs(32)⟧"
client = Client(account_sid, auth_token)


def send(to, body):
    return client.messages.create(to=to, from_="+15005550006", body=body)
"""

LEAKS["src/mail/mailer.js"] = """import sgMail from '@sendgrid/mail';
import formData from 'form-data';
import Mailgun from 'mailgun.js';

sgMail.setApiKey('⟦sendgrid-api-key|secret|sendgrid()⟧');

const mailgun = new Mailgun(formData);
export const mg = mailgun.client({ username: 'api', key: '⟦mailgun-api-key|secret|mailgun()⟧' });
"""

LEAKS["postman/Production.postman_environment.json"] = """{
	"id": "⟦postman-env-id|id|uuid4()⟧",
	"name": "Production",
	"values": [
		{
			"key": "baseUrl",
			"value": "https://api.example.com/v2",
			"type": "default",
			"enabled": true
		},
		{
			"key": "apiKey",
			"value": "⟦postman-api-key|secret|alnum(40)⟧",
			"type": "secret",
			"enabled": true
		},
		{
			"key": "adminPassword",
			"value": "⟦postman-password|secret|password(14)⟧",
			"type": "secret",
			"enabled": true
		}
	],
	"_postman_variable_scope": "environment",
	"_postman_exported_at": "2024-05-02T09:12:44.512Z",
	"_postman_exported_using": "Postman/10.24.16"
}
"""

LEAKS["services/api/.env"] = """NODE_ENV=production
PORT=3000
JWT_SECRET=⟦jwt-secret|secret|hexs(64)⟧
REDIS_URL=redis://default:⟦redis-uri-password|secret|password(20)⟧@redis-12345.c1.eu-west-1-2.ec2.cloud.redislabs.com:12345
MONGODB_URI=mongodb+srv://api:⟦mongodb-uri-password|secret|password(16)⟧@cluster0.ab1cd.mongodb.net/api?retryWrites=true&w=majority
SENTRY_DSN=https://⟦sentry-dsn-key|id|hexs(32)⟧@o450000.ingest.sentry.io/5500000
"""

LEAKS["go/internal/store/db.go"] = """package store

import (
	"database/sql"
	"fmt"

	_ "github.com/lib/pq"
)

const (
	host     = "10.1.2.20"
	port     = 5432
	user     = "inventory"
	password = "⟦go-db-password|secret|"admin123"⟧"
	dbname   = "inventory"
)

func Open() (*sql.DB, error) {
	dsn := fmt.Sprintf("host=%s port=%d user=%s password=%s dbname=%s sslmode=disable",
		host, port, user, password, dbname)
	return sql.Open("postgres", dsn)
}
"""

LEAKS["python/etl/load.py"] = """import psycopg2


def connect():
    return psycopg2.connect(
        host="warehouse.internal",
        dbname="dw",
        user="etl",
        password="⟦python-db-password|secret|password(14)⟧",
    )
"""

LEAKS["node/db.js"] = """const { Pool } = require('pg');
const mongoose = require('mongoose');

const pool = new Pool({
  host: 'localhost',
  user: 'shop',
  password: '⟦js-db-password|secret|"shop2024"⟧',
  database: 'shop',
});

mongoose.connect('mongodb+srv://shop:⟦mongodb-uri-password|secret|password(14)⟧@cluster0.x7k2p.mongodb.net/shop');

module.exports = { pool };
"""

LEAKS["java-app/src/main/java/com/acme/hr/LdapLookup.java"] = """package com.acme.hr;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class LdapLookup {
    private static final String URL = "jdbc:mysql://hr-db:3306/rrhh";

    public Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "rrhh", "⟦java-db-password|secret|"Ventas2023"⟧");
    }
}
"""

LEAKS["csharp/Data/Db.cs"] = """using System.Data.SqlClient;

namespace Payroll.Data
{
    public static class Db
    {
        private const string ConnectionString =
            "Server=payroll-sql;Database=Payroll;User Id=sa;Password=⟦mssql-connection-string-password|secret|password(12)⟧;";

        public static SqlConnection Open()
        {
            var conn = new SqlConnection(ConnectionString);
            conn.Open();
            return conn;
        }
    }
}
"""

LEAKS["php/includes/db.php"] = """<?php
$dsn = 'mysql:host=localhost;dbname=shop;charset=utf8mb4';
$pdo = new PDO($dsn, 'shop', '⟦php-db-password|secret|"secret123"⟧');

$legacy = mysqli_connect("localhost", "root", "⟦php-db-password|secret|"P@ssw0rd"⟧", "shop_legacy");
"""

LEAKS["ruby/lib/cache.rb"] = """require "pg"
require "redis"

DB = PG.connect(host: "db.internal", dbname: "catalog", user: "catalog", password: "⟦ruby-db-password|secret|password(15)⟧")
CACHE = Redis.new(url: "redis://:⟦redis-uri-password|secret|password(18)⟧@cache.internal:6379/0")
"""

LEAKS["api-docs/README.md"] = """# Reporting API

Quick check that the service is up:

```sh
curl -u admin:⟦curl-basic-auth-password|secret|password(12)⟧ https://reports.internal.example.com/api/health
```

Sending a test mail through our Mailgun domain:

```sh
curl -s --user 'api:⟦mailgun-api-key|secret|mailgun()⟧' \\
    https://api.mailgun.net/v3/mg.example.com/messages \\
    -F from='Reports <reports@mg.example.com>' -F to=ops@example.com -F subject='test' -F text='hello'
```
"""

LEAKS["ops/connections.ini"] = """[queue]
url = amqp://orders:⟦amqp-uri-password|secret|password(16)⟧@rabbitmq.internal:5672/orders

[legacy_db]
url = mysql://legacy:⟦mysql-uri-password|secret|password(14)⟧@10.0.0.12:3306/legacy

[directory]
bind_dn = cn=svc-portal,ou=services,dc=example,dc=com
bind_password = ⟦ldap-bind-password|secret|password(15)⟧
"""

LEAKS["frontend/src/config.ts"] = """export const config = {
  mapsApiKey: '⟦google-api-key|secret|google_api()⟧',
  gitlabToken: '⟦gitlab-pat|secret|glpat()⟧',
  shopifyAdminToken: '⟦shopify-access-token|secret|shopify()⟧',
};
"""

LEAKS["scripts/deploy.sh"] = """#!/usr/bin/env bash
set -euo pipefail

curl -fsS -X POST https://deploy.example.com/api/v1/deploy \\
  -H "Authorization: Bearer ⟦bearer-token|secret|alnum(40)⟧" \\
  -d '{"service":"web"}'

sshpass -p '⟦sshpass-password|secret|password(12)⟧' ssh deploy@web01.example.com 'systemctl restart web'
"""

LEAKS["home/.config/gh/hosts.yml"] = """github.com:
    users:
        samcarter:
            oauth_token: ⟦github-oauth-token|secret|gho()⟧
    git_protocol: https
    oauth_token: ⟦github-oauth-token|secret|gho()⟧
    user: samcarter
"""

LEAKS["bots/telegram_bot.py"] = """import telebot

bot = telebot.TeleBot("⟦telegram-bot-token|secret|telegram()⟧")


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "hi")


bot.infinity_polling()
"""

LEAKS["chatops/config.yaml"] = """slack:
  bot_token: ⟦slack-bot-token|secret|slack_bot()⟧
  signing_secret: ⟦slack-signing-secret|secret|hexs(32)⟧
  channel: "#deploys"
"""

LEAKS["php/admin/login.php"] = """<?php
session_start();
$admin_user = 'admin';
$admin_pass = '⟦php-hardcoded-password|secret|"Adm1n2022"⟧';

if ($_POST['user'] === $admin_user && $_POST['pass'] === $admin_pass) {
    $_SESSION['admin'] = true;
    header('Location: /admin/');
}
"""

LEAKS["python/app/auth.py"] = """API_SECRET = "⟦generic-api-secret|secret|alnum(32)⟧"


def check(request):
    if request.headers.get("X-Api-Secret") == API_SECRET:
        return True
    if request.args.get("token") == "⟦hardcoded-compare-token|secret|"letmein2021"⟧":
        return True
    return False
"""

LEAKS["stripe-webhooks/handler.go"] = """package webhooks

import "github.com/stripe/stripe-go/v76/webhook"

const endpointSecret = "whsec_⟦stripe-webhook-secret|secret|alnum(32)⟧"
const restrictedKey = "⟦stripe-restricted-key|secret|stripe_restricted()⟧"

func Verify(payload []byte, header string) error {
	_, err := webhook.ConstructEvent(payload, header, endpointSecret)
	return err
}
"""
