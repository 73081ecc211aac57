<?php
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
define( 'DB_PASSWORD', 'A.UX8BIL7EZyJ29Z' );

/** Database hostname */
define( 'DB_HOST', 'localhost' );

define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         'T1+oT9zjG01J3mymbq<QE@$AD~*I>$&V>Fy;u~s0:6uTp8H~mJ0iI$Mzz&J{aGl*' );
define( 'SECURE_AUTH_KEY',  'YUtFJL{qvk(L[sReN5?iNB4ns=EZDdI7ws^lt+&YLXnnI_;x-%{<5rK>GZS;_62K' );
define( 'LOGGED_IN_KEY',    'ty%52BQ{f+isOfw!}o~/%HrSO=U9pAvfz6rbRxu9~?6#BI^>_>^/Q)tn?BT]u(o&' );
define( 'NONCE_KEY',        'Umr#<(l/hCR0vz}#p<{g>-}_j*.xg8!/>18N.V@%@IJCZ^<F+]|8qIIhR)hAfcu4' );
define( 'AUTH_SALT',        'z~Mgqdkg/zj@aV@!Vt7VtyiK$r1buO!g4,QRcM3yjoew._2NjQ]bug~x(tmMsWV3' );
define( 'SECURE_AUTH_SALT', '(;@g-v|~}O.I5FWhHdp-/!mCf<g@[9yq2w{F-y[dZZc@-!,M9n/Sf[>gK!oYtR*Q' );
define( 'LOGGED_IN_SALT',   '*N%=wUN~s84r}By}LAw7QX}F|ish4@3+PVA?&;_U;}264;BH?B$PR)eN{0y#_cjR' );
define( 'NONCE_SALT',       '4@5@Wn2rChY1U;5]%$LET&VK6C;rWV44sbH=hS?$6fNwtIWXgKbv=,T?E_W0Oyan' );

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
