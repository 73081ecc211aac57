const password = process.env.DB_PASSWORD;
password: String,
if (password === other) {
const passwordField = $('#pw');
this.password = password;
label: 'Password'
placeholder="Password"
password: '********',
bypass = 'yes-always'
