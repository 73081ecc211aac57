<?php
return [
    'db' => [
        'host' => getenv('DB_HOST') ?: 'localhost',
        'user' => getenv('DB_USER'),
        'password' => getenv('DB_PASSWORD'),
    ],
    'mail_password' => $_ENV['MAIL_PASSWORD'] ?? null,
    'app_key' => env('APP_KEY'),
];
