define('DB_PASSWORD', getenv('DB_PASSWORD'));
$password = $_POST['password'];
'password' => 'required|min:8|confirmed',
define('DB_PASSWORD', '');
$pass = $request->input('pass');
