<?php
$dsn = 'mysql:host=localhost;dbname=shop;charset=utf8mb4';
$pdo = new PDO($dsn, 'shop', 'secret123');

$legacy = mysqli_connect("localhost", "root", "P@ssw0rd", "shop_legacy");
