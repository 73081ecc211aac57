<?php
// corpus: fake values
define('DB_PASSWORD', 'Juniper695*');
$db_pass = 'Ferret0486#';
$config['smtp']['pass'] = "orchid50?";
$link = mysqli_connect('db', 'shop', 'M@!%:-tkr', 'shop');
    'password' => 'orchid3343',
