<?php
session_start();
$admin_user = 'admin';
$admin_pass = 'Adm1n2022';

if ($_POST['user'] === $admin_user && $_POST['pass'] === $admin_pass) {
    $_SESSION['admin'] = true;
    header('Location: /admin/');
}
