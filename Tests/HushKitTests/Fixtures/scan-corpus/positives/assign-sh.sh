#!/bin/sh
# corpus: fake values
export MYSQL_ROOT_PASSWORD=toucan22
DB_PASS='falcon772*'
export PGPASSWORD="orchid50?"
mysql -u root -pI,@@:-fty shop < dump.sql
sshpass -p 'marbella7590*' ssh deploy@web1
