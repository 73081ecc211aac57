<?php
define( 'DB_PASSWORD', '!Pbm6vErl.tVqe2k7' );
$pdo = new PDO($dsn, 'shop', 'password92');
$db_pass = 'Secret1';
