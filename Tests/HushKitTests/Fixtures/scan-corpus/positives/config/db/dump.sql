-- MySQL dump (corpus: fake values)
CREATE DATABASE shop;
CREATE USER 'shop'@'%' IDENTIFIED BY 'Walnut17#';
GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'%';
ALTER USER reporting WITH PASSWORD 'walnut477#';
