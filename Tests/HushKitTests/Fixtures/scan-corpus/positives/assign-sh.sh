#!/bin/sh
# corpus: fake values
export MYSQL_ROOT_PASSWORD=toucan22
DB_PASS='falcon772*'
export PGPASSWORD="orchid50?"
export MYSQL_ROOT_PASSWORD=I,@@:-fty
